"""Common-law lines: the line table, list numbering and front matter of English (Commonwealth) Acts.

Reads: Blocks. Writes: `Line`s with the hints the grammar in lawgap.structure.common walks over:

section, part and chapter headings, enumerators (1) (a) (i), OCR-damaged numbers, the contents list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from lawgap.model import Block

CHAPTER_RANK = 40
# Depth below the section: the first three have the aliases of the brief; deeper lists are clauses.
LEVELS = {60: ("paragraph", "subsec"), 70: ("point", "para"), 80: ("subpoint", "subpara")}
DEEP_LEVELS = (("subpoint", "clause"), ("subpoint", "subclause"))
STYLE_RANK = {"arabic": 60, "alpha": 70, "roman": 80, "ALPHA": 90, "ROMAN": 90}
FIRST = {"arabic": "1", "alpha": "a", "roman": "i", "ALPHA": "A", "ROMAN": "I"}

DASH = r"\-–—−‐‑"
SEP = rf"(?:[.,:;]\s*[{DASH}]{{1,3}}|[{DASH}]{{2,3}}|—(?=\s*[(\[{{A-Z]))"
ORDINALS = {
    w: str(i + 1) for i, w in enumerate(("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH"))
}

# --- the line table -------------------------------------------------------------------------
# Containers: the keyword must be capitalised ("PART", "Part"), the line short.
RE_PART = re.compile(r"^(?:PART|Part)\s+([IVXLC]+|\d+[A-Z]?|[A-Z])\b\s*[.:\-–—]?\s*(.{0,120})$")
RE_CHAPTER = re.compile(r"^(?:CHAPTER|Chapter)\s+([IVXLC]+|\d+[A-Z]?|[A-Z])\b\s*[.:\-–—]?\s*(.{0,120})$")
RE_SCHEDULE = re.compile(
    r"^\[?(?:THE\s+)?(?:(FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH)\s+)?SCHEDULE"
    r"(?:\s+([IVXLC]+|\d+|[A-Z])\b)?\s*[.:\-–—]?\s*(.{0,80})$"
)
# Sections. The number, then a short title ended by ".—" (or ".--", ":—", ". —").
RE_SEC_DASH = re.compile(
    rf"^(?:Section\s+|Sec\.\s*)?(\d{{1,3}}[A-Z]{{0,2}})\s*[.:]?\s+(?P<head>[^\s{DASH}].{{0,220}}?)\s*{SEP}\s*(?P<rest>.*)$"
)
# "11. Annual report. (1) The Government ..." / "12. Rules. The Government ...": a period ends the title.
RE_SEC_PERIOD = re.compile(
    r"^(?:Section\s+|Sec\.\s*)?(\d{1,3}[A-Z]{0,2})\.\s+(?P<head>[A-Z][^.;:()]{1,100}?)\.\s+"
    r"(?P<rest>(?:\(\d+\)|\(a\)|[A-Z\"“]).*)$"
)
# "1. Short title, extent and commencement" alone (Markdown headings, titles broken over lines).
RE_SEC_HEAD_ONLY = re.compile(
    r"^(?:Section\s+|Sec\.\s*)?(\d{1,3}[A-Z]{0,2})\.?\s+(?P<head>[A-Z\"“][^;]{1,200}?)\s*\.?$"
)
# "3. (1) Every person ..." / "3.—(1) ..." / "3. Every person ...": no title on the line.
RE_SEC_BARE = re.compile(rf"^(?:Section\s+|Sec\.\s*)?(\d{{1,3}}[A-Z]{{0,2}})\.\s*[{DASH}]?\s*(?P<rest>[(\"“A-Z].*)$")
# Enumerators at the start of a line, optionally inside an insertion bracket "[(ff) ...".
RE_ENUM = re.compile(r"^(\[?)\(\s*([0-9]{1,3}[A-Z]?|[a-z]{1,5}|[A-Z]{1,4})\s*\)\s*(.*)$", re.S)
# OCR: a line-start token that may be a mangled enumerator ("{2)", "lb)", "(d;", "i2)").
RE_OCR_ENUM = re.compile(r"^[_\s]*(\S{1,6})\s+(.*)$", re.S)
# OCR: a section whose number is mangled ("l.", "3,", "12-") or lost, before a strong title.
_OCR_SEP = rf"(?:[.,:;]?\s*[{DASH}]{{1,3}})"
RE_OCR_SEC = re.compile(
    rf"^[‘'\"|\[(_\s]*(?P<num>[0-9lIiSsOoZB!|]{{1,3}}\s?[.,:;\-])?\s*[|_]?\s*(?P<head>[A-Za-z€8][^.{DASH}]{{2,120}}?)\s*(?P<sep>{_OCR_SEP}|\.(?=\s+[A-Z(]))\s*(?P<rest>.*)$"
)
RE_ENACTED = re.compile(r"\b(?:is|be) hereby enacted\b|\benacted as follows\b", re.I)
RE_CONTENTS = re.compile(r"^(?:TABLE OF )?CONTENTS$|^ARRANGEMENT OF SECTIONS$|^SECTIONS$", re.I)
RE_TITLE = re.compile(r"^(?:THE\s+)?[A-Z][A-Z ,'()&\-]{6,}\b(?:ACT|ORDINANCE|CODE|LAW|REGULATIONS?)\b,?\s*\d{4}$")
RE_SHORT_TITLE = re.compile(r"may be (?:called|cited as) (?:the )?(.{5,160}?\d{4})")
# After the Act: the Bill's statement of objects, the Secretary's signature, the printer's imprint.
RE_END_MATTER = re.compile(
    r"^STATEMENT OF OBJECTS AND REASONS$|^(?:[A-Z][A-Z .'-]+,\s*)?(?i:Secretary)\.?$|^PRINTED (?:BY|AT) THE\b"
)
RE_NOT_HEADING = re.compile(r"^(?:Explanation|Illustrations?|Provided|Proviso|Note|Exception)\b", re.I)
RE_REF_TAIL = re.compile(r"(?:\b(?:sub-?)?(?:section|clause|paragraph|rule|item|article)s?|\w[-‐])$", re.I)
RE_BULLET = re.compile(r"^(?:[-*•]\s+)+")
RE_INDENT = re.compile(r"\bx=(\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Line:
    """One line of the source with what the grammar may use of its block."""

    text: str
    ocr: bool = False
    x: float | None = None
    heading_level: int | None = None
    centered: bool = False
    footnote: bool = False
    marginal: bool = False  # a marginal note beside the text (a gazette's section heading)


def read_lines(blocks: Sequence[Block]) -> list[Line]:
    """Blocks -> stripped, non-empty lines; Markdown list bullets and '#' marks removed."""
    out: list[Line] = []
    for b in blocks:
        style = b.style or ""
        ocr = "ocr" in style.split()
        m = RE_INDENT.search(style)
        x = float(m.group(1)) if m else None
        for raw in b.text.splitlines():
            text = RE_BULLET.sub("", raw.strip().lstrip("#").strip()).strip()
            text = text.replace("\u00a0", " ").replace("\u200b", "")
            if text:
                marginal = "marginal" in style.split()
                out.append(Line(text, ocr, x, b.heading_level, b.centered, style.startswith("footnote"), marginal))
    return out


# --- numbers ----------------------------------------------------------------------------------
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(s: str) -> int | None:
    """The value of a lower- or upper-case roman numeral, or None if `s` is not a canonical one."""
    s = s.lower()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total if total > 0 and to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = []
    for v, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def enum_styles(token: str) -> tuple[str, ...]:
    """The list styles a label could belong to: '(i)' is roman or the letter after '(h)'."""
    styles: list[str] = []
    if re.fullmatch(r"\d+[A-Z]?", token):
        styles.append("arabic")
    elif token.islower():
        if roman_value(token) is not None:
            styles.append("roman")
        if re.fullmatch(r"([a-z])\1?", token):
            styles.append("alpha")
    elif token.isupper():
        if roman_value(token) is not None:
            styles.append("ROMAN")
        if len(token) == 1:
            styles.append("ALPHA")
    return tuple(styles)


def successor(style: str, last: str) -> str:
    """The label that normally follows `last` in a list of `style`."""
    if style == "arabic":
        return str(int(re.match(r"\d+", last).group()) + 1)
    if style in ("roman", "ROMAN"):
        nxt = to_roman((roman_value(last) or 0) + 1)
        return nxt.upper() if style == "ROMAN" else nxt
    ch = last[-1]
    return chr(ord(ch) + 1) if ch not in "zZ" else ch * 2


def follows(style: str, last: str, token: str) -> bool:
    """Whether `token` can come right after `last`: the next label, or an inserted one (3A, ff)."""
    if token == successor(style, last):
        return True
    if style == "arabic":
        m_last, m_tok = re.fullmatch(r"(\d+)([A-Z]?)", last), re.fullmatch(r"(\d+)([A-Z]?)", token)
        if not (m_last and m_tok):
            return False
        if m_tok.group(1) == m_last.group(1):  # 1 -> 1A, 1A -> 1B
            return m_tok.group(2) > m_last.group(2)
        return False
    if style in ("alpha", "ALPHA"):
        return len(last) == 1 and token == last * 2  # (f) -> (ff)
    return False


# Characters OCR engines swap for one another in labels and section numbers.
_CONFUSED = [set(g) for g in ("1liI!|", "0oO", "5sS3", "2zZg", "8B3", "6bG", "9gq", "ce", "fl", "rn", "ir")]


AS_DIGITS = str.maketrans("liI!|oOsSzZB", "11111005522" + "8")


def ocr_misread(seen: str, expected: str) -> bool:
    """Whether `seen` is a likely OCR misreading of `expected`: one look-alike character swapped,
    the opening bracket read as a character ('12' for '2'), a character lost ('i' for 'ii')."""
    if seen == expected:
        return True
    if expected.isdigit() and seen.translate(AS_DIGITS) == expected:  # "ll" for 11, "i" for 1
        return True
    if len(seen) == len(expected):
        diffs = [(a, b) for a, b in zip(seen, expected, strict=True) if a != b]
        return len(diffs) == 1 and any(diffs[0][0] in g and diffs[0][1] in g for g in _CONFUSED)
    if len(seen) == len(expected) + 1:  # the opening bracket read as a character: "12)" for "(2)"
        return seen[0] in "1liI|([{" and seen[1:] == expected
    return len(expected) >= 2 and Levenshtein.distance(seen, expected) == 1  # "i" for "ii"


def section_int(num: str) -> int:
    m = re.match(r"\d+", num)
    return int(m.group()) if m else 0


# --- list state --------------------------------------------------------------------------------
@dataclass
class _Level:
    style: str
    last: str
    rank: int
    x: float | None


@dataclass
class Lists:
    """The open enumerated lists inside the current section, outermost first."""

    levels: list[_Level] = field(default_factory=list)

    def place(self, token: str, *, ocr: bool) -> tuple[str, str, int] | None:
        """Where label `token` goes: (style, label, rank), or None if it cannot be a label here."""
        styles = enum_styles(token)
        for i in range(len(self.levels) - 1, -1, -1):
            lv = self.levels[i]
            if lv.style in styles and follows(lv.style, lv.last, token):
                del self.levels[i + 1 :]
                return lv.style, token, lv.rank
        if ocr:
            for i in range(len(self.levels) - 1, -1, -1):  # the label before this one was lost
                lv = self.levels[i]
                if lv.style in styles and token == successor(lv.style, successor(lv.style, lv.last)):
                    del self.levels[i + 1 :]
                    return lv.style, token, lv.rank
            for i in range(len(self.levels) - 1, -1, -1):  # "(i)" where "(ii)" is due, "(2)" for "(g)"
                lv = self.levels[i]
                expected = successor(lv.style, lv.last)
                if ocr_misread(token, expected):
                    del self.levels[i + 1 :]
                    return lv.style, expected, lv.rank
        firsts = [s for s in styles if FIRST[s] == token]
        if firsts:
            return self._new(firsts[0], token)
        for i in range(len(self.levels) - 1, -1, -1):  # out of sequence: a sibling of its own kind
            lv = self.levels[i]
            if lv.style == styles[0] if styles else False:
                del self.levels[i + 1 :]
                return lv.style, token, lv.rank
        if styles:
            return self._new(styles[0], token)
        return None

    def _new(self, style: str, token: str) -> tuple[str, str, int]:
        rank = STYLE_RANK[style]
        if self.levels:
            rank = max(rank, self.levels[-1].rank + 10)
        return style, token, rank

    def push(self, style: str, label: str, rank: int, x: float | None) -> None:
        while self.levels and self.levels[-1].rank >= rank:
            self.levels.pop()
        self.levels.append(_Level(style, label, rank, x))


def level_names(rank: int) -> tuple[str, str]:
    """(kind, alias) for a list level: subsec, para, subpara, then clause and subclause."""
    if rank in LEVELS:
        return LEVELS[rank]
    return DEEP_LEVELS[0] if rank <= 90 else DEEP_LEVELS[1]


# --- front matter and contents -------------------------------------------------------------------
def front_matter_end(lines: Sequence[Line]) -> int:
    """Index of the first line after the enacting formula, or 0 when the text has none."""
    for i, ln in enumerate(lines[:400]):
        if RE_ENACTED.search(ln.text) and len(ln.text) < 200:
            return i + 1
    return 0


def first_body_line(lines: Sequence[Line]) -> int:
    """Without an enacting formula, the contents can only come before the first titled section."""
    for i, ln in enumerate(lines):
        if RE_SEC_DASH.match(ln.text):
            return i
    return len(lines) // 5


def _contents_entry(text: str) -> str | None:
    """The number of an arrangement-of-sections entry ('9. Authorities who ...'), else None."""
    if re.search(SEP, text):
        return None
    m = re.match(r"^(?:Section\s+)?(\d{1,3}[A-Z]{0,2})\.?\s+([A-Z\"“].{1,200})$", text)
    return m.group(1) if m else None


def contents_lines(lines: Sequence[Line], limit: int) -> set[int]:
    """Indices of the contents list: 3+ numbered bodiless headings whose numbers come again later.

    Only a run that starts before `limit` (the enacting formula or the first titled section) counts:
    numbered lists further down (a Schedule of offences) are the law's own words.

    Lines between entries may be wrapped title ends, PART/CHAPTER lines or a 'CONTENTS' label;
    a body line (a sentence with a section separator, a long paragraph) ends the run.
    """
    found: set[int] = set()
    i = 0
    n = len(lines)
    while i < min(limit, n):
        if _contents_entry(lines[i].text) is None and not RE_CONTENTS.match(lines[i].text):
            i += 1
            continue
        run: list[int] = []
        nums: list[str] = []
        j = i
        while j < n:
            t = lines[j].text
            num = _contents_entry(t)
            if num is not None and (not nums or section_int(num) >= section_int(nums[-1])):
                nums.append(num)
                run.append(j)
            elif RE_CONTENTS.match(t) or RE_PART.match(t) or RE_CHAPTER.match(t):
                run.append(j)
            elif nums and len(t) < 90 and not re.search(SEP, t) and not RE_ENUM.match(t):
                run.append(j)  # the wrapped end of an entry ("this Act")
            else:
                break
            j += 1
        if len(nums) >= 3:
            later = {m.group(1) for ln in lines[j:] if (m := re.match(r"^(\d{1,3}[A-Z]{0,2})[.\s]", ln.text))}
            if nums[0] in later:
                while run and _contents_entry(lines[run[-1]].text) is None:
                    run.pop()  # trailing lines after the last entry belong to the text
                found.update(run)
        i = max(j, i + 1)
    return found


