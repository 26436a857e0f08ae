"""PDF reader: positioned lines from pdfplumber (or OCR), page furniture removed, paragraphs rebuilt.

Reads: a PDF. Writes: `Extracted` blocks (lawgap.model).

Stages, each reading what the previous one wrote:
1. `_open`: pdfplumber over the bytes; encrypted or damaged files become an InputError.
2. `_markers`: footnote markers, i.e. small digits raised above their neighbours (the 2 in
   "2[the Punjab]"), found by character size and position, then removed from the page.
3. `_page_lines`: text lines with size, boldness and box; the footnotes at the foot of the page
   (small type starting with a marker) are split off; pages without text go to OCR (ocr.py).
4. `_drop_furniture`: running headers and footers (lines repeated at the top or bottom of many
   pages) and bare page numbers.
5. `_paragraphs`: lines joined into paragraphs (blank-line gaps, a new number or label, a short
   last line), end-of-line hyphens undone by how the document itself spells the word.
Each paragraph becomes a Block whose style says "pdf" or "pdf ocr" and "x=<indent>"; each
footnote becomes a Block with style "footnote n=<k>" right after the paragraph citing it.
"""

from __future__ import annotations

import hashlib
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path

from rapidfuzz.fuzz import ratio

from lawgap.errors import InputError
from lawgap.model import Block, Extracted
from lawgap.parsers.budget import TextMeter, check_pages, check_pdf_streams, ocr_resolution
from lawgap.parsers.pdf_margin import char_key, marginal_chars, notes_of

MIN_TEXT_CHARS = 20  # a page with fewer printable characters is treated as an image
MARKER_SIZE = 0.72  # footnote markers are at most this share of the body size
FOOTNOTE_SIZE = 0.86  # footnote text is at most this share of the body size
EDGE = 0.09  # share of the page height that may hold headers and footers
PARA_GAP = 1.4  # a vertical step larger than this many line pitches starts a paragraph
HYPHEN_PREFIXES = {"sub", "non", "co", "self", "ex", "pre", "post", "anti", "inter", "over", "cross", "semi", "quasi"}

RE_STRUCT_START = re.compile(
    r"^(?:\d{1,3}[A-Z]{0,2}\s*[.)]\s|\[?\(\s*(?:\d{1,3}[A-Z]?|[a-z]{1,4}|[A-Z]{1,3})\s*\)|"
    r"(?:PART|CHAPTER|Part|Chapter)\s+[IVXLC\d]|(?:THE\s+)?SCHEDULE\b|Explanation\b|Provided\b|Illustration)"
)
# On OCR lines, labels and numbers come mangled: "{a)", "(b}", "lb)", "12- Rules.", "3, Abetment".
RE_OCR_START = re.compile(r"^(?:[\[({|]?\w{1,3}[)\]}]\s|[‘'|\[]?\w{1,3}\s?[.,\-]\s+[A-Z])")
RE_REF_TAIL = re.compile(r"\b(?:sub-?)?(?:section|clause|paragraph|rule|item|article)s?$", re.I)
# "108 THE GAZETTE OF PAKISTAN, EXTRA., JUNE 2, 2025 [PART I": a running head, its page number at one end and
# no lower-case word (a gazette volume's second page has no other page to repeat it).
RE_RUNNING_HEAD = re.compile(
    r"^\d{1,4}\s+(?=[^a-z]*[A-Z]{3})[^a-z]{10,}$|^(?=[^a-z]*[A-Z]{3})[^a-z]{10,}(?<!,)\s+\d{1,4}$"
)
RE_PAGE_NUMBER = re.compile(r"^(?:[\W\d_]{1,9}|.{1,2}|(?:page|p\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?)$", re.I)


@dataclass(frozen=True)
class PLine:
    """One line of a page in PDF points; `size` is None for OCR lines (no font information)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    size: float | None = None
    bold: bool = False
    ocr: bool = False
    markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Page:
    lines: tuple[PLine, ...]
    footnotes: tuple[tuple[str, str], ...]
    width: float
    height: float
    margin: tuple[PLine, ...] = ()  # marginal notes: the headings a gazette prints beside its sections


# --- 1. open ------------------------------------------------------------------------------------
def _open(path: Path, data: bytes):
    import pdfplumber

    try:
        pdf = pdfplumber.open(BytesIO(data))
        _ = pdf.pages  # pdfminer parses the page tree lazily: force it while errors are caught
    except (MemoryError, RecursionError):
        raise  # lawgap.parsers.budget.reading says these as such, never as a damaged file
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise InputError(path, _pdf_problem(exc)) from None
    return pdf


def _pdf_problem(exc: BaseException) -> str:
    """A reader's words for what pdfminer/pdfplumber said (pdfplumber wraps pdfminer's error in args)."""
    causes = [exc, exc.__cause__, exc.__context__, *[a for a in exc.args if isinstance(a, BaseException)]]
    names = " ".join(f"{type(c).__name__} {c}" for c in causes if c is not None)
    if re.search(r"password|encrypt", names, re.I):
        return "encrypted PDF: it needs a password to open (save an unprotected copy and try again)"
    inner = next((c for c in causes[1:] if c is not None), exc)
    detail = str(inner).strip() or type(inner).__name__
    return f"damaged PDF file, cannot be read ({detail[:120]})"


# --- 2. footnote markers ----------------------------------------------------------------------------
def _body_size(pdf) -> float:
    sizes: Counter[float] = Counter()
    for page in pdf.pages:
        for c in page.chars:
            if c["text"].strip():
                sizes[round(c["size"] * 2) / 2] += 1
    return sizes.most_common(1)[0][0] if sizes else 12.0


def _markers(chars: Sequence[dict], body: float) -> list[tuple[str, dict]]:
    """Footnote markers: runs of small digits whose bottom sits clearly above their neighbours'."""
    small = sorted(
        (c for c in chars if c["text"].isdigit() and c["size"] <= MARKER_SIZE * body),
        key=lambda c: (round(c["top"]), c["x0"]),
    )
    runs: list[list[dict]] = []
    for c in small:
        if runs and abs(runs[-1][-1]["top"] - c["top"]) < 1 and -1.0 <= c["x0"] - runs[-1][-1]["x1"] < 1.5:
            runs[-1].append(c)
        else:
            runs.append([c])
    out = []
    for run in runs:
        first, size = run[0], max(c["size"] for c in run)
        x0, x1 = first["x0"], run[-1]["x1"]
        bottom = max(c["bottom"] for c in run)
        near = [
            c
            for c in chars
            if c["size"] >= 1.3 * size
            and c["text"].strip()
            and c["top"] < bottom + 2
            and c["bottom"] > first["top"]
            and (abs(c["x0"] - x1) < 30 or abs(c["x1"] - x0) < 30)
        ]
        if near and all(bottom < c["bottom"] - 0.15 * c["size"] for c in near[:3]):
            out.append(
                (
                    "".join(c["text"] for c in run),
                    {"x0": x0, "x1": x1, "top": first["top"], "bottom": bottom, "chars": run},
                )
            )
    return out


# --- 3. lines of one page -----------------------------------------------------------------------------
def _page_lines(page, index: int, body: float, ocr_layer: bool) -> _Page:
    """Text-layer lines of a page, markers removed and attached, footnotes split off."""
    markers = _markers(page.chars, body)
    drop = {(round(c["x0"], 2), round(c["top"], 2)) for _, m in markers for c in m["chars"]}
    page_f = page.filter(
        lambda o: o.get("object_type") != "char" or (round(o["x0"], 2), round(o["top"], 2)) not in drop
    )
    margin = set() if ocr_layer else marginal_chars(page_f.chars, FOOTNOTE_SIZE * body)
    notes: tuple[PLine, ...] = ()
    if margin:
        # small type sets its word gaps narrower than the default tolerance: a finer one keeps the spaces
        small = _text_lines(page_f.filter(lambda o: char_key(o) in margin), index, ocr_layer, 1.0)
        notes = tuple(
            replace(n[0], text=_join_lines([x.text for x in n]), bottom=n[-1].bottom) for n in notes_of(small)
        )
        page_f = page_f.filter(lambda o: o.get("object_type") != "char" or char_key(o) not in margin)
    lines = _attach_markers(_merge_rows(_text_lines(page_f, index, ocr_layer)), markers)
    body_lines, footnotes = _split_footnotes(lines, markers, body)
    return _Page(tuple(body_lines), tuple(footnotes), page.width, page.height, notes)


def _text_lines(page, index: int, ocr_layer: bool, x_tolerance: float = 3) -> list[PLine]:
    lines: list[PLine] = []
    for ln in page.extract_text_lines(return_chars=True, strip=True, x_tolerance=x_tolerance):
        chars = [c for c in ln["chars"] if c["text"].strip()]
        if not chars or not ln["text"].strip():
            continue
        size = statistics.median(c["size"] for c in chars)
        bold = sum("bold" in c.get("fontname", "").lower() for c in chars) > 0.6 * len(chars)
        lines.append(
            PLine(ln["text"].strip(), ln["x0"], ln["x1"], ln["top"], ln["bottom"], index, size, bold, ocr_layer)
        )
    return lines


def _merge_rows(lines: list[PLine]) -> list[PLine]:
    """Join a label to the rest of its printed row when the extractor split them ("(g)" set a little
    higher than its text, as OCR layers often place it): they overlap vertically by half."""
    out: list[PLine] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if out:
            a = out[-1]
            overlap = min(a.bottom, ln.bottom) - max(a.top, ln.top)
            height = min(a.bottom - a.top, ln.bottom - ln.top)
            left, right = (a, ln) if a.x0 <= ln.x0 else (ln, a)
            # Only a short label is pulled into its row: a marginal note beside a section stays a
            # line of its own, for the grammar to read as the section's title.
            side_by_side = right.x0 >= left.x1 - 1 and len(left.text) <= 6
            if height > 0 and overlap >= 0.5 * height and side_by_side:
                out[-1] = replace(
                    left,
                    text=f"{left.text} {right.text}",
                    x1=max(a.x1, ln.x1),
                    top=min(a.top, ln.top),
                    bottom=max(a.bottom, ln.bottom),
                    bold=left.bold and right.bold,
                    markers=left.markers + right.markers,
                )
                continue
        out.append(ln)
    return out


def _attach_markers(lines: list[PLine], markers: list[tuple[str, dict]]) -> list[PLine]:
    found: dict[int, list[tuple[float, str]]] = {}
    for digits, m in markers:
        best = None
        for k, ln in enumerate(lines):
            inside = ln.top - 6 <= m["top"] <= ln.bottom and ln.x0 - 6 <= m["x0"] <= ln.x1 + 6
            if inside and (best is None or abs(ln.top - m["top"]) < abs(lines[best].top - m["top"])):
                best = k
        if best is not None:
            found.setdefault(best, []).append((m["x0"], digits))
    return [
        replace(ln, markers=tuple(d for _, d in sorted(found[k]))) if k in found else ln for k, ln in enumerate(lines)
    ]


def _split_footnotes(lines: list[PLine], markers, body: float) -> tuple[list[PLine], list[tuple[str, str]]]:
    """Footnotes: small-type lines below the last body-size line, the first opening with a marker."""
    last_body = max((k for k, ln in enumerate(lines) if ln.size and ln.size > FOOTNOTE_SIZE * body), default=-1)
    start = None
    for k in range(last_body + 1, len(lines)):
        ln = lines[k]
        if ln.size and ln.size <= FOOTNOTE_SIZE * body and ln.markers and _marker_leads(ln, markers):
            start = k
            break
    if start is None:
        return lines, []
    notes: list[list[str]] = []
    nums: list[str] = []
    for ln in lines[start:]:
        if ln.markers and _marker_leads(ln, markers):
            nums.append(ln.markers[0])
            notes.append([ln.text])
        elif notes:
            notes[-1].append(ln.text)
    return lines[:start], [(n, _join_lines(t)) for n, t in zip(nums, notes, strict=True)]


def _marker_leads(line: PLine, markers) -> bool:
    return any(abs(m["x0"] - line.x0) < 4 or m["x1"] <= line.x0 + 1 for d, m in markers if d == line.markers[0])


def _ocr_page(ocr_lines, index: int) -> _Page:
    lines = tuple(PLine(o.text, o.x0, o.x1, o.top, o.bottom, index, None, False, True) for o in ocr_lines)
    return _Page(lines, (), 0.0, 0.0)


# --- 4. headers, footers, page numbers ----------------------------------------------------------------
def _edge_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _drop_furniture(pages: list[_Page]) -> tuple[list[_Page], int]:
    """Remove lines repeated near the top or bottom of many pages, and bare page numbers there."""
    n = len(pages)
    need = max(2, -(-2 * n // 5))  # on at least 40% of the pages, and on two
    edges: list[list[tuple[int, str, str]]] = []  # per page: (line index, zone, key)
    for p in pages:
        cands = []
        for k, ln in enumerate(p.lines):
            zone = "top" if ln.top < EDGE * p.height else "bottom" if ln.bottom > (1 - EDGE) * p.height else ""
            if zone and (k < 3 or k >= len(p.lines) - 3):
                cands.append((k, zone, _edge_key(ln.text)))
        edges.append(cands)
    dropped = 0
    out = []
    for pi, p in enumerate(pages):
        kill = set()
        for k, zone, key in edges[pi]:
            text = p.lines[k].text.strip()
            if RE_PAGE_NUMBER.match(text) and not re.fullmatch(r"\(\w{1,4}\)", text):
                kill.add(k)
                continue
            if zone == "top" and k < 2 and RE_RUNNING_HEAD.match(text):
                kill.add(k)
                continue
            if p.lines[k].ocr and not re.search(r"[A-Za-z]{3}", text):
                kill.add(k)  # OCR of a printed rule or a speck: "= a SS"
                continue
            if len(key) < 4:
                continue
            same = sum(
                1
                for pj in range(n)
                if pj != pi and any(z == zone and ratio(key, other) >= 80 for _, z, other in edges[pj])
            )
            if same + 1 >= need:
                kill.add(k)
        dropped += len(kill)
        out.append(replace(p, lines=tuple(ln for k, ln in enumerate(p.lines) if k not in kill)))
    return out, dropped


# --- 5. paragraphs -------------------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]")


def _join_lines(texts: Sequence[str], counts: Counter[str] | None = None) -> str:
    out = ""
    for t in texts:
        out = _join(out, t, counts) if out else t
    return out


def _join(left: str, right: str, counts: Counter[str] | None) -> str:
    """Join two lines; a line-end hyphen is kept or dropped as the document spells the word elsewhere."""
    m = re.search(r"([A-Za-z]+)-$", left)
    n = re.match(r"([a-z]+)", right)
    if not (m and n):
        return f"{left} {right}"
    w1, w2 = m.group(1), n.group(1)
    joined, hyphened = (w1 + w2).lower(), f"{w1}-{w2}".lower()
    counts = counts or Counter()
    keep = counts[hyphened] > counts[joined] or (counts[joined] == 0 and w1.lower() in HYPHEN_PREFIXES)
    return left + right if keep else left[:-1] + right


def _pitch(lines: Sequence[PLine]) -> float:
    steps = [
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 < b.top - a.top < 3 * max(a.bottom - a.top, 1)
    ]
    return statistics.median(steps) if steps else 14.0


def _new_paragraph(prev: PLine, cur: PLine, pitch: float, right: float, width: float) -> bool:
    starts = RE_STRUCT_START.match(cur.text) or (cur.ocr and RE_OCR_START.match(cur.text))
    if starts and not (RE_REF_TAIL.search(prev.text) or prev.text.endswith("-")):
        return True
    if cur.page != prev.page:  # a paragraph runs on only from a full last line
        return bool(re.search(r"[.;:—–]$", prev.text)) or prev.x1 < right - 0.1 * width
    if cur.top - prev.top > PARA_GAP * pitch:
        return True
    if prev.size and cur.size and abs(prev.size - cur.size) > 0.15 * prev.size:
        return True
    short = prev.x1 < right - 0.15 * width
    return short and bool(re.search(r"[.;:—–]$", prev.text))


def _paragraphs(pages: list[_Page]) -> tuple[list[Block], int]:
    lines = [ln for p in pages for ln in p.lines]
    counts: Counter[str] = Counter(w.lower() for ln in lines for w in _WORD.findall(ln.text))
    pitch = _pitch(lines)
    rights = [ln.x1 for ln in lines]
    lefts = [ln.x0 for ln in lines]
    right = statistics.quantiles(rights, n=10)[-1] if len(rights) > 10 else max(rights, default=500.0)
    left = statistics.quantiles(lefts, n=10)[0] if len(lefts) > 10 else min(lefts, default=70.0)
    width = max(right - left, 100.0)
    centre = (left + right) / 2
    groups: list[list[PLine]] = []
    for ln in lines:
        if groups and not _new_paragraph(groups[-1][-1], ln, pitch, right, width):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    footnotes = {(pi, num): text for pi, p in enumerate(pages) for num, text in p.footnotes}
    cited: set[tuple[int, str]] = set()
    blocks: list[Block] = []
    margin = [note for p in pages for note in p.margin]
    for g in groups:
        first = g[0]
        # a marginal note comes before the paragraph it is level with: it is that provision's heading
        while margin and any((ln.page, ln.bottom) > (margin[0].page, margin[0].top) for ln in g):
            note = margin.pop(0)
            blocks.append(Block(text=note.text, style=f"pdf marginal x={note.x0:.1f}", page=note.page + 1))
        text = _join_lines([ln.text for ln in g], counts)
        centered = all(
            abs((ln.x0 + ln.x1) / 2 - centre) < 0.05 * width
            and ln.x0 > left + 0.15 * width
            and ln.x1 < right - 0.15 * width
            for ln in g
        )
        style = f"pdf{' ocr' if first.ocr else ''} x={first.x0:.1f}"
        blocks.append(Block(text=text, style=style, bold=first.bold, centered=centered, page=first.page + 1))
        for ln in g:
            for num in ln.markers:
                key = (ln.page, num)
                if key in footnotes and key not in cited:
                    cited.add(key)
                    blocks.append(Block(text=footnotes[key], style=f"footnote n={num}", page=ln.page + 1))
    blocks.extend(Block(text=n.text, style=f"pdf marginal x={n.x0:.1f}", page=n.page + 1) for n in margin)
    for (pi, num), text in footnotes.items():  # a footnote whose marker was not found: keep it, as a note
        if (pi, num) not in cited:
            blocks.append(Block(text=text, style=f"footnote n={num}", page=pi + 1))
    return blocks, len(footnotes)


# --- entry point -----------------------------------------------------------------------------------------
def _has_full_page_image(page) -> bool:
    area = page.width * page.height
    return any(abs((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) >= 0.8 * area for im in page.images)


def _renderer(path: Path, pages_obj):
    """Page i as an image for OCR, at 300 dpi or less: the page's real size and the pixel budget decide
    (a 3000 pt page at 300 dpi would be a 1.7 GB bitmap); the image's dpi tells OCR how to scale back."""

    def render(i: int):
        page = pages_obj[i]
        dpi = ocr_resolution(path, i, page.width, page.height)
        image = page.to_image(resolution=dpi).original
        image.info["dpi"] = (dpi, dpi)
        return image

    return render


def extract(path: Path, data: bytes, language: str | None = None) -> Extracted:
    """Blocks of a PDF law; pages without a text layer are OCRed (see ocr.py)."""
    path = Path(path)
    check_pdf_streams(path, data)
    pdf = _open(path, data)
    try:
        return _extract(path, data, pdf, language)
    except (InputError, MemoryError, RecursionError):
        raise
    except Exception as exc:  # a damaged object deep in the file surfaces only when read
        raise InputError(path, _pdf_problem(exc)) from None
    finally:
        pdf.close()


def _extract(path: Path, data: bytes, pdf, language: str | None) -> Extracted:
    warnings: list[str] = []
    pages_obj = pdf.pages
    if not pages_obj:
        raise InputError(path, "the PDF has no pages")
    check_pages(path, len(pages_obj), 0)
    text = TextMeter(path)
    body = _body_size(pdf)
    pages: list[_Page | None] = []
    need_ocr: list[int] = []
    ocr_layers = 0
    for i, page in enumerate(pages_obj):
        printable = sum(1 for c in page.chars if c["text"].strip())
        if printable < MIN_TEXT_CHARS:
            pages.append(None)
            need_ocr.append(i)
            continue
        ocr_layer = _has_full_page_image(page)
        ocr_layers += ocr_layer
        pages.append(_page_lines(page, i, body, ocr_layer))
        text.add(sum(len(ln.text) for ln in pages[-1].lines))
    ocr_lang = None
    if need_ocr:
        from lawgap.parsers.ocr import ocr_pages

        check_pages(path, len(pages_obj), len(need_ocr))
        sha = hashlib.sha256(data).hexdigest()
        if language is None:
            from lawgap.parsers.detect import detect_language

            known = " ".join(ln.text for p in pages if p for ln in p.lines)
            language = detect_language(known) if len(known) > 200 else None

        ocr, ocr_lang = ocr_pages(path, sha, need_ocr, _renderer(path, pages_obj), language)
        for i in need_ocr:
            page = pages_obj[i]
            pages[i] = replace(_ocr_page(ocr[i], i), width=page.width, height=page.height)
            text.add(sum(len(ln.text) for ln in pages[i].lines))
        warnings.append(f"OCR used on {len(need_ocr)} of {len(pages_obj)} pages (tesseract, {ocr_lang})")
    if ocr_layers:
        warnings.append(f"the text layer of {ocr_layers} pages lies over a scanned image (an earlier OCR)")
    full = [p for p in pages if p is not None]
    full, dropped = _drop_furniture(full)
    blocks, n_notes = _paragraphs(full)
    if n_notes:
        warnings.append(f"{n_notes} footnotes kept out of the text, as notes")
    lang = {"eng": "en", "rus": "ru", "kir": "ky"}.get(ocr_lang or "")
    return Extracted(blocks=tuple(blocks), ocr=bool(need_ocr), warnings=tuple(warnings), language=language or lang)
