"""Citations of the international instruments, in the one canonical form of INSTRUMENTS.md.

Reads: a citation string. Writes: a `Citation`, or an error saying what is wrong.

    CITE    := CODE " " ARTICLE ( "(" PARA ")" )*
    CODE    := "TIP" | "SOM" | "UNTOC" | "ML" | "COE"
    ARTICLE := digits                      (no leading zero)
    PARA    := digits | letter | roman     e.g. (3)(a), and (i) .. (xx) below a letter

Every rule source and every model_law entry is written this way so that a reviewer, a report
and an automated check follow it back to the same paragraph. The parser is strict on purpose:
one spelling per paragraph means a citation can be a dictionary key. The lower-case roman
numerals are an addition to the grammar of INSTRUMENTS.md: the treaties number their
sub-items that way (SOM 6(1)(b)(ii), UNTOC 5(1)(a)(i)) and the most specific paragraph must be
citable. A roman numeral is accepted only after a letter, so "(i)" directly under a number is
still the letter i.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lawgap.errors import LawgapError

# The instruments, in the order INSTRUMENTS.md lists them.
CODES: dict[str, str] = {
    "TIP": "Protocol to Prevent, Suppress and Punish Trafficking in Persons, especially Women and Children",
    "SOM": "Protocol against the Smuggling of Migrants by Land, Sea and Air",
    "UNTOC": "United Nations Convention against Transnational Organized Crime",
    "ML": "UNODC Model Law against Trafficking in Persons",
    "COE": "Council of Europe Convention on Action against Trafficking in Human Beings",
}

GRAMMAR = 'CODE ARTICLE ("(" PARA ")")*, e.g. "TIP 6(3)(b)"'

_DIGITS = re.compile(r"[1-9][0-9]*")
_LETTER = re.compile(r"[a-z]")
_ROMAN = re.compile(r"(?:x{0,2})(?:ix|iv|v?i{0,3})")


class CitationError(LawgapError, ValueError):
    """A string that is not a citation: says what is wrong and where."""

    def __init__(self, text: object, problem: str):
        self.text = text
        self.problem = problem
        super().__init__(f"{text!r} is not a citation ({GRAMMAR}): {problem}")


def _is_roman(para: str) -> bool:
    return bool(para) and _ROMAN.fullmatch(para) is not None


def _check_para(raw: str, para: object, previous: str) -> str:
    """The kind of `para` ("number", "letter", "roman") given the kind before it, or raise."""
    if not isinstance(para, str) or not para:
        raise CitationError(raw, f"empty or non-text paragraph {para!r}")
    if _DIGITS.fullmatch(para):
        return "number"
    if previous == "letter" and _is_roman(para):
        return "roman"
    if _LETTER.fullmatch(para):
        if previous in ("letter", "roman"):
            raise CitationError(raw, f"letter ({para}) cannot follow a letter or roman numeral")
        return "letter"
    if _is_roman(para):
        raise CitationError(raw, f"roman numeral ({para}) is allowed only below a letter, as in (a)({para})")
    raise CitationError(
        raw, f"paragraph ({para}) must be a number, one lower-case letter, or a roman numeral below a letter"
    )


@dataclass(frozen=True)
class Citation:
    """One article or paragraph of an instrument: `Citation("TIP", "6", ("3", "b"))` is TIP 6(3)(b).

    Hashable and immutable so it can key dictionaries; `str()` gives the canonical form.
    Build one from text with `parse()`; the constructor checks its parts the same way.
    """

    code: str
    article: str
    paras: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise CitationError(self._raw(), f"unknown instrument code {self.code!r}; use one of {_codes()}")
        if not isinstance(self.article, str) or not _DIGITS.fullmatch(self.article):
            raise CitationError(self._raw(), f"article {self.article!r} must be a number without leading zero")
        if not isinstance(self.paras, tuple):
            raise CitationError(self._raw(), "paras must be a tuple of strings")
        previous = "article"
        for para in self.paras:
            previous = _check_para(self._raw(), para, previous)

    def _raw(self) -> str:
        paras = self.paras if isinstance(self.paras, tuple) else ()
        return f"{self.code} {self.article}" + "".join(f"({p})" for p in paras)

    def __str__(self) -> str:
        return f"{self.code} {self.article}" + "".join(f"({p})" for p in self.paras)

    @property
    def depth(self) -> int:
        """0 for an article, 1 for a paragraph, 2 for a sub-paragraph, ..."""
        return len(self.paras)

    @property
    def article_cite(self) -> Citation:
        """The article this citation sits in (itself when it is an article)."""
        return Citation(self.code, self.article) if self.paras else self

    def parent(self) -> Citation | None:
        """The enclosing paragraph or article; None for an article."""
        if not self.paras:
            return None
        return Citation(self.code, self.article, self.paras[:-1])

    def ancestors(self) -> tuple[Citation, ...]:
        """The enclosing citations, nearest first: TIP 6(3)(b) -> TIP 6(3), TIP 6."""
        out: list[Citation] = []
        node = self.parent()
        while node is not None:
            out.append(node)
            node = node.parent()
        return tuple(out)

    def covers(self, other: Citation | str) -> bool:
        """True when `other` is this citation or lies inside it: TIP 6 covers TIP 6(3)(b)."""
        other = parse(other) if isinstance(other, str) else other
        return (
            self.code == other.code and self.article == other.article and other.paras[: len(self.paras)] == self.paras
        )

    def sort_key(self) -> tuple:
        """Document order: instruments as listed, articles and numbered paragraphs numerically."""
        order = list(CODES).index(self.code)
        return (
            order,
            int(self.article),
            tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.paras),
        )


def _codes() -> str:
    return ", ".join(CODES)


def parse(text: str) -> Citation:
    """Read one citation in the canonical form; anything else raises `CitationError` saying why."""
    if not isinstance(text, str):
        raise CitationError(text, f"expected a string, got {type(text).__name__}")
    if not text:
        raise CitationError(text, "empty")
    if text != text.strip():
        raise CitationError(text, "leading or trailing whitespace")
    code, sep, rest = text.partition(" ")
    if not sep:
        if code.upper() in CODES:
            raise CitationError(text, "no article number after the instrument code")
        raise CitationError(text, f"expected an instrument code ({_codes()}), a space and an article number")
    if code not in CODES:
        hint = f"; did you mean {code.upper()!r}?" if code.upper() in CODES else ""
        raise CitationError(text, f"unknown instrument code {code!r}; use one of {_codes()}{hint}")
    if rest.lower().startswith(("art", "para", "§")):
        raise CitationError(text, "write the bare article number (no 'art.' or 'para')")
    match = re.match(r"[0-9]+", rest)
    if not match:
        raise CitationError(text, f"expected an article number after {code!r}, found {rest[:1]!r}")
    article = match.group()
    if article.startswith("0"):
        raise CitationError(text, f"article number {article!r} has a leading zero")
    pos = match.end()
    paras: list[str] = []
    while pos < len(rest):
        if rest[pos] != "(":
            raise CitationError(
                text, f"unexpected {rest[pos]!r} at position {len(code) + 1 + pos}; paragraphs go in '(...)'"
            )
        close = rest.find(")", pos)
        if close < 0:
            raise CitationError(text, f"unclosed '(' at position {len(code) + 1 + pos}")
        paras.append(rest[pos + 1 : close])
        pos = close + 1
    return Citation(code, article, tuple(paras))


def parse_many(texts: Iterable[str]) -> tuple[Citation, ...]:
    """Parse a list of citations, e.g. a rule's `sources`; the first bad one raises."""
    return tuple(parse(t) for t in texts)


def is_citation(text: object) -> bool:
    """True when `text` is a citation in the canonical form."""
    try:
        parse(text)  # type: ignore[arg-type]
    except CitationError:
        return False
    return True


def canonical(text: str) -> str:
    """The canonical form of a citation (the same string when it is already canonical)."""
    return str(parse(text))
