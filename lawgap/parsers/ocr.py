"""OCR of PDF pages that have no text layer: tesseract lines with their boxes, cached on disk.

Reads: PDF pages without text. Writes: OCR lines with boxes (cached, lawgap.cache).

The PDF reader treats OCR lines like text-layer lines (same header, footer and paragraph
stages), so this module returns positioned lines in PDF points, not a flat string. Results are
cached per file (sha256), page, language and resolution under `LAWGAP_CACHE` or
~/.cache/lawgap, so reruns and tests OCR a document once.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from lawgap.cache import DiskCache
from lawgap.errors import InputError

RESOLUTION = 300
# lawgap language -> tesseract language data, with fallbacks when the first is not installed.
TESSERACT_LANGS = {"en": ("eng",), "ru": ("rus",), "ky": ("kir", "rus")}
DEBIAN_PACKAGE = {"eng": "tesseract-ocr-eng", "rus": "tesseract-ocr-rus", "kir": "tesseract-ocr-kir"}
CACHE_VERSION = 1


@dataclass(frozen=True)
class OcrLine:
    """One recognised line: its words and box in PDF points, and the mean word confidence."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    conf: float


def _check_tesseract(path: Path) -> set[str]:
    """The installed tesseract languages, or an InputError saying what to install."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise InputError(
            path,
            "has pages without a text layer that need OCR, but the tesseract program is not installed "
            "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus)",
        )
    try:
        return set(pytesseract.get_languages(config=""))
    except Exception as exc:  # pytesseract raises several unrelated types here
        raise InputError(path, f"tesseract is installed but does not run: {exc}") from None


def tesseract_lang(path: Path, language: str | None, installed: set[str]) -> str:
    """The tesseract language for a lawgap language; kir falls back to rus when kir is absent."""
    wanted = TESSERACT_LANGS.get(language or "en", ("eng",))
    for lang in wanted:
        if lang in installed:
            return lang
    pkg = DEBIAN_PACKAGE.get(wanted[0], f"tesseract-ocr-{wanted[0]}")
    raise InputError(
        path, f"needs OCR in {language!r} but tesseract has no '{wanted[0]}' language data (apt-get install {pkg})"
    )


def guess_script_language(image) -> str | None:
    """'ru' or 'en' from tesseract's script detection (OSD) on one page image; None if it cannot tell."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image)
    except Exception:  # OSD fails on sparse pages; the caller falls back to English
        return None
    if "Script: Cyrillic" in osd:
        return "ru"
    if "Script: Latin" in osd:
        return "en"
    return None


def lines_from_data(data: dict, scale: float) -> list[OcrLine]:
    """tesseract `image_to_data` output -> lines in reading order, boxes scaled to PDF points."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for k, word in enumerate(data["text"]):
        if word and word.strip() and float(data["conf"][k]) >= 0:
            key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
            groups.setdefault(key, []).append(k)
    out: list[OcrLine] = []
    for idx in groups.values():
        words = [data["text"][k].strip() for k in idx]
        x0 = min(data["left"][k] for k in idx) * scale
        x1 = max(data["left"][k] + data["width"][k] for k in idx) * scale
        top = min(data["top"][k] for k in idx) * scale
        bottom = max(data["top"][k] + data["height"][k] for k in idx) * scale
        conf = sum(float(data["conf"][k]) for k in idx) / len(idx)
        out.append(OcrLine(" ".join(words), x0, x1, top, bottom, conf))
    out.sort(key=lambda ln: (round(ln.top / 4), ln.x0))
    return out


def ocr_pages(
    path: Path,
    sha256: str,
    pages: Sequence[int],
    render: Callable[[int], object],
    language: str | None,
) -> tuple[dict[int, list[OcrLine]], str]:
    """OCR the given page indexes (0-based); `render(i)` gives a PIL image, at the dpi its info says (else
    RESOLUTION): a page too large for the pixel budget is rendered at less.

    Returns the lines per page and the tesseract language used. Cached pages are not rendered.
    """
    import pytesseract
    from tqdm import tqdm

    installed = _check_tesseract(path)
    if language is None and pages:
        language = _cached_language(sha256) or guess_script_language(render(pages[0])) or "en"
        _store_language(sha256, language)
    lang = tesseract_lang(path, language, installed)
    result: dict[int, list[OcrLine]] = {}
    todo = []
    for i in pages:
        cached = _load(sha256, i, lang)
        if cached is not None:
            result[i] = cached
        else:
            todo.append(i)
    bar = tqdm(todo, desc="OCR", unit="page", file=sys.stderr, disable=not todo or not sys.stderr.isatty())
    for i in bar:
        image = render(i)
        try:
            data = pytesseract.image_to_data(image, lang=lang, output_type=pytesseract.Output.DICT)
        except Exception as exc:  # TesseractError and friends: report, never a traceback
            raise InputError(path, f"OCR of page {i + 1} failed: {exc}") from None
        dpi = getattr(image, "info", {}).get("dpi", (RESOLUTION,))[0]
        lines = lines_from_data(data, 72.0 / dpi)
        _store(sha256, i, lang, lines)
        result[i] = lines
    return result, lang


# --- cache ---------------------------------------------------------------------------------------
# One entry per page and language, and the language guessed for a file (lawgap.cache).
_PAGES = DiskCache("ocr", CACHE_VERSION)
_LANGUAGES = DiskCache("ocr-language", CACHE_VERSION, ".txt")


def _key(sha256: str, page: int, lang: str) -> str:
    return f"{sha256}-p{page + 1}-{lang}-{RESOLUTION}dpi"


def _load(sha256: str, page: int, lang: str) -> list[OcrLine] | None:
    data = _PAGES.get(_key(sha256, page, lang))
    try:
        return [OcrLine(**row) for row in json.loads(data)] if data is not None else None
    except (ValueError, TypeError):
        return None


def _store(sha256: str, page: int, lang: str, lines: list[OcrLine]) -> None:
    _PAGES.put(_key(sha256, page, lang), json.dumps([asdict(ln) for ln in lines]).encode())


def _cached_language(sha256: str) -> str | None:
    data = _LANGUAGES.get(sha256)
    return data.decode("utf-8", "replace").strip() or None if data is not None else None


def _store_language(sha256: str, language: str) -> None:
    _LANGUAGES.put(sha256, language.encode())
