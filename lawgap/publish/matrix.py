"""The coverage matrix (rules x countries) as CSV and XLSX.

One row per rule: id, title, category, obligation, sources, then per country its status and the
evidence articles exactly as `lawgap score` lists them ("law num"). XLSX is written as plain
SpreadsheetML with the standard library (zipfile), so it needs no spreadsheet package; the
header row is bold and frozen, and each status cell is coloured.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from lawgap.assess.findings import CountryScore, Finding
from lawgap.publish.atomic import write_atomic

STATUS_STYLE = {"met": 2, "partial": 3, "gap": 4}


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
    buf = io.StringIO()
    csv.writer(buf).writerows(matrix_rows(scores))
    return buf.getvalue()


def _col(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf/></cellStyleXfs>
<cellXfs count="5"><xf/><xf fontId="1" applyFont="1"/><xf fillId="2" applyFill="1"/><xf fillId="3" applyFill="1"/>
<xf fillId="4" applyFill="1"/></cellXfs>
</styleSheet>"""

_PARTS = {
    "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml"
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>""",
    "_rels/.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship
Id="rId1"
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
Target="xl/workbook.xml"/>
</Relationships>""",
    "xl/workbook.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="coverage" sheetId="1" r:id="rId1"/></sheets></workbook>""",
    "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship
Id="rId1"
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
Target="worksheets/sheet1.xml"/>
<Relationship
Id="rId2"
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
Target="styles.xml"/>
</Relationships>""",
    "xl/styles.xml": _STYLES,
}


def _sheet(rows: list[list[str]]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews><sheetData>',
    ]
    for i, row in enumerate(rows, 1):
        cells = []
        for j, value in enumerate(row):
            style = 1 if i == 1 else STATUS_STYLE.get(value, 0)
            text = f'<is><t xml:space="preserve">{escape(value)}</t></is>'
            cells.append(f'<c r="{_col(j)}{i}" t="inlineStr" s="{style}">{text}</c>')
        out.append(f'<row r="{i}">{"".join(cells)}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def to_xlsx(scores: Sequence[CountryScore]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in _PARTS.items():
            z.writestr(name, data)
        z.writestr("xl/worksheets/sheet1.xml", _sheet(matrix_rows(scores)))
    return buf.getvalue()


def write_matrix(scores: Sequence[CountryScore], path: str | Path) -> Path:
    """CSV or XLSX by the file's extension."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return write_atomic(path, to_xlsx(scores))
    return write_atomic(path, to_csv(scores))
