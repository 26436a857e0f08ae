"""Common-law (English) drafting grammar: Part / Chapter / section "3. Heading.—(1)" / "(a)" / "(i)".

Reads the blocks of any format reader and writes TreeBuilder events. The stages, in order:

- `_lines`: blocks -> normalised lines (list bullets stripped; the OCR hint and the PDF indent kept);
- `_front_matter_end`: where the enacted text begins ("It is hereby enacted as follows"); what is
  above it (title, contents, long title, preamble) is one unnumbered preamble block;
- `_contents_lines`: the arrangement of sections (numbered headings without bodies that the text
  repeats later) is skipped, never parsed as sections;
- `_Grammar.run`: the line table (`LINE_RULES`) decides what each line opens; enumerators "(1)",
  "(a)", "(i)" are placed by the previous sibling (`_Lists`), which also settles "(i)", "(v)",
  "(x)" between letters and roman numerals.

On OCR text (blocks whose style says "ocr") a few typical misreadings are mended, and only where
a numbering pattern is expected: "l." or "3," where section 1 or 5 is due, "{2)" or "lb)" where
"(2)" or "(b)" is due, a section whose number the OCR lost between two numbered ones. Body text is
never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from lawgap.parsers.blocks import Block
from lawgap.structure.grammar import Structured
from lawgap.structure.tree import ARTICLE_RANK, TreeBuilder

PART_RANK = 20
CHAPTER_RANK = 40
# Depth below the section: the first three have the aliases of the brief; deeper lists are clauses.
LEVELS = {60: ("paragraph", "subsec"), 70: ("point", "para"), 80: ("subpoint", "subpara")}
DEEP_LEVELS = (("subpoint", "clause"), ("subpoint", "subclause"))
STYLE_RANK = {"arabic": 60, "alpha": 70, "roman": 80, "ALPHA": 90, "ROMAN": 90}
FIRST = {"arabic": "1", "alpha": "a", "roman": "i", "ALPHA": "A", "ROMAN": "I"}

_DASH = r"\-–—−‐‑"
_SEP = rf"(?:[.,:;]\s*[{_DASH}]{{1,3}}|[{_DASH}]{{2,3}}|—(?=\s*[(\[{{A-Z]))"
_ORDINALS = {
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
    rf"^(?:Section\s+|Sec\.\s*)?(\d{{1,3}}[A-Z]{{0,2}})\s*[.:]?\s+(?P<head>[^\s{_DASH}].{{0,220}}?)\s*{_SEP}\s*(?P<rest>.*)$"
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
RE_SEC_BARE = re.compile(rf"^(?:Section\s+|Sec\.\s*)?(\d{{1,3}}[A-Z]{{0,2}})\.\s*[{_DASH}]?\s*(?P<rest>[(\"“A-Z].*)$")
# Enumerators at the start of a line, optionally inside an insertion bracket "[(ff) ...".
RE_ENUM = re.compile(r"^(\[?)\(\s*([0-9]{1,3}[A-Z]?|[a-z]{1,5}|[A-Z]{1,4})\s*\)\s*(.*)$", re.S)
# OCR: a line-start token that may be a mangled enumerator ("{2)", "lb)", "(d;", "i2)").
RE_OCR_ENUM = re.compile(r"^[_\s]*(\S{1,6})\s+(.*)$", re.S)
# OCR: a section whose number is mangled ("l.", "3,", "12-") or lost, before a strong title.
_OCR_SEP = rf"(?:[.,:;]?\s*[{_DASH}]{{1,3}})"
RE_OCR_SEC = re.compile(
    rf"^[‘'\"|\[(_\s]*(?P<num>[0-9lIiSsOoZB!|]{{1,3}}\s?[.,:;\-])?\s*[|_]?\s*(?P<head>[A-Za-z€8][^.{_DASH}]{{2,120}}?)\s*(?P<sep>{_OCR_SEP}|\.(?=\s+[A-Z(]))\s*(?P<rest>.*)$"
)
RE_ENACTED = re.compile(r"\b(?:is|be) hereby enacted\b|\benacted as follows\b", re.I)
RE_CONTENTS = re.compile(r"^(?:TABLE OF )?CONTENTS$|^ARRANGEMENT OF SECTIONS$|^SECTIONS$", re.I)
RE_TITLE = re.compile(r"^(?:THE\s+)?[A-Z][A-Z ,'()&\-]{6,}\b(?:ACT|ORDINANCE|CODE|LAW|REGULATIONS?)\b,?\s*\d{4}$")
RE_SHORT_TITLE = re.compile(r"may be (?:called|cited as) (?:the )?(.{5,160}?\d{4})")
RE_END_MATTER = re.compile(r"^STATEMENT OF OBJECTS AND REASONS$")
RE_NOT_HEADING = re.compile(r"^(?:Explanation|Illustrations?|Provided|Proviso|Note|Exception)\b", re.I)
RE_REF_TAIL = re.compile(r"(?:\b(?:sub-?)?(?:section|clause|paragraph|rule|item|article)s?|\w[-‐])$", re.I)
RE_BULLET = re.compile(r"^(?:[-*•]\s+)+")
RE_INDENT = re.compile(r"\bx=(\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class _Line:
    """One line of the source with what the grammar may use of its block."""

    text: str
    ocr: bool = False
    x: float | None = None
    heading_level: int | None = None
    centered: bool = False
    footnote: bool = False


def _lines(blocks: Sequence[Block]) -> list[_Line]:
    """Blocks -> stripped, non-empty lines; Markdown list bullets and '#' marks removed."""
    out: list[_Line] = []
    for b in blocks:
        style = b.style or ""
        ocr = "ocr" in style.split()
        m = RE_INDENT.search(style)
        x = float(m.group(1)) if m else None
        for raw in b.text.splitlines():
            text = RE_BULLET.sub("", raw.strip().lstrip("#").strip()).strip()
            text = text.replace("\u00a0", " ").replace("\u200b", "")
            if text:
                out.append(_Line(text, ocr, x, b.heading_level, b.centered, style.startswith("footnote")))
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


_AS_DIGITS = str.maketrans("liI!|oOsSzZB", "11111005522" + "8")


def ocr_misread(seen: str, expected: str) -> bool:
    """Whether `seen` is a likely OCR misreading of `expected`: one look-alike character swapped,
    the opening bracket read as a character ('12' for '2'), a character lost ('i' for 'ii')."""
    if seen == expected:
        return True
    if expected.isdigit() and seen.translate(_AS_DIGITS) == expected:  # "ll" for 11, "i" for 1
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
class _Lists:
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
def _front_matter_end(lines: Sequence[_Line]) -> int:
    """Index of the first line after the enacting formula, or 0 when the text has none."""
    for i, ln in enumerate(lines[:400]):
        if RE_ENACTED.search(ln.text) and len(ln.text) < 200:
            return i + 1
    return 0


def _first_body_line(lines: Sequence[_Line]) -> int:
    """Without an enacting formula, the contents can only come before the first titled section."""
    for i, ln in enumerate(lines):
        if RE_SEC_DASH.match(ln.text):
            return i
    return len(lines) // 5


def _contents_entry(text: str) -> str | None:
    """The number of an arrangement-of-sections entry ('9. Authorities who ...'), else None."""
    if re.search(_SEP, text):
        return None
    m = re.match(r"^(?:Section\s+)?(\d{1,3}[A-Z]{0,2})\.?\s+([A-Z\"“].{1,200})$", text)
    return m.group(1) if m else None


def _contents_lines(lines: Sequence[_Line], limit: int) -> set[int]:
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
            elif nums and len(t) < 90 and not re.search(_SEP, t) and not RE_ENUM.match(t):
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


# --- the grammar ---------------------------------------------------------------------------------
@dataclass
class _Section:
    num: str | None
    x: float | None


class _Grammar:
    """One pass over the lines; state: the open section, its lists and what the OCR mended."""

    def __init__(self, lines: list[_Line], language: str) -> None:
        self.lines = lines
        self.language = language
        self.tree = TreeBuilder()
        self.lists = _Lists()
        self.section: _Section | None = None
        self.last_sec: str | None = None
        self.in_schedule = False
        self.end_matter: list[str] = []
        self.warnings: list[str] = []
        self.mended = 0
        self.skipped_contents = 0
        self.title: str | None = None
        self.pending_heading: str | None = None
        self.skip = 0

    # -- helpers ---------------------------------------------------------------------------
    def in_sequence(self, num: str, *, strong: bool = False) -> bool:
        """A section number that can come next: the next few, or an inserted '3A'. A strong line (a
        title with its dash, a Markdown heading) may jump further, over sections a copy has lost."""
        if self.last_sec is None:
            return True
        prev, cur = section_int(self.last_sec), section_int(num)
        if cur == prev:
            return num != self.last_sec and num > self.last_sec
        return prev < cur <= prev + (10 if strong else 3)

    def expected_sec(self) -> str:
        return str(section_int(self.last_sec) + 1) if self.last_sec else "1"

    def next_numbered_sec(self, i: int) -> int | None:
        """The number of the next section line after line `i`, if any in the next 400 lines."""
        for ln in self.lines[i + 1 : i + 400]:
            m = RE_SEC_DASH.match(ln.text) or RE_SEC_PERIOD.match(ln.text)
            if not m and ln.heading_level:
                m = RE_SEC_HEAD_ONLY.match(ln.text)
            if m:
                return section_int(m.group(1))
        return None

    def _gap_heading(self, i: int) -> bool:
        """A Markdown heading without a number where the copy lost section numbers.

        It becomes the section due only when the unnumbered headings up to the next numbered section
        fill the gap exactly (8, three headings, 12): a conversion that dropped numbers, never a guess.
        A heading that repeats the open section's title (a page-break artefact) does not count.
        """
        line = self.lines[i]
        if self.last_sec is None or self.in_schedule or RE_SEC_BARE.match(line.text):
            return False
        if not line.text[:1].isupper() or line.text.isupper() or len(line.text) > 160:
            return False
        nxt = self.next_numbered_sec(i)
        expected = int(self.expected_sec())
        if nxt is None or nxt <= expected:
            return False
        current = (self.tree.current.heading or "") if self.section is not None and self.tree.current else ""
        count = 0
        for ln in self.lines[i : i + 400]:
            if RE_SEC_HEAD_ONLY.match(ln.text) or RE_SEC_DASH.match(ln.text):
                break
            if ln.heading_level and ln.text[:1].isupper() and not ln.text.isupper():
                count += ratio(ln.text.rstrip(".:"), current) < 90
        if count != nxt - expected:
            return False
        head = re.sub(rf"\s*{_SEP}\s*$", "", line.text)
        self.open_section(str(expected), head, line, "", i)
        self.warnings.append(f"section {expected} numbered by position: the copy lost its number")
        return True

    # -- events ----------------------------------------------------------------------------
    def open_section(self, num: str, head: str | None, line: _Line, rest: str, i: int) -> None:
        head = head.strip(" |_").rstrip(".:,;–—-").strip() if head else None
        label = f"{num}. {head}" if head else f"{num}."
        self.tree.open("section", "sec", num, ARTICLE_RANK, heading=head or None, line=label)
        self.section = _Section(num, line.x)
        self.last_sec = num
        self.lists = _Lists()
        if rest.strip():
            self.body(_Line(rest.strip(), line.ocr, None), i, inline=True)

    def open_container(self, kind: str, alias: str, num: str | None, heading: str, line: _Line) -> None:
        rank = CHAPTER_RANK if alias == "chp" else PART_RANK
        heading = heading.strip(" .:-–—") or None
        self.tree.open(kind, alias, num, rank, heading=heading, line=line.text)
        self.section = None
        self.lists = _Lists()

    def body(self, line: _Line, i: int, *, inline: bool = False) -> None:
        """A line inside a section: an enumerated unit, or words of the innermost one."""
        text = line.text
        if line.footnote:
            self.tree.note(text)
            return
        prev = self.lines[i - 1].text if i > 0 and not inline else ""
        m = RE_ENUM.match(text)
        token, rest, bracket = (m.group(2), m.group(3), m.group(1)) if m else (None, "", "")
        mended = False
        if token is None and line.ocr:
            token, rest = self._ocr_enum(text)
            mended = token is not None
        continuation = bool(prev) and RE_REF_TAIL.search(prev) is not None and not prev.endswith(("—", "–"))
        if token is not None and self.section is not None and not continuation:
            placed = self.lists.place(token, ocr=line.ocr)
            if placed is not None:
                style, label, rank = placed
                if label != token or mended:
                    self.mended += 1
                kind, alias = level_names(rank)
                self.tree.open(kind, alias, label, rank, line=f"({label})")
                self.lists.push(style, label, rank, line.x)
                rest = rest.strip().lstrip(".:;, ") if line.ocr else rest.strip()
                if rest:
                    self.tree.text(bracket + rest)
                return
        self._close_lists_for(line)
        self.tree.text(text)

    def _ocr_enum(self, text: str) -> tuple[str | None, str]:
        """An OCR-mangled label where one is due: "{2)", "(f}", "()", "(c¢)" for "(2)", "(f)", "(d)", "(c)"."""
        m = RE_OCR_ENUM.match(text)
        if not m or self.section is None:
            return None, text
        raw = m.group(1)
        if not re.fullmatch(r"[\[({|]?[0-9A-Za-z!|¢)}\]]{0,4}[)\]}|;:]", raw) or not re.search(r"[(){}\[\]]", raw):
            return None, text
        core = "".join(ch for ch in raw if ch.isalnum() or ch in "!|")
        due: list[str] = []
        for lv in reversed(self.lists.levels):
            nxt = successor(lv.style, lv.last)
            due += [nxt, successor(lv.style, nxt)]
        for label in due:
            if ocr_misread(core, label) or (not core and label == due[0]):
                return label, m.group(2)
        for label in ("1", "a", "i"):  # a new list: only a look-alike of its first label
            if core == label or (label == "1" and core.translate(_AS_DIGITS) == "1"):
                return label, m.group(2)
            if len(core) == 2 and core[0] in "il|" and core[1:] == label:  # "i1)": the bracket misread
                return label, m.group(2)
        return None, text

    def _close_lists_for(self, line: _Line) -> None:
        """Words after a list, printed no further right than its labels (PDF indent known), go back to
        the unit the list is in: list items hang their text to the right of the label."""
        if line.x is None or re.match(r"^Provided\b", line.text):
            return
        if line.ocr and re.match(r"^\S{0,4}[(){}\[\]]", line.text):
            return  # an unreadable label ("{{])"): still an item of the list, not words after it
        while self.lists.levels and self.lists.levels[-1].x is not None and line.x <= self.lists.levels[-1].x + 2:
            self.lists.levels.pop()
            rank = self.lists.levels[-1].rank + 1 if self.lists.levels else ARTICLE_RANK + 1
            self.tree.close_to(rank)

    # -- line dispatch -----------------------------------------------------------------------
    def try_section(self, i: int) -> bool:
        """Open a section if line `i` is one; the title may continue on the next two lines."""
        line = self.lines[i]
        text = line.text
        if RE_ENUM.match(text):
            return False
        for rx in (RE_SEC_DASH, RE_SEC_PERIOD):
            m = rx.match(text)
            strong = rx is RE_SEC_DASH or bool(line.heading_level)
            if m and self.in_sequence(m.group(1), strong=strong) and not RE_NOT_HEADING.match(m.group("head")):
                self.open_section(m.group(1), m.group("head"), line, m.group("rest"), i)
                return True
        m = RE_SEC_HEAD_ONLY.match(text)
        if m and self.in_sequence(m.group(1), strong=bool(line.heading_level)) and len(m.group("head")) <= 160:
            joined = self._title_continues(i)
            if joined is not None:
                head, rest, used = joined
                self.open_section(m.group(1), f"{m.group('head')} {head}", line, rest, i)
                self.skip = used
                return True
            if line.heading_level or (len(m.group("head").split()) <= 14 and not m.group("head").endswith(",")):
                self.open_section(m.group(1), m.group("head"), line, "", i)
                return True
        m = RE_SEC_BARE.match(text)
        if m and self.in_sequence(m.group(1)) and not re.match(r"\d", m.group("rest")):
            head = self.pending_heading
            self.pending_heading = None
            self.open_section(m.group(1), head, line, m.group("rest"), i)
            return True
        if line.ocr:
            return self._try_ocr_section(i)
        return False

    def _title_continues(self, i: int) -> tuple[str, str, int] | None:
        """A title wrapped onto the next line(s): '9. Authorities who ... of' + 'this Act.– The ...'."""
        parts: list[str] = []
        for k in range(i + 1, min(i + 3, len(self.lines))):
            t = self.lines[k].text
            if RE_ENUM.match(t) or RE_SEC_BARE.match(t):
                return None
            m = re.match(rf"^(?P<head>[^{_DASH}]{{1,120}}?)\s*{_SEP}\s*(?P<rest>.*)$", t)
            if m:
                parts.append(m.group("head"))
                return " ".join(parts), m.group("rest"), k - i
            if len(t) > 120:
                return None
            parts.append(t)
        return None

    def _try_ocr_section(self, i: int) -> bool:
        """OCR: a strong title ("Heading.--") where a section is due, its number misread or lost.

        "i." or "l." for 1, "3," for 5, "[2." for 12 are read as the number due; a title with no
        number at all is a section only if the numbering jumps over it (sections 6, ?, ?, 9).
        """
        line = self.lines[i]
        m = RE_OCR_SEC.match(line.text)
        if not m:
            return False
        head = m.group("head").strip(" |_")
        words = head.split()
        if RE_NOT_HEADING.match(head) or ratio(head[:11].lower(), "explanation") > 75:
            return False
        if not 1 <= len(words) <= 16 or head.endswith(","):
            return False
        expected = self.expected_sec()
        if m.group("num"):
            seen = re.sub(r"[\s.,:;\-]", "", m.group("num"))
            if not ocr_misread(seen, expected):
                return False
            if not re.search(f"[{_DASH}]", m.group("sep")) and len(words) > 6:
                return False  # "12- Rules. The ...": a bare period ends only a short title
        else:
            # No number at all: only a strong title ("Functions of the Unit.-- The ...") with the
            # words on the same line, where the numbering jumps over it, is a section.
            nxt = self.next_numbered_sec(i)
            strong = re.search(rf"[.]\s*[{_DASH}]|[{_DASH}]{{2}}", m.group("sep"))
            if self.last_sec is None or len(words) < 2 or not strong or not m.group("rest").strip():
                return False
            if nxt is None or nxt <= int(expected):
                return False
        self.mended += 1
        self.open_section(expected, head, line, m.group("rest"), i)
        return True

    def _container_heading(self, i: int) -> None:
        """'PART II' / 'OFFENCES': a short capitalised line right under a bare Part or Chapter is its title."""
        node = self.tree.current
        if node is None or node.heading or node.alias == "sched" or i + 1 >= len(self.lines):
            return
        nxt = self.lines[i + 1].text
        structural = (RE_PART, RE_CHAPTER, RE_SCHEDULE, RE_SEC_BARE, RE_ENUM)
        if len(nxt) <= 100 and nxt.isupper() and not any(rx.match(nxt) for rx in structural):
            self.tree.set_heading(nxt.strip(" .:"))
            self.skip = 1

    def container(self, line: _Line) -> bool:
        text = line.text
        m = RE_PART.match(text)
        if m and (len(text) < 100):
            self.in_schedule = False
            self.open_container("part", "part", m.group(1), m.group(2), line)
            return True
        m = RE_CHAPTER.match(text)
        if m and len(text) < 100:
            self.in_schedule = False
            self.open_container("chapter", "chp", m.group(1), m.group(2), line)
            return True
        m = RE_SCHEDULE.match(text)
        fuzzy = line.ocr and text.isupper() and len(text) <= 20 and ratio(text.strip("[] ."), "SCHEDULE") >= 80
        if m or fuzzy:
            num = None
            if m:
                num = _ORDINALS.get(m.group(1) or "") or m.group(2)
            self.in_schedule = True
            self.open_container("part", "sched", num, m.group(3) if m else "", line)
            return True
        return False

    # -- main loop ---------------------------------------------------------------------------
    def run(self) -> Structured:
        lines = self.lines
        start = _front_matter_end(lines)
        contents = _contents_lines(lines, start or _first_body_line(lines))
        self.skipped_contents = len(contents)
        self.title = self._find_title(lines, start)
        preamble = [ln for k, ln in enumerate(lines[:start]) if k not in contents]
        for ln in preamble:
            if ln.footnote:
                self.tree.note(ln.text)
            else:
                self.tree.text(ln.text, kind="paragraph", alias="preamble", rank=60)
        for i in range(start, len(lines)):
            if self.skip:
                self.skip -= 1
                continue
            if i in contents:
                continue
            self.step(i)
        if self.end_matter:
            self.tree.close_to(0)
        notes = tuple(self.tree.law_notes)
        if self.end_matter:
            notes += ("\n".join(self.end_matter),)
        if self.mended:
            self.warnings.append(f"OCR numbering mended in {self.mended} places")
        if self.skipped_contents:
            self.warnings.append(f"contents list of {self.skipped_contents} lines skipped")
        return Structured(
            provisions=self.tree.provisions(),
            text=self.tree.document_text(),
            title=self.title,
            notes=notes,
            warnings=tuple(self.warnings),
        )

    def step(self, i: int) -> None:
        line = self.lines[i]
        text = line.text
        if self.end_matter or RE_END_MATTER.match(text) or (line.ocr and _fuzzy_end_matter(text)):
            self.end_matter.append(text)
            return
        if line.footnote:
            self.tree.note(text)
            return
        if self.container(line):
            self._container_heading(i)
            return
        if self.in_schedule:
            self.tree.text(text, kind="paragraph", alias="item", rank=60)
            return
        if self._marginal_note(i):
            return
        if line.heading_level and self._gap_heading(i):
            return
        if self.try_section(i):
            return
        if self.section is not None:
            self.body(line, i)
        elif self.tree.current is not None:
            self.tree.text(text)
        else:
            self.tree.text(text, kind="paragraph", alias="preamble", rank=60)

    def _marginal_note(self, i: int) -> bool:
        """A short title on its own line right above a section that has none: keep it for that section."""
        text = self.lines[i].text
        if i + 1 >= len(self.lines) or len(text) > 120 or not text[:1].isupper():
            return False
        if text.endswith((",", ";", ":")) or RE_NOT_HEADING.match(text) or RE_ENUM.match(text):
            return False
        nxt = RE_SEC_BARE.match(self.lines[i + 1].text)
        if not nxt or RE_SEC_DASH.match(self.lines[i + 1].text) or not self.in_sequence(nxt.group(1)):
            return False
        if RE_SEC_HEAD_ONLY.match(text) or RE_SEC_BARE.match(text):
            return False
        self.pending_heading = text.rstrip(".")
        return True

    @staticmethod
    def _find_title(lines: Sequence[_Line], start: int) -> str | None:
        """The Act's name: an all-capitals 'THE ... ACT, 1992' line on top, else its short-title clause."""
        for ln in lines[: max(start, 40)]:
            t = re.sub(r"\s+", " ", ln.text.strip())
            if RE_TITLE.match(t):
                return t
        for ln in lines[start : start + 60]:
            m = RE_SHORT_TITLE.search(ln.text)
            if m:
                return re.sub(r"\s+", " ", m.group(1)).strip()
        return None


def _fuzzy_end_matter(text: str) -> bool:
    """OCR of "STATEMENT OF OBJECTS AND REASONS" (the Bill's explanatory note after the Act)."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters) >= 0.8 * len(letters) if letters else False
    return upper and 20 <= len(text) <= 45 and ratio(text.upper(), "STATEMENT OF OBJECTS AND REASONS") >= 65


def structure(blocks: Sequence[Block], language: str) -> Structured:
    """Blocks of an English common-law statute -> provisions (sections, subsections, clauses)."""
    return _Grammar(_lines(blocks), language).run()
