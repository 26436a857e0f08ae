"""The coverage matrix as PDF, for the working group's file and for print.

Reads: CountryScores (the reviewed ones the app shows). Writes: PDF bytes: the workbook of
lawgap.publish.matrix (the one matrix writer), set to landscape and one page wide, converted by
LibreOffice (lawgap.publish.report.docx_to_pdf), so the PDF holds exactly what the XLSX holds.
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
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(to_xlsx(scores)))
    for ws in wb.worksheets:
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
