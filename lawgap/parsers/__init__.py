"""Reading a law file: check it, recognise its format, extract blocks, build the provision tree.

Reads: one file. Writes: a `Law` (lawgap.model).

`load_law` is the one entry point. Every failure a user can cause (empty, too large, wrong
format, damaged, encrypted) raises `InputError` naming the file and the problem.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from lawgap.errors import InputError
from lawgap.model import Extracted, Law
from lawgap.parsers.budget import open_zip, reading
from lawgap.parsers.detect import (
    detect_country,
    detect_date,
    detect_kind,
    detect_language,
    detect_style,
    kind_from_name,
    kind_from_text,
    names_another_code,
)
from lawgap.parsers.excerpt import catalogue_title, is_excerpt
from lawgap.parsers.formats import SUFFIXES
from lawgap.settings import max_bytes


def find_law_files(folders: Sequence[Path]) -> list[Path]:
    """Law files under the folders, in a stable order; notes and catalogues are not laws."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES and path.name.lower() != "readme.md":
                found.append(path)
    return found


def folder_country(path: Path) -> str | None:
    """A file under national_laws/KG/ belongs to KG, whatever its text says."""
    for part in reversed(path.parent.parts):
        if len(part) == 2 and part.isalpha() and part.isupper():
            return part
    return None


def read_checked(path: Path) -> bytes:
    """The file's bytes, or an InputError if it is missing, not a file, empty or too large."""
    if not path.exists():
        raise InputError(path, "no such file")
    if not path.is_file():
        raise InputError(path, "not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "the file is empty")
    limit = max_bytes()
    if size > limit:
        raise InputError(
            path,
            f"the file is {size / 1048576:.0f} MB, over the {limit / 1048576:.0f} MB limit "
            "(set LAWGAP_MAX_FILE_MB to raise it)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None


def sniff_format(path: Path, data: bytes) -> str:
    """The format from the bytes first, the file name second: a misnamed file is still read right."""
    suffix = SUFFIXES.get(path.suffix.lower())
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if "word/document.xml" in open_zip(path, data).namelist():
            return "docx"
        raise InputError(path, "a zip archive that is not a Word .docx file")
    if suffix == "docx":
        raise InputError(path, "not a Word .docx file (no zip signature): damaged or misnamed")
    if suffix == "pdf":
        raise InputError(path, "not a PDF file (no %PDF signature): damaged or misnamed")
    first = _utf16_head(data) or data[:65536]
    if b"\x00" in first:
        raise InputError(path, "binary data, not a text, HTML, XML, PDF or Word file")
    lower = first[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lower.startswith(b"<?xml") or (lower.startswith(b"<") and b"akomantoso" in lower):
        if b"akomantoso" in first.lower():
            return "akn"
        if b"<html" in lower:
            return "html"
        raise InputError(path, "XML that is not Akoma Ntoso (no akomaNtoso root element)")
    if lower.startswith((b"<!doctype html", b"<html")) or (suffix == "html" and b"<" in lower[:200]):
        return "html"
    if suffix in ("text", "markdown"):
        return suffix
    return "text"


def _utf16_head(data: bytes) -> bytes | None:
    """The first 64 KB as UTF-8 when the file is UTF-16 text (its NUL bytes are not binary data)."""
    from lawgap.parsers.text import utf16_encoding

    enc = utf16_encoding(data)
    return data[:65536].decode(enc, "replace").lstrip("\ufeff").encode("utf-8") if enc else None


def _extract(fmt: str, path: Path, data: bytes, language: str | None) -> Extracted:
    if fmt == "docx":
        from lawgap.parsers.docx import extract
    elif fmt == "pdf":
        from lawgap.parsers.pdf import extract
    elif fmt == "html":
        from lawgap.parsers.html import extract
    else:
        from lawgap.parsers.text import extract
    return extract(path, data, language=language)


def load_law(
    path: str | Path,
    *,
    language: str | None = None,
    style: str | None = None,
    country: str | None = None,
    kind: str | None = None,
) -> Law:
    """Parse one file into a Law; the keyword arguments override what is detected."""
    from lawgap.structure import grammar_for

    path = Path(path)
    data = read_checked(path)
    sha = hashlib.sha256(data).hexdigest()
    fmt = sniff_format(path, data)
    if fmt == "akn":
        from lawgap.parsers.akn import read_law
        from lawgap.structure.repealed import find_repealed

        with reading(path):
            law = read_law(path, data)
        return replace(
            law,
            repealed=find_repealed(law.provisions),
            sha256=sha,
            country=country or law.country,
            kind=kind or law.kind,
            language=language or law.language,
        )
    with reading(path):
        extracted = _extract(fmt, path, data, language)
    sample = "\n".join(b.text for b in extracted.blocks[:3000])
    if not sample.strip():
        raise InputError(path, "no text found in the file")
    lang = language or extracted.language or detect_language(sample)
    law_style = style or detect_style(lang, (b.text for b in extracted.blocks))
    structured = grammar_for(law_style)(extracted.blocks, lang)
    from lawgap.structure.repealed import find_repealed

    provisions = structured.provisions
    if not any(p.num for p in provisions):
        # Text with no numbered provision at all is not a law we can analyse: say so, never return it empty.
        raise InputError(path, f"no provisions recognised ({law_style}-law numbering, language {lang})")
    noisy = extracted.ocr or any(" ocr" in b.style for b in extracted.blocks[:3000])
    printed_title = structured.title or extracted.title
    country = country or detect_country((printed_title or "") + "\n" + sample[:20000])
    # the kind: from the title, else from the code's own words, else (last hint) from the file's name; a title that
    # names another code (on children, the family) says the kind is none of ours
    kind = kind or detect_kind(printed_title or "")
    if kind is None and not names_another_code(printed_title):
        kind = kind_from_text(structured.text[:300_000]) or kind_from_name(f"{path.parent.name}/{path.name}")
    excerpt = is_excerpt(structured, law_style, noisy)
    title = printed_title or catalogue_title(country, kind, lang, provisions, law_style, excerpt) or path.stem
    # the adoption date is printed under the title; the grammar keeps those lines as law notes
    head = [*structured.notes[:6], *structured.text[:1500].splitlines()[:8]]
    date, number = detect_date(head + list(structured.notes[-6:]))
    return Law(
        title=title,
        language=lang,
        style=law_style,
        source=str(path),
        sha256=sha,
        provisions=provisions,
        repealed=find_repealed(provisions),
        text=structured.text,
        country=country,
        kind=kind,
        date=date,
        number=number,
        ocr=extracted.ocr,
        noisy=noisy,
        warnings=extracted.warnings + structured.warnings,
        notes=structured.notes,
        excerpt=excerpt,
    )
