"""Resource budgets of the readers: checked while a file is read, and named, with the way to raise them, when exceeded.

Reads: a law file's bytes as a reader opens them. Writes: `InputError`s that name the budget a file exceeds.

The 100 MB file limit does not bound what a file costs: a 400 KB .docx can unpack to 390 MB, a 1 MB PDF
can inflate a 1 GB stream, a 337-byte PDF can ask for a 1.7 GB bitmap. Each reader therefore checks, as it
reads, the budgets of lawgap.settings (unpacked bytes, characters, tags, nesting, inflated bytes, pages,
pixels) and stops at the first one a file exceeds. The checks are counts over chunks the reader reads
anyway, so they cost little (benchmarks/bench_budget.py).
"""

from __future__ import annotations

import io
import math
import re
import sys
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lawgap.errors import InputError
from lawgap.settings import (
    EXPANDED,
    EXPANSION,
    OCR_PAGES,
    OCR_PIXELS,
    PDF_PAGES,
    PDF_STREAM,
    TEXT_CHARS,
    XML_DEPTH,
    XML_NODES,
    Budget,
)

# An archive may always unpack to this much: a small .docx carries styles that compress 30 to 1.
EXPANDED_FLOOR = 32 * 1024 * 1024
OCR_DPI = 300  # OCR reads best at 300 dpi; a larger page is rendered at less to stay within the pixel budget
OCR_MIN_DPI = 70  # below this tesseract reads nothing: a page that needs less is refused
_CHUNK = 1 << 22


def _amount(budget: Budget, value: int) -> str:
    if budget.unit == "MB":
        return f"{value / 1048576:,.0f} MB"
    if budget.unit == "million":
        return f"{value / 1_000_000:,.1f} million"
    return f"{value:,}"


def exceeded(path: str | Path, budget: Budget, detail: str, limit: int | None = None) -> InputError:
    """The error for a file over a budget: what it holds, which budget, and the variable that raises it."""
    limit = budget.value() if limit is None else limit
    return InputError(
        path,
        f"{detail}: over the budget of {_amount(budget, limit)} {budget.what} (set {budget.env} to raise it)",
    )


# -- archives -------------------------------------------------------------------------------------
def expansion_limit(file_size: int) -> int:
    """Bytes an archive of this size may unpack to: LAWGAP_MAX_EXPANSION times the file, at least 32 MB,
    at most LAWGAP_MAX_EXPANDED_MB."""
    return min(EXPANDED.value(), max(EXPANDED_FLOOR, EXPANSION.value() * file_size))


_ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, IndexError)


def zip_problem(exc: BaseException) -> str:
    """A reader's words for what zipfile raised: an unsupported method, a bad name or a damaged archive."""
    if isinstance(exc, UnicodeDecodeError):
        return "damaged Word/zip file (a member name is not valid UTF-8)"
    if isinstance(exc, NotImplementedError):
        return f"Word/zip file packed with a method this reader does not support ({exc})"
    if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
        return "encrypted Word file: it needs a password to open (save an unprotected copy and try again)"
    return f"damaged Word/zip file (truncated or corrupt: {str(exc)[:120] or type(exc).__name__})"


def open_zip(path: str | Path, data: bytes) -> zipfile.ZipFile:
    """The archive, checked before any member is unpacked: names readable, nothing encrypted, the sizes
    its members declare within the unpacking budget (zipfile never returns more than a member declares)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (*_ZIP_DAMAGE, RuntimeError) as exc:
        raise InputError(path, zip_problem(exc)) from None
    if any(info.flag_bits & 0x1 for info in infos):
        raise InputError(path, zip_problem(RuntimeError("encrypted")))
    limit = expansion_limit(len(data))
    total = sum(info.file_size for info in infos)
    if total > limit:
        big = max(infos, key=lambda info: info.file_size)
        raise InputError(
            path,
            f"it unpacks to {total / 1048576:,.0f} MB ({big.filename} alone to {big.file_size / 1048576:,.0f} MB): "
            f"over the budget of {limit / 1048576:,.0f} MB unpacked from this archive ({EXPANSION.value()}x the "
            f"file, at least {EXPANDED_FLOOR >> 20} MB, at most {EXPANDED.value() >> 20} MB; set {EXPANSION.env} "
            f"or {EXPANDED.env} to raise it)",
        )
    return zf


class Metered:
    """A member stream that counts the tags handed to the XML parser and stops at the node budget.
    (Its bytes need no count: zipfile never returns more than the size open_zip checked.)"""

    def __init__(self, path: str | Path, name: str, raw) -> None:
        self.path, self.name, self.raw = path, name, raw
        self.limit, self.tags = XML_NODES.value(), 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size if size and size > 0 else _CHUNK)
        self.tags += chunk.count(b"<")
        if self.tags > self.limit:
            raise exceeded(self.path, XML_NODES, f"{self.name} holds more than {self.limit:,} tags")
        return chunk


# -- text, tags and nesting -----------------------------------------------------------------------
class TextMeter:
    """Characters of text a reader has produced for one law, stopped at LAWGAP_MAX_TEXT_MCHARS."""

    def __init__(self, path: str | Path) -> None:
        self.path, self.limit, self.chars = path, TEXT_CHARS.value(), 0

    def add(self, n: int) -> None:
        self.chars += n
        if self.chars > self.limit:
            raise exceeded(self.path, TEXT_CHARS, f"the text runs past {self.limit:,} characters")


def check_tags(path: str | Path, data: bytes) -> None:
    """Refuse markup with more tags than the node budget before a tree is built ('<' bounds the elements)."""
    limit = XML_NODES.value()
    tags = data.count(b"<")
    if tags > limit:
        raise exceeded(path, XML_NODES, f"the document holds {tags:,} tags")


def depth_limit() -> int:
    return XML_DEPTH.value()


def too_deep(path: str | Path, limit: int | None = None) -> InputError:
    limit = limit or depth_limit()
    return exceeded(path, XML_DEPTH, f"elements are nested more than {limit:,} levels deep", limit)


def parser_limit(path: str | Path, message: str) -> InputError | None:
    """libxml2's own resource limits (nesting, huge text nodes) as budget errors; None for other messages."""
    m = re.search(r"Excessive depth in document: (\d+)", message)
    if m:
        return too_deep(path, int(m.group(1)))
    if re.search(r"huge text node|Huge input lookup|Resource limit", message, re.I):
        return exceeded(path, TEXT_CHARS, "a text node is larger than the XML parser accepts (10 MB)")
    return None


@contextmanager
def deep_recursion(levels: int) -> Iterator[None]:
    """Room for a recursive walk of `levels` nested elements (Python 3.11 frames cost no C stack)."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 4 * levels + 1000))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


@contextmanager
def reading(path: str | Path) -> Iterator[None]:
    """Memory and recursion exhausted while reading are said as such, never as a damaged file."""
    try:
        yield
    except MemoryError:
        raise InputError(
            path, "ran out of memory while reading it: the file may well be sound, but needs more memory than is free"
        ) from None
    except RecursionError:
        raise too_deep(path) from None


# -- PDF --------------------------------------------------------------------------------------------
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")


def check_pdf_streams(path: str | Path, data: bytes) -> None:
    """Inflate every Flate stream in 4 MB steps, counting, before pdfminer inflates any of it whole."""
    limit = PDF_STREAM.value()
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 2048) : m.start()]
        head = head[head.rfind(b"obj") + 1 :] if b"obj" in head else head
        if not _FLATE.search(head):
            continue
        end = data.find(b"endstream", m.end())
        rest = view[m.end() : end if end >= 0 else len(data)]
        inflate, total = zlib.decompressobj(), 0
        try:
            while rest and not inflate.eof:
                total += len(inflate.decompress(rest, _CHUNK))
                if total > limit:
                    raise exceeded(path, PDF_STREAM, f"a stream at byte {m.start():,} inflates past {limit >> 20:,} MB")
                rest = inflate.unconsumed_tail
        except zlib.error:
            continue  # damaged or not really Flate: pdfminer says so when it reads the page


def check_pages(path: str | Path, pages: int, ocr: int) -> None:
    """Refuse a PDF with more pages, or more pages to OCR, than the budgets allow, before any is OCRed."""
    if pages > PDF_PAGES.value():
        raise exceeded(path, PDF_PAGES, f"the PDF has {pages:,} pages")
    if ocr > OCR_PAGES.value():
        raise exceeded(path, OCR_PAGES, f"{ocr:,} of its {pages:,} pages have no text layer and need OCR")


def ocr_resolution(path: str | Path, page: int, width_pt: float, height_pt: float) -> float:
    """The dpi to render a page for OCR: 300, or less so that the bitmap stays within the pixel budget."""
    pixels = OCR_PIXELS.value()
    area = abs(width_pt * height_pt) / (72.0 * 72.0)  # square inches
    if not math.isfinite(area) or area <= 0:
        raise InputError(path, f"page {page + 1} has no usable size ({width_pt} x {height_pt} pt)")
    dpi = min(float(OCR_DPI), math.sqrt(pixels / area))
    if dpi < OCR_MIN_DPI:
        raise exceeded(
            path,
            OCR_PIXELS,
            f"page {page + 1} is {width_pt:,.0f} x {height_pt:,.0f} pt: even at {OCR_MIN_DPI} dpi it needs "
            f"{area * OCR_MIN_DPI**2 / 1e6:,.0f} million pixels",
        )
    return dpi
