"""The bill, its сравнительная таблица and справка-обоснование as Word documents, A4, in the country's style.

Reads: `Bill`s (lawgap.drafting.bill). Writes: one DOCX holding, per target law, the amending law,
then the comparative table (действующая редакция | предлагаемая редакция | обоснование, one row per
change), then the справка. Page: A4; Times New Roman 14 pt, margins 3 / 1.5 / 2 / 2 cm, the usual
layout of official documents in KG and KZ (a house style, not a rule read in a source).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from lawgap.drafting.bill import WORKING_TRANSLATION, Bill
from lawgap.publish.atomic import write_atomic

A4 = (Cm(21.0), Cm(29.7))
TABLE_HEAD = {
    "ru": ("Действующая редакция", "Предлагаемая редакция", "Обоснование"),
    "en": ("Current text", "Proposed text", "Justification"),
}
TITLES = {"ru": ("СРАВНИТЕЛЬНАЯ ТАБЛИЦА", "к проекту Закона"), "en": ("COMPARATIVE TABLE", "to the draft Law")}


def page(section, landscape: bool = False) -> None:
    """A4 with the house margins (landscape for the comparative table)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4[1], A4[0]) if landscape else A4
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Cm(3), Cm(1.5), Cm(2), Cm(2)


def a4(doc) -> None:
    for s in doc.sections:
        page(s)


def new_document():
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    a4(doc)
    return doc


def _centered(doc, text: str, bold: bool = True) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).bold = bold


def add_bill(doc, bill: Bill) -> None:
    if bill.lang == "en":
        doc.add_paragraph().add_run(WORKING_TRANSLATION).italic = True
    _centered(doc, bill.kind_line)
    _centered(doc, bill.title)
    art = "Article" if bill.lang == "en" else "Статья"
    doc.add_paragraph().add_run(f"{art} 1.").bold = True
    doc.add_paragraph(bill.article1)
    for change in bill.changes:
        for line in change.split("\n"):
            doc.add_paragraph(line)
    doc.add_paragraph().add_run(f"{art} 2.").bold = True
    for line in bill.final:
        doc.add_paragraph(line)
    for line in bill.signature:
        doc.add_paragraph(line)


def add_table(doc, bill: Bill) -> None:
    """One row per change: the article as it stands, as amended, and why (treaty, level for the country)."""
    lang = "en" if bill.lang == "en" else "ru"
    _centered(doc, TITLES[lang][0])
    _centered(doc, f"{TITLES[lang][1]} «{bill.title}»", bold=False)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, TABLE_HEAD[lang], strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in bill.rows:
        cells = table.add_row().cells
        cells[0].text = row.current
        cells[1].text = row.proposed
        cells[2].text = f"{row.n}) {row.justification}"
        for c in cells:
            for p in c.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(11)


def bill_document(bills: Sequence[Bill], note: Sequence[str]):
    """The amending laws, each followed by its comparative table (landscape), then the справка."""
    from docx.enum.section import WD_SECTION

    doc = new_document()
    for i, bill in enumerate(bills):
        if i:
            doc.add_section(WD_SECTION.NEW_PAGE)
            page(doc.sections[-1])
        add_bill(doc, bill)
        doc.add_section(WD_SECTION.NEW_PAGE)
        page(doc.sections[-1], landscape=True)
        add_table(doc, bill)
    doc.add_section(WD_SECTION.NEW_PAGE)
    page(doc.sections[-1])
    for k, line in enumerate(note):
        if k == 0:
            _centered(doc, line)
        else:
            doc.add_paragraph(line)
    return doc


def write_bill(path: str | Path, bills: Sequence[Bill], note: Sequence[str]) -> Path:
    doc = bill_document(bills, note)
    return write_atomic(path, lambda tmp: doc.save(str(tmp)))
