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

Both parts are streamed through lawgap.parsers.budget: unpacked bytes, tags and characters are
counted as they are read, so a zip bomb stops at its budget instead of filling memory.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from lawgap.errors import InputError
from lawgap.model import Block, Extracted
from lawgap.parsers.budget import Metered, TextMeter, open_zip, parser_limit, zip_problem

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _R, _T, _TAB, _BR = f"{_W}p", f"{_W}r", f"{_W}t", f"{_W}tab", f"{_W}br"
_PPR, _RPR, _VAL = f"{_W}pPr", f"{_W}rPr", f"{_W}val"
_VERT, _JC, _PSTYLE, _NUMPR = f"{_W}vertAlign", f"{_W}jc", f"{_W}pStyle", f"{_W}numPr"
_NUMID, _ILVL, _BODY = f"{_W}numId", f"{_W}ilvl", f"{_W}body"

_HEADING_STYLE_PREFIXES = ("heading", "заголовок", "titre", "überschrift")


def _member(zf: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    try:
        return zf.getinfo(name)
    except KeyError:
        return None


def _stream(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Metered:
    return Metered(path, info.filename, zf.open(info))


def _damaged(path: Path, exc: Exception) -> InputError:
    if isinstance(exc, etree.XMLSyntaxError):
        return parser_limit(path, str(exc)) or InputError(
            path, f"damaged Word file (document XML is not well-formed: {exc})"
        )
    return InputError(path, zip_problem(exc))


# zipfile raises these for unsupported methods, bad names (UnicodeDecodeError is a ValueError) and encryption
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    IndexError,
)


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

    def __init__(self, levels: dict[str, dict[int, tuple[str, str, int]]] | None = None) -> None:
        self._levels = levels or {}
        self._counters: dict[str, list[int]] = {}

    @classmethod
    def read(cls, stream) -> _Numbering:
        """Streamed: each list definition is read, kept as three values per level, then freed."""
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        refs: dict[str, str] = {}
        events = etree.iterparse(
            stream,
            events=("end",),
            tag=(f"{_W}abstractNum", f"{_W}num"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=True,
        )
        for _, el in events:
            if el.tag == f"{_W}abstractNum":
                abstract[el.get(f"{_W}abstractNumId", "")] = _levels(el)
            else:
                ref = el.find(f"{_W}abstractNumId")
                if ref is not None:
                    refs[el.get(f"{_W}numId", "")] = ref.get(_VAL, "")
            _free(el)
        return cls({num: abstract.get(ref, {}) for num, ref in refs.items()})

    def prefix(self, num_id: str, ilvl: int) -> str:
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels or ilvl >= 9:  # Word has nine list levels
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


def _levels(an: etree._Element) -> dict[int, tuple[str, str, int]]:
    levels: dict[int, tuple[str, str, int]] = {}
    for lvl in an.iter(f"{_W}lvl"):
        fmt = lvl.find(f"{_W}numFmt")
        text = lvl.find(f"{_W}lvlText")
        start = lvl.find(f"{_W}start")
        levels[_int(lvl.get(f"{_W}ilvl"))] = (
            fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
            text.get(_VAL, "") if text is not None else "",
            _int(start.get(_VAL) if start is not None else None, 1),
        )
    return levels


def _int(value: str | None, default: int = 0) -> int:
    """A small number from an attribute; a damaged one counts as the default (Word does the same)."""
    try:
        return min(max(int(value or default), 0), 10_000)
    except ValueError:
        return default


def _free(el: etree._Element) -> None:
    """Drop an element already read, and the siblings before it, so a streamed part stays small."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


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
    info = _member(zf, "word/numbering.xml")
    if info is None:
        return _Numbering()
    return _Numbering.read(_stream(path, zf, info))


def _paragraphs(stream: Metered):
    """document.xml's paragraphs, streamed: each is handed over complete, then freed, so memory
    stays near one paragraph's size whatever the length of the code."""
    events = etree.iterparse(
        stream, events=("end",), tag=_P, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    for _, p in events:
        yield p
        _free(p)


def _block(p: etree._Element, numbering: _Numbering) -> Block | None:
    """One paragraph as a Block; None when it holds no text."""
    if not len(p):  # an empty <w:p/> (a spacer; or a million of them in a hostile file): nothing to read
        return None
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
                prefix = numbering.prefix(nid.get(_VAL, ""), _int(lvl.get(_VAL)) if lvl is not None else 0)
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
    zf = open_zip(path, data)
    text = TextMeter(path)
    try:
        info = _member(zf, "word/document.xml")
        if info is None:
            raise InputError(path, "not a Word document (no word/document.xml in the package)")
        numbering = _numbering(path, zf)
        for p in _paragraphs(_stream(path, zf, info)):
            block = _block(p, numbering)
            if block is not None:
                text.add(len(block.text))
                blocks.append(block)
    except InputError:
        raise
    except (*_ZIP_ERRORS, etree.XMLSyntaxError) as exc:
        raise _damaged(path, exc) from None
    if not blocks:
        raise InputError(path, "the Word document contains no text")
    return Extracted(blocks=tuple(blocks), language=language)
