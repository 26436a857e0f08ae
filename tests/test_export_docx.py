"""Exports of the Kyrgyz drafts: Word (python-docx and LibreOffice), Akoma Ntoso amendment, Markdown,
the coverage matrix, and atomic writing that leaves nothing behind on failure."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from lawgap.publish.akn import validate
from lawgap.publish.amendment_akn import to_amendment_akn
from lawgap.publish.atomic import ExportError, write_atomic
from lawgap.publish.docx import write_docx
from lawgap.publish.markdown import to_markdown_doc
from lawgap.publish.matrix import matrix_rows, to_xlsx, write_matrix
from tests.test_draft import kg

SOFFICE = shutil.which("soffice")


def _convert(src: Path, fmt: str, out: Path) -> Path:
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{out}/profile", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(out), str(src)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{src.stem}.{fmt.split(':')[0]}"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_docx_opens_and_has_the_expected_headings(tmp_path, lang):
    _, _, drafts = kg()
    mine = [d for d in drafts if d.lang == lang]
    path = write_docx(mine, tmp_path / f"drafts_{lang}.docx")
    doc = docx.Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Проекты изменений" if lang == "ru" else "Draft amendments")
    for i, d in enumerate(mine, 1):
        assert f"{i}. {d.rule_title} — {d.target}" in headings
    # the cover table: one row per draft with requirement, citation, target, status
    table = doc.tables[0]
    assert len(table.rows) == len(mine) + 1
    assert table.rows[1].cells[1].text == ", ".join(mine[0].sources)
    # redlines are real tracked insertions: one w:ins per draft at least
    body = doc.element.body.xml
    assert body.count("<w:ins ") >= len(mine)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_docx_converts_to_pdf_with_libreoffice(tmp_path):
    _, _, drafts = kg()
    path = write_docx([d for d in drafts if d.lang == "ru"][:5], tmp_path / "five.docx")
    pdf = _convert(path, "pdf", tmp_path)
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_amendment_akn_validates_for_all_drafts_and_each_one(lang):
    _, _, drafts = kg()
    mine = [d for d in drafts if d.lang == lang]
    xml = to_amendment_akn(mine, today="2026-01-01")
    assert validate(xml) == []
    assert xml.count(b"<textualMod ") == len(mine)
    for d in mine[:: max(1, len(mine) // 6)]:
        assert validate(to_amendment_akn([d], today="2026-01-01")) == []


def test_markdown_has_cover_and_sections():
    _, _, drafts = kg()
    mine = [d for d in drafts if d.lang == "en"]
    md = to_markdown_doc(mine)
    assert md.startswith("# Draft amendments")
    assert md.count("\n## ") == len(mine)
    assert "| Requirement | Citation | Target provision | Status |" in md


def test_matrix_csv_and_xlsx(tmp_path):
    _, cs, _ = kg()
    rows = matrix_rows([cs])
    assert len(rows) == len(cs.findings) + 1
    csv_path = write_matrix([cs], tmp_path / "m.csv")
    assert csv_path.read_text(encoding="utf-8").splitlines()[0].startswith("rule,title,category")
    xlsx = to_xlsx([cs])
    with zipfile.ZipFile(__import__("io").BytesIO(xlsx)) as z:
        assert "xl/worksheets/sheet1.xml" in z.namelist()
    path = write_matrix([cs], tmp_path / "m.xlsx")
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: XLSX not opened")
    try:
        out = _convert(path, "csv", tmp_path)
    except subprocess.CalledProcessError:
        pytest.skip("LibreOffice Calc is not installed: XLSX not opened")
    if not out.exists():
        pytest.skip("LibreOffice Calc is not installed: XLSX not opened")
    import csv

    assert list(csv.reader(out.open(encoding="utf-8"))) == rows


def test_unwritable_path_fails_clearly_and_leaves_nothing(tmp_path):
    _, _, drafts = kg()
    with pytest.raises(ExportError, match="does not exist"):
        write_docx(drafts[:1], tmp_path / "missing" / "x.docx")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        write_atomic(blocker / "x.md", "text")
    # a writer that fails half way leaves no partial file and no temp file

    def boom(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left on device"):
        write_atomic(tmp_path / "report.docx", boom)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
