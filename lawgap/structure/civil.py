"""Civil-law numbering grammar for Russian and Kyrgyz drafting (Kyrgyz and Kazakh codes, RF code).

Reads Blocks (one paragraph each), writes TreeBuilder events. The grammar is the table
`RULES`: each row is a line pattern and what it opens, so a drafting variant (another word
for "note", Roman numerals typed in Cyrillic) changes one row, not the code. Three small
passes around the table:

1. `classify_blocks` matches every line once against `RULES`.
2. `toc_lines` finds a table of contents (a run of headings with no text between them, at
   the top of the law or repeated later as real headings) and `signature_lines` the
   signature block ("Президент ... С.Н. Жапаров"); both are kept out of the provisions.
3. `_Walker` turns the classified lines into provisions: containers (part, section,
   chapter), articles, parts "1." (paragraph), items "1)" (point), sub-items "а)"
   (subpoint) and notes "Примечание." (a child of the article). Bracketed amendment notes,
   "Сноска." footnotes and editorial remarks ("Внимание!") become notes metadata, never
   text. Lines before the first heading are the title, its date line (law notes) and, in an
   excerpt that starts mid-sentence, one unnumbered leading block.

Ids come from the TreeBuilder; the grammar only chooses kind, alias, number and rank, so
the Russian and Kyrgyz versions of a code get the same ids (`art_166__para_4`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lawgap.model import Block
from lawgap.structure.civil_lines import (
    AMEND,
    ANNEX_RULES,
    ARTICLE_RULES,
    BARE_PART_NUMBER,
    CONTAINER_RULES,
    DATE_LINE,
    ENDS_LIST_ITEM,
    HEADING_RULES,
    NOTE_PARAGRAPH_RANK,
    NOTE_RULES,
    PLACE_LINE,
    TITLE_DATE,
    TITLE_OPENING,
    TITLE_SUBJECT,
    TITLE_WORDS,
    Line,
    classify_blocks,
    lowercase_start,
    signature_lines,
    toc_lines,
)
from lawgap.structure.parts import SANCTION, unnumbered_parts
from lawgap.structure.qualified import mark_qualified
from lawgap.structure.tree import ARTICLE_RANK, Structured, TreeBuilder

# -- normalising numbers ---------------------------------------------------------------------
# -- the walk ----------------------------------------------------------------------------------


_LEADING_DIGITS = re.compile(r"\d+")
# The longest line read as a title: a paragraph is longer; one opened by the act's name ("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН
# МЫЙЗАМЫ Үй-бүлөлүк ... жөнүндө", the subject on the same line) may run longer.
TITLE_MAX, TITLE_MAX_OPENED = 250, 500
# A title that says the file is an excerpt: "Уголовный кодекс Туркменистана (извлечение)", "... (үзүндү)"
EXCERPT_IN_TITLE = re.compile(r"(?i)\((?:извлечени|выдержк|үзүндү|extract|excerpt)")
# "Примечание. 1. Под эксплуатацией ...": a note whose first item follows on the same line.
NOTE_ITEM = re.compile(r"^1\.\s+(?P<rest>\S.*)$")


def _base(num: str) -> int | None:
    head = _LEADING_DIGITS.match(num)
    return int(head.group()) if head else None


class _Walker:
    """Feeds classified lines to a TreeBuilder; keeps the little state the grammar needs."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.b = TreeBuilder()
        self.title: str | None = None
        self.title_open = False
        self.warnings: list[str] = []
        self.started = False  # a container or article heading has been seen
        self.heading_open = False  # the last node opened is a container still taking heading lines
        self.remark_pending = False
        self.in_signature = False
        self.article_num: str | None = None
        self.last_para: int = 0
        self.last_point: int | None = None
        self.last_text = ""
        self.in_note = False  # a note is open: its numbered items are the note's, not the article's
        self.in_unnumbered = False  # an unnumbered part is open: its lettered items are its points
        self.excerpt = False  # the text says it holds only some articles ("(извлечение)")
        self.skip = toc_lines(lines)
        self.signature = signature_lines(lines)
        self.part_starts = unnumbered_parts(lines, self.skip)
        self.structured_doc = any(ln.name in HEADING_RULES for i, ln in enumerate(lines) if i not in self.skip)

    # -- helpers
    def law_note(self, text: str) -> None:
        self.b.law_notes.append(text)

    def _next_significant(self, i: int) -> Line | None:
        for j in range(i + 1, len(self.lines)):
            if j in self.skip:
                continue
            if self.lines[j].name not in NOTE_RULES:
                return self.lines[j]
        return None

    # -- the walk
    def run(self) -> None:
        after_toc = False
        for i, line in enumerate(self.lines):
            if i in self.skip:
                after_toc = True
                continue
            if after_toc:
                self.b.close_to(0)  # text after a table of contents is not part of a block before it
                after_toc = False
            if i in self.signature:
                self.b.close_to(0)
                self.in_signature = True
            self.line(i, line)

    def line(self, i: int, line: Line) -> None:
        name = line.name
        if i in self.part_starts:
            self.open_unnumbered_part(self.part_starts[i])
        if name in ("excerpt", "translation"):
            self.excerpt = self.excerpt or name == "excerpt"
            self.law_note(line.text)  # what the file says of itself: neither a provision nor its words
            return
        if name in NOTE_RULES:
            self.note(i, line)
            return
        if self.remark_pending and name is None:
            self.remark_pending = False
            self.note(i, line)
            return
        self.remark_pending = False
        if name in HEADING_RULES or name in ANNEX_RULES:
            self.in_signature = False
            self.title_open = False
            self.heading(line)
            return
        if self.in_signature or name == "signature":
            self.law_note(line.text)
            return
        if name == "toc":
            return  # a contents keyword whose list was not recognised: drop the word itself
        if not self.started and self.structured_doc:
            self.preamble(line)
            return
        if name in ("paragraph", "point", "subpoint", "note"):
            self.numbered(line)
            return
        self.body(line)

    def open_unnumbered_part(self, position: int) -> None:
        """A part the code prints without a number: numbered by its position in the article."""
        self.heading_open = False
        self.b.open("paragraph", "para", str(position), 60, None, None)
        self.b.unprinted()
        self.in_unnumbered = True
        self.last_point = None

    def note(self, i: int, line: Line) -> None:
        if line.name == "remark":
            self.remark_pending = True
        nxt = self._next_significant(i)
        if not self.started:
            pass  # before any article: the note belongs to the leading fragment or to the law
        elif nxt is None or nxt.name in HEADING_RULES or nxt.name in ANNEX_RULES or nxt.name == "signature":
            # a note at the end of an article concerns the article, not its last part
            self.b.close_to(ARTICLE_RANK + 1)
        if self.b.current is None:
            self.law_note(line.text)
        else:
            self.b.note(line.text)

    def preamble(self, line: Line) -> None:
        """Before the first heading: the title, its date line, and any leading fragment."""
        text = line.text
        if self.title is None and self._title_like(line):
            dated = TITLE_DATE.search(text) if TITLE_OPENING.match(text) else None
            self.title = TITLE_DATE.sub("", text).strip(" ,") if dated else text
            self.title_open = True
            self.excerpt = self.excerpt or bool(EXCERPT_IN_TITLE.search(self.title))
            if dated:
                self.law_note(dated.group("date"))  # as if printed under the title, where the date usually is
            return
        if (
            self.title_open
            and (line.centered or line.heading_level or TITLE_SUBJECT.search(text))
            and not any(c.isdigit() for c in text)
        ):
            self.title = f"{self.title} {text}"  # "ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН" + "О предупреждении ..."
            return
        self.title_open = False
        if DATE_LINE.match(text) or PLACE_LINE.match(text) or line.centered:
            self.law_note(text)
            return
        self.b.text(text)  # the leading fragment of an excerpt: one unnumbered block (para_nn_1)

    @staticmethod
    def _title_like(line: Line) -> bool:
        text = line.text
        if line.heading_level == 1:
            return True
        opening = TITLE_OPENING.match(text)
        # a paragraph is no title; a title printed on one line after "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ" may be long
        if len(text) > (TITLE_MAX_OPENED if opening else TITLE_MAX) or text[0] in '(«"' or lowercase_start(text):
            return False
        if opening:
            text = TITLE_DATE.sub("", text)  # the date and number printed on the title line are no part of it
        if any(c.isdigit() for c in text):
            return False
        return bool(TITLE_WORDS.search(text)) and (
            line.centered or text.isupper() or line.heading_level or opening is not None
        )

    def heading(self, line: Line) -> None:
        rule = line.rule
        assert rule is not None and rule.kind is not None and rule.alias is not None
        num = rule.number(line.group("num")) or None
        rest = line.group("rest") or None
        self.started = True
        self.in_note = self.in_unnumbered = False
        if rule.name in ANNEX_RULES:
            self.b.close_to(0)
            self.b.open(rule.kind, rule.alias, num, rule.rank, None, line.text)
            self.heading_open = True
            self.article_num = None
            return
        if rule.name in ("part", "part_en"):
            rest = line.text
        self.b.open(rule.kind, rule.alias, num, rule.rank, rest, line.text)
        self.heading_open = rule.name in CONTAINER_RULES
        self.last_para, self.last_point = 0, None
        if rule.name in ARTICLE_RULES:
            self.article_num = num
        self.last_text = ""

    def numbered(self, line: Line) -> None:
        rule = line.rule
        assert rule is not None and rule.kind is not None and rule.alias is not None
        self.heading_open = False
        num = rule.number(line.group("num")) or None
        rest = line.group("rest")
        kind, alias, rank = rule.kind, rule.alias, rule.rank
        if rule.name == "paragraph":
            if self._missing_article_word(num or "", rest):
                self.warn(line, "read as an article heading without its keyword")
                self.b.open("article", "art", num, ARTICLE_RANK, rest or None, line.text)
                self.article_num = num
                self.last_para, self.last_point, self.in_note = 0, None, False
                return
            if self.in_note:
                kind, alias, rank = "point", "point", NOTE_PARAGRAPH_RANK  # "п. 1 примечания к ст. 245"
            num = self._in_sequence(line, num, self.last_para if not self.in_note else None)
            self.last_para = _base(num or "") or self.last_para
            self.last_point = None
        elif rule.name == "subpoint" and self.in_unnumbered and self._lettered_item_of_part():
            kind, alias, rank = "point", "point", 70  # "п. «а» части второй": a lettered item of an unnumbered part
        elif rule.name == "point":
            base = _base(num or "")
            if (
                self.last_point is None
                and base is not None
                and base > 1
                and base == self.last_para + 1
                and not self.in_note
                and rest[:1].isupper()
            ):
                # "3) Те же деяния ..." opening part 3 (Russian CC art 387): a part typed as an item
                self.warn(line, "read as a part: an item list cannot start at this number")
                kind, alias, rank = "paragraph", "para", 60
                self.last_para = base
            else:
                num = self._in_sequence(line, num, self.last_point)
                self.last_point = _base(num or "")
        elif rule.name == "note":
            num = None
            self.in_note, self.in_unnumbered = True, False
            item = NOTE_ITEM.match(rest)
            if item:  # "Примечание. 1. Под ... 2. ...": the note's first item on its own line
                self.b.open(kind, alias, num, rank, None, None)
                self.last_para = 1
                kind, alias, rank, num, rest = "point", "point", NOTE_PARAGRAPH_RANK, "1", item.group("rest")
        self.b.open(kind, alias, num, rank, None, None)
        if rest and AMEND.match(rest):
            self.b.note(rest)  # "1) (Утратил силу ...)": a repealed item keeps its number, no text
        elif rest:
            self.b.text(rest)
        self.last_text = rest

    def _lettered_item_of_part(self) -> bool:
        """Right under the part, or after a lettered item of it (not under an item "1)")."""
        node = self.b.current
        if node is None:
            return False
        return node.kind == "paragraph" or (node.kind == "point" and bool(node.num) and node.num[0].isalpha())

    def _in_sequence(self, line: Line, num: str | None, previous: int | None) -> str | None:
        """A plain number that repeats or goes below its predecessor is a typo for the next one
        (Kyrgyz CC art 207: parts "1.", "1.", "3."; art 252: items "6)", "5)")."""
        if num is None or previous is None or previous == 0 or not num.isdigit():
            return num
        if int(num) <= previous and not (num == "1" and previous > 1):  # a list may restart at 1
            fixed = str(previous + 1)
            self.warn(line, f"number {num} out of sequence after {previous}: read as {fixed}")
            return fixed
        return num

    def warn(self, line: Line, problem: str) -> None:
        self.warnings.append(f"{line.text[:50]!r}: {problem}")

    def _missing_article_word(self, num: str, rest: str) -> bool:
        """Kyrgyz CC "228¹. Атайын декларацияда ..." has lost "-берене": an inserted article's
        number (N-k with N the current article) after that article's parts is a heading."""
        if "-" not in num or self.article_num is None or not rest or len(rest) > 250:
            return False
        base, current = _base(num), _base(self.article_num)
        if base is None or current is None or base != current:
            return False
        return self.last_para < base - 1 and not rest.endswith((":", ";", ",", "-", "–", "—"))

    def body(self, line: Line) -> None:
        text = line.text
        node = self.b.current
        heading_like = line.centered or line.heading_level or (text.isupper() and len(text) < 300)
        if self.heading_open and heading_like and node is not None and node.rank <= ARTICLE_RANK and not node.texts:
            self.b.set_heading(text)  # "РАЗДЕЛ I" / "УГОЛОВНЫЙ ЗАКОН": a heading on the next line
            return
        self.heading_open = False
        bare = BARE_PART_NUMBER.match(text)
        if (
            bare
            and self.article_num
            and not self.in_note
            and self.last_para >= 1
            and int(bare.group("num")) == self.last_para + 1
        ):
            self.warn(line, "read as a part whose number lost its full stop")
            self.last_para += 1
            self.last_point = None
            self.b.open("paragraph", "para", bare.group("num"), 60, None, None)
            self.b.text(bare.group("rest"))
            self.last_text = bare.group("rest")
            return
        if node is not None and node.kind in ("point", "subpoint") and (
            self.last_text.endswith(ENDS_LIST_ITEM) or (self.in_unnumbered and SANCTION.search(text))
        ):
            # "6) ... –" then "наказывается ...": the sanction belongs to the part, not the last item
            self.b.close_to(70)
        if self.b.current is None or self.b.current.kind not in ("point", "subpoint"):
            self.last_point = None  # text between two lists: the next list starts afresh
        self.b.text(text)
        self.last_text = text


def structure(blocks: Sequence[Block], language: str) -> Structured:
    """Russian/Kyrgyz civil-law provisions from a format reader's blocks."""
    walker = _Walker(classify_blocks(blocks))
    walker.run()
    walker.lines = []  # free the classified lines before the result is assembled (peak memory)
    b = walker.b
    if walker.skip:
        walker.warnings.append(f"skipped a table of contents ({len(walker.skip)} lines)")
    return Structured(
        provisions=mark_qualified(b.provisions()),
        text=b.document_text(),
        title=walker.title,
        notes=tuple(b.law_notes),
        warnings=tuple(walker.warnings),
        excerpt=walker.excerpt,
    )
