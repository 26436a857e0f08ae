"""The intermediate every format reader produces: a flat run of text blocks with layout hints.

Format readers (docx, pdf, html, text, markdown) only extract; the structure grammars in
lawgap/structure turn blocks into provisions. Keeping them apart lets one grammar serve
every format.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One paragraph or line of the source, already stripped of page furniture.

    `heading_level` is set only where the format itself says so (Markdown '#', HTML h1-h6,
    a Word 'Heading N' style); `style` keeps the raw hint (Word style id, HTML tag,
    "superscript-num" and the like) for grammars that need it.
    """

    text: str
    style: str = ""
    heading_level: int | None = None
    bold: bool = False
    centered: bool = False
    page: int | None = None


@dataclass(frozen=True)
class Extracted:
    """What a format reader hands to the structure stage."""

    blocks: tuple[Block, ...]
    ocr: bool = False
    warnings: tuple[str, ...] = ()
    title: str | None = None
    language: str | None = None
