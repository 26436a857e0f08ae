"""The one writer of CSV and XLSX cells: a cell a spreadsheet would run as a formula is neutralised.

Reads: rows of values. Writes: CSV text, or cells an openpyxl sheet stores as text.

Reviewer names, reasons and law ids (taken from file names, uploaded ones included) reach these files
as entered. Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (or a tab or
carriage return before one) as a formula; OWASP's advice is to prefix such a cell with a single quote,
which every one of them shows as text. Numbers are written as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A value a spreadsheet shows as text: strings opening with a formula character get a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in row]


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV text, every cell neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow(safe_row(row))
    return buf.getvalue()
