"""Drafts as a Word document (python-docx): a cover table, then per draft the amending instruction,

Reads: Drafts. Writes: a Word document with tracked changes.

the consolidated text with real tracked changes (w:ins / w:del, so Word and LibreOffice show them as
revisions a working group can accept or reject) and the justification.

`docx_document(drafts)` returns a python-docx Document (the report reuses `add_drafts`);
`write_docx` saves it atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT  # noqa: F401  (kept for callers that set orientation)
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from lawgap.drafting.draft import Draft
from lawgap.drafting.redline import Segment
from lawgap.publish.atomic import write_atomic
from lawgap.publish.markdown import LABELS, status_label

AUTHOR = "lawgap"
_rev = {"n": 0}


def _revision(tag: str, segment_text: str, deleted: bool) -> OxmlElement:
    _rev["n"] += 1
    el = OxmlElement(tag)
    el.set(qn("w:id"), str(_rev["n"]))
    el.set(qn("w:author"), AUTHOR)
    el.set(qn("w:date"), datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "C00000" if deleted else "1F6F1F")
    rpr.append(color)
    run.append(rpr)
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = segment_text
    run.append(t)
    el.append(run)
    return el


def add_redline(doc, segments: Sequence[Segment]) -> None:
    """One Word paragraph per line of the consolidated text; inserted and deleted words as revisions."""
    para = doc.add_paragraph()
    for seg in segments:
        pieces = seg.text.split("\n")
        for k, piece in enumerate(pieces):
            if k > 0:
                para = doc.add_paragraph()
            if not piece:
                continue
            if seg.op == "=":
                para.add_run(piece)
            else:
                para._p.append(_revision("w:ins" if seg.op == "+" else "w:del", piece, seg.op == "-"))


def add_cover(doc, drafts: Sequence[Draft], lang: str) -> None:
    lab = LABELS["en" if lang == "en" else "ru"]
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, lab["cover"], strict=True):
        cell.text = text
        for r in cell.paragraphs[0].runs:
            r.bold = True
    for d in drafts:
        row = table.add_row().cells
        row[0].text = d.rule_title
        row[1].text = ", ".join(d.sources)
        row[2].text = f"{d.law_name}: {d.target}"
        row[3].text = status_label(d.status, lang)


def add_drafts(doc, drafts: Sequence[Draft], level: int = 1) -> None:
    """The drafts, one heading each, below a heading of `level`."""
    if not drafts:
        return
    lang = drafts[0].lang
    lab = LABELS["en" if lang == "en" else "ru"]
    for i, d in enumerate(drafts, 1):
        doc.add_heading(f"{i}. {d.rule_title} — {d.target}", level=level + 1)
        p = doc.add_paragraph()
        p.add_run(d.law_name).italic = True
        doc.add_heading(lab["instruction"], level=level + 2)
        for line in d.instruction.split("\n"):
            doc.add_paragraph(line)
        doc.add_heading(lab["redline"], level=level + 2)
        add_redline(doc, d.redline)
        doc.add_heading(lab["justification"], level=level + 2)
        for line in d.justification.split("\n"):
            doc.add_paragraph(line, style="List Bullet")


def base_document():
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
    return doc


def docx_document(drafts: Sequence[Draft], title: str | None = None):
    lang = drafts[0].lang if drafts else "en"
    lab = LABELS["en" if lang == "en" else "ru"]
    doc = base_document()
    doc.add_heading(title or lab["title"], level=0)
    add_cover(doc, drafts, lang)
    add_drafts(doc, drafts, level=1)
    return doc


def write_docx(drafts: Sequence[Draft], path: str | Path, title: str | None = None) -> Path:
    doc = docx_document(drafts, title)
    return write_atomic(path, lambda tmp: doc.save(str(tmp)))
