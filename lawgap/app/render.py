"""Law text made safe for the page: every character escaped, matched words marked.

Reads: law text and matched words. Writes: HTML that displays as the law's words.

Streamlit's Markdown would read `<script>`, `*`, `#`, `[x](y)`, `$...$` (LaTeX) and `:red[...]`
in a law as markup. Everything that comes from a law is turned into HTML character references
here, and only the `<mark>` and `<br>` we add stay markup, so a law always displays as its words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from lawgap.vocab import STATUS_BACKGROUND, STATUS_COLOUR

# Characters Markdown, Streamlit directives or LaTeX would read as syntax.
_MARKDOWN = set("\\`*_{}[]()<>#+-.!|~$:=^&\"'")


def escape(text: str) -> str:
    """Text as HTML that neither HTML nor Markdown reads as markup; line breaks kept."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("<br>")
        elif ch in _MARKDOWN:
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where the matched words occur in the text (case-insensitive), merged; a phrase not found
    whole is looked for word by word, since the evidence may join words a gap apart."""
    low = text.lower()
    found: list[tuple[int, int]] = []
    for phrase in words:
        phrase = phrase.strip().lower()
        if not phrase:
            continue
        parts = [phrase] if phrase in low else [w for w in re.split(r"\W+", phrase) if len(w) > 2]
        for part in parts:
            for m in re.finditer(re.escape(part), low):
                found.append((m.start(), m.end()))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def highlight(text: str, words: Sequence[str]) -> str:
    """Escaped text with the matched words in <mark>."""
    out, pos = [], 0
    for a, b in spans(text, words):
        out.append(escape(text[pos:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


def law_block(text: str, words: Sequence[str] = (), lang: str | None = None) -> str:
    """A quoted block of law text, ready for st.markdown(..., unsafe_allow_html=True)."""
    attr = f' lang="{html.escape(lang)}"' if lang else ""
    return (
        f'<div class="lawgap-law"{attr} style="border-left:3px solid #90a4ae;padding:0.3em 0.8em;'
        f'background:#fafafa;white-space:normal">{highlight(text, words)}</div>'
    )


def badge(status: str, label: str) -> str:
    return (
        f'<span style="background:{STATUS_BACKGROUND[status]};color:{STATUS_COLOUR[status]};'
        f'padding:0.1em 0.5em;border-radius:0.4em;font-weight:600">{escape(label)}</span>'
    )
