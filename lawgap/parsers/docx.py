"""Word .docx reader: the paragraphs of word/document.xml, in body order, as Blocks.

Reads the package XML with lxml directly (python-docx builds an object per run and is
several times slower on a 4 MB code). One pass over the paragraphs; the few things that
need more than the run texts (superscripts, centring, styles, automatic numbering) are
found first with one `iter` each, so an ordinary paragraph costs a single `itertext`.

- Superscript digits right after a digit are an inserted number in the Kyrgyz and Russian
  text banks ("Статья 205<sup>1</sup>", part "2<sup>1</sup>.", "205<sup>1</sup>-берене"): they
  read as "205-1", the form the same files use elsewhere ("Статья 71-1").
- Automatic numbering (numbering.xml) is rendered as a text prefix, so "1." or "а)" typed by
  Word's list engine looks the same to the grammar as typed text.
- Headers, footers, footnotes and comments live in other parts and are not read.
- Empty and non-breaking-space-only paragraphs are dropped.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path

from lxml import etree

from lawgap.errors import InputError
from lawgap.parsers.blocks import Block, Extracted

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _T, _TAB, _BR = f"{_W}p", f"{_W}r", f"{_W}t", f"{_W}tab", f"{_W}br"
_PPR, _RPR, _VAL = f"{_W}pPr", f"{_W}rPr", f"{_W}val"
_VERT, _JC, _PSTYLE, _NUMPR = f"{_W}vertAlign", f"{_W}jc", f"{_W}pStyle", f"{_W}numPr"
_NUMID, _ILVL, _BODY = f"{_W}numId", f"{_W}ilvl", f"{_W}body"

# document.xml of the largest code is 4 MB; anything near this is a zip bomb, not a law.
MAX_XML_BYTES = 400 * 1024 * 1024

_HEADING_STYLE_PREFIXES = ("heading", "заголовок", "titre", "überschrift")


def _parser() -> etree.XMLParser:
    """No DTDs, no entities, no network: a .docx never needs them and hostile ones abuse them."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _parse_part(path: Path, zf: zipfile.ZipFile, name: str) -> etree._Element | None:
    """The parsed XML part, streamed from the zip: its bytes are never held whole in memory."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise InputError(path, f"{name} unpacks to {info.file_size // 1048576} MB: not a plausible law")
    with zf.open(info) as stream:
        return etree.parse(stream, _parser()).getroot()


def _open_package(path: Path, data: bytes) -> tuple[etree._Element, etree._Element | None]:
    """The parsed document.xml and numbering.xml, or InputError for a damaged package."""
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        root = _parse_part(path, zf, "word/document.xml")
        if root is None:
            raise InputError(path, "not a Word document (no word/document.xml in the package)")
        num_root = _parse_part(path, zf, "word/numbering.xml")
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise InputError(path, f"damaged Word file (truncated or corrupt zip: {exc})") from None
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"damaged Word file (document XML is not well-formed: {exc})") from None
    return root, num_root


# -- automatic numbering -------------------------------------------------------------------

_RU_LOWER = "абвгдежзиклмнопрстуфхцчшщэюя"


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int, alphabet: str) -> str:
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if fmt in ("upperLetter",):
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if fmt in ("russianLower",):
        return _letters(n, _RU_LOWER)
    if fmt in ("russianUpper",):
        return _letters(n, _RU_LOWER.upper())
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    return str(n)


class _Numbering:
    """Renders Word list numbers ("%1.%2)") from numbering.xml, counting per list and level."""

    def __init__(self, root: etree._Element | None) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(f"{_W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
                    text.get(_VAL, "") if text is not None else "",
                    int(start.get(_VAL, "1")) if start is not None else 1,
                )
            abstract[an.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self._levels[num.get(f"{_W}numId", "")] = abstract.get(ref.get(_VAL, ""), {})

    def prefix(self, num_id: str, ilvl: int) -> str:
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * 9)
        fmt, pattern, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        if fmt in ("bullet", "none") or not pattern:
            return ""
        out = pattern
        for level in range(ilvl + 1):
            lfmt, _, lstart = levels.get(level, ("decimal", "", 1))
            out = out.replace(f"%{level + 1}", _format_number(counters[level] or lstart, lfmt))
        return out + " "


# -- paragraphs ----------------------------------------------------------------------------


def _paragraph_of(el: etree._Element) -> etree._Element | None:
    while el is not None and el.tag != _P:
        el = el.getparent()
    return el


def _rich_text(p: etree._Element, sup_runs: set) -> str:
    """Paragraph text with superscript digits after a digit written as '-N' (205¹ -> 205-1)."""
    out: list[str] = []
    for r in p.iter(_R):
        parts = []
        for el in r.iter(_T, _TAB, _BR):
            parts.append((el.text or "") if el.tag == _T else " ")
        text = "".join(parts)
        if r in sup_runs and text.strip().isdigit():
            prev = "".join(out).rstrip()
            if prev[-1:].isdigit():
                out.append("-" + text.strip())
                continue
        out.append(text)
    return "".join(out)


def extract(path: str | Path, data: bytes, language: str | None = None) -> Extracted:
    """The document body's paragraphs (table cells included) as Blocks, in reading order."""
    path = Path(path)
    root, num_root = _open_package(path, data)
    body = root.find(_BODY)
    if body is None:
        raise InputError(path, "damaged Word file (document.xml has no body)")

    # The paragraph properties that matter, gathered in one walk rather than looked up per paragraph.
    sup_runs: set = set()
    rich: set = set()  # paragraphs that need run-by-run reading (superscripts, tabs, breaks)
    centered: set = set()
    styles: dict = {}
    numbered: dict = {}
    for el in body.iter(_JC, _VERT, _TAB, _BR, _PSTYLE, _NUMPR):
        tag, parent = el.tag, el.getparent()
        if tag == _JC:
            if parent.tag == _PPR and el.get(_VAL) == "center":
                centered.add(parent.getparent())
        elif tag == _VERT:
            run = parent.getparent()
            if el.get(_VAL) == "superscript" and run is not None and run.tag == _R:
                sup_runs.add(run)
                rich.add(_paragraph_of(run))
        elif tag == _PSTYLE:
            styles[parent.getparent()] = el.get(_VAL, "")
        elif tag == _NUMPR:
            nid, lvl = el.find(_NUMID), el.find(_ILVL)
            if parent.tag == _PPR and nid is not None:
                numbered[parent.getparent()] = (nid.get(_VAL, ""), int(lvl.get(_VAL, "0")) if lvl is not None else 0)
        elif parent.tag == _R:  # a run-level tab or break separates words; pPr tab stops do not
            rich.add(_paragraph_of(el))
    numbering = _Numbering(num_root) if numbered else None

    blocks: list[Block] = []
    append = blocks.append
    for p in body.iter(_P):
        raw = _rich_text(p, sup_runs) if p in rich else "".join(p.itertext(_T))
        text = " ".join(raw.split())  # also turns no-break spaces and tabs into single spaces
        if p in numbered and numbering is not None:
            prefix = numbering.prefix(*numbered[p])
            if text and prefix:
                text = prefix + text
        if not text:
            continue
        style = styles.get(p, "") if styles else ""
        level = None
        if style:
            low = style.lower()
            for prefix in _HEADING_STYLE_PREFIXES:
                if low.startswith(prefix) and low[len(prefix) :].strip().isdigit():
                    level = int(low[len(prefix) :].strip())
        append(Block(text=text, style=style, heading_level=level, centered=p in centered))
    if not blocks:
        raise InputError(path, "the Word document contains no text")
    return Extracted(blocks=tuple(blocks), language=language)
