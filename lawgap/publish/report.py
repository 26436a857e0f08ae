"""The gap analysis and legal assessment report per country, and a comparison report across countries.

Reads: the laws, their CountryScore and the drafts. Writes DOCX (python-docx), HTML (one

self-contained file, the chart as an embedded PNG; `chart_svg` gives it as SVG for the app) and,
where LibreOffice is installed, PDF (the DOCX converted headless). Sections: summary; coverage
by category with a chart; every gap and partial finding with its evidence and recommendation; all
requirements with status and evidence articles exactly as `lawgap score` gives them; the draft
amendments (annex); the laws analysed with their versions and sha256.
"""

from __future__ import annotations

import base64
import html
import io
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path

from lawgap.assess.findings import CountryScore, Finding, law_id
from lawgap.drafting.draft import Draft
from lawgap.model import Law
from lawgap.publish.atomic import ExportError, write_atomic
from lawgap.publish.convert import docx_to_pdf, soffice  # noqa: F401  (their home is convert.py)
from lawgap.publish.matrix import evidence_refs
from lawgap.vocab import GAP, MET, PARTIAL

STATUS_ORDER = (GAP, PARTIAL, MET)
COLORS = {MET: "#2e7d32", PARTIAL: "#f9a825", GAP: "#c62828"}
H = {
    "title": "Gap analysis and legal assessment report",
    "summary": "1. Summary",
    "coverage": "2. Coverage by category",
    "findings": "3. Gaps and partial findings",
    "requirements": "4. All requirements",
    "annex": "Annex A. Draft amendments",
    "laws": "Annex B. Laws analysed",
    "comparison": "Comparison across countries",
}


@dataclass(frozen=True)
class LawInfo:
    id: str
    title: str
    file: str
    language: str
    kind: str | None
    date: str | None
    number: str | None
    sha256: str
    articles: int


def law_info(law: Law) -> LawInfo:
    return LawInfo(
        law_id(law),
        law.title,
        Path(law.source).name,
        law.language,
        law.kind,
        law.date,
        law.number,
        law.sha256,
        len(law.articles()),
    )


def counts(cs: CountryScore) -> Counter:
    return Counter(f.status for f in cs.findings)


def category_rows(cs: CountryScore) -> list[tuple[str, float, int, int, int]]:
    """(category, score, met, partial, gap) in rule-file order."""
    rows = []
    for cat, score in cs.by_category.items():
        c = Counter(f.status for f in cs.findings if f.rule.category == cat)
        rows.append((cat, score, c[MET], c[PARTIAL], c[GAP]))
    return rows


def requirement_rows(cs: CountryScore) -> list[tuple[str, str, str, str]]:
    """(rule id, title, status, evidence articles) — the evidence exactly as the score lists it."""
    return [(f.rule.id, f.rule.title_en, f.status, "; ".join(evidence_refs(f))) for f in cs.findings]


def recommendation(f: Finding, drafts: Sequence[Draft]) -> str:
    d = next((x for x in drafts if x.rule_id == f.rule.id and x.lang == "en"), None) or next(
        (x for x in drafts if x.rule_id == f.rule.id), None
    )
    if d is None:
        return "Amend the law to provide the missing elements."
    where = f"{d.law_name}, {d.target}"
    extra = (
        f" (its natural home, the {d.natural_kind.replace('_', ' ')} law, was not supplied)" if d.natural_kind else ""
    )
    return f"Adopt the draft amendment in Annex A: {where}{extra}."


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


def to_html(
    country: str, laws: Sequence[Law], cs: CountryScore, drafts: Sequence[Draft], today: str | None = None
) -> str:
    today = today or _date.today().isoformat()
    c = counts(cs)
    cats = category_rows(cs)
    out = [
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{_e(H['title'])}: {_e(country)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_e(H['title'])}: {_e(country)}</h1><p>Prepared by lawgap on {today}. {len(laws)} laws analysed "
        f"against {len(cs.findings)} requirements.</p>",
    ]
    out.append(f"<h2>{H['summary']}</h2>")
    out.append(
        f"<p>Overall coverage score: <b>{cs.overall:.2f}</b>. Requirements met: {c['met']}; partially met: "
        f"{c['partial']}; gaps: {c['gap']}. {len(drafts)} draft amendments are proposed in Annex A.</p>"
    )
    out.append(f"<h2>{H['coverage']}</h2>")
    png = base64.b64encode(chart_png(cats)).decode("ascii")
    out.append(f"<img src='data:image/png;base64,{png}' width='640' alt='coverage score by category'>")
    out.append(
        _table(("category", "score", MET, PARTIAL, GAP), [(a, f"{b:.2f}", m, p, g) for a, b, m, p, g in cats])
    )
    out.append(f"<h2>{H['findings']}</h2>")
    for f in (f for s in (GAP, PARTIAL) for f in cs.findings if f.status == s):
        out.append(f"<h3>{_e(f.rule.title_en)} <small>({_e(f.rule.id)})</small></h3>")
        out.append(
            f"<p>Status: <b class='{f.status}'>{f.status}</b>. Obligation: {f.rule.obligation}. "
            f"Sources: {_e(', '.join(f.rule.sources))}.</p>"
        )
        out.append(f"<p>{_e(f.explanation)}</p>")
        if f.evidence:
            out.append("<p>Evidence:</p><ul>")
            for ev in f.evidence:
                out.append(
                    f"<li>{_e(ev.law)}, article {_e(ev.num or ev.eid)}<blockquote>{_e(ev.excerpt)}</blockquote></li>"
                )
            out.append("</ul>")
        out.append(f"<p><i>Recommendation:</i> {_e(recommendation(f, drafts))}</p>")
    out.append(f"<h2>{H['requirements']}</h2>")
    out.append(_table(("requirement", "title", "status", "evidence articles"), requirement_rows(cs), status_col=2))
    out.append(f"<h2>{H['annex']}</h2>")
    for lang in ("en", "ru"):
        for i, d in enumerate((d for d in drafts if d.lang == lang), 1):
            out.append(f"<h3>{lang.upper()}-{i}. {_e(d.rule_title)} — {_e(d.law_name)}, {_e(d.target)}</h3>")
            out.append(f"<pre>{_e(d.instruction)}</pre><p>{_e(d.justification).replace(chr(10), '<br>')}</p>")
    out.append(f"<h2>{H['laws']}</h2>")
    out.append(
        _table(
            ("id", "title", "file", "language", "kind", "date", "articles", "sha256"),
            [
                (x.id, x.title, x.file, x.language, x.kind, x.date or "", x.articles, x.sha256)
                for x in map(law_info, laws)
            ],
        )
    )
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


def docx_report(country: str, laws: Sequence[Law], cs: CountryScore, drafts: Sequence[Draft], today: str | None = None):
    from docx.shared import Cm

    from lawgap.publish.docx import base_document

    today = today or _date.today().isoformat()
    doc = base_document()
    doc.add_heading(f"{H['title']}: {country}", level=0)
    doc.add_paragraph(
        f"Prepared by lawgap on {today}. {len(laws)} laws analysed against {len(cs.findings)} requirements."
    )
    c = counts(cs)
    doc.add_heading(H["summary"], level=1)
    doc.add_paragraph(
        f"Overall coverage score: {cs.overall:.2f}. Requirements met: {c['met']}; partially met: {c['partial']}; "
        f"gaps: {c['gap']}. {len(drafts)} draft amendments are proposed in Annex A."
    )
    doc.add_heading(H["coverage"], level=1)
    cats = category_rows(cs)
    doc.add_picture(io.BytesIO(chart_png(cats)), width=Cm(16))
    _docx_table(
        doc,
        ("category", "score", MET, PARTIAL, GAP),
        [(a, f"{b:.2f}", m, p, g) for a, b, m, p, g in cats],
        (5, 2.5, 2.5, 2.5, 2.5),
    )
    doc.add_heading(H["findings"], level=1)
    for f in (f for s in (GAP, PARTIAL) for f in cs.findings if f.status == s):
        doc.add_heading(f"{f.rule.title_en} ({f.rule.id})", level=2)
        doc.add_paragraph(f"Status: {f.status}. Obligation: {f.rule.obligation}. Sources: {', '.join(f.rule.sources)}.")
        doc.add_paragraph(f.explanation)
        for ev in f.evidence:
            doc.add_paragraph(f"{ev.law}, article {ev.num or ev.eid}: {ev.excerpt}", style="List Bullet")
        p = doc.add_paragraph()
        p.add_run("Recommendation: ").italic = True
        p.add_run(recommendation(f, drafts))
    doc.add_heading(H["requirements"], level=1)
    _docx_table(
        doc, ("requirement", "title", "status", "evidence articles"), requirement_rows(cs), (4.6, 5.4, 1.7, 5.3)
    )
    doc.add_heading(H["annex"], level=1)
    for lang in ("en", "ru"):
        for i, d in enumerate((d for d in drafts if d.lang == lang), 1):
            doc.add_heading(f"{lang.upper()}-{i}. {d.rule_title} — {d.law_name}, {d.target}", level=2)
            for line in d.instruction.split("\n"):
                doc.add_paragraph(line)
            for line in d.justification.split("\n"):
                doc.add_paragraph(line, style="List Bullet")
    doc.add_heading(H["laws"], level=1)
    _docx_table(
        doc,
        ("id", "title", "language", "kind", "date", "articles", "sha256"),
        [(x.id, x.title, x.language, x.kind, x.date or "", x.articles, x.sha256) for x in map(law_info, laws)],
        (3.4, 4.2, 1.4, 2.6, 1.8, 1.4, 2.4),
    )
    return doc


# -- PDF -----------------------------------------------------------------------------------------
def write_report(
    path: str | Path, country: str, laws: Sequence[Law], cs: CountryScore, drafts: Sequence[Draft]
) -> Path:
    """By extension: .html, .docx or .pdf."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext in (".html", ".htm"):
        return write_atomic(path, to_html(country, laws, cs, drafts))
    doc = docx_report(country, laws, cs, drafts)
    if ext == ".docx":
        return write_atomic(path, lambda tmp: doc.save(str(tmp)))
    if ext == ".pdf":
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"report_{country}.docx"
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
            [
                (cs.country, f"{cs.overall:.2f}", counts(cs)[MET], counts(cs)[PARTIAL], counts(cs)[GAP])
                for cs in scores
            ],
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
        [
            (cs.country, f"{cs.overall:.2f}", counts(cs)[MET], counts(cs)[PARTIAL], counts(cs)[GAP])
            for cs in scores
        ],
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
