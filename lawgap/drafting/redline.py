"""A word-level redline of the current text against the consolidated text.

Reads two strings. Writes a tuple of `Segment(op, text)` with op "=", "+" or "-", which the
Markdown, HTML and DOCX writers render as plain, inserted and struck-through text.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    op: str  # "=" unchanged, "+" inserted, "-" deleted
    text: str


def redline(current: str, consolidated: str) -> tuple[Segment, ...]:
    a = _TOKENS.findall(current)
    b = _TOKENS.findall(consolidated)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Segment("=", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            out.append(Segment("-", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            out.append(Segment("+", "".join(b[j1:j2])))
    return tuple(s for s in out if s.text)


def to_markdown(segments: tuple[Segment, ...]) -> str:
    """Insertions in bold, deletions struck through; line breaks kept as Markdown hard breaks."""
    parts = []
    for s in segments:
        if s.op == "=":
            parts.append(s.text)
            continue
        mark = "**" if s.op == "+" else "~~"
        # mark each line separately: emphasis cannot span a paragraph break
        parts.append("\n".join(f"{mark}{ln}{mark}" if ln.strip() else ln for ln in s.text.split("\n")))
    return "  \n".join("".join(parts).split("\n"))


def to_html(segments: tuple[Segment, ...]) -> str:
    parts = []
    for s in segments:
        t = html.escape(s.text).replace("\n", "<br>")
        parts.append(t if s.op == "=" else (f"<ins>{t}</ins>" if s.op == "+" else f"<del>{t}</del>"))
    return "".join(parts)
