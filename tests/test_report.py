"""The legal assessment report for Kyrgyzstan: both languages carry the sections a ministry expects, its
statuses are the reviewed score's, only instruments the country is party to make obligations, A4 DOCX and PDF."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from functools import cache

import docx
import pytest
from lxml import html as lhtml

from lawgap.publish.report import comparison_rows, to_html, write_comparison, write_report
from lawgap.publish.report_content import T, build_report
from tests.test_draft import kg


@cache
def kg_report_inputs():
    from lawgap.drafting.offer import check_country
    from lawgap.workspace import assess

    laws, cs, _ = kg()
    ws = assess("KG", laws, score=cs)
    # the legal checks only: re-scoring every draft is tested in test_bill.py
    return ws, check_country("KG", ws.laws, ws.score, ws.computed, ("ru", "en"), rescore=False)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_report_sections_in_both_languages(lang):
    ws, checked = kg_report_inputs()
    report = build_report(ws, checked, lang)
    page = lhtml.fromstring(to_html(report))
    h2 = [h.text_content() for h in page.iter("h2")]
    t = T[lang]
    assert h2 == [t["summary"], t["method"], t["framework"], t["analysis"], t["recs"], t["matrix"], t["bill"]]
    text = page.text_content()
    # counts are of laws, not files: two codes, each in two languages, are two laws
    assert ("Проанализировано законов: 2;" if lang == "ru" else "Laws analysed: 2;") in text
    # provisions cited in the national style, never by file name
    assert ("ст. 166 УК КР" if lang == "ru" else "Art. 166") in text
    assert "criminal_code_2021_ru" not in text.split(t["method"])[0] + text.split(t["framework"])[1]


def test_kg_report_statuses_equal_the_reviewed_score():
    ws, checked = kg_report_inputs()
    report = build_report(ws, checked, "en")
    assert report.statuses == {f.rule.id: f.status for f in ws.score.findings}
    matrix = next(s for s in report.sections if s.heading == T["en"]["matrix"]).blocks[0]
    assert {r[0]: r[1].replace(" ", "_") for r in matrix.rows} == report.statuses


def test_mandatory_only_from_an_instrument_the_country_is_party_to():
    from lawgap.drafting.levels import is_party
    from lawgap.rules.citations import parse

    ws, checked = kg_report_inputs()
    report = build_report(ws, checked, "en")
    assert any(b.level == "mandatory" for b in report.levels.values())
    for rule, b in report.levels.items():
        if b.level == "mandatory":
            assert b.binding and all(is_party("KG", parse(c).code) for c in b.binding), rule
    # the Council of Europe Convention binds none of the five: a rule resting on it alone is good practice
    coe_only = next(f for f in ws.score.findings if all(c.startswith("COE") for c in f.rule.sources))
    assert report.levels[coe_only.rule.id].level == "good_practice"


def test_docx_report_is_a4_and_pdf(tmp_path):
    ws, checked = kg_report_inputs()
    report = build_report(ws, checked, "ru")
    path = write_report(tmp_path / "report_KG.docx", report)
    doc = docx.Document(str(path))
    s = doc.sections[0]
    assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert T["ru"]["summary"] in headings and T["ru"]["bill"] in headings
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF")
    pdf = write_report(tmp_path / "report_KG.pdf", report)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "40", "-f", "1", "-l", "2", "-png", str(pdf), str(tmp_path / "p")], check=True
        )
        assert len(list(tmp_path.glob("p-*.png"))) == 2


def test_comparison_report(tmp_path):
    laws, cs, _ = kg()
    other = replace(cs, country="XX", findings=tuple(replace(f, status="gap") for f in cs.findings))
    rows = comparison_rows([cs, other])
    assert rows[0] == ["requirement", "KG", "XX"]
    assert all(r[2] == "gap" for r in rows[1:])
    path = write_comparison(tmp_path / "cmp.docx", [cs, other])
    assert "Comparison across countries" in docx.Document(str(path)).paragraphs[0].text
    assert "<td>XX</td>" in write_comparison(tmp_path / "cmp.html", [cs, other]).read_text(encoding="utf-8")
