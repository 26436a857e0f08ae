"""Unnumbered parts: where each part of an article begins when the code prints no part numbers.

Reads: the classified lines of a civil-law text (lawgap.structure.civil_lines). Writes: for each line
that opens an unnumbered part, the part's position in its article (1, 2, ...).

Codes of Uzbekistan, Tajikistan and Turkmenistan (and older Soviet codes) print parts without
numbers, and lawyers cite them by position ("часть вторая"):
- in an offence article each part is a paragraph, or a run of paragraphs, closed by its own
  sanction ("— наказывается ...", "... жазаланат.", "shall be punished by ..."); the next paragraph
  opens the next part;
- in an article with no sanction (the General Part, a law) each paragraph is a part, except the unmarked items
  of a list, lines after a lead-in ending ":" that end ";" (Uzbek drafting), which belong to the lead-in's part;
- a list of items (а), б) or 1), 2)) belongs to the part of its lead-in, and the sanction that
  closes the list belongs to that part too (the walker in lawgap.structure.civil sees to it);
- a note ("Примечание") ends the parts.
An article with a single part keeps its words unsplit: there is nothing to cite by position. A
text that numbers its parts ("1.", "2.") is left alone (its numbers are the parts), unless such
articles are a small minority of those that would split: numbered codes parse as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lawgap.structure.civil_lines import ANNEX_RULES, ARTICLE_RULES, HEADING_RULES, Line

# The sanction that closes a part of an offence article, as printed after the dash or on its own
# line ("—\nнаказываются лишением свободы ..."), in Kyrgyz at the end of the sentence; a line of its own may have been
# joined to the last item before it ("е) с использованием поддельных документов; наказываются ...").
SANCTION = re.compile(
    r"(?:^|[-–—;]\s*)(?:наказыва(?:ет|ют)ся|shall\s+be\s+(?:punished|punishable|liable)|is\s+punishable)\b"
    # English sets the sanction after a comma: "h) for the purpose of the removal of organs, shall be punished by"
    r"|,\s*(?:shall\s+be\s+(?:punished|punishable|liable)|is\s+punishable)\b"
    r"|\bжазаланат\W*$",
    re.IGNORECASE | re.MULTILINE,
)
ITEM_RULES = frozenset({"point", "subpoint"})
# Numbered articles may be at most this share of the articles that would split.
NUMBERED_SHARE = 0.1


def _articles(lines: Sequence[Line], skip: set[int]) -> Iterator[tuple[list[int], bool]]:
    """Each article's own lines (up to its note, the next heading or the signature) and whether it
    numbers its parts."""
    body: list[int] | None = None
    numbered = in_note = False
    for i, line in enumerate(lines):
        rule = line.rule
        name = rule.name if rule is not None else None
        if name is None or name in ITEM_RULES:
            if body is not None and not in_note and i not in skip:
                body.append(i)
        elif i in skip:
            continue
        elif name in HEADING_RULES or name in ANNEX_RULES or name == "signature":
            if body is not None:
                yield body, numbered
            body, numbered, in_note = ([] if name in ARTICLE_RULES else None), False, False
        elif name == "note":
            in_note = True
        elif name == "paragraph" and not in_note:
            numbered = True
    if body is not None:
        yield body, numbered


def _starts(lines: Sequence[Line], body: list[int]) -> list[int]:
    """The lines that open the article's parts (the first is its first paragraph)."""
    paragraphs = [i for i in body if lines[i].name is None]
    if not paragraphs or body[0] != paragraphs[0]:
        return []  # an article that opens with an item has no lead-in to hang parts on
    if not any(SANCTION.search(lines[i].text) for i in body):
        return _paragraph_parts(lines, paragraphs)  # the General Part, a law: one part per paragraph
    starts, closed = [paragraphs[0]], False
    for i in body:
        if closed and lines[i].name is None:
            starts.append(i)
            closed = False
        if SANCTION.search(lines[i].text):
            closed = True
    return starts


def _paragraph_parts(lines: Sequence[Line], paragraphs: list[int]) -> list[int]:
    """One part per paragraph, except the unmarked items of a list: the paragraphs after a lead-in that ends
    with ":" ("Потерпевший вправе:", "The victim has the right:"), as long as each ends with ";" or ",", belong
    to the lead-in's part (Uzbek drafting prints such items as paragraphs without a number or a letter)."""
    starts: list[int] = []
    in_list = False
    for i in paragraphs:
        if not in_list:
            starts.append(i)
        text = lines[i].text.rstrip()
        in_list = text.endswith(":") or (in_list and text.endswith((";", ",")))
    return starts


def unnumbered_parts(lines: Sequence[Line], skip: set[int]) -> dict[int, int]:
    """Line index -> position of the unnumbered part it opens, for every article that has two or more.

    In a text that numbers its parts, only an offence article printed without numbers and closed by two or more
    sanctions is split: a translation may number the General Part's parts and not the Special Part's."""
    found: dict[int, int] = {}
    offences: dict[int, int] = {}
    numbered = splitting = 0
    for body, has_numbers in _articles(lines, skip):
        if has_numbers:
            numbered += 1
            continue
        starts = _starts(lines, body)
        if len(starts) >= 2:
            splitting += 1
            parts = {i: k for k, i in enumerate(starts, start=1)}
            found.update(parts)
            if sum(1 for i in body if SANCTION.search(lines[i].text)) >= 2:
                offences.update(parts)
    if numbered > NUMBERED_SHARE * splitting:
        return offences
    return found
