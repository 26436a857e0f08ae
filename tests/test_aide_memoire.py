"""The aide-memoire lists only rights the Kyrgyz law gives (met findings or reviewer-confirmed),
each with its article, on an A6 page, in Russian and English."""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest
from docx.shared import Mm

from lawgap.publish.aide_memoire import RIGHTS, docx_document, rights, to_html, write_aide_memoire
from tests.test_draft import kg


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_only_met_findings_each_with_its_article(lang):
    laws, cs, _ = kg()
    rs = rights(cs, laws, lang)
    status = {f.rule.id: f for f in cs.findings}
    assert rs, "the Kyrgyz CPC gives victims rights (interpreter, safety measures)"
    for r in rs:
        f = status[r.rule_id]
        assert f.status == "met"
        ev = f.evidence[0]
        assert r.article.endswith(f"{'ст.' if lang == 'ru' else 'art.'} {ev.num}")
        assert r.text == RIGHTS[r.rule_id][0 if lang == "ru" else 1]
    gaps = {f.rule.id for f in cs.findings if f.status == "gap"}
    assert not gaps & {r.rule_id for r in rs}


def test_reviewer_confirmed_partial_is_included_but_never_a_right_without_an_article():
    laws, cs, _ = kg()
    partial = next((f for f in cs.findings if f.status == "partial" and f.rule.id in RIGHTS and f.evidence), None)
    if partial is None:  # make one: the real finding of the non-punishment rule, marked partial
        f = next(f for f in cs.findings if f.rule.id == "non_punishment_victims")
        partial = replace(f, status="partial")
        cs = replace(cs, findings=tuple(partial if x.rule.id == f.rule.id else x for x in cs.findings))
    assert partial.rule.id not in {r.rule_id for r in rights(cs, laws, "en")}
    confirmed = rights(cs, laws, "en", confirmed=[partial.rule.id])
    assert partial.rule.id in {r.rule_id for r in confirmed}
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
    partial = next((f for f in cs.findings if f.status == "partial" and f.rule.id in RIGHTS and f.evidence), None)
    if partial is None:
        pytest.skip("the scorer finds no partial right in the Kyrgyz codes to confirm")
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
