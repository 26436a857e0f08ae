"""The trees of the invented fixture laws as a lawyer reads them (tests/fixtures/laws/expected.toml).

Table-driven over expected.toml: for each fixture its language, country, kind and title; the articles
in order; the containers above them; lines that belong to no provision; each article's provisions
(eid, kind, number, whether the number is printed, whether a part is qualified, how its text starts,
the sanction that closes it); and the cross-references, explicit or implicit ("Те же деяния" points at
part one). The findings of that file are the assessment's, tested with the scorer.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from lawgap.model import Law
from lawgap.parsers import load_law
from lawgap.refs.implicit import basic_part
from lawgap.refs.resolve import references
from lawgap.structure.civil_lines import normalize_line

LAWS = Path(__file__).parent / "fixtures" / "laws"
EXPECTED = tomllib.loads((LAWS / "expected.toml").read_text(encoding="utf-8"))


@cache
def law(name: str) -> Law:
    return load_law(LAWS / name)


def _own(law: Law, eid: str) -> str:
    return law.by_eid[eid].text


ARTICLES = [(name, art) for name, spec in EXPECTED.items() for art in spec.get("article", [])]
REFS = [(name, ref) for name, spec in EXPECTED.items() for ref in spec.get("refs", [])]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_what_the_law_is(name):
    spec, parsed = EXPECTED[name], law(name)
    assert parsed.language == spec["language"]
    assert (parsed.country or "") == spec["country"]
    assert parsed.kind == spec["kind"]
    assert parsed.title == spec["title"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_articles_in_order_and_containers(name):
    spec, parsed = EXPECTED[name], law(name)
    assert [p.num for p in parsed.articles()] == spec["articles"]
    containers = [
        {"eid": p.eid, "kind": p.kind, "num": p.num, "heading": p.heading}
        for p in parsed.provisions
        if p.kind in ("book", "part", "section", "chapter") and not parsed.is_article_level(p)
    ]
    assert containers == spec["containers"]


@pytest.mark.parametrize("name", [n for n in sorted(EXPECTED) if EXPECTED[n].get("not_provisions")])
def test_lines_that_belong_to_no_provision(name):
    # "(извлечение)", the title's second line, a signature, a gazette's running head
    parsed = law(name)
    for line in EXPECTED[name]["not_provisions"]:
        inside = [p.eid for p in parsed.provisions if line in p.text or line == (p.heading or "")]
        assert inside == [], f"{line!r} is in {inside}"


@pytest.mark.parametrize(("name", "article"), ARTICLES, ids=[f"{n}:{a['eid']}" for n, a in ARTICLES])
def test_article_provisions(name, article):
    parsed = law(name)
    assert parsed.by_eid[article["eid"]].heading == article["heading"]
    got = [p for p in parsed.subtree(article["eid"])[1:]]
    assert [p.eid for p in got] == [p["eid"] for p in article["provisions"]]
    for p, want in zip(got, article["provisions"], strict=True):
        assert p.kind == want["kind"], p.eid
        assert (p.num or "") == want["num"], p.eid
        assert (p.printed and p.num is not None) == want["printed"], p.eid
        if "qualified" in want:
            assert p.qualified == want["qualified"], p.eid
        assert p.text.startswith(want["starts"]), (p.eid, p.text[:80])
        if "sanction" in want:
            # the sanction closes the part: it is in the part's own words, never in its last item's
            assert want["sanction"] in p.text, p.eid
            assert all(want["sanction"] not in c.text for c in parsed.subtree(p.eid)[1:]), p.eid


@pytest.mark.parametrize(("name", "ref"), REFS, ids=[f"{n}:{r['in']}:{r['text'][:30]}" for n, r in REFS])
def test_references(name, ref):
    parsed = law(name)
    printed = normalize_line(ref["text"])  # "статьей 130¹" is read as 130-1
    # the words as printed may start with a preposition the reference leaves out ("в статьях 135 и 135-1")
    found = [r for r in references([parsed]) if r.eid == ref["in"] and printed.endswith(r.text)]
    assert found, f"no reference {ref['text']!r} in {ref['in']}"
    found = [r for r in found if len(r.text) == max(len(f.text) for f in found)]
    if ref["to"]:
        assert [r.resolved for r in found] == [tuple(ref["to"])]
    else:  # outside the supplied law (another code, the section a quoted amendment inserts)
        assert all(r.resolved is None for r in found)
    if ref.get("implicit"):
        assert found[0].reason and found[0].reason.startswith("implicit")
        assert basic_part(parsed, ref["in"]) == ref["to"][0]


def test_marginal_notes_are_headings_never_text():
    name = "pk_style_gazette.pdf"
    parsed = law(name)
    for note in EXPECTED[name]["marginal_notes"]:
        assert parsed.by_eid[note["eid"]].heading == note["note"].rstrip(".")
        words = note["note"].rstrip(".")
        assert [p.eid for p in parsed.provisions if words in p.text] == []


def test_a_quoted_section_stays_in_the_amending_section():
    name = "pk_style_gazette.pdf"
    parsed = law(name)
    for quoted in EXPECTED[name]["quoted"]:
        amending = parsed.by_eid[quoted["in"]]
        assert quoted["starts"] in amending.text
        assert quoted["heading"] in amending.text  # the inserted section's own heading is enacted too
        assert all(p.num != quoted["num"] for p in parsed.provisions)
    assert not any("_dup" in p.eid for p in parsed.provisions)


def test_a_laws_preamble_and_last_article():
    name = "kz_style_law_ru.docx"
    spec, parsed = EXPECTED[name], law(name)
    assert parsed.articles()[-1].num == spec["last_article"]
    assert parsed.articles()[-1].parent == spec["final_chapter"]
    holders = [p for p in parsed.provisions if spec["preamble"] in p.text]
    assert [(p.parent, p.num) for p in holders] == [(None, None)]  # the law's, not an article's


@pytest.mark.parametrize(("ru", "ky"), [("kg_style_cc_ru.txt", "kg_style_cc_ky.txt")])
def test_russian_and_kyrgyz_versions_align(ru, ky):
    a, b = law(ru), law(ky)
    assert [p.eid for p in a.provisions] == [p.eid for p in b.provisions]
    assert [p.eid for p in a.provisions if p.qualified] == [p.eid for p in b.provisions if p.qualified]
