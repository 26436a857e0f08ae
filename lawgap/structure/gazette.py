"""What a Commonwealth gazette prints around an Act: its masthead, and the text an amending section quotes.

Reads: common-law lines (lawgap.structure.common_lines). Writes: where the Act's own front matter
begins, and which lines lie inside a quotation.

- The Gazette of Pakistan (and of India) opens with publication matter: "REGISTERED No. M - 302",
  "The Gazette of Pakistan", "EXTRAORDINARY", the Secretariat's notice that the Act received assent.
  None of it is the Act's: it becomes law notes. The Act's own front matter starts at its number
  ("ACT No. XIX OF 2025"), its title ("THE ... ACT, 1992"), its long title ("An Act to ...") or
  its preamble ("WHEREAS").
- An amending section quotes the provision it inserts: '4. In the said Code, after section 360B,
  the following new section shall be inserted, namely:— "360C. (1) Any person who ... (2) ...".'.
  The quoted words are the amending section's text, never sections or sub-sections of the Act.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lawgap.structure.common_lines import Line

RE_ACT_OPENS = re.compile(
    r"^(?:(?:ACT|ORDINANCE)\s+(?i:No)[.,]?\s|An\s+(?:Act|Ordinance)\b|WHEREAS\b"
    r"|(?:THE\s+)?[A-Z][A-Z ,'()&\-]{6,}\b(?:ACT|ORDINANCE)\b)"
)
# Words only a gazette's masthead prints: without them the lines above the Act are the Act's own.
RE_MASTHEAD = re.compile(r"GAZETTE|EXTRAORDINARY|PUBLISHED\s+BY\s+AUTHORITY|REGISTERED\s+No|SECRETARIAT", re.I)
# A line that opens a quoted provision: '"360C. (1) Any person ...', '“(2) In section 3 ...'.
RE_QUOTE_OPENS = re.compile(r"^[“\"]\s*(?:\d{1,4}[A-Z]{0,3}\.\s|\(\w{1,4}\)\s)")
MAX_QUOTED_LINES = 80  # a quotation left open by a misprint must not swallow the rest of the Act


def publication_end(lines: Sequence[Line], start: int) -> int:
    """How many front-matter lines (of the `start` before the enacting formula) are the gazette's, not the Act's."""
    for i, ln in enumerate(lines[:start]):
        if RE_ACT_OPENS.match(ln.text):
            return i if any(RE_MASTHEAD.search(x.text) for x in lines[:i]) else 0
    return 0


def _balance(text: str, depth: int) -> int:
    """Quotations a line opens minus those it closes: curly quotes by their shape, an odd number of
    straight ones by whether a quotation is open."""
    step = text.count("“") - text.count("”")
    if text.count('"') % 2:
        step += -1 if depth > 0 else 1
    return step


class Quotation:
    """Follows a quotation across lines: `inside(text)` is True for each line of quoted text."""

    def __init__(self) -> None:
        self.depth = 0
        self.lines = 0

    def inside(self, text: str) -> bool:
        if self.depth <= 0:
            if not RE_QUOTE_OPENS.match(text):
                return False
            self.depth, self.lines = 0, 0
        self.depth += _balance(text, self.depth)
        self.lines += 1
        if self.depth <= 0 or self.lines >= MAX_QUOTED_LINES:
            self.depth = 0
        return True
