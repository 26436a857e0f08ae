"""The aide-memoire lists only rights the Kyrgyz law gives (met findings or reviewer-confirmed),
each with its article, on an A6 page, in Russian and English."""

from __future__ import annotations

import re
from dataclasses import replace

import docx
import pytest
from docx.shared import Mm

from lawgap.assess.findings import law_id
from lawgap.publish.aide_memoire import RIGHTS, SECTIONS, docx_document, rights, to_html, write_aide_memoire
from tests.test_draft import kg

SUBJECT_NOT_THE_VICTIM = re.compile(
    r"(?i)подозреваем|обвиняем|задержанн|иностранн\w* государств|видеосвяз\w* по запрос"
)


@pytest.mark.parametrize("lang", ["ru", "en", "ky"])
def test_only_rights_the_person_holds_each_with_its_provision(lang):
    laws, cs, _ = kg()
    rs = rights(cs, laws, lang)
    status = {f.rule.id: f for f in cs.findings}
    assert rs, "the Kyrgyz CPC gives victims rights (interpreter, safety measures)"
    for r in rs:
        f = status[r.rule_id]
        assert f.status == "met" or (f.status == "partial" and r.limit), r.rule_id
        assert "УПК КР" in r.article or "УК КР" in r.article or "CPC" in r.article or "CC" in r.article
    gaps = {f.rule.id for f in cs.findings if f.status == "gap"}
    assert not gaps & {r.rule_id for r in rs}


def test_no_right_cites_a_provision_about_the_suspect_the_accused_or_a_foreign_authority():
    # KG CPC art 102 (notifying the consulate of a detained suspect), art 520 (video link at a foreign request)
    # and art 54 (the child-protection officer, from the detention of a suspect child) give the victim nothing
    laws, cs, _ = kg()
    by_id = {law_id(x): x for x in laws}
    for r in rights(cs, laws, "ru"):
        law = by_id[r.law]
        art = next(a for a in (*law.ancestors(r.eid), law.by_eid[r.eid]) if law.is_article_level(a))
        heading = art.heading or ""
        # an article about the suspect or a foreign authority, unless it names the victim or the witness too
        assert not SUBJECT_NOT_THE_VICTIM.search(heading) or re.search("потерпевш|свидетел", heading), r.rule_id
        assert art.num not in ("102", "520", "54"), r.rule_id
        assert "раскро" not in r.text or "в пределах" in r.text  # no absolute promise of secrecy


def test_the_kg_non_punishment_note_is_on_the_leaflet_with_its_limit():
    laws, cs, _ = kg()
    r = next(r for r in rights(cs, laws, "ru") if r.rule_id == "non_punishment_victims")
    assert r.article == "примечание к ст. 166 УК КР" and "небольшой тяжести" in r.limit


def test_contacts_are_blanks_and_two_sections():
    laws, cs, _ = kg()
    page = to_html("KG", cs, laws, "ky")
    assert "________" in page and page.count("<h2>") == 2


def test_reviewer_confirmed_partial_is_included_but_never_a_right_without_an_article():
    laws, cs, _ = kg()
    f = next(f for f in cs.findings if f.rule.id == "assistance_physical_safety")
    partial = replace(f, status="partial", elements=tuple(replace(e, found=False) for e in f.elements))
    cs = replace(cs, findings=tuple(partial if x.rule.id == f.rule.id else x for x in cs.findings))
    assert partial.rule.id not in {r.rule_id for r in rights(cs, laws, "en")}
    assert partial.rule.id in {r.rule_id for r in rights(cs, laws, "en", confirmed=[partial.rule.id])}
    gap = next(f for f in cs.findings if f.status == "gap" and f.rule.id in RIGHTS)
    assert gap.rule.id not in {r.rule_id for r in rights(cs, laws, "en", confirmed=[gap.rule.id])}


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a6_docx_and_html(tmp_path, lang):
    laws, cs, _ = kg()
    path = write_aide_memoire(tmp_path / f"am_{lang}.docx", "KG", cs, laws, lang)
    doc = docx.Document(str(path))
    sec = doc.sections[0]
    assert (round(sec.page_width / Mm(1)), round(sec.page_height / Mm(1))) == (105, 148)
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 2"] == [SECTIONS[k][lang] for k in SECTIONS]
    assert len(bullets) == len(rights(cs, laws, lang))
    assert doc.paragraphs[0].text.startswith("Ваши права" if lang == "ru" else "Your rights")
    page = to_html("KG", cs, laws, lang)
    assert "size:A6" in page and page.count("<li>") == len(bullets)
    assert docx_document("KG", cs, laws, lang) is not None


def test_a6_pdf_through_libreoffice(tmp_path):
    import re
    import shutil
    import subprocess

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF")
    laws, cs, _ = kg()
    pdf = write_aide_memoire(tmp_path / "am_ru.pdf", "KG", cs, laws, "ru")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert (round(w / 72 * 25.4), round(h / 72 * 25.4)) == (105, 148)


def test_cli_applies_the_reviewer_s_decision(tmp_path, monkeypatch, capsys):
    import argparse

    from lawgap.cli import add_draft_commands
    from lawgap.store import ReviewStore
    from tests.conftest import corpus_file
    from tests.test_draft import KG

    laws, cs, _ = kg()
    # a partial right lacking an element (not merely limited) is printed only once a reviewer confirms it
    partial = next(f for f in cs.findings if f.rule.id == "participation_ngo_support")
    monkeypatch.setenv("LAWGAP_REVIEW_DB", str(tmp_path / "review.sqlite"))
    ap = argparse.ArgumentParser()
    add_draft_commands(ap.add_subparsers(dest="command"))
    argv = ["aide-memoire", *[str(corpus_file(r)) for r in KG], "--country", "KG", "--lang", "en"]
    args = ap.parse_args(argv)
    args.func(args)
    text = RIGHTS[partial.rule.id][1]
    assert text not in capsys.readouterr().out
    ReviewStore().override_status("KG", partial.rule.id, "met", "Reviewer", "the article gives the right in full")
    args.func(args)
    assert text in capsys.readouterr().out


def _leaflet(country: str, files: tuple[str, ...]) -> dict[str, str]:
    from lawgap.workspace import assess
    from tests.conftest import corpus_law

    ws = assess(country, [corpus_law(f) for f in files])
    return {r.rule_id: r.article for r in rights(ws.score, ws.laws, "ru")}


def test_each_right_cites_the_provision_that_says_it_in_the_reader_s_own_article():
    # read line by line against the KG CPC: the victim's own list of rights (art 40) before a witness's or a
    # protocol's; the very item, not its neighbour or the whole article
    cites = _leaflet("KG", ("kg/criminal_code_2021_ru.docx", "kg/criminal_procedure_code_2021_ru.docx"))
    assert cites["participation_interpreter"] == "п. 5 ч. 4 ст. 40 УПК КР"  # "пользоваться услугами переводчика"
    assert cites["witness_protection_video_link"] == "ч. 3 ст. 327 УПК КР"  # "Допрос потерпевшего ... видеосвязи"
    # "возмещение ... вреда потерпевшему производится за счет специализированного фонда"
    assert cites["compensation_state_fund"] == "ч. 10 ст. 40 УПК КР"


def test_a_right_from_a_law_other_than_a_code_names_that_law():
    kz = (
        "kz/criminal_procedure_code_2014_ru.md",
        "kz/special_social_services_law_2008_ru.md",
        "kz/victim_compensation_fund_law_2018_ru.md",
    )
    cites = _leaflet("KZ", kz)
    assert cites["compensation_possibility"] == "п. 1 ст. 8 Закона «О Фонде компенсации потерпевшим»"
    assert all("УПК РК" in c or "Закона «" in c for c in cites.values()), cites
    # a lawyer's request for an expert opinion (KZ CPC 272-1, 122(3)) is no support organisation at one's side
    assert "participation_ngo_support" not in cites
