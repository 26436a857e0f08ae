"""The catalogue of national laws: complete per country, honest about its sources, strict on input.

A lawyer relies on the titles, numbers and dates it gives; where the shared corpus holds the law,
the file itself is the check (the KG codes print "от 28 октября 2021 года № 127" under their title).
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from lawgap.catalogue import (
    CatalogueError,
    default_path,
    entries_for,
    instructions,
    load_catalogue,
    missing_for,
)
from lawgap.errors import InputError
from lawgap.parsers.detect import detect_kind
from lawgap.vocab import LAW_KINDS as KINDS
from lawgap.vocab import PROJECT_COUNTRIES as COUNTRY_CODES
from lawgap.vocab import REQUIRED_KINDS
from tests.conftest import corpus_file

CATALOGUE = load_catalogue()
# Genitive month names as Russian-language headings print them ("от 28 октября 2021 года").
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня")
RU_MONTHS += ("июля", "августа", "сентября", "октября", "ноября", "декабря")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def corpus_lines(rel: str) -> tuple[str, ...]:
    """A corpus file's paragraphs (docx read straight from its XML, not through the parsers under test)."""
    path = corpus_file(rel)
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        return tuple("".join(p.itertext()) for p in root.iter(f"{W}p"))
    return tuple(path.read_text(encoding="utf-8").splitlines())


def corpus_text(rel: str) -> str:
    """The whole file, normalised for comparison."""
    return norm("\n".join(corpus_lines(rel)))


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip().casefold()


def ru_date(d: date) -> str:
    return f"{d.day} {RU_MONTHS[d.month - 1]} {d.year}"


def _label(e) -> str:
    return f"{e.country}-{e.kind}-{CATALOGUE.entries.index(e)}"


IN_CORPUS = [e for e in CATALOGUE.entries if e.in_corpus]
CORPUS_SOURCES = [
    (e, src.split(":", 1)[1].split(":", 1)[0], src)
    for e in CATALOGUE.entries
    for src in e.source_of_facts
    if src.startswith("corpus:")
]


# --- the real catalogue ------------------------------------------------------------------------


def test_the_catalogue_is_found_and_loads():
    assert default_path().name == "catalogue.toml"
    assert CATALOGUE.codes == COUNTRY_CODES
    assert len(CATALOGUE.entries) >= 5 * len(REQUIRED_KINDS)


@pytest.mark.parametrize("country", COUNTRY_CODES)
def test_every_country_lists_the_five_required_kinds(country):
    kinds = [e.kind for e in CATALOGUE.entries_for(country)]
    assert set(REQUIRED_KINDS) <= set(kinds)
    # One law per required kind: a second one would make "which file is missing" ambiguous.
    assert all(kinds.count(k) == 1 for k in REQUIRED_KINDS)
    assert set(kinds) <= set(KINDS)


@pytest.mark.parametrize("entry", CATALOGUE.entries, ids=_label)
def test_facts_have_sources_and_gaps_are_flagged(entry):
    if entry.number or entry.date:
        assert entry.source_of_facts, "a number or date without the source it was checked in"
    if entry.number is None or entry.date is None or entry.title_ru is None:
        assert entry.verify and entry.verify_note, "an incomplete entry must say what to check"
    if entry.verify:
        assert len(entry.verify_note) > 20


@pytest.mark.parametrize("entry", [e for e in CATALOGUE.entries if e.title_ru], ids=_label)
def test_official_titles_are_recognised_as_their_kind(entry):
    # A user's file is matched to the catalogue by the kind read from its title.
    assert detect_kind(entry.title_ru) == entry.kind


def test_known_facts_of_the_kyrgyz_and_kazakh_laws():
    kg = {e.kind: e for e in CATALOGUE.entries_for("KG")}
    assert (kg["criminal_code"].number, kg["criminal_code"].date) == ("127", date(2021, 10, 28))
    assert (kg["criminal_procedure_code"].number, kg["criminal_procedure_code"].date) == ("129", date(2021, 10, 28))
    kz = {e.kind: e for e in CATALOGUE.entries_for("KZ")}
    # The dedicated Kazakh anti-trafficking law (adilet.zan.kz, Z2400000110).
    assert kz["anti_trafficking"].title_ru == "О противодействии торговле людьми"
    assert (kz["anti_trafficking"].number, kz["anti_trafficking"].date) == ("110-VIII", date(2024, 7, 5))


# --- agreement with the corpus files -----------------------------------------------------------


IN_CORPUS_FILES = [(e, rel) for e in IN_CORPUS for rel in e.in_corpus]


@pytest.mark.corpus
@pytest.mark.parametrize(("entry", "rel"), IN_CORPUS_FILES, ids=[r for _, r in IN_CORPUS_FILES])
def test_in_corpus_files_exist_and_belong_to_their_country(entry, rel):
    assert rel.startswith(entry.country.lower() + "/")
    assert len(corpus_text(rel)) > 10_000


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("entry", "rel", "source"), CORPUS_SOURCES, ids=[f"{e.country}-{r}" for e, r, _ in CORPUS_SOURCES]
)
def test_corpus_sources_say_what_the_file_prints(entry, rel, source):
    assert rel in entry.in_corpus
    text = corpus_text(rel)
    quoted = re.findall(r"'([^']+)'", source)
    for q in quoted:
        assert norm(q) in text, f"{rel} does not print {q!r}"
    if "heading" in source:
        title = entry.title_local if rel.endswith("_ky.docx") else entry.title_ru
        assert norm(title) in text, f"{rel} does not print the title {title!r}"
    if "not print" in source:
        # The claim that the file is silent on the law's own number and date is itself checked.
        if entry.number:
            assert f"№ {entry.number}".casefold() not in text
        if entry.date:
            assert ru_date(entry.date) not in text
        return
    # A corpus source that vouches for the number and date quotes the heading that prints them.
    heading = " ".join(quoted)
    assert entry.number and f"№ {entry.number}" in heading
    if rel.endswith("_ru.docx"):
        assert f"от {ru_date(entry.date)} года № {entry.number}" in heading
    else:  # Kyrgyz: "2021-жылдын 28-октябры № 127"
        assert f"{entry.date.year}-жылдын {entry.date.day}-" in heading


@pytest.mark.corpus
def test_missing_laws_follow_from_the_titles_of_the_files_present():
    # A user who has dropped the two Kyrgyz codes still lacks the three special laws.
    found = set()
    for rel in ("kg/criminal_code_2021_ru.docx", "kg/criminal_procedure_code_2021_ru.docx"):
        title = next(line for line in corpus_lines(rel) if "КОДЕКС" in line)
        found.add(detect_kind(title))
    assert found == {"criminal_code", "criminal_procedure_code"}
    missing = CATALOGUE.missing_for("KG", found)
    assert [e.kind for e in missing] == ["anti_trafficking", "witness_protection", "migration"]
    assert missing[0].title_ru == "О предупреждении и борьбе с торговлей людьми"


# --- lookups -----------------------------------------------------------------------------------


def test_missing_for_counts_only_required_kinds():
    assert CATALOGUE.missing_for("KZ", REQUIRED_KINDS) == ()
    # Files whose kind could not be told (None) cover nothing; victim-support laws are optional.
    assert [e.kind for e in CATALOGUE.missing_for("TJ", [None, "victim_support"])] == list(REQUIRED_KINDS)
    assert [e.kind for e in missing_for("UZ", ["migration"], CATALOGUE)] == list(REQUIRED_KINDS[:4])
    # A law from a country outside Central Asia (the corpus has Pakistani acts) lacks nothing here.
    assert CATALOGUE.missing_for("PK", []) == ()
    with pytest.raises(ValueError, match="unknown country code 'KR'"):
        CATALOGUE.country("KR")


def test_entries_for_keeps_catalogue_order():
    kz = entries_for("KZ", CATALOGUE)
    assert [e.kind for e in kz][:5] == list(REQUIRED_KINDS)
    assert [e.kind for e in kz][5:] == ["victim_support", "victim_support"]


# --- the instructions printed when no law is present -------------------------------------------


def test_instructions_say_what_to_put_where(tmp_path):
    (tmp_path / "KG").mkdir()
    text = instructions(tmp_path, CATALOGUE)
    for ext in (".docx", ".pdf", ".html", ".txt", ".md", ".xml"):
        assert ext in text
    assert "Akoma Ntoso" in text
    for country in CATALOGUE.countries:
        assert f"{country.name_en} ({country.code}): put the files in {tmp_path / country.code}" in text
        assert country.portal.url in text
    assert f"{tmp_path / 'KG'}  (create this folder)" not in text
    assert f"{tmp_path / 'KZ'}  (create this folder)" in text
    for entry in CATALOGUE.entries:
        assert entry.title in text
        if entry.verify:
            assert entry.verify_note in text
    assert "Уголовный кодекс Кыргызской Республики, No. 127 of 28 October 2021" in text
    assert f"Save as, for example: {tmp_path / 'KG' / 'criminal_code_ru.docx'}" in text
    assert "Traceback" not in text and text.endswith("\n")


# --- validation: one clear error naming the file, the entry and the field ----------------------

COUNTRY = """
[countries.KG]
name_en = "Kyrgyzstan"
name_ru = "Кыргызская Республика"
portal = { name = "Ministry of Justice", url = "https://cbd.minjust.gov.kg" }
"""
ENTRY = """
[[laws]]
country = "KG"
kind = "criminal_code"
title_ru = "Уголовный кодекс Кыргызской Республики"
title_en = "Criminal Code of the Kyrgyz Republic"
number = "127"
date = 2021-10-28
source_of_facts = ["corpus:kg/criminal_code_2021_ru.docx"]
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "catalogue.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_minimal_catalogue_loads(tmp_path):
    cat = load_catalogue(write(tmp_path, "schema = 1\n" + COUNTRY + ENTRY))
    (entry,) = cat.entries
    assert (entry.number, entry.date, entry.portal.url) == ("127", date(2021, 10, 28), "https://cbd.minjust.gov.kg")


BAD = [
    # (what the user wrote, replacing which line, expected entry label, expected field)
    ('titel_ru = "Уголовный кодекс"', None, "laws[0] (KG criminal_code)", "titel_ru"),
    ('country = "KR"', 'country = "KG"', "laws[0] (KR criminal_code)", "country"),
    ('kind = "penal_code"', 'kind = "criminal_code"', "laws[0] (KG penal_code)", "kind"),
    ('date = "28.10.2021"', "date = 2021-10-28", "laws[0] (KG criminal_code)", "date"),
    ('date = "2021-02-30"', "date = 2021-10-28", "laws[0] (KG criminal_code)", "date"),
    ("date = 2021-10-28T10:00:00", "date = 2021-10-28", "laws[0] (KG criminal_code)", "date"),
    ("number = 127", 'number = "127"', "laws[0] (KG criminal_code)", "number"),
    (
        "source_of_facts = []",
        'source_of_facts = ["corpus:kg/criminal_code_2021_ru.docx"]',
        "laws[0] (KG criminal_code)",
        "source_of_facts",
    ),
    ("verify = true", None, "laws[0] (KG criminal_code)", "verify_note"),
    ('verify = "yes"', None, "laws[0] (KG criminal_code)", "verify"),
    ('title_ru = ""', 'title_ru = "Уголовный кодекс Кыргызской Республики"', "laws[0] (KG criminal_code)", "title_ru"),
    ("", 'title_ru = "Уголовный кодекс Кыргызской Республики"', "laws[0] (KG criminal_code)", "title_ru"),
    ('in_corpus = ["/etc/passwd"]', None, "laws[0] (KG criminal_code)", "in_corpus"),
    ('in_corpus = ["../corpus/kg/x.docx"]', None, "laws[0] (KG criminal_code)", "in_corpus"),
    ('expected_file = "national_laws/KZ/criminal_code.docx"', None, "laws[0] (KG criminal_code)", "expected_file"),
    ('expected_file = "national_laws/KG/criminal_code.rtf"', None, "laws[0] (KG criminal_code)", "expected_file"),
    ('url = "cbd.minjust.gov.kg/act/1"', None, "laws[0] (KG criminal_code)", "url"),
    ('portal = { name = "x" }', None, "laws[0] (KG criminal_code), portal", "url"),
    ('portl = { name = "x", url = "https://x" }', "[countries.KG]", "[countries.KG]", "portl"),
    ("[countries.KR]", "[countries.KG]", "[countries.KR]", "code"),
    ("sheme = 1", "schema = 1", "top level", "sheme"),
    (ENTRY, None, "laws[1] (KG criminal_code)", "kind"),
]


@pytest.mark.parametrize(("line", "replaces", "where", "field"), BAD)
def test_bad_catalogues_name_file_entry_and_field(tmp_path, line, replaces, where, field):
    body = "schema = 1\n" + COUNTRY + ENTRY
    if replaces is None:
        body += line + "\n"
    elif replaces == "[countries.KG]" and not line.startswith("["):
        body = body.replace(replaces, replaces + "\n" + line)
    else:
        assert replaces in body
        body = body.replace(replaces, line)
    path = write(tmp_path, body)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(path)
    message = str(err.value)
    assert message.startswith(f"{path}: {where}, field '{field}': ")
    assert "\n" not in message
    assert (err.value.where, err.value.field) == (where, field)


def test_unreadable_catalogues_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="catalogue of national laws not found"):
        load_catalogue(tmp_path / "none.toml")
    path = write(tmp_path, "schema = 1\n[[laws]\n")
    with pytest.raises(InputError, match=r"catalogue\.toml: not valid TOML: .*line 2"):
        load_catalogue(path)
    with pytest.raises(CatalogueError, match="top level, field 'laws': missing"):
        load_catalogue(write(tmp_path, "schema = 1\n" + COUNTRY))
