"""The legal assessment report per country laid out as HTML, DOCX (A4) and PDF; the comparison across countries.

Reads: a `Report` (lawgap.publish.report_content: what it says, in Russian or English, from the reviewed
score). Writes DOCX (python-docx, A4), HTML (one self-contained file, the coverage chart as an embedded
PNG; `chart_svg` gives it as SVG for the app) and, where LibreOffice is installed, PDF (the DOCX converted
headless).
"""

from __future__ import annotations

import base64
import html
import io
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lawgap.assess.findings import CountryScore
from lawgap.drafting.bill import WORKING_TRANSLATION
from lawgap.publish.atomic import ExportError, write_atomic
from lawgap.publish.convert import docx_to_pdf, soffice  # noqa: F401  (their home is convert.py)
from lawgap.publish.report_content import Report
from lawgap.vocab import GAP, MET, PARTIAL

STATUS_ORDER = (GAP, PARTIAL, MET)
COLORS = {MET: "#2e7d32", PARTIAL: "#f9a825", GAP: "#c62828"}
H = {"comparison": "Comparison across countries"}


def counts(cs: CountryScore) -> Counter:
    return Counter(f.status for f in cs.findings)


def category_rows(cs: CountryScore) -> list[tuple[str, float, int, int, int]]:
    """(category, score, met, partial, gap) in rule-file order."""
    rows = []
    for cat, score in cs.by_category.items():
        c = Counter(f.status for f in cs.findings if f.rule.category == cat)
        rows.append((cat, score, c[MET], c[PARTIAL], c[GAP]))
    return rows


# -- chart ---------------------------------------------------------------------------------------
def chart_svg(rows: Sequence[tuple[str, float, int, int, int]], width: int = 640) -> str:
    bar_h, gap, left = 18, 6, 170
    height = len(rows) * (bar_h + gap) + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">'
    ]
    span = width - left - 50
    for i, (cat, score, *_rest) in enumerate(rows):
        y = 10 + i * (bar_h + gap)
        colour = COLORS[MET] if score >= 0.75 else COLORS[PARTIAL] if score >= 0.4 else COLORS[GAP]
        out.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{html.escape(cat)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{span}" height="{bar_h}" fill="#eee"/>')
        out.append(f'<rect x="{left}" y="{y}" width="{span * score:.1f}" height="{bar_h}" fill="{colour}"/>')
        out.append(f'<text x="{left + span * score + 4:.1f}" y="{y + 13}">{score:.2f}</text>')
    out.append("</svg>")
    return "".join(out)


def chart_png(rows: Sequence[tuple[str, float, int, int, int]]) -> bytes:
    """The same bar chart as a PNG (Pillow) for the DOCX."""
    from PIL import Image, ImageDraw, ImageFont

    scale, bar_h, gap, left, width = 2, 18, 6, 170, 640
    height = len(rows) * (bar_h + gap) + 20
    img = Image.new("RGB", (width * scale, height * scale), "white")
    d = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 12 * scale)
    except OSError:
        font = ImageFont.load_default()
    span = width - left - 50
    for i, (cat, score, *_rest) in enumerate(rows):
        y = 10 + i * (bar_h + gap)
        colour = COLORS[MET] if score >= 0.75 else COLORS[PARTIAL] if score >= 0.4 else COLORS[GAP]
        d.text(((left - 6) * scale, (y + 2) * scale), cat, fill="black", font=font, anchor="ra")
        d.rectangle([left * scale, y * scale, (left + span) * scale, (y + bar_h) * scale], fill="#eeeeee")
        d.rectangle([left * scale, y * scale, (left + span * score) * scale, (y + bar_h) * scale], fill=colour)
        d.text(((left + span * score + 4) * scale, (y + 2) * scale), f"{score:.2f}", fill="black", font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


# -- HTML ----------------------------------------------------------------------------------------
_CSS = """body{font-family:Georgia,serif;max-width:60em;margin:2em auto;color:#222}
h1{color:#1f2a44}h2{color:#1f2a44;border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #bbb;padding:3px 6px;vertical-align:top;font-size:.9em}th{background:#eef}
.met{color:#2e7d32}.partial{color:#a66b00}.gap{color:#c62828}blockquote{color:#555;margin:.3em 1em}
pre{white-space:pre-wrap;font-family:inherit;background:#f7f7f7;padding:.5em}"""


def _e(x: object) -> str:
    return html.escape(str(x) if x is not None else "")


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], status_col: int | None = None) -> str:
    out = ["<table><tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr>"]
    for r in rows:
        cells = []
        for i, c in enumerate(r):
            cls = f' class="{_e(c)}"' if i == status_col else ""
            cells.append(f"<td{cls}>{_e(c)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def to_html(report: Report, chart: bytes | None = None) -> str:
    """The report as one self-contained HTML page (the chart embedded when given)."""
    out = [
        f"<!DOCTYPE html><html lang='{report.lang}'><head><meta charset='utf-8'><title>{_e(report.title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(report.title)}</h1>",
    ]
    if report.lang == "en":
        out.append(f"<p><i>{_e(WORKING_TRANSLATION)}</i></p>")
    for i, sec in enumerate(report.sections):
        out.append(f"<h2>{_e(sec.heading)}</h2>")
        if i == 0 and chart:
            out.append(f"<img src='data:image/png;base64,{base64.b64encode(chart).decode()}' width='640' alt='chart'>")
        for blk in sec.blocks:
            if blk.kind == "table":
                out.append(_table(blk.header, blk.rows))
            elif blk.kind == "h3":
                out.append(f"<h3>{_e(blk.text)}</h3>")
            elif blk.kind == "quote":
                out.append(f"<blockquote>{_e(blk.text)}</blockquote>")
            else:
                out.append(f"<p>{_e(blk.text).replace(chr(10), '<br>')}</p>")
    out.append("</body></html>")
    return "\n".join(out)


# -- DOCX ----------------------------------------------------------------------------------------
def _docx_table(doc, header: Sequence[str], rows: Sequence[Sequence[object]], widths_cm: Sequence[float] = ()) -> None:
    from docx.shared import Cm, Pt

    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, h in zip(t.rows[0].cells, header, strict=True):
        cell.text = h
        cell.paragraphs[0].runs[0].bold = True
    for r in rows:
        cells = t.add_row().cells
        for cell, v in zip(cells, r, strict=True):
            cell.text = str(v) if v is not None else ""
    if widths_cm:  # LibreOffice reads the grid columns, Word the cell widths: set both
        t.autofit = False
        for col, w in zip(t.columns, widths_cm, strict=False):
            col.width = Cm(w)
    for row in t.rows:
        for i, cell in enumerate(row.cells):
            if i < len(widths_cm):
                cell.width = Cm(widths_cm[i])
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(9)


def docx_report(report: Report, chart: bytes | None = None):
    """The report as a Word document on A4."""
    from docx.shared import Cm

    from lawgap.publish.bill_docx import a4
    from lawgap.publish.docx import base_document

    doc = base_document()
    a4(doc)
    doc.add_heading(report.title, level=0)
    if report.lang == "en":
        doc.add_paragraph().add_run(WORKING_TRANSLATION).italic = True
    for i, sec in enumerate(report.sections):
        doc.add_heading(sec.heading, level=1)
        if i == 0 and chart:
            doc.add_picture(io.BytesIO(chart), width=Cm(15))
        for blk in sec.blocks:
            if blk.kind == "table":
                _docx_table(doc, blk.header, blk.rows)
            elif blk.kind == "h3":
                doc.add_heading(blk.text, level=2)
            elif blk.kind == "quote":
                doc.add_paragraph(blk.text, style="Quote")
            else:
                for line in blk.text.split("\n"):
                    doc.add_paragraph(line)
    return doc


# -- PDF -----------------------------------------------------------------------------------------
def write_report(path: str | Path, report: Report, chart: bytes | None = None) -> Path:
    """By extension: .html, .docx or .pdf."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext in (".html", ".htm"):
        return write_atomic(path, to_html(report, chart))
    doc = docx_report(report, chart)
    if ext == ".docx":
        return write_atomic(path, lambda tmp: doc.save(str(tmp)))
    if ext == ".pdf":
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"report_{report.country}.docx"
            doc.save(str(src))
            return docx_to_pdf(src, path)
    raise ExportError(path, f"unknown report format {ext!r}: use .docx, .html or .pdf")


# -- comparison ----------------------------------------------------------------------------------
def comparison_rows(scores: Sequence[CountryScore]) -> list[list[str]]:
    header = ["requirement", *[cs.country for cs in scores]]
    tables = [{f.rule.id: f.status for f in cs.findings} for cs in scores]
    rows = [header]
    for f in scores[0].findings:
        rows.append([f.rule.id, *[t.get(f.rule.id, "") for t in tables]])
    return rows


def comparison_html(scores: Sequence[CountryScore]) -> str:
    cats = sorted({c for cs in scores for c in cs.by_category})
    out = [
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{H['comparison']}</title>",
        f"<style>{_CSS}</style></head><body><h1>{H['comparison']}</h1>",
    ]
    out.append(
        _table(
            ["country", "overall", MET, PARTIAL, GAP],
            [(cs.country, f"{cs.overall:.2f}", counts(cs)[MET], counts(cs)[PARTIAL], counts(cs)[GAP]) for cs in scores],
        )
    )
    out.append("<h2>By category</h2>")
    out.append(
        _table(
            ["category", *[cs.country for cs in scores]],
            [[c, *[f"{cs.by_category.get(c, 0):.2f}" for cs in scores]] for c in cats],
        )
    )
    out.append("<h2>By requirement</h2>")
    rows = comparison_rows(scores)
    out.append(_table(rows[0], rows[1:]))
    out.append("</body></html>")
    return "\n".join(out)


def comparison_docx(scores: Sequence[CountryScore]):
    from lawgap.publish.docx import base_document

    doc = base_document()
    doc.add_heading(H["comparison"], level=0)
    _docx_table(
        doc,
        ["country", "overall", MET, PARTIAL, GAP],
        [(cs.country, f"{cs.overall:.2f}", counts(cs)[MET], counts(cs)[PARTIAL], counts(cs)[GAP]) for cs in scores],
    )
    cats = sorted({c for cs in scores for c in cs.by_category})
    doc.add_heading("By category", level=1)
    _docx_table(
        doc,
        ["category", *[cs.country for cs in scores]],
        [[c, *[f"{cs.by_category.get(c, 0):.2f}" for cs in scores]] for c in cats],
    )
    doc.add_heading("By requirement", level=1)
    rows = comparison_rows(scores)
    _docx_table(doc, rows[0], rows[1:])
    return doc


def write_comparison(path: str | Path, scores: Sequence[CountryScore]) -> Path:
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        return write_atomic(path, comparison_html(scores))
    doc = comparison_docx(scores)
    return write_atomic(path, lambda tmp: doc.save(str(tmp)))
