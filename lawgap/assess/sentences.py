"""Sentence spans of a provision's text, read the way the codes punctuate them.

Reads: a text and its language. Writes: [start, end) sentence spans.

Why not spaCy's sentencizer: it ends a sentence at every full stop, so "предусмотренных ч. 2 ст. 166",
"т.е." or "Act No. 5" fall apart, and every "in the same sentence" check (a limiting word, the victim
beside the right) breaks with them. razdel (natasha's segmenter, rule-based, made for Russian) knows
the abbreviations of Russian legal text; Kyrgyz laws abbreviate the same way. A few rules mend what it
does not know: English statute abbreviations ("s. 3", "sub-s. (2)", "No. 5"), a piece that starts in
lower case, and a list run inline ("вправе: 1) знать ...; 2) ..."), which stays one sentence as the
codes write it: a sentence ends only at a full stop, "!", "?" or "…". A list whose unmarked items stand on lines
of their own (a lead-in ending ":" and items ending ";", as Uzbek laws print them) is one sentence per line.
"""

from __future__ import annotations

import re
from functools import cache

# Abbreviations that never end a sentence: a number or a name always follows them ("ч. 2", "s. 3",
# "No. 5"). razdel knows most Russian ones already; those that may end one ("2000 г.", "и т.д.") are
# left to razdel and to the lower-case rule.
_ABBREVIATIONS = {
    "ru": ("ч", "ст", "стст", "ст.ст", "п", "пп", "подп", "абз", "гл", "разд", "прим", "см", "ср", "т", "т.е", "№"),
    "ky": ("б", "бб", "ст", "п", "пп", "ч"),
    "en": ("s", "ss", "sub-s", "subs", "sec", "secs", "no", "nos", "art", "arts", "para", "paras", "cl", "sch", "pt",
           "pp", "e.g", "i.e", "viz", "mr", "mrs", "ms", "dr"),
}
_ENDS = ".!?…"
_CLOSERS = "\"'»”)]"
_LAST_WORD = re.compile(r"([^\s(\[«\"]+)\.$")


@cache
def _abbreviations(language: str) -> frozenset[str]:
    return frozenset(_ABBREVIATIONS.get(language, _ABBREVIATIONS["ru"]))


def _ends_sentence(piece: str, language: str) -> bool:
    """Whether a piece razdel cut off really ends a sentence."""
    core = piece.rstrip(_CLOSERS + " ")
    if not core or core[-1] not in _ENDS:
        return False  # "...;" "...:" "...," : a list or a clause runs on
    m = _LAST_WORD.search(core)
    return not (m and m.group(1).lower().replace("ё", "е") in _abbreviations(language))


def _continues(next_piece: str) -> bool:
    """A piece that opens in lower case continues the sentence before it."""
    first = next((c for c in next_piece if c.isalnum()), "")
    return first.islower()


def sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """The [start, end) spans of the sentences of `text`, covering every non-blank stretch."""
    if not text.strip():
        return ()
    from razdel import sentenize

    pieces = [(s.start, s.stop) for s in sentenize(text)]
    out: list[tuple[int, int]] = []
    for start, stop in pieces:
        if out and (not _ends_sentence(text[out[-1][0] : out[-1][1]], language) or _continues(text[start:stop])):
            out[-1] = (out[-1][0], stop)
        else:
            out.append((start, stop))
    if "\n" in text:
        out = [piece for span in out for piece in _list_lines(text, span)]
    return tuple(out)


_LIST_BREAK = re.compile(r"[:;]\s*\n\s*")


def _list_lines(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A lead-in and the unmarked items of its list printed on lines of their own ("The victim has the right:" /
    "to give testimony ...;" / ...): one sentence each, as the items of a numbered list are provisions each."""
    out, start = [], span[0]
    for m in _LIST_BREAK.finditer(text, span[0], span[1]):
        out.append((start, m.start() + 1))
        start = m.end()
    if start < span[1]:
        out.append((start, span[1]))
    return out


def inline_item(text: str, span: tuple[int, int], at: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """In a sentence that runs a list inline ("имеют право на: получение ...; получение ... в случаях,
    предусмотренных законодательством; ..."), the item that holds offset `at` and the lead-in before the colon: a
    condition in one item binds that item, not its neighbours. None where `at` is not in such a list."""
    start, end = span
    colon = text.find(":", start, at)
    if colon < 0 or ";" not in text[colon:end]:
        return None
    lo = max(text.rfind(";", colon, at), colon) + 1
    hi = text.find(";", at, end)
    return (lo, end if hi < 0 else hi), (start, colon)
