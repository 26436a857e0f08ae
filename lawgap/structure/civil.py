"""Civil-law numbering grammar for Russian and Kyrgyz drafting (Kyrgyz and Kazakh codes, RF code).

Reads Blocks (one paragraph each), writes TreeBuilder events. The grammar is the table
`RULES`: each row is a line pattern and what it opens, so a drafting variant (another word
for "note", Roman numerals typed in Cyrillic) changes one row, not the code. Three small
passes around the table:

1. `_classify` matches every line once against `RULES`.
2. `_toc_lines` finds a table of contents (a run of headings with no text between them, at
   the top of the law or repeated later as real headings) and `_signature_lines` the
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lawgap.parsers.blocks import Block
from lawgap.structure.grammar import Structured
from lawgap.structure.tree import ARTICLE_RANK, TreeBuilder

# -- normalising numbers ---------------------------------------------------------------------

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_CHARS = "¹²³⁰⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_AFTER_DIGIT = re.compile(r"(?<=\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# Roman numerals are often typed with Cyrillic look-alikes in the Kyrgyz text ("ХI БӨЛҮМ").
_ROMAN_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "С": "C", "М": "M", "х": "X", "і": "I"})
_ROMAN = re.compile(r"^[IVXLCM]+$")

_PART_WORDS = {"общая": "1", "особенная": "2", "жалпы": "1", "өзгөчө": "2"}


def _part_num(word: str) -> str:
    """'ОБЩАЯ' and 'ЖАЛПЫ' are part 1, 'ОСОБЕННАЯ' and 'ӨЗГӨЧӨ' part 2, so ru and ky ids match."""
    return _PART_WORDS.get(word.lower(), word)


def _roman_num(num: str) -> str:
    fixed = num.translate(_ROMAN_LOOKALIKES).upper()
    return fixed if _ROMAN.match(fixed) else num


def _same(num: str) -> str:
    return num


def _latin_one(num: str) -> str:
    """Item "I)" is a typo for "1)" (Kyrgyz CC art 62 part 2); items are never Roman."""
    return "1" if num == "I" else num


def normalize_line(text: str) -> str:
    """One line of a law: single spaces, superscript digits after a digit as '-N' (240¹ -> 240-1)."""
    text = " ".join(text.split())
    if any(c in text for c in _SUPERSCRIPT_CHARS) and _SUPERSCRIPT_AFTER_DIGIT.search(text):
        text = _SUPERSCRIPT_AFTER_DIGIT.sub(lambda m: "-" + m.group(1).translate(_SUPERSCRIPT_DIGITS), text)
    return text


# -- the grammar table -----------------------------------------------------------------------

# Printed numbers: 166, 71-1, 127.1 (RF), 20-1.
_NUM = r"(?P<num>\d+(?:[-.]\d+)*)"
# After a heading number: a full stop, or a space before the heading, or the end of the line.
_AFTER = r"(?:\.(?!\d)|(?=\s)|$)\s*(?P<rest>.*)$"
_AMEND_WORDS = (
    r"редакц|[Зз]акон|[Уу]тратил|[Ии]сключ|[Вв]веден|[Дд]ополн|[Мм]ыйзам|\d{4}-жыл|[Нн]аименование|"
    r"[Ии]зменени|[Пп]риостановл"
)


@dataclass(frozen=True)
class Rule:
    """One line pattern: what it opens (kind, alias, rank) or, with kind None, what metadata it is.

    `starts` lists the characters a matching line can begin with: `classify` tries only the
    rules indexed under a line's first character, so body text costs one dictionary look-up.
    """

    name: str
    pattern: re.Pattern[str]
    starts: str
    kind: str | None = None
    alias: str | None = None
    rank: int = 0
    number: Callable[[str], str] = _same
    heading: bool = False  # a heading line: the words after the number must not start in lower case


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_DIGITS = "0123456789"
_ROMAN_STARTS = "IVXLCХІ"
_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөүabcdefghijklmnopqrstuvwxyz"

# fmt: off
RULES: tuple[Rule, ...] = (
    # metadata first: a bracketed amendment note may begin with anything
    Rule("toc", _rx(r"^(?:Оглавление|Содержание|Мазмуну)\.?$", re.I), "ОоСсМм"),
    Rule("amend", _rx(rf"^\((?=[^)]*(?:{_AMEND_WORDS}))(?P<rest>.*)\)[.;]?$", re.S), "("),
    Rule("footnote", _rx(r"^Сноска\s*\.?\s*(?P<rest>.*)$"), "С"),
    Rule("remark", _rx(r"^(?:Внимание|Көңүл буруңуз(?:дар)?)\s*!?$", re.I), "ВвКк"),
    Rule("signature", _rx(r"^Президент(?:и)?$", re.I), "Пп"),
    # "Примечание: Изменения и дополнения внесенные Законом ..." (KG CPC art 403) is the text
    # bank's remark about an amendment, not a note of the law
    Rule("editorial", _rx(r"^Примечани[ея]\s*[.:]\s*(?:Изменени|Дополнени)[^.]*\bЗакон", re.I), "Пп"),
    # containers
    Rule("part", _rx(r"^(?P<num>ОБЩАЯ|ОСОБЕННАЯ|ЖАЛПЫ|ӨЗГӨЧӨ)\s+(?:ЧАСТЬ|БӨЛҮК)\.?$", re.I), "ОоЖжӨө",
         "part", "part", 20, _part_num),
    Rule("section", _rx(r"^РАЗДЕЛ\s+(?P<num>[IVXLCХІ]+|\d+(?:-\d+)?)(?:\.|(?=\s)|$)\s*(?P<rest>.*)$", re.I), "Рр",
         "section", "sec", 30, _roman_num, True),
    Rule("section_ky", _rx(r"^(?P<num>[IVXLCХІ]+|\d+)\s*-?\s*БӨЛҮМ(?:\.|(?=\s)|$)\s*(?P<rest>.*)$", re.I),
         _ROMAN_STARTS + _DIGITS, "section", "sec", 30, _roman_num, True),
    Rule("chapter", _rx(rf"^ГЛАВА\s+{_NUM}{_AFTER}", re.I), "Гг", "chapter", "chp", 40, _same, True),
    Rule("chapter_ky", _rx(rf"^{_NUM}\s*-\s*глава\b{_AFTER}", re.I), _DIGITS, "chapter", "chp", 40, _same, True),
    # article-level units
    Rule("article", _rx(rf"^СТАТЬЯ\s+{_NUM}{_AFTER}", re.I), "Сс", "article", "art", ARTICLE_RANK, _same, True),
    Rule("article_ky", _rx(rf"^{_NUM}\s*-\s*берене\b[.:]?\s*(?P<rest>.*)$", re.I), _DIGITS,
         "article", "art", ARTICLE_RANK, _same, True),
    # annexes ("Приложение 1", "1-тиркеме"): a top-level block whose parts are prefixed with it
    Rule("annex", _rx(r"^ПРИЛОЖЕНИЕ(?:\s+(?:№\s*)?(?P<num>\d+))?\.?$", re.I), "Пп", "part", "annex", ARTICLE_RANK),
    Rule("annex_ky", _rx(r"^(?P<num>\d+)\s*-\s*тиркеме\.?$", re.I), _DIGITS, "part", "annex", ARTICLE_RANK),
    # inside an article
    Rule("note", _rx(r"^(?:Примечани[ея]|Эскертүү(?:лөр)?|Эскертме)\s*(?:[.:]\s*|$)(?P<rest>.*)$", re.I), "ПпЭэ",
         "note", "note", 60),
    Rule("paragraph", _rx(r"^(?P<num>\d+(?:[-.]\d+)*)\.(?:\s+|(?=[^\W\d_]|[«\"(]))(?P<rest>.*)$"), _DIGITS,
         "paragraph", "para", 60),
    Rule("point", _rx(r"^(?P<num>\d+(?:-\d+)*|I)\)\s*(?P<rest>.*)$"), _DIGITS + "I", "point", "point", 70, _latin_one),
    Rule("subpoint", _rx(r"^(?P<num>[а-яёңөүa-z](?:-\d+)?)\)\s*(?P<rest>.*)$"), _LOWER, "subpoint", "subpoint", 80),
)
# fmt: on


def _index(rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    by_first: dict[str, list[Rule]] = {}
    for rule in rules:
        for c in rule.starts:
            by_first.setdefault(c, []).append(rule)
    return {c: tuple(rs) for c, rs in by_first.items()}


_BY_FIRST = _index(RULES)

_AMEND = next(r.pattern for r in RULES if r.name == "amend")
CONTAINER_RULES = frozenset({"part", "section", "section_ky", "chapter", "chapter_ky"})
ARTICLE_RULES = frozenset({"article", "article_ky"})
HEADING_RULES = CONTAINER_RULES | ARTICLE_RULES
ANNEX_RULES = frozenset({"annex", "annex_ky"})
NOTE_RULES = frozenset({"amend", "footnote", "remark", "editorial"})
# Inside a note, its own numbered parts rank between the note (60) and items (70).
NOTE_PARAGRAPH_RANK = 65

_TITLE_WORDS = re.compile(r"(?i)\b(?:кодекс|кодекси|закон|мыйзамы?|конституция|положение)\b")
_DATE_LINE = re.compile(
    r"(?i)^(?:от\s+\d{1,2}\s+\w+\s+\d{4}\s*(?:года|г\.)?|\d{4}-жылдын\s+\d{1,2}-\w+)\s*(?:№|N)?\s*[\w-]*$"
)
_ENDS_LIST_ITEM = ("–", "—", "-", ".")
# "3 Эксперттин ..." (Kyrgyz CPC art 72): a part number that lost its full stop.
_BARE_PART_NUMBER = re.compile(r"^(?P<num>\d+)\s+(?P<rest>[А-ЯЁӨҮҢA-Z].*)$")


class Line(NamedTuple):
    """A normalised source line with its layout hints and the rule that matched it (if any).

    A NamedTuple rather than a frozen dataclass: one is made per line, and tuples are made fast.
    """

    text: str
    centered: bool
    heading_level: int | None
    rule: Rule | None
    match: re.Match[str] | None

    @property
    def name(self) -> str | None:
        return self.rule.name if self.rule else None

    def group(self, name: str) -> str:
        if self.match is None or name not in self.match.re.groupindex:
            return ""
        return (self.match.group(name) or "").strip()


def _lowercase_start(text: str) -> bool:
    return bool(text) and text[0].islower()


def classify(text: str) -> tuple[Rule | None, re.Match[str] | None]:
    """The first rule of `RULES` whose pattern matches the line, or (None, None) for body text."""
    for rule in _BY_FIRST.get(text[:1], ()):
        m = rule.pattern.match(text)
        if m is None:
            continue
        if rule.heading and _lowercase_start((m.group("rest") or "").strip()):
            continue  # "Статья 12 настоящего Закона ..." is a sentence, not a heading
        return rule, m
    return None, None


def _classify(blocks: Sequence[Block]) -> list[Line]:
    lines = []
    for b in blocks:
        text = normalize_line(b.text)
        if not text:
            continue
        rule, m = classify(text)
        lines.append(Line(text, b.centered, b.heading_level, rule, m))
    return lines


# -- tables of contents and signatures ---------------------------------------------------------


def _headingish(line: Line) -> bool:
    """Lines a table of contents may hold besides headings: titles, capitals, notes."""
    name = line.name
    if name in HEADING_RULES or name in NOTE_RULES or name == "toc":
        return True
    if line.heading_level is not None:
        return True
    return line.text.isupper() and len(line.text) < 200


def _heading_key(line: Line) -> tuple[str | None, str]:
    kind = line.rule.kind if line.rule else None
    return kind, line.rule.number(line.group("num")) if line.rule else ""


def _toc_lines(lines: list[Line]) -> set[int]:
    """Indices of table-of-contents lines: a run of >= 3 bodiless article headings at the top of
    the law (no article with text before it) or whose articles reappear later as headings."""
    n = len(lines)
    bodiless = [False] * n
    for i, line in enumerate(lines):
        if line.name in HEADING_RULES:
            bodiless[i] = i + 1 >= n or _headingish(lines[i + 1])
    skip: set[int] = set()
    seen_article_with_body = False
    i = 0
    while i < n:
        line = lines[i]
        if line.name not in HEADING_RULES:
            i += 1
            continue
        if not bodiless[i]:
            if line.name in ARTICLE_RULES:
                seen_article_with_body = True
            i += 1
            continue
        # a run of bodiless headings, only heading-ish lines between them
        run = [i]
        keys = {_heading_key(line)}
        j = i + 1
        while j < n and _headingish(lines[j]):
            if lines[j].name in HEADING_RULES:
                if not bodiless[j] or _heading_key(lines[j]) in keys:
                    break  # text follows, or the contents are over and the real headings begin
                run.append(j)
                keys.add(_heading_key(lines[j]))
            j += 1
        articles = [k for k in run if lines[k].name in ARTICLE_RULES]
        if len(articles) >= 3:
            nums = {lines[k].group("num") for k in articles}
            later = {lines[k].group("num") for k in range(run[-1] + 1, n) if lines[k].name in ARTICLE_RULES}
            if not seen_article_with_body or len(nums & later) * 2 >= len(nums):
                start = run[0]
                # take in a "Оглавление" line and the heading-ish lines between it and the run
                k = start - 1
                while k >= 0 and _headingish(lines[k]) and lines[k].name not in HEADING_RULES:
                    if lines[k].name == "toc":
                        start = k
                        break
                    k -= 1
                skip.update(range(start, run[-1] + 1))
        i = run[-1] + 1
    return skip


def _signature_lines(lines: list[Line]) -> set[int]:
    """Where a signature block starts: "Президент" (and a "... Республикасынын" line above it)."""
    starts = set()
    for i, line in enumerate(lines):
        if line.name == "signature":
            prev = lines[i - 1] if i else None
            if prev is not None and prev.rule is None and len(prev.text) < 40 and "Республик" in prev.text:
                starts.add(i - 1)
            else:
                starts.add(i)
    return starts


# -- the walk ----------------------------------------------------------------------------------


_LEADING_DIGITS = re.compile(r"\d+")


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
        self.in_note = False  # a note is open: its numbered parts are the note's, not the article's
        self.skip = _toc_lines(lines)
        self.signature = _signature_lines(lines)
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
            self.title = text
            self.title_open = True
            return
        if self.title_open and (line.centered or line.heading_level) and not any(c.isdigit() for c in text):
            self.title = f"{self.title} {text}"
            return
        self.title_open = False
        if _DATE_LINE.match(text) or line.centered:
            self.law_note(text)
            return
        self.b.text(text)  # the leading fragment of an excerpt: one unnumbered block (para_nn_1)

    @staticmethod
    def _title_like(line: Line) -> bool:
        text = line.text
        if line.heading_level == 1:
            return True
        if len(text) > 250 or text[0] in '(«"' or _lowercase_start(text):
            return False
        if any(c.isdigit() for c in text):
            return False
        return bool(_TITLE_WORDS.search(text)) and (line.centered or text.isupper() or line.heading_level)

    def heading(self, line: Line) -> None:
        rule = line.rule
        assert rule is not None and rule.kind is not None and rule.alias is not None
        num = rule.number(line.group("num")) or None
        rest = line.group("rest") or None
        self.started = True
        self.in_note = False
        if rule.name in ANNEX_RULES:
            self.b.close_to(0)
            self.b.open(rule.kind, rule.alias, num, rule.rank, None, line.text)
            self.heading_open = True
            self.article_num = None
            return
        if rule.name == "part":
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
                rank = NOTE_PARAGRAPH_RANK
            num = self._in_sequence(line, num, self.last_para if not self.in_note else None)
            self.last_para = _base(num or "") or self.last_para
            self.last_point = None
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
            self.in_note = True
        self.b.open(kind, alias, num, rank, None, None)
        if rest and _AMEND.match(rest):
            self.b.note(rest)  # "1) (Утратил силу ...)": a repealed item keeps its number, no text
        elif rest:
            self.b.text(rest)
        self.last_text = rest

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
        bare = _BARE_PART_NUMBER.match(text)
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
        if node is not None and node.kind in ("point", "subpoint") and self.last_text.endswith(_ENDS_LIST_ITEM):
            # "6) ... –" then "наказывается ...": the sanction belongs to the part, not the last item
            self.b.close_to(70)
        if self.b.current is None or self.b.current.kind not in ("point", "subpoint"):
            self.last_point = None  # text between two lists: the next list starts afresh
        self.b.text(text)
        self.last_text = text


def structure(blocks: Sequence[Block], language: str) -> Structured:
    """Russian/Kyrgyz civil-law provisions from a format reader's blocks."""
    walker = _Walker(_classify(blocks))
    walker.run()
    walker.lines = []  # free the classified lines before the result is assembled (peak memory)
    b = walker.b
    if walker.skip:
        walker.warnings.append(f"skipped a table of contents ({len(walker.skip)} lines)")
    return Structured(
        provisions=b.provisions(),
        text=b.document_text(),
        title=walker.title,
        notes=tuple(b.law_notes),
        warnings=tuple(walker.warnings),
    )
