"""The coverage matrix as PDF, for the working group's file and for print.

Reads: CountryScores (the reviewed ones the app shows). Writes: PDF bytes: the workbook of
lawgap.publish.matrix (the one matrix writer) without its score and evidence columns, set to landscape
and one page wide, converted by LibreOffice (lawgap.publish.report.docx_to_pdf).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Sequence
from pathlib import Path

from lawgap.assess.findings import CountryScore
from lawgap.publish.matrix import to_xlsx
from lawgap.publish.report import docx_to_pdf


def to_pdf(scores: Sequence[CountryScore]) -> bytes:
    """The matrix on landscape pages: each requirement with its category, level and sources, and each
    country's status in its colour (the scores and evidence columns stay in the XLSX)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wb = load_workbook(io.BytesIO(to_xlsx(scores)))
    ws = wb.active
    header = [str(h or "") for h in next(ws.iter_rows(max_row=1, values_only=True))]
    for col in reversed(range(1, len(header) + 1)):  # right to left, so the indexes stay valid
        if header[col - 1].endswith((" score", " evidence")):
            ws.delete_cols(col)
    header = [h for h in header if not h.endswith((" score", " evidence"))]
    widths = [WIDTHS.get(h, 12) for h in header]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=1):
        lines = max(len(str(c.value or "")) // max(w - 2, 1) + 1 for c, w in zip(row, widths, strict=False))
        ws.row_dimensions[row[0].row].height = 13 * lines
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "lawgap-matrix.xlsx"
        wb.save(src)
        return docx_to_pdf(src, Path(tmp) / "lawgap-matrix.pdf").read_bytes()


# Column widths in characters, by the header lawgap.publish.matrix writes; a country's status column is 12.
WIDTHS = {"rule": 26, "title": 48, "category": 16, "obligation": 12, "sources": 22}
