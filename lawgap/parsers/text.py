"""Plain-text and Markdown reader: UTF-8 lines to Blocks, Markdown markup stripped.

Reads: plain text or Markdown. Writes: `Extracted` blocks (lawgap.model).

Law banks export Markdown with '#' headings ("#### Статья 125."), blank lines between
paragraphs and little else; third-party conversions add emphasis, links, tables and
backslash escapes. The reader keeps the words and the one hint that matters to the
grammars, the heading level, and drops the markup:

- '#'..'######' headings (and setext '===' / '---' underlines) -> `heading_level`;
- `**bold**`, `*em*`, `__x__`, `_x_`, `~~x~~`, `` `code` `` -> their text (bold noted);
- links and images `[text](url)` / `![alt](url)` / `<https://...>` -> their text;
- backslash escapes (`\\*`, `1\\.`) -> the character; HTML tags removed, `<sup>1</sup>` after a
  digit -> "-1" (the Kyrgyz/Russian convention for inserted numbers);
- table rows -> one block per row, cells joined by " | "; separator rows dropped;
- block quotes and bullet markers stripped; ordered-list numbers kept (they are the law's).

A paragraph spread over several lines is joined (CommonMark soft breaks), except where a
line starts something new: a heading, list item, legal number ("1.", "1)", "а)", "Статья").
A plain .txt file with no blank lines between paragraphs is read one line per block.
"""

from __future__ import annotations

import re
from pathlib import Path

from lawgap.errors import InputError
from lawgap.model import Block, Extracted
from lawgap.parsers.budget import TextMeter

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+")
# Lines that start a new paragraph even without a blank line before them.
_STARTS_BLOCK = re.compile(
    r"^\s*(?:#{1,6}\s|\||>|[-*+]\s|\d+(?:[-.]\d+)*[.)]\s|[а-яёa-z]\)\s|Статья\s|Глава\s|РАЗДЕЛ\s|Раздел\s"
    r"|\d+\s*-\s*(?:берене|глава)\b|Примечани|Сноска|\()"
)

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_SUP_NUM = re.compile(r"(?<=\d)<sup>\s*(\d+)\s*</sup>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(.+?)~~")
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'<])")
_ENTITIES = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'"}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))


def utf16_encoding(data: bytes) -> str | None:
    """'utf-16' when the bytes are UTF-16 text (Windows Notepad's "Unicode"): a byte-order mark, or, without
    one, NULs only in the high byte of each character; else None."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = data[:65536]
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # ASCII spaces, digits and punctuation put a NUL beside every one of them, Cyrillic a 0x04
    if len(sample) >= 16 and min(even, odd) == 0 and max(even, odd) >= max(1, len(sample) // 20):
        enc = "utf-16-le" if odd else "utf-16-be"
        try:
            sample.decode(enc)
        except UnicodeDecodeError:
            return None
        return enc
    return None


def decode(path: Path, data: bytes) -> str:
    """UTF-8 or UTF-16 text (a byte-order mark is dropped), or InputError naming the first bad byte."""
    utf16 = utf16_encoding(data)
    try:
        text = data.decode(utf16) if utf16 else data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"not {'UTF-16' if utf16 else 'UTF-8'} text: undecodable byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start} (save the file as UTF-8)",
        ) from None
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise InputError(path, "binary data (NUL bytes), not a text or Markdown file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_inline(text: str) -> tuple[str, bool]:
    """The words of one Markdown line without inline markup; True if it was all bold."""
    if not any(c in text for c in "*_[]`<\\~&!"):
        return " ".join(text.split()), False
    whole_bold = bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", text))
    # escapes first become placeholders so an escaped '*' is not read as emphasis
    escaped: list[str] = []

    def hold(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = _ESCAPE.sub(hold, text)
    text = _CODE.sub(r"\1", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SUP_NUM.sub(r"-\1", text)
    text = _TAG.sub("", text)
    text = _ENTITY.sub(lambda m: _ENTITIES[m.group()], text)
    for _ in range(2):  # nested emphasis: ***x***
        text = _STRONG.sub(r"\2", text)
        text = _EM_STAR.sub(r"\1", text)
        text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: escaped[int(m.group(1))], text)
    return " ".join(text.split()), whole_bold


def _table_row(line: str) -> str:
    cells = line.strip().strip("|").split("|")
    return " | ".join(c for c in (strip_inline(c)[0] for c in cells) if c)


def markdown_blocks(text: str) -> list[Block]:
    """Blocks of a Markdown document, one per paragraph, heading or table row."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            words, bold = strip_inline(" ".join(para))
            if words:
                blocks.append(Block(text=words, bold=bold))
            para.clear()

    in_fence = False
    for raw in text.split("\n"):
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                blocks.append(Block(text=" ".join(raw.split()), style="code"))
            continue
        line = raw
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip():
            flush()
            continue
        m = _ATX.match(line)
        if m:
            flush()
            words, _ = strip_inline(m.group(2) or "")
            if words:
                blocks.append(Block(text=words, heading_level=len(m.group(1)), style=f"h{len(m.group(1))}"))
            continue
        setext = _SETEXT.match(line)
        if setext and para:
            level = 1 if setext.group(1).startswith("=") else 2
            words, _ = strip_inline(" ".join(para))
            para.clear()
            if words:
                blocks.append(Block(text=words, heading_level=level, style=f"h{level}"))
            continue
        if _RULE.match(line):
            flush()
            continue
        if line.lstrip().startswith("|"):
            flush()
            if not _TABLE_SEP.match(line):
                row = _table_row(line)
                if row:
                    blocks.append(Block(text=row, style="table-row"))
            continue
        if _BULLET.match(line):
            flush()
            line = _BULLET.sub("", line, count=1)
        elif _STARTS_BLOCK.match(line):
            flush()
        para.append(line.strip())
        if raw.endswith("  ") or raw.endswith("\\"):  # hard line break
            if para[-1].endswith("\\"):
                para[-1] = para[-1][:-1]
            flush()
    flush()
    return blocks


def text_blocks(text: str) -> list[Block]:
    """Blocks of a plain-text file: paragraphs if blank lines separate them, else lines."""
    lines = text.strip("\n").split("\n")
    nonblank = sum(1 for ln in lines if ln.strip())
    blank = len(lines) - nonblank
    if blank * 3 < nonblank:  # one paragraph per line, no blank lines between them
        return [Block(text=" ".join(ln.split())) for ln in lines if ln.strip()]
    blocks: list[Block] = []
    para: list[str] = []
    for ln in lines:
        if para and (not ln.strip() or _STARTS_BLOCK.match(ln)):
            blocks.append(Block(text=" ".join(" ".join(para).split())))
            para.clear()
        if ln.strip():
            para.append(ln.strip())
    if para:
        blocks.append(Block(text=" ".join(" ".join(para).split())))
    return blocks


def extract(path: str | Path, data: bytes, language: str | None = None) -> Extracted:
    """Blocks of a .txt or .md file (Markdown when the name or the '#' headings say so)."""
    path = Path(path)
    text = decode(path, data)
    TextMeter(path).add(len(text))
    is_md = path.suffix.lower() in (".md", ".markdown") or bool(re.search(r"(?m)^#{1,6} \S", text[:20000]))
    blocks = markdown_blocks(text) if is_md else text_blocks(text)
    if not blocks:
        raise InputError(path, "no text found in the file (only blank lines or markup)")
    title = next((b.text for b in blocks if b.heading_level == 1), None)
    return Extracted(blocks=tuple(blocks), title=title, language=language)
