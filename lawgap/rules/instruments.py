"""The team's encoding of the international instruments (model_law/*.toml), loaded and checked.

Every rule's `sources` must point at an encoded article or paragraph, and the app answers
"where does this come from?" from the same data, so the files are validated strictly on load:
a malformed file raises `ModelLawError` naming the file, the entry and the field. The folder is
`model_law/` at the repository root (beside the `lawgap` package), or `LAWGAP_MODEL_LAW`.
The data are not shipped inside an installed wheel: lawgap runs from its checkout.

File layout (one file per instrument):

    [instrument]                 code, title, short_title, year; optional corpus, notes
    [[article]]                  cite ("TIP 6"), title: the article headings, for display
    [[chapter]]                  optional, unnumbered parts (the Model Law's later chapters):
                                 title, summary, summary_ru, implements (citations)
    [[obligation]]               cite, title, summary, summary_ru, obligation, basis, targets,
                                 topic; optional kind ("obligation" | "definition" | "scope"),
                                 notes
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lawgap.errors import InputError
from lawgap.rules.citations import CODES, Citation, CitationError, parse
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
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


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


# --- one file -------------------------------------------------------------------------------

_INSTRUMENT_FIELDS = {"code": True, "title": True, "short_title": True, "year": True, "corpus": False, "notes": False}
_ARTICLE_FIELDS = {"cite": True, "title": True}
_CHAPTER_FIELDS = {"title": True, "summary": True, "summary_ru": True, "implements": True}
_OBLIGATION_FIELDS = {
    "cite": True,
    "title": True,
    "summary": True,
    "summary_ru": True,
    "obligation": True,
    "basis": True,
    "targets": True,
    "topic": True,
    "kind": False,
    "notes": False,
}
_TOP = {"instrument", "article", "chapter", "obligation"}


def _label(cite: object, index: int | None, table: str = "obligation") -> str:
    where = f"{table} #{index}" if index is not None else table
    return f"{where} ({cite})" if isinstance(cite, str | Citation) and str(cite) else where


def load_file(path: str | Path) -> Instrument:
    """Read and validate one instrument file; any problem raises ModelLawError naming entry and field."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelLawError(path, None, None, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ModelLawError(path, None, None, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ModelLawError(path, None, None, f"not valid TOML: {exc}") from None
    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise ModelLawError(path, None, unknown[0], f"unknown table; expected {', '.join(sorted(_TOP))}")
    head = data.get("instrument")
    if not isinstance(head, dict):
        raise ModelLawError(path, "[instrument]", None, "missing the [instrument] table")
    _fields(path, "[instrument]", head, _INSTRUMENT_FIELDS)
    code = _text(path, "[instrument]", head, "code")
    if code not in CODES:
        raise ModelLawError(path, "[instrument]", "code", f"{code!r} is not one of {', '.join(CODES)}")
    year = head["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
        raise ModelLawError(path, "[instrument]", "year", f"{year!r} is not a year")

    articles = _articles(path, code, _table_list(path, data, "article"))
    if not articles:
        raise ModelLawError(path, "[[article]]", None, "no article headings")
    numbers = {a.cite.article for a in articles}
    obligations: dict[Citation, Obligation] = {}
    for i, raw in enumerate(_table_list(path, data, "obligation"), 1):
        entry = _obligation(path, code, numbers, i, raw)
        if entry.cite in obligations:
            raise ModelLawError(path, _label(entry.cite, i), "cite", "encoded twice in this file")
        obligations[entry.cite] = entry
    if not obligations:
        raise ModelLawError(path, "[[obligation]]", None, "no obligations encoded")
    chapters = tuple(_chapter(path, i, raw) for i, raw in enumerate(_table_list(path, data, "chapter"), 1))
    return Instrument(
        code=code,
        title=_text(path, "[instrument]", head, "title"),
        short_title=_text(path, "[instrument]", head, "short_title"),
        year=year,
        path=path,
        articles=articles,
        obligations=tuple(obligations.values()),
        chapters=chapters,
        corpus=_text(path, "[instrument]", head, "corpus") if "corpus" in head else None,
        notes=_text(path, "[instrument]", head, "notes") if "notes" in head else "",
    )


def _table_list(path: Path, data: dict, name: str) -> list[dict]:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ModelLawError(path, f"[[{name}]]", None, f"must be an array of tables, written [[{name}]]")
    return value


def _fields(path: Path, entry: str, raw: dict, spec: dict[str, bool]) -> None:
    for key in raw:
        if key not in spec:
            raise ModelLawError(path, entry, key, f"unknown field; allowed: {', '.join(spec)}")
    for key, required in spec.items():
        if required and key not in raw:
            raise ModelLawError(path, entry, key, "missing")


def _text(path: Path, entry: str, raw: dict, key: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise ModelLawError(path, entry, key, f"must be non-empty text, got {value!r}")
    if value != value.strip():
        raise ModelLawError(path, entry, key, "has leading or trailing whitespace")
    return value


def _parse_cite(path: Path, entry: str, key: str, value: object) -> Citation:
    if not isinstance(value, str):
        raise ModelLawError(path, entry, key, f"must be a citation string, got {value!r}")
    try:
        return parse(value)
    except CitationError as exc:
        raise ModelLawError(path, entry, key, str(exc)) from None


def _articles(path: Path, code: str, raws: list[dict]) -> tuple[Article, ...]:
    out: dict[Citation, Article] = {}
    for i, raw in enumerate(raws, 1):
        entry = _label(raw.get("cite"), i, "article")
        _fields(path, entry, raw, _ARTICLE_FIELDS)
        cite = _parse_cite(path, entry, "cite", raw["cite"])
        if cite.code != code:
            raise ModelLawError(path, entry, "cite", f"instrument {cite.code} in the {code} file")
        if cite.paras:
            raise ModelLawError(path, entry, "cite", "an [[article]] is a whole article, without paragraphs")
        if cite in out:
            raise ModelLawError(path, entry, "cite", "article listed twice")
        out[cite] = Article(cite, _text(path, entry, raw, "title"))
    return tuple(sorted(out.values(), key=lambda a: a.cite.sort_key()))


def _obligation(path: Path, code: str, numbers: set[str], index: int, raw: dict) -> Obligation:
    entry = _label(raw.get("cite"), index)
    _fields(path, entry, raw, _OBLIGATION_FIELDS)
    cite = _parse_cite(path, entry, "cite", raw["cite"])
    if cite.code != code:
        raise ModelLawError(path, entry, "cite", f"instrument {cite.code} in the {code} file")
    if cite.article not in numbers:
        raise ModelLawError(
            path, entry, "cite", f"article {cite.article} has no [[article]] heading in this file (never invent one)"
        )
    level = _text(path, entry, raw, "obligation")
    if level not in LEVELS:
        raise ModelLawError(path, entry, "obligation", f"{level!r} is not one of {', '.join(LEVELS)}")
    kind = _text(path, entry, raw, "kind") if "kind" in raw else "obligation"
    if kind not in KINDS:
        raise ModelLawError(path, entry, "kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    targets = raw["targets"]
    if not isinstance(targets, list) or not targets or not all(isinstance(t, str) for t in targets):
        raise ModelLawError(path, entry, "targets", "must be a non-empty list of target groups")
    for t in targets:
        if t not in TARGETS:
            raise ModelLawError(path, entry, "targets", f"{t!r} is not one of {', '.join(TARGETS)}")
    if len(set(targets)) != len(targets):
        raise ModelLawError(path, entry, "targets", "lists a group twice")
    topic = _text(path, entry, raw, "topic")
    if not _TOPIC.fullmatch(topic):
        raise ModelLawError(path, entry, "topic", f"{topic!r} must be a lower-case keyword (a-z, 0-9, _)")
    summary = _summary(path, entry, raw, "summary", russian=False)
    summary_ru = _summary(path, entry, raw, "summary_ru", russian=True)
    return Obligation(
        cite=cite,
        title=_text(path, entry, raw, "title"),
        summary=summary,
        summary_ru=summary_ru,
        obligation=level,
        basis=_text(path, entry, raw, "basis"),
        targets=tuple(targets),
        topic=topic,
        kind=kind,
        notes=_text(path, entry, raw, "notes") if "notes" in raw else "",
    )


def _summary(path: Path, entry: str, raw: dict, key: str, russian: bool) -> str:
    text = _text(path, entry, raw, key)
    if len(text) > SUMMARY_MAX:
        raise ModelLawError(path, entry, key, f"{len(text)} characters; keep it to one or two sentences")
    if russian and not _CYRILLIC.search(text):
        raise ModelLawError(path, entry, key, "must be written in Russian")
    if not russian and _CYRILLIC.search(text):
        raise ModelLawError(path, entry, key, "must be written in English (Russian goes in summary_ru)")
    return text


def _chapter(path: Path, index: int, raw: dict) -> Chapter:
    entry = _label(raw.get("title"), index, "chapter")
    _fields(path, entry, raw, _CHAPTER_FIELDS)
    implements = raw["implements"]
    if not isinstance(implements, list) or not implements:
        raise ModelLawError(path, entry, "implements", "must be a non-empty list of citations")
    return Chapter(
        title=_text(path, entry, raw, "title"),
        summary=_summary(path, entry, raw, "summary", russian=False),
        summary_ru=_summary(path, entry, raw, "summary_ru", russian=True),
        implements=tuple(_parse_cite(path, entry, "implements", c) for c in implements),
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
