"""The coverage matrix (rules x countries) as CSV and XLSX.

Reads: CountryScores. Writes: one row per rule: id, title, category, obligation, sources, then per

country its status and the evidence articles exactly as `lawgap score` lists them ("law num"). The
XLSX header row is bold and frozen, and each status cell has its colour (lawgap.vocab).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from lawgap.assess.findings import CountryScore, Finding
from lawgap.publish.atomic import write_atomic
from lawgap.publish.tabular import csv_text, safe_row
from lawgap.vocab import STATUS_BACKGROUND


def evidence_refs(f: Finding) -> list[str]:
    """'criminal_code_2021_ru 166' for each evidence item, in the score's order, without repeats."""
    out: list[str] = []
    for ev in f.evidence:
        ref = f"{ev.law} {ev.num or ev.eid}"
        if ref not in out:
            out.append(ref)
    return out


def matrix_rows(scores: Sequence[CountryScore]) -> list[list[str]]:
    header = ["rule", "title", "category", "obligation", "sources"]
    for cs in scores:
        header += [f"{cs.country} status", f"{cs.country} score", f"{cs.country} evidence"]
    rows = [header]
    by_country = [{f.rule.id: f for f in cs.findings} for cs in scores]
    for f0 in scores[0].findings:
        r = f0.rule
        row = [r.id, r.title_en, r.category, r.obligation, "; ".join(r.sources)]
        for table in by_country:
            f = table.get(r.id)
            row += [f.status, f"{f.score:.3f}", "; ".join(evidence_refs(f))] if f else ["", "", ""]
        rows.append(row)
    return rows


def to_csv(scores: Sequence[CountryScore]) -> str:
    return csv_text(matrix_rows(scores))


def to_xlsx(scores: Sequence[CountryScore]) -> bytes:
    """The matrix as a workbook (openpyxl): bold frozen header, each status cell in its colour."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "coverage"
    fills = {s: PatternFill("solid", fgColor="FF" + c.lstrip("#").upper()) for s, c in STATUS_BACKGROUND.items()}
    for i, row in enumerate(matrix_rows(scores), 1):
        ws.append(safe_row(row))
        for cell in ws[i]:
            if i == 1:
                cell.font = Font(bold=True)
            elif cell.value in fills:
                cell.fill = fills[cell.value]
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_matrix(scores: Sequence[CountryScore], path: str | Path) -> Path:
    """CSV or XLSX by the file's extension."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_atomic(path, to_xlsx(scores))
    return write_atomic(path, to_csv(scores))
