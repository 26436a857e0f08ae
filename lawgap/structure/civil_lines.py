"""Civil-law lines: each line of a Russian or Kyrgyz law classified once against the grammar table.

Reads: Blocks. Writes: `Line`s (what each line opens, or what metadata it is) and the lines of a

table of contents or a signature block, which the walker in lawgap.structure.civil keeps out of the
provisions. The table `RULES` is the grammar: a drafting variant changes one row, not the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from lawgap.model import Block
from lawgap.structure.ordinals import RU_ORDINAL, ordinal_value
from lawgap.structure.tree import ARTICLE_RANK

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_CHARS = "¹²³⁰⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_AFTER_DIGIT = re.compile(r"(?<=\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# Roman numerals are often typed with Cyrillic look-alikes in the Kyrgyz text ("ХI БӨЛҮМ").
_ROMAN_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "С": "C", "М": "M", "х": "X", "і": "I"})
_ROMAN = re.compile(r"^[IVXLCM]+$")

_PART_WORDS = {"общая": "1", "особенная": "2", "жалпы": "1", "өзгөчө": "2", "general": "1", "special": "2"}


def _part_num(word: str) -> str:
    """'ОБЩАЯ' and 'ЖАЛПЫ' are part 1, 'ОСОБЕННАЯ' and 'ӨЗГӨЧӨ' part 2, so ru and ky ids match."""
    return _PART_WORDS.get(word.lower(), word)


def _roman_num(num: str) -> str:
    fixed = num.translate(_ROMAN_LOOKALIKES).upper()
    return fixed if _ROMAN.match(fixed) else num


def _same(num: str) -> str:
    return num


def _section_num(num: str) -> str:
    """'VII' (or 'VІІ' typed in Cyrillic) stays Roman; 'ПЕРВЫЙ' ("РАЗДЕЛ ПЕРВЫЙ") is section 1."""
    value = ordinal_value(num)
    return str(value) if value else _roman_num(num)


def _latin_one(num: str) -> str:
    """Item "I)" is a typo for "1)" (Kyrgyz CC art 62 part 2); items are never Roman."""
    return "1" if num == "I" else num


# Tajik drafting prints an inserted article "Статья 130(1)" and cites it "статьей 130(1)": the article 130-1 (as
# 130¹ elsewhere). Read so only in an article number: after "стать-" and its other numbers ("статьями 130(1) и
# 130(2)"), never "6(1)" in an English "Article 6(1)", which is part 1 of article 6.
_ARTICLE_WORD = re.compile(r"(?i)\bстать(?:я|и|е|ю|ей|ям|ями|ях)\s+")
_ARTICLE_NUMBERS = re.compile(r"(?:\d+(?:-\d+)*(?:\(\d{1,2}\))?(?:\s*,\s*|\s+(?:и|или|-|–)\s+)?)+")
_BRACKETED_NUMBER = re.compile(r"(\d)\((\d{1,2})\)")


def _article_numbers(text: str) -> str:
    out, last = [], 0
    for word in _ARTICLE_WORD.finditer(text):
        numbers = _ARTICLE_NUMBERS.match(text, word.end())
        if numbers:
            out.append(text[last : numbers.start()])
            out.append(_BRACKETED_NUMBER.sub(r"\1-\2", numbers.group(0)))
            last = numbers.end()
    return "".join(out) + text[last:]


def normalize_line(text: str) -> str:
    """One line of a law: single spaces, superscript digits after a digit as '-N' (240¹ -> 240-1), and an
    article number printed with its insertion number in brackets as '-N' (130(1) -> 130-1)."""
    text = " ".join(text.split())
    if any(c in text for c in _SUPERSCRIPT_CHARS) and _SUPERSCRIPT_AFTER_DIGIT.search(text):
        text = _SUPERSCRIPT_AFTER_DIGIT.sub(lambda m: "-" + m.group(1).translate(_SUPERSCRIPT_DIGITS), text)
    if ")" in text and _BRACKETED_NUMBER.search(text):
        text = _article_numbers(text)
    return text


# -- the grammar table -----------------------------------------------------------------------

# Printed numbers: 166, 71-1, 127.1 (RF), 20-1.
_NUM = r"(?P<num>\d+(?:[-.]\d+)*)"
# Chapters may be numbered in Roman figures ("ГЛАВА III", Uzbek and Tajik drafting).
_NUM_OR_ROMAN = r"(?P<num>\d+(?:[-.]\d+)*|[IVXLCХІ]+(?![\w-]))"
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
    # "Президент", "Президент Республики Казахстан", "ПрезидентРеспублики Казахстан" (run together), "Президент
    # Российской Федерации Б.Ельцин": the signature block, never the last article's words
    Rule("signature", _rx(r"^Президент(?:и|\s*(?:Республики\s+\w+|Кыргызской\s+Республики|Российской\s+Федерации|"
                          r"Туркменистана)(?:\s+[А-ЯЁ]\.\s?[А-ЯЁ]?\.?\s?[А-ЯЁ][а-яёА-ЯЁ-]+)?)?$", re.I), "Пп"),
    # the Kyrgyz form on one line: "Кыргыз Республикасынын Президенти" (a name may follow)
    Rule("signature", _rx(r"^Кыргыз\s+Республикасынын\s+Президенти(?:\s+[А-ЯЁӨҮҢ][\w.\s-]{0,40})?$"), "К"),
    # the same in an English translation: "The President" (then "of the Republic of Kazakhstan" on its own line)
    Rule("signature", _rx(r"^(?:The\s+)?President(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+\w+|Kyrgyz\s+Republic|"
                          r"Turkmenistan))?$", re.I), "TtPp"),
    # what the file says of itself, under the title: an excerpt, an unofficial translation
    # "(извлечение)", or with what it holds: "(Үзүндү: 1, 4 жана 9-главалар. ...)", "(Excerpt: Chapters 1-3)"
    # "(Извлечение содержит главы 1, 6 и 7 Общей части ...)", "(This excerpt holds ...)"
    Rule("excerpt", _rx(r"^\((?:(?:this|the)\s+)?(?:извлечени[ея]|үзүндү|extracts?|excerpts?)"
                        r"(?:\s*[:.,;–-][^()]*|\s+[^()]+)?\)$", re.I), "("),
    Rule("translation", _rx(r"^\(?(?:unofficial|official)\s+translation\)?\.?$|^\(?неофициальный\s+перевод\)?\.?$",
                            re.I), "(UuOoНн"),
    # "Примечание: Изменения и дополнения внесенные Законом ..." (KG CPC art 403) is the text
    # bank's remark about an amendment, not a note of the law
    Rule("editorial", _rx(r"^Примечани[ея]\s*[.:]\s*(?:Изменени|Дополнени)[^.]*\bЗакон", re.I), "Пп"),
    # containers
    Rule("part", _rx(r"^(?P<num>ОБЩАЯ|ОСОБЕННАЯ|ЖАЛПЫ|ӨЗГӨЧӨ)\s+(?:ЧАСТЬ|БӨЛҮК)\.?$", re.I), "ОоЖжӨө",
         "part", "part", 20, _part_num),
    Rule("part_en", _rx(r"^(?P<num>GENERAL|SPECIAL)\s+PART\.?$", re.I), "GgSs", "part", "part", 20, _part_num),
    # "РАЗДЕЛ VII", "РАЗДЕЛ 2", "РАЗДЕЛ ПЕРВЫЙ" (Uzbek drafting numbers sections in words)
    Rule("section", _rx(rf"^РАЗДЕЛ\s+(?P<num>[IVXLCХІ]+|\d+(?:-\d+)?|{RU_ORDINAL})(?:\.|(?=\s)|$)\s*(?P<rest>.*)$",
                        re.I), "Рр", "section", "sec", 30, _section_num, True),
    Rule("section_ky", _rx(r"^(?P<num>[IVXLCХІ]+|\d+)\s*-?\s*БӨЛҮМ(?:\.|(?=\s)|$)\s*(?P<rest>.*)$", re.I),
         _ROMAN_STARTS + _DIGITS, "section", "sec", 30, _roman_num, True),
    Rule("chapter", _rx(rf"^ГЛАВА\s+{_NUM_OR_ROMAN}{_AFTER}", re.I), "Гг", "chapter", "chp", 40, _roman_num, True),
    Rule("chapter_ky", _rx(rf"^{_NUM}\s*-\s*глава\b{_AFTER}", re.I), _DIGITS, "chapter", "chp", 40, _same, True),
    # article-level units
    Rule("article", _rx(rf"^СТАТЬЯ\s+{_NUM}{_AFTER}", re.I), "Сс", "article", "art", ARTICLE_RANK, _same, True),
    Rule("article_ky", _rx(rf"^{_NUM}\s*-\s*берене\b[.:]?\s*(?P<rest>.*)$", re.I), _DIGITS,
         "article", "art", ARTICLE_RANK, _same, True),
    # English translations of civil-law laws: "SECTION VII.", "Chapter 20.", "Article 135. Trafficking in Persons"
    Rule("section_en", _rx(r"^SECTION\s+(?P<num>[IVXLC]+|\d+)(?:\.|(?=\s)|$)\s*(?P<rest>.*)$", re.I), "Ss",
         "section", "sec", 30, _roman_num, True),
    Rule("chapter_en", _rx(rf"^CHAPTER\s+{_NUM_OR_ROMAN}{_AFTER}", re.I), "Cc", "chapter", "chp", 40, _roman_num, True),
    Rule("article_en", _rx(rf"^ARTICLE\s+{_NUM}{_AFTER}", re.I), "Aa", "article", "art", ARTICLE_RANK, _same, True),
    # annexes ("Приложение 1", "1-тиркеме"): a top-level block whose parts are prefixed with it
    Rule("annex", _rx(r"^ПРИЛОЖЕНИЕ(?:\s+(?:№\s*)?(?P<num>\d+))?\.?$", re.I), "Пп", "part", "annex", ARTICLE_RANK),
    Rule("annex_ky", _rx(r"^(?P<num>\d+)\s*-\s*тиркеме\.?$", re.I), _DIGITS, "part", "annex", ARTICLE_RANK),
    # inside an article
    Rule("note", _rx(r"^(?:Примечани[ея]|Эскертүү(?:лөр)?|Эскертме|Notes?)\s*(?:[.:]\s*|$)(?P<rest>.*)$", re.I),
         "ПпЭэNn", "note", "note", 60),
    Rule("paragraph", _rx(r"^(?P<num>\d+(?:[-.]\d+)*)\.(?:\s+|(?=[^\W\d_]|[«\"(]))(?P<rest>.*)$"), _DIGITS,
         "paragraph", "para", 60),
    # Tajik drafting numbers an article's parts in brackets: "(1) Торговля людьми ...", "(2) Те же деяния ..."
    Rule("paragraph", _rx(r"^\((?P<num>\d+(?:-\d+)*)\)\s*(?P<rest>\S.*)$"), "(", "paragraph", "para", 60),
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

AMEND = next(r.pattern for r in RULES if r.name == "amend")
CONTAINER_RULES = frozenset(
    {"part", "part_en", "section", "section_ky", "section_en", "chapter", "chapter_ky", "chapter_en"}
)
ARTICLE_RULES = frozenset({"article", "article_ky", "article_en"})
HEADING_RULES = CONTAINER_RULES | ARTICLE_RULES
ANNEX_RULES = frozenset({"annex", "annex_ky"})
NOTE_RULES = frozenset({"amend", "footnote", "remark", "editorial"})
# Inside a note, its own numbered parts rank between the note (60) and items (70).
NOTE_PARAGRAPH_RANK = 65

TITLE_WORDS = re.compile(r"(?i)\b(?:кодекс|кодекси|закон|мыйзамы?|конституция|положение|code|law|act)\b")
# The subject line under "ЗАКОН РЕСПУБЛИКИ ..." / "LAW OF ...": "О ...", "Об ...", "On ...", "... жөнүндө".
TITLE_SUBJECT = re.compile(r"^(?:Об?|On|About)\s+\S|жөнүндө\s*$")
DATE_LINE = re.compile(
    r"(?i)^(?:от\s+\d{1,2}\s+\w+\s+\d{4}\s*(?:года|г\.)?|\d{4}-жылдын\s+\d{1,2}-\w+)\s*(?:№|N)?\s*[\w-]*$"
)
# The place of signature printed under the title ("г.Бишкек", "г. Ашхабад"): a note of the law, never the
# lower-case start of an excerpt's first, cut-off sentence
PLACE_LINE = re.compile(r"^г\.\s?[А-ЯЁ][\w-]+\.?$")
# The date and number printed on the title line itself: "ЗАКОН ... от 18 августа 2020 года № 281-VI",
# "Закон ... от 17.04.2008 г. № ЗРУ-154 «О ...»", "LAW ... On ..., of 17 May 2011, No. 712", "(Новая редакция)".
TITLE_DATE = re.compile(
    r"(?i)\s*,?\s*(?:\((?:новая|в новой) редакци[яи]\)\s*)?"
    r"(?P<date>(?:от|of|dated)\s+(?:\d{1,2}\s+\w+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})\s*(?:года|г\.|y\.)?"
    r"\s*,?\s*(?:(?:No\.?|№|N)\s*[\w-]+(?:\s+(?:ZRK|ЗРК|ZRU|ЗРУ))?)?)"
)
# A title line that opens with its kind in capitals: "ЗАКОН ТУРКМЕНИСТАНА О ...", "LAW OF THE REPUBLIC OF ..."
# or, in an English translation, "Law of the Republic of Kazakhstan dated 11 December 2023 No. 118-VIII ZRK "On ...""
TITLE_OPENING = re.compile(
    r"^(?:[А-ЯЁӨҮҢA-Z]+\s+){0,2}(?:ЗАКОН|КОДЕКС|МЫЙЗАМЫ|КОДЕКСИ|LAW|CODE|ACT)\b|^(?:Law|Code)\s+of\s+the\b"
    # printed in ordinary case: "Закон Республики Казахстан О ...", "Уголовный кодекс Туркменистана",
    # "Кыргыз Республикасынын Мыйзамы"
    r"|^(?:[А-ЯЁ][а-яё]+(?:-[а-яё]+)?\s+){0,2}?(?:Закон|Кодекс|кодекс)\s+(?:Республики|Туркменистана|Кыргызской)\b"
    r"|^Кыргыз\s+Республикасынын\s+(?:[\w-]+\s+){0,2}?(?:[Мм]ыйзамы|кодекси)\b"
)
ENDS_LIST_ITEM = ("–", "—", "-", ".")
# "3 Эксперттин ..." (Kyrgyz CPC art 72): a part number that lost its full stop.
BARE_PART_NUMBER = re.compile(r"^(?P<num>\d+)\s+(?P<rest>[А-ЯЁӨҮҢA-Z].*)$")


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


def lowercase_start(text: str) -> bool:
    return bool(text) and text[0].islower()


def classify(text: str) -> tuple[Rule | None, re.Match[str] | None]:
    """The first rule of `RULES` whose pattern matches the line, or (None, None) for body text."""
    for rule in _BY_FIRST.get(text[:1], ()):
        m = rule.pattern.match(text)
        if m is None:
            continue
        if rule.heading and lowercase_start((m.group("rest") or "").strip()):
            continue  # "Статья 12 настоящего Закона ..." is a sentence, not a heading
        return rule, m
    return None, None


def classify_blocks(blocks: Sequence[Block]) -> list[Line]:
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


def toc_lines(lines: list[Line]) -> set[int]:
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


def signature_lines(lines: list[Line]) -> set[int]:
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


