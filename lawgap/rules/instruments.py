"""The team's encoding of the international instruments (model_law/*.toml), loaded and checked.

Reads: model_law/*.toml. Writes: the frozen `ModelLaw` (instruments, articles, obligations).

Every rule's `sources` must point at an encoded article or paragraph, and the app answers
"where does this come from?" from the same data, so the files are validated strictly on load
(the models below, read by the shared strict reader, strict_toml.py): a malformed file raises
`ModelLawError` naming the file, the entry and the field. The folder is
`model_law/` at the repository root (beside the `lawgap` package), or `LAWGAP_MODEL_LAW`.
The data are not shipped inside an installed wheel: lawgap runs from its checkout.

File layout (one file per instrument):

    [instrument]                 code, title, short_title, short_title_ru, year; optional corpus, notes
    [[article]]                  cite ("TIP 6"), title: the article headings, for display
    [[chapter]]                  optional, unnumbered parts (the Model Law's later chapters):
                                 title, summary, summary_ru, implements (citations)
    [[obligation]]               cite, title, summary, summary_ru, obligation, basis, targets,
                                 topic; optional kind ("obligation" | "definition" | "scope"),
                                 notes
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, PlainValidator, field_validator, model_validator

from lawgap.errors import InputError
from lawgap.rules.citations import CODES, Citation, parse
from lawgap.rules.strict_toml import (
    ExactText,
    FieldError,
    Problem,
    Strict,
    has_cyrillic,
    in_russian,
    one_of,
    read_toml,
    some_of,
    validate,
)
from lawgap.settings import MODEL_LAW_ENV as ENV_VAR
from lawgap.settings import model_law_dir

# Obligation levels, strongest first: "shall" / "shall consider" / "shall endeavour" / "may".
LEVELS = ("mandatory", "consider", "endeavour", "optional")
# Whom an obligation protects or concerns; "all" for measures not aimed at one group.
TARGETS = ("victims", "witnesses", "children", "women", "smuggled_migrants", "all")
# A definition (TIP 3) binds through the article that uses it; a scope clause (TIP 1(2)) says
# which other instrument's articles apply; an obligation binds by itself.
KINDS = ("obligation", "definition", "scope")

SUMMARY_MAX = 520  # "one or two sentences" of our own words, never a quotation of the article

_TOPIC = re.compile(r"[a-z][a-z0-9_]*")


class ModelLawError(InputError):
    """A model_law file that does not follow the schema: one line naming file, entry and field."""

    def __init__(self, path: str | Path | None, entry: str | None, field: str | None, problem: str):
        self.entry = entry
        self.field = field
        where = ", ".join(p for p in (entry, f"field {field!r}" if field else None) if p)
        super().__init__(path, f"{where}: {problem}" if where else problem)


@dataclass(frozen=True)
class Article:
    """An article heading of an instrument, for display and for checking article numbers."""

    cite: Citation
    title: str


@dataclass(frozen=True)
class Chapter:
    """An unnumbered part of an instrument (the Model Law's later chapters) and what it implements."""

    title: str
    summary: str
    summary_ru: str
    implements: tuple[Citation, ...]


@dataclass(frozen=True)
class Obligation:
    """One article or paragraph that states a requirement, in our own words.

    `obligation` is the level (see LEVELS) and `basis` records how it was judged from the
    operative verb; `targets` are the groups it protects or concerns (see TARGETS).
    """

    cite: Citation
    title: str
    summary: str
    summary_ru: str
    obligation: str
    basis: str
    targets: tuple[str, ...]
    topic: str
    kind: str = "obligation"
    notes: str = ""

    @property
    def level(self) -> str:
        return self.obligation

    @property
    def code(self) -> str:
        return self.cite.code


@dataclass(frozen=True)
class Instrument:
    """One instrument's file: its metadata, article headings, chapters and obligations."""

    code: str
    title: str
    short_title: str
    short_title_ru: str
    year: int
    path: Path
    articles: tuple[Article, ...]
    obligations: tuple[Obligation, ...]
    chapters: tuple[Chapter, ...] = ()
    corpus: str | None = None
    notes: str = ""

    def article(self, num: str | int) -> Article | None:
        num = str(num)
        return next((a for a in self.articles if a.cite.article == num), None)


@dataclass(frozen=True)
class Lookup:
    """What `find()` returns for display: the entry for a citation, or the nearest one around it.

    `obligation` is the exact entry or, failing that, the closest enclosing encoded entry
    (None when only finer paragraphs are encoded); `covered` are the encoded entries inside
    the requested citation (for "TIP 6": all paragraphs of article 6).
    """

    requested: Citation
    article: Article
    obligation: Obligation | None
    covered: tuple[Obligation, ...]

    @property
    def exact(self) -> bool:
        return self.obligation is not None and self.obligation.cite == self.requested

    @property
    def title(self) -> str:
        return self.obligation.title if self.obligation else self.article.title


@dataclass(frozen=True)
class ModelLaw:
    """All encoded instruments, indexed by citation."""

    instruments: tuple[Instrument, ...]
    directory: Path

    def __post_init__(self) -> None:
        index = {o.cite: o for i in self.instruments for o in i.obligations}
        articles = {a.cite: a for i in self.instruments for a in i.articles}
        ordered = tuple(sorted(index.values(), key=lambda o: o.cite.sort_key()))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_articles", articles)
        object.__setattr__(self, "_ordered", ordered)

    @property
    def obligations(self) -> tuple[Obligation, ...]:
        """Every entry, in document order (instruments as CODES lists them)."""
        return self._ordered

    def instrument(self, code: str) -> Instrument | None:
        return next((i for i in self.instruments if i.code == code), None)

    def get(self, cite: Citation | str) -> Obligation | None:
        """The entry for exactly this citation, or None."""
        return self._index.get(_cite(cite))

    def article(self, cite: Citation | str) -> Article | None:
        """The article heading the citation sits in, or None when the article is not encoded."""
        return self._articles.get(_cite(cite).article_cite)

    def within(self, cite: Citation | str) -> tuple[Obligation, ...]:
        """The entries at or inside a citation, in document order: within("TIP 6") is all of article 6."""
        c = _cite(cite)
        return tuple(o for o in self.obligations if c.covers(o.cite))

    def exists(self, cite: Citation | str) -> bool:
        """True when the citation is an encoded entry or encloses one (a rule may cite "TIP 6").

        A paragraph finer than anything encoded (TIP 6(3)(f)) does not exist: entries are
        encoded at their most specific paragraph. A string outside the grammar raises
        CitationError.
        """
        c = _cite(cite)
        return c in self._index or any(c.covers(k) for k in self._index)

    def find(self, cite: Citation | str) -> Lookup | None:
        """The entry for a citation, falling back to the closest enclosing one, for display.

        None when even the article is not encoded.
        """
        c = _cite(cite)
        article = self.article(c)
        if article is None:
            return None
        entry = self._index.get(c)
        if entry is None:
            entry = next((self._index[a] for a in c.ancestors() if a in self._index), None)
        return Lookup(requested=c, article=article, obligation=entry, covered=self.within(c))

    def by_target(self, group: str, include_all: bool = False) -> tuple[Obligation, ...]:
        """Entries concerning a target group; with include_all also those aimed at everyone."""
        if group not in TARGETS:
            raise ValueError(f"unknown target group {group!r}; use one of {', '.join(TARGETS)}")
        wanted = {group, "all"} if include_all else {group}
        return tuple(o for o in self.obligations if wanted & set(o.targets))

    def by_topic(self, topic: str) -> tuple[Obligation, ...]:
        return tuple(o for o in self.obligations if o.topic == topic)

    def by_level(self, level: str) -> tuple[Obligation, ...]:
        if level not in LEVELS:
            raise ValueError(f"unknown obligation level {level!r}; use one of {', '.join(LEVELS)}")
        return tuple(o for o in self.obligations if o.obligation == level)


def _cite(cite: Citation | str) -> Citation:
    return cite if isinstance(cite, Citation) else parse(cite)


def load_instruments(directory: str | Path | None = None) -> ModelLaw:
    """Load and validate every model_law/*.toml; cached per folder (the files are data, not input)."""
    folder = Path(directory).expanduser().resolve() if directory is not None else model_law_dir()
    return _load_dir(folder)


@lru_cache(maxsize=8)
def _load_dir(folder: Path) -> ModelLaw:
    if not folder.is_dir():
        raise ModelLawError(folder, None, None, f"model_law folder not found (set {ENV_VAR})")
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise ModelLawError(folder, None, None, "no *.toml instrument files in the model_law folder")
    instruments: list[Instrument] = []
    seen: dict[Citation, Path] = {}
    codes: dict[str, Path] = {}
    for path in files:
        inst = load_file(path)
        if inst.code in codes:
            raise ModelLawError(path, "[instrument]", "code", f"{inst.code} is also encoded in {codes[inst.code]}")
        codes[inst.code] = path
        for o in inst.obligations:
            if o.cite in seen and seen[o.cite] != path:
                raise ModelLawError(path, _label(o.cite, None), "cite", f"also encoded in {seen[o.cite]}")
            seen[o.cite] = path
        instruments.append(inst)
    instruments.sort(key=lambda i: list(CODES).index(i.code))
    law = ModelLaw(tuple(instruments), folder)
    _check_chapters(law)
    return law


def exists(cite: Citation | str) -> bool:
    """`load_instruments().exists(cite)` for the default folder."""
    return load_instruments().exists(cite)


def find(cite: Citation | str) -> Lookup | None:
    """`load_instruments().find(cite)` for the default folder."""
    return load_instruments().find(cite)


def cite_ru(cites: Sequence[Citation | str]) -> str:
    """Citations as a Russian reader reads them: the instrument's Russian name, then its articles
    ("Конвенция Совета Европы о противодействии торговле людьми (ст. 10(3), 12(1))"); the canonical
    code form ("COE 10(3)") is for the data, not for a Russian sentence."""
    groups: dict[str, list[str]] = {}
    for cite in map(_cite, cites):
        groups.setdefault(cite.code, []).append(str(cite).split(" ", 1)[1])
    return "; ".join(f"{name_ru(code)} (ст. {', '.join(places)})" for code, places in groups.items())


def name_ru(code: str) -> str:
    """The instrument's short Russian name ("Протокол о торговле людьми"); an unknown code as it is."""
    inst = load_instruments().instrument(code)
    return inst.short_title_ru if inst else code


# --- one file -------------------------------------------------------------------------------


def _short(text: str) -> str:
    if len(text) > SUMMARY_MAX:
        raise ValueError(f"{len(text)} characters; keep it to one or two sentences")
    return text


def _english(text: str) -> str:
    if has_cyrillic(text):
        raise ValueError("must be written in English (Russian goes in summary_ru)")
    return text


def _topic(text: str) -> str:
    if not _TOPIC.fullmatch(text):
        raise ValueError(f"{text!r} must be a lower-case keyword (a-z, 0-9, _)")
    return text


def _some_citations(cites: list[Citation]) -> list[Citation]:
    if not cites:
        raise ValueError("must be a non-empty list of citations")
    return cites


# A citation is read into a Citation; a CitationError (a ValueError) says what is wrong with it.
Cite = Annotated[Citation, PlainValidator(parse)]
Code = one_of(tuple(CODES))
Level = one_of(LEVELS)
Kind = one_of(KINDS)
Targets = some_of(TARGETS)
Topic = Annotated[ExactText, AfterValidator(_topic)]
Summary = Annotated[ExactText, AfterValidator(_short), AfterValidator(_english)]
SummaryRu = Annotated[ExactText, AfterValidator(_short), AfterValidator(in_russian)]


class _Head(Strict):
    """The [instrument] table."""

    code: Code
    title: ExactText
    short_title: ExactText
    short_title_ru: Annotated[ExactText, AfterValidator(in_russian)]
    year: int
    corpus: ExactText | None = None
    notes: ExactText = ""

    @field_validator("year")
    @classmethod
    def _a_year(cls, year: int) -> int:
        if not 1900 <= year <= 2100:
            raise ValueError(f"{year!r} is not a year")
        return year


class _Article(Strict):
    cite: Cite
    title: ExactText


class _Chapter(Strict):
    title: ExactText
    summary: Summary
    summary_ru: SummaryRu
    implements: Annotated[list[Cite], AfterValidator(_some_citations)]


class _Obligation(Strict):
    cite: Cite
    title: ExactText
    summary: Summary
    summary_ru: SummaryRu
    obligation: Level
    basis: ExactText
    targets: Targets
    topic: Topic
    kind: Kind = "obligation"
    notes: ExactText = ""

    def entry(self) -> Obligation:
        return Obligation(**{name: getattr(self, name) for name in type(self).model_fields})


class _File(Strict):
    """One instrument file; the checks across its entries are the file's."""

    unknown = "unknown table; expected {allowed}"
    instrument: _Head
    article: list[_Article] = []
    chapter: list[_Chapter] = []
    obligation: list[_Obligation] = []

    @model_validator(mode="after")
    def _entries_fit_the_file(self) -> _File:
        code = self.instrument.code
        if not self.article:
            raise FieldError("no article headings", "article")
        seen: set[Citation] = set()
        for i, a in enumerate(self.article):
            if a.cite.code != code:
                raise FieldError(f"instrument {a.cite.code} in the {code} file", "article", i, "cite")
            if a.cite.paras:
                raise FieldError("an [[article]] is a whole article, without paragraphs", "article", i, "cite")
            if a.cite in seen:
                raise FieldError("article listed twice", "article", i, "cite")
            seen.add(a.cite)
        numbers = {c.article for c in seen}
        seen = set()
        for i, o in enumerate(self.obligation):
            if o.cite.code != code:
                raise FieldError(f"instrument {o.cite.code} in the {code} file", "obligation", i, "cite")
            if o.cite.article not in numbers:
                problem = f"article {o.cite.article} has no [[article]] heading in this file (never invent one)"
                raise FieldError(problem, "obligation", i, "cite")
            if o.cite in seen:
                raise FieldError("encoded twice in this file", "obligation", i, "cite")
            seen.add(o.cite)
        if not self.obligation:
            raise FieldError("no obligations encoded", "obligation")
        return self


def _label(cite: object, index: int | None, table: str = "obligation") -> str:
    where = f"{table} #{index}" if index is not None else table
    return f"{where} ({cite})" if isinstance(cite, str | Citation) and str(cite) else where


def _error(path: Path, data: dict, problem: Problem) -> ModelLawError:
    """The entry a problem is in, named as a reader finds it: "obligation #2 (TIP 6(6))", "[instrument]"."""
    loc = problem.loc
    if not loc or loc[0] not in _File.model_fields:
        return ModelLawError(path, None, problem.field(), problem.message)
    table = str(loc[0])
    if table == "instrument":
        return ModelLawError(path, "[instrument]", problem.field(1), problem.message)
    if len(loc) < 2:
        return ModelLawError(path, f"[[{table}]]", None, problem.message)
    raw = data[table][loc[1]]
    name = raw.get("title" if table == "chapter" else "cite") if isinstance(raw, dict) else None
    entry = _label(name, int(loc[1]) + 1, table)
    return ModelLawError(path, entry, problem.field(2), problem.message)


def load_file(path: str | Path) -> Instrument:
    """Read and validate one instrument file; any problem raises ModelLawError naming entry and field."""
    path = Path(path)
    data = read_toml(path, lambda problem: ModelLawError(path, None, None, problem))
    model = validate(_File, data, lambda problem: _error(path, data, problem))
    head = model.instrument
    return Instrument(
        code=head.code,
        title=head.title,
        short_title=head.short_title,
        short_title_ru=head.short_title_ru,
        year=head.year,
        path=path,
        articles=tuple(sorted((Article(a.cite, a.title) for a in model.article), key=lambda a: a.cite.sort_key())),
        obligations=tuple(o.entry() for o in model.obligation),
        chapters=tuple(Chapter(c.title, c.summary, c.summary_ru, tuple(c.implements)) for c in model.chapter),
        corpus=head.corpus,
        notes=head.notes,
    )


def _check_chapters(law: ModelLaw) -> None:
    """A chapter's `implements` must point at entries encoded in some file."""
    for inst in law.instruments:
        for i, ch in enumerate(inst.chapters, 1):
            for c in ch.implements:
                if not law.exists(c):
                    raise ModelLawError(
                        inst.path, _label(ch.title, i, "chapter"), "implements", f"{c} is not encoded in model_law/"
                    )
