"""Common-law (English) drafting grammar: Part / Chapter / section "3. Heading.—(1)" / "(a)" / "(i)".

Reads the blocks of any format reader and writes TreeBuilder events. The stages, in order:

- `read_lines`: blocks -> normalised lines (list bullets stripped; the OCR hint and the PDF indent kept);
- `front_matter_end`: where the enacted text begins ("It is hereby enacted as follows"); what is
  above it (title, contents, long title, preamble) is one unnumbered preamble block;
- `contents_lines`: the arrangement of sections (numbered headings without bodies that the text
  repeats later) is skipped, never parsed as sections;
- `_Grammar.run`: the line table (`LINE_RULES`) decides what each line opens; enumerators "(1)",
  "(a)", "(i)" are placed by the previous sibling (`Lists`), which also settles "(i)", "(v)",
  "(x)" between letters and roman numerals.

On OCR text (blocks whose style says "ocr") a few typical misreadings are mended, and only where
a numbering pattern is expected: "l." or "3," where section 1 or 5 is due, "{2)" or "lb)" where
"(2)" or "(b)" is due, a section whose number the OCR lost between two numbered ones. Body text is
never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from lawgap.model import Block
from lawgap.structure.common_lines import (
    AS_DIGITS,
    CHAPTER_RANK,
    DASH,
    ORDINALS,
    RE_CHAPTER,
    RE_END_MATTER,
    RE_ENUM,
    RE_NOT_HEADING,
    RE_OCR_ENUM,
    RE_OCR_SEC,
    RE_PART,
    RE_REF_TAIL,
    RE_SCHEDULE,
    RE_SEC_BARE,
    RE_SEC_DASH,
    RE_SEC_HEAD_ONLY,
    RE_SEC_PERIOD,
    RE_SHORT_TITLE,
    RE_TITLE,
    SEP,
    Line,
    Lists,
    contents_lines,
    first_body_line,
    front_matter_end,
    level_names,
    ocr_misread,
    read_lines,
    section_int,
    successor,
)
from lawgap.structure.gazette import Quotation, publication_end
from lawgap.structure.tree import ARTICLE_RANK, Structured, TreeBuilder

PART_RANK = 20
# --- the grammar ---------------------------------------------------------------------------------
@dataclass
class _Section:
    num: str | None
    x: float | None


class _Grammar:
    """One pass over the lines; state: the open section, its lists and what the OCR mended."""

    def __init__(self, lines: list[Line], language: str) -> None:
        self.lines = lines
        self.language = language
        self.tree = TreeBuilder()
        self.lists = Lists()
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
        self.quotation = Quotation()

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
        head = re.sub(rf"\s*{SEP}\s*$", "", line.text)
        self.open_section(str(expected), head, line, "", i)
        self.warnings.append(f"section {expected} numbered by position: the copy lost its number")
        return True

    # -- events ----------------------------------------------------------------------------
    def open_section(self, num: str, head: str | None, line: Line, rest: str, i: int) -> None:
        head = head.strip(" |_").rstrip(".:,;–—-").strip() if head else None
        label = f"{num}. {head}" if head else f"{num}."
        self.tree.open("section", "sec", num, ARTICLE_RANK, heading=head or None, line=label)
        self.section = _Section(num, line.x)
        self.last_sec = num
        self.lists = Lists()
        if rest.strip():
            self.body(Line(rest.strip(), line.ocr, None), i, inline=True)

    def open_container(self, kind: str, alias: str, num: str | None, heading: str, line: Line) -> None:
        rank = CHAPTER_RANK if alias == "chp" else PART_RANK
        heading = heading.strip(" .:-–—") or None
        self.tree.open(kind, alias, num, rank, heading=heading, line=line.text)
        self.section = None
        self.lists = Lists()

    def body(self, line: Line, i: int, *, inline: bool = False) -> None:
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
            if core == label or (label == "1" and core.translate(AS_DIGITS) == "1"):
                return label, m.group(2)
            if len(core) == 2 and core[0] in "il|" and core[1:] == label:  # "i1)": the bracket misread
                return label, m.group(2)
        return None, text

    def _close_lists_for(self, line: Line) -> None:
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
        m = RE_SEC_BARE.match(text) if self.pending_heading else None
        if m and self.in_sequence(m.group(1)):  # its title was printed beside it, in the margin
            head, self.pending_heading = self.pending_heading, None
            self.open_section(m.group(1), head, line, m.group("rest"), i)
            return True
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
            m = re.match(rf"^(?P<head>[^{DASH}]{{1,120}}?)\s*{SEP}\s*(?P<rest>.*)$", t)
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
            if not re.search(f"[{DASH}]", m.group("sep")) and len(words) > 6:
                return False  # "12- Rules. The ...": a bare period ends only a short title
        else:
            # No number at all: only a strong title ("Functions of the Unit.-- The ...") with the
            # words on the same line, where the numbering jumps over it, is a section.
            nxt = self.next_numbered_sec(i)
            strong = re.search(rf"[.]\s*[{DASH}]|[{DASH}]{{2}}", m.group("sep"))
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

    def container(self, line: Line) -> bool:
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
                num = ORDINALS.get(m.group(1) or "") or m.group(2)
            self.in_schedule = True
            self.open_container("part", "sched", num, m.group(3) if m else "", line)
            return True
        return False

    # -- main loop ---------------------------------------------------------------------------
    def run(self) -> Structured:
        lines = self.lines
        start = front_matter_end(lines)
        contents = contents_lines(lines, start or first_body_line(lines))
        self.skipped_contents = len(contents)
        self.title = self._find_title(lines, start)
        gazette = publication_end(lines, start)
        for k, ln in enumerate(lines[:start]):
            if k in contents:
                continue
            if ln.footnote or k < gazette:  # the gazette's masthead and notice are not the Act's words
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
        if self.section is not None and self.quotation.inside(text):
            # the words an amending section quotes ("360C. (1) ...") are its text, not this Act's provisions
            self.tree.close_to(ARTICLE_RANK + 1)
            self.lists = Lists()
            self.tree.text(text)
            return
        if line.marginal and self._marginal(i):
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

    def _marginal(self, i: int) -> bool:
        """A gazette's marginal note: the heading of the section it stands beside, or, beside a quoted
        section, the quoted section's heading (words of the amending section)."""
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        m = RE_SEC_BARE.match(nxt.text) if nxt is not None else None
        if m and self.in_sequence(m.group(1)):
            self.pending_heading = self.lines[i].text.rstrip(".")
            return True
        if self.section is not None:
            self.tree.close_to(ARTICLE_RANK + 1)
            self.lists = Lists()
            self.tree.text(self.lines[i].text)
            return True
        return False

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
    def _find_title(lines: Sequence[Line], start: int) -> str | None:
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
    return _Grammar(read_lines(blocks), language).run()
