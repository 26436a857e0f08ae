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
from lawgap.model import Block, Extracted

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


def _member(path: Path, zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise InputError(path, f"{name} unpacks to {info.file_size // 1048576} MB: not a plausible law")
    return info


def _damaged(path: Path, exc: Exception) -> InputError:
    if isinstance(exc, etree.XMLSyntaxError):
        return InputError(path, f"damaged Word file (document XML is not well-formed: {exc})")
    return InputError(path, f"damaged Word file (truncated or corrupt zip: {exc})")


_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


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


def _numbering(path: Path, zf: zipfile.ZipFile) -> _Numbering:
    info = _member(path, zf, "word/numbering.xml")
    if info is None:
        return _Numbering(None)
    with zf.open(info) as stream:
        return _Numbering(etree.parse(stream, _parser()).getroot())


def _paragraphs(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo):
    """document.xml's paragraphs, streamed: each is handed over complete, then freed, so memory
    stays near one paragraph's size whatever the length of the code."""
    with zf.open(info) as stream:
        events = etree.iterparse(
            stream, events=("end",), tag=_P, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
        )
        for _, p in events:
            yield p
            p.clear(keep_tail=True)
            parent = p.getparent()
            while parent is not None and p.getprevious() is not None:
                del parent[0]


def _block(p: etree._Element, numbering: _Numbering) -> Block | None:
    """One paragraph as a Block; None when it holds no text."""
    sup_runs = set()
    rich = False  # superscripts, run-level tabs or breaks need run-by-run reading
    for el in p.iter(_VERT, _TAB, _BR):
        parent = el.getparent()
        if el.tag == _VERT:
            run = parent.getparent()
            if el.get(_VAL) == "superscript" and run is not None and run.tag == _R:
                sup_runs.add(run)
                rich = True
        elif parent.tag == _R:  # pPr tab stops do not separate words
            rich = True
    raw = _rich_text(p, sup_runs) if rich else "".join(p.itertext(_T))
    text = " ".join(raw.split())  # also turns no-break spaces and tabs into single spaces
    ppr = p.find(_PPR)
    style, centered = "", False
    if ppr is not None:
        numpr = ppr.find(_NUMPR)
        if numpr is not None:
            nid, lvl = numpr.find(_NUMID), numpr.find(_ILVL)
            if nid is not None:
                prefix = numbering.prefix(nid.get(_VAL, ""), int(lvl.get(_VAL, "0")) if lvl is not None else 0)
                if text and prefix:
                    text = prefix + text
        jc = ppr.find(_JC)
        centered = jc is not None and jc.get(_VAL) == "center"
        pstyle = ppr.find(_PSTYLE)
        style = pstyle.get(_VAL, "") if pstyle is not None else ""
    if not text:
        return None
    level = None
    if style:
        low = style.lower()
        for prefix in _HEADING_STYLE_PREFIXES:
            if low.startswith(prefix) and low[len(prefix) :].strip().isdigit():
                level = int(low[len(prefix) :].strip())
    return Block(text=text, style=style, heading_level=level, centered=centered)


def extract(path: str | Path, data: bytes, language: str | None = None) -> Extracted:
    """The document body's paragraphs (table cells included) as Blocks, in reading order."""
    path = Path(path)
    blocks: list[Block] = []
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        info = _member(path, zf, "word/document.xml")
        if info is None:
            raise InputError(path, "not a Word document (no word/document.xml in the package)")
        numbering = _numbering(path, zf)
        for p in _paragraphs(path, zf, info):
            block = _block(p, numbering)
            if block is not None:
                blocks.append(block)
    except InputError:
        raise
    except (*_ZIP_ERRORS, etree.XMLSyntaxError) as exc:
        raise _damaged(path, exc) from None
    if not blocks:
        raise InputError(path, "the Word document contains no text")
    return Extracted(blocks=tuple(blocks), language=language)
