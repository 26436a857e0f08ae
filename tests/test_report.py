"""The gap analysis report for Kyrgyzstan states each requirement's status and evidence articles exactly
as `lawgap score` does; DOCX, HTML and PDF outputs open and carry the expected sections."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace

import docx
import pytest
from lxml import html as lhtml

from lawgap.cli import main as lawgap
from lawgap.publish.report import H, comparison_rows, to_html, write_comparison, write_report
from tests.conftest import corpus_file
from tests.test_draft import KG, kg


def _score_json(capsys) -> dict:
    files = [str(corpus_file(rel)) for rel in KG]
    assert lawgap(["score", *files, "--country", "KG", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _expected(score: dict) -> dict[str, tuple[str, str]]:
    out = {}
    for r in score["rules"]:
        refs: list[str] = []
        for ev in r["evidence"]:
            ref = f"{ev['law']} {ev['num'] or ev['eid']}"
            if ref not in refs:
                refs.append(ref)
        out[r["id"]] = (r["status"], "; ".join(refs))
    return out


def test_html_report_states_status_and_evidence_as_lawgap_score(capsys):
    laws, cs, drafts = kg()
    expected = _expected(_score_json(capsys))
    page = lhtml.fromstring(to_html("KG", laws, cs, drafts))
    h2 = [h.text_content() for h in page.iter("h2")]
    assert h2 == [H["summary"], H["coverage"], H["findings"], H["requirements"], H["annex"], H["laws"]]
    table = page.xpath(f"//h2[.='{H['requirements']}']/following-sibling::table[1]")[0]
    got = {}
    for tr in table.xpath(".//tr")[1:]:
        cells = [td.text_content() for td in tr.xpath("./td")]
        got[cells[0]] = (cells[2], cells[3])
    assert got == expected
    # the laws analysed, with their sha256
    for law in laws:
        assert law.sha256 in page.text_content()


def test_docx_report_and_pdf(tmp_path, capsys):
    laws, cs, drafts = kg()
    expected = _expected(_score_json(capsys))
    path = write_report(tmp_path / "report_KG.docx", "KG", laws, cs, drafts)
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for h in (H["summary"], H["coverage"], H["findings"], H["requirements"], H["annex"], H["laws"]):
        assert h in headings
    req = next(t for t in doc.tables if t.rows[0].cells[0].text == "requirement")
    got = {r.cells[0].text: (r.cells[2].text, r.cells[3].text) for r in req.rows[1:]}
    assert got == expected
    assert len(doc.inline_shapes) == 1  # the coverage chart
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF")
    pdf = write_report(tmp_path / "report_KG.pdf", "KG", laws, cs, drafts)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "40", "-f", "1", "-l", "2", "-png", str(pdf), str(tmp_path / "p")], check=True
        )
        assert len(list(tmp_path.glob("p-*.png"))) == 2


def test_every_gap_and_partial_has_evidence_and_a_recommendation():
    laws, cs, drafts = kg()
    page = lhtml.fromstring(to_html("KG", laws, cs, drafts))
    h3 = [h.text_content() for h in page.iter("h3")]
    open_ = [f for f in cs.findings if f.status in ("gap", "partial")]  # not assessed: nothing to recommend yet
    for f in open_:
        assert any(f"({f.rule.id})" in h for h in h3), f.rule.id
    assert page.text_content().count("Recommendation:") == len(open_)


def test_comparison_report(tmp_path):
    laws, cs, _ = kg()
    other = replace(cs, country="XX", findings=tuple(replace(f, status="gap") for f in cs.findings))
    rows = comparison_rows([cs, other])
    assert rows[0] == ["requirement", "KG", "XX"]
    assert all(r[2] == "gap" for r in rows[1:])
    path = write_comparison(tmp_path / "cmp.docx", [cs, other])
    assert "Comparison across countries" in docx.Document(str(path)).paragraphs[0].text
    assert "<td>XX</td>" in write_comparison(tmp_path / "cmp.html", [cs, other]).read_text(encoding="utf-8")
