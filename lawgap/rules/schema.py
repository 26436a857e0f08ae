"""The rule set as data: TOML files read into frozen `Rule`s, checked field by field on load.

A rule file holds `[[rule]]` tables, each with its `[[rule.elements]]`. Every field is checked
as it is read, and the first problem stops loading with one `RuleError` that names the file,
the rule and the field, so a lawyer editing a rule sees at once what to fix. Unknown fields are
errors too: a misspelt `limitting` would otherwise silently drop the limitation cues.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from lawgap.errors import InputError
from lawgap.rules.citations import Citation, CitationError, parse
from lawgap.rules.cues import LANGUAGES, Cue, CueError, compile_cue
from lawgap.vocab import LAW_KINDS, OBLIGATIONS

RULES_DIR = Path(__file__).resolve().parent

# The groups of requirements; each has its own file of the same name.
CATEGORIES = (
    "definition",
    "criminalisation",
    "non_punishment",
    "identification",
    "privacy",
    "participation",
    "assistance",
    "compensation",
    "residence_return",
    "children",
    "witness_protection",
    "smuggling",
)

TARGETS = ("victims", "witnesses", "children", "women", "smuggled_migrants")

_RULE_FIELDS = {
    "id": True,
    "title_en": True,
    "title_ru": True,
    "category": True,
    "targets": True,
    "obligation": True,
    "sources": True,
    "law_kinds": True,
    "notes": False,
    "elements": True,
}
_ELEMENT_FIELDS = {
    "id": True,
    "label_en": True,
    "label_ru": True,
    "mandatory": True,
    "cues": True,
    "negative": False,
    "limiting": False,
    "anchor": False,
    "near_anchor": False,
    "standalone": False,
}
_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


class RuleError(InputError):
    """A rule file that cannot be loaded: `file: rule 'id': field 'name': problem`."""

    def __init__(self, path: str | Path, problem: str, rule: str | None = None, field: str | None = None):
        self.rule = rule
        self.field = field
        where = "".join(
            [f"rule {rule!r}: " if rule else "", f"field {field!r}: " if field else ""],
        )
        super().__init__(path, where + problem)


@dataclass(frozen=True)
class CueSet:
    """Compiled cues per language; `get("ky")` gives the Kyrgyz ones (empty when there are none)."""

    ru: tuple[Cue, ...] = ()
    ky: tuple[Cue, ...] = ()
    en: tuple[Cue, ...] = ()

    def get(self, language: str) -> tuple[Cue, ...]:
        return getattr(self, language) if language in LANGUAGES else ()

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.ru + self.ky + self.en)

    def __bool__(self) -> bool:
        return bool(self.ru or self.ky or self.en)


@dataclass(frozen=True)
class Element:
    """One thing a law must say for a rule to be met, with the words that evidence, negate or limit it."""

    id: str
    label_en: str
    label_ru: str
    mandatory: bool
    cues: CueSet
    negative: CueSet = CueSet()
    limiting: CueSet = CueSet()
    # What the rule is about (the trafficking offence, the victim): an article that does not name
    # it is no evidence of the rule, however many of the other elements it holds.
    anchor: bool = False
    # Must be stated on its own: found only as an aggravating circumstance of another offence
    # ("Те же деяния, совершенные: ... с изъятием документов"), it counts as limited.
    standalone: bool = False
    # Counts only beside the anchor: in its sentence, under a provision or heading that names it
    # ("Потерпевший имеет право: ... знать"), not anywhere in an article that names the victim once.
    near_anchor: bool = False

    def label(self, language: str) -> str:
        return self.label_ru if language in ("ru", "ky") else self.label_en


@dataclass(frozen=True)
class Rule:
    """One requirement of the international standard, with its sources and its elements."""

    id: str
    title_en: str
    title_ru: str
    category: str
    targets: tuple[str, ...]
    obligation: str
    sources: tuple[str, ...]
    law_kinds: tuple[str, ...]
    elements: tuple[Element, ...]
    notes: str = ""
    file: str = ""

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(parse(s) for s in self.sources)

    @property
    def mandatory_elements(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if e.mandatory)

    def title(self, language: str) -> str:
        return self.title_ru if language in ("ru", "ky") else self.title_en


@dataclass(frozen=True)
class RuleSet:
    """All rules in file order; look one up with `by_id[...]`, a group with `by_category[...]`."""

    rules: tuple[Rule, ...]
    files: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    @cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @cached_property
    def by_category(self) -> dict[str, tuple[Rule, ...]]:
        out: dict[str, list[Rule]] = {}
        for r in self.rules:
            out.setdefault(r.category, []).append(r)
        return {c: tuple(rs) for c, rs in out.items()}


class _Reader:
    """Reads one file's tables; every check raises a RuleError naming file, rule and field."""

    def __init__(self, path: Path):
        self.path = path
        self.rule: str | None = None

    def fail(self, field: str | None, problem: str):
        raise RuleError(self.path, problem, self.rule, field) from None

    def check_fields(self, table: dict, known: dict[str, bool], prefix: str) -> None:
        for key in table:
            if key not in known:
                self.fail(prefix + key, f"unknown field; allowed: {', '.join(known)}")
        for key, required in known.items():
            if required and key not in table:
                self.fail(prefix + key, "missing")

    def text(self, table: dict, key: str, prefix: str = "", cyrillic: bool = False) -> str:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(prefix + key, "must be a non-empty string")
        if cyrillic and not _CYRILLIC.search(value):
            self.fail(prefix + key, "must be written in Russian")
        return value.strip()

    def ident(self, table: dict, key: str, prefix: str = "") -> str:
        value = table[key]
        if not isinstance(value, str) or not _SNAKE.fullmatch(value):
            self.fail(prefix + key, f"{value!r} is not a snake_case identifier")
        return value

    def choice(self, table: dict, key: str, allowed: tuple[str, ...]) -> str:
        value = table[key]
        if value not in allowed:
            self.fail(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def choices(self, table: dict, key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        values = table[key]
        if not isinstance(values, list) or not values:
            self.fail(key, f"must be a non-empty list of {', '.join(allowed)}")
        for v in values:
            if v not in allowed:
                self.fail(key, f"{v!r} is not one of {', '.join(allowed)}")
        if len(set(values)) != len(values):
            self.fail(key, "lists a value twice")
        return tuple(values)

    def sources(self, table: dict) -> tuple[str, ...]:
        values = table["sources"]
        if not isinstance(values, list) or not values:
            self.fail("sources", 'must list at least one citation, e.g. "TIP 6(3)(b)"')
        for v in values:
            try:
                parse(v)
            except CitationError as exc:
                self.fail("sources", str(exc))
        if len(set(values)) != len(values):
            self.fail("sources", "cites the same source twice")
        return tuple(values)

    def cueset(self, table: dict, key: str, prefix: str, required: bool) -> CueSet:
        value = table.get(key, {})
        where = prefix + key
        if not isinstance(value, dict):
            self.fail(where, f"must be a table of cue lists by language ({', '.join(LANGUAGES)})")
        compiled: dict[str, tuple[Cue, ...]] = {}
        for lang, cues in value.items():
            if lang not in LANGUAGES:
                self.fail(f"{where}.{lang}", f"unknown language; allowed: {', '.join(LANGUAGES)}")
            if not isinstance(cues, list) or not cues or not all(isinstance(c, str) for c in cues):
                self.fail(f"{where}.{lang}", "must be a non-empty list of strings")
            if len(set(cues)) != len(cues):
                self.fail(f"{where}.{lang}", "lists a cue twice")
            try:
                compiled[lang] = tuple(compile_cue(c, lang) for c in cues)
            except CueError as exc:
                self.fail(f"{where}.{lang}", str(exc))
        if required and not compiled:
            self.fail(where, "needs at least one cue")
        return CueSet(**compiled)

    def element(self, table: Any, index: int) -> Element:
        if not isinstance(table, dict):
            self.fail(f"elements[{index}]", "must be a table ([[rule.elements]])")
        eid = table.get("id")
        prefix = f"elements.{eid}." if isinstance(eid, str) and eid else f"elements[{index}]."
        self.check_fields(table, _ELEMENT_FIELDS, prefix)
        eid = self.ident(table, "id", prefix)
        for flag in ("mandatory", "anchor", "standalone", "near_anchor"):
            if not isinstance(table.get(flag, False), bool):
                self.fail(prefix + flag, "must be true or false")
        if table.get("anchor") and not table["mandatory"]:
            self.fail(prefix + "anchor", "an anchor must be mandatory: it says what every piece of evidence names")
        return Element(
            id=eid,
            label_en=self.text(table, "label_en", prefix),
            label_ru=self.text(table, "label_ru", prefix, cyrillic=True),
            mandatory=table["mandatory"],
            cues=self.cueset(table, "cues", prefix, required=True),
            negative=self.cueset(table, "negative", prefix, required=False),
            limiting=self.cueset(table, "limiting", prefix, required=False),
            anchor=table.get("anchor", False),
            standalone=table.get("standalone", False),
            near_anchor=table.get("near_anchor", False),
        )

    def rule_from(self, table: Any, index: int) -> Rule:
        self.rule = None
        if not isinstance(table, dict):
            self.fail(None, f"rule number {index + 1} must be a table ([[rule]])")
        rid = table.get("id")
        self.rule = rid if isinstance(rid, str) and rid else f"#{index + 1}"
        self.check_fields(table, _RULE_FIELDS, "")
        rid = self.ident(table, "id")
        notes = table.get("notes", "")
        if not isinstance(notes, str):
            self.fail("notes", "must be a string")
        raw_elements = table["elements"]
        if not isinstance(raw_elements, list) or not raw_elements:
            self.fail("elements", "must list at least one element ([[rule.elements]])")
        elements = tuple(self.element(e, i) for i, e in enumerate(raw_elements))
        seen: set[str] = set()
        for e in elements:
            if e.id in seen:
                self.fail(f"elements.{e.id}.id", "two elements share this id")
            seen.add(e.id)
        if any(e.near_anchor for e in elements) and not any(e.anchor for e in elements):
            near = next(e for e in elements if e.near_anchor)
            self.fail(f"elements.{near.id}.near_anchor", "the rule has no anchor element to be near")
        for e in elements:
            if e.near_anchor and e.anchor:
                self.fail(f"elements.{e.id}.near_anchor", "an anchor cannot be near itself")
        if not any(e.mandatory for e in elements):
            self.fail("elements", "no element is mandatory, so the rule could never be met")
        return Rule(
            id=rid,
            title_en=self.text(table, "title_en"),
            title_ru=self.text(table, "title_ru", cyrillic=True),
            category=self.choice(table, "category", CATEGORIES),
            targets=self.choices(table, "targets", TARGETS),
            obligation=self.choice(table, "obligation", OBLIGATIONS),
            sources=self.sources(table),
            law_kinds=self.choices(table, "law_kinds", LAW_KINDS),
            elements=elements,
            notes=notes.strip(),
            file=self.path.name,
        )


def read_rule_file(path: Path) -> tuple[Rule, ...]:
    """The rules of one TOML file, checked; the first problem raises `RuleError`."""
    reader = _Reader(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RuleError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(path, f"not valid TOML: {exc}") from None
    for key in data:
        if key != "rule":
            reader.fail(key, "unknown top-level field; a rule file holds only [[rule]] tables")
    rules = data.get("rule")
    if not isinstance(rules, list) or not rules:
        reader.fail(None, "no [[rule]] tables")
    return tuple(reader.rule_from(t, i) for i, t in enumerate(rules))


def _rule_files(path: Path) -> tuple[Path, ...]:
    if path.is_dir():
        files = tuple(sorted(path.glob("*.toml")))
        if not files:
            raise RuleError(path, "no rule files (*.toml) in this folder")
        return files
    if path.is_file():
        return (path,)
    raise RuleError(path, "no such rule file or folder")


@lru_cache(maxsize=8)
def _load(files: tuple[Path, ...], stamps: tuple[int, ...]) -> RuleSet:
    rules: list[Rule] = []
    where: dict[str, Path] = {}
    for f in files:
        for rule in read_rule_file(f):
            if rule.id in where:
                raise RuleError(f, f"id already used in {where[rule.id].name}", rule.id, "id")
            where[rule.id] = f
            rules.append(rule)
    return RuleSet(tuple(rules), tuple(f.name for f in files))


def load_rules(path: str | Path | None = None) -> RuleSet:
    """The rule set of a folder of TOML files (default: the rules shipped with lawgap) or of one file.

    Cached per set of files and their modification times, so repeated calls are free and an
    edited rule file is read again.
    """
    files = _rule_files(Path(path) if path is not None else RULES_DIR)
    stamps = tuple(f.stat().st_mtime_ns for f in files)
    return _load(files, stamps)
