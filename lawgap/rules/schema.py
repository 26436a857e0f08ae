"""The rule set as data: TOML files read into frozen `Rule`s, checked field by field on load.

Reads: lawgap/rules/*.toml. Writes: frozen `Rule`s in a `RuleSet`.

A rule file holds `[[rule]]` tables, each with its `[[rule.elements]]`. The models below declare
every field; the shared strict reader (strict_toml.py) checks a rule against them, and the first
problem stops loading with one `RuleError` that names the file, the rule and the field, so a
lawyer editing a rule sees at once what to fix. Unknown fields are errors too: a misspelt
`limitting` would otherwise silently drop the limitation cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, ValidationInfo, field_validator, model_validator

from lawgap.errors import InputError
from lawgap.rules.citations import Citation, parse
from lawgap.rules.cues import LANGUAGES, Cue, compile_cue, variants
from lawgap.rules.strict_toml import FieldError, Strict, Text, in_russian, one_of, read_toml, some_of, validate
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
# Which part of the offence definition an element names (`offence`): an act or a means, read from the basic
# offence only; or the child victim, which makes an offence one against children only.
OFFENCE_PARTS = ("act", "means", "child")
# What an offence that requires no means at all gives a rule (`without_means`): every means is met and the
# law is broader than the Protocol; a rule that follows from it is met; one that is only implied is partial.
WITHOUT_MEANS = ("broader", "met", "implied")

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
    # Wordings that give the element only in part: a sale or another transaction in a person covers its receipt
    # only where the receipt takes that form. A hit of one is found with its own words as a "partly" limitation.
    partly: CueSet = CueSet()
    # What the rule is about (the trafficking offence, the victim): an article that does not name
    # it is no evidence of the rule, however many of the other elements it holds.
    anchor: bool = False
    # Must be stated on its own: found only as an aggravating circumstance of another offence
    # ("Те же деяния, совершенные: ... с изъятием документов"), it counts as limited.
    standalone: bool = False
    # Counts only beside the anchor: in its sentence, under a provision or heading that names it
    # ("Потерпевший имеет право: ... знать"), not anywhere in an article that names the victim once.
    near_anchor: bool = False
    # Found also from the structure: every qualified part of an offence (Provision.qualified, read by
    # lawgap.structure.qualified) is an aggravated form, whatever words open it ("Ушул эле аракеттер:",
    # "Деяния, предусмотренные частью первой настоящей статьи, совершенные ...").
    qualified_part: bool = False
    # The obligation itself, where the other mandatory elements only qualify it (no removal "until identification is
    # completed", a return "with due regard for safety and dignity"): found without them, the law gives the
    # obligation with a narrower reach, which is partial, not the bare context that makes a gap.
    core: bool = False
    # Which part of the offence definition it names (OFFENCE_PARTS; "" for none). An act or a means is read
    # from the basic offence only: found only in a qualified part ("Те же деяния, совершенные: ...") it is an
    # aggravating circumstance; a means counts in the offence's own words, not in a note defining exploitation.
    # A child named in an offence's heading or in all its basic parts makes it an offence against children only.
    offence: str = ""

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
    # What an offence that requires no means gives this rule (WITHOUT_MEANS; "" when nothing follows).
    without_means: str = ""
    # Met by a General Part institution (attempt, complicity, the organiser), which applies to every offence
    # of the code: the evidence is read with the trafficking offence.
    general_part: bool = False
    # Asked for every victim, not only for one who takes part in a case (TIP 6(5)): a procedure code that gives
    # it only to participants gives it in part (see lawgap.assess.conditions.Frame.in_proceedings).
    every_victim: bool = False
    # A definition any law may give ("несовершеннолетний — лицо, не достигшее восемнадцатилетнего возраста" in a
    # witness-protection or migration law): held by a law of any kind, though it usually lives in `law_kinds`.
    any_law: bool = False
    # A procedure the law lays down (identifying victims, referring them): an article on a body's powers that names
    # it ("Competence of the Ministry: ... identifies victims") says who takes part, not how; beside the law's own
    # article on the procedure it is no evidence (lawgap.assess.score).
    procedure: bool = False
    # The measure is a stay in a place (a shelter): the term the law sets for a stay in such a place, in any
    # article ("The period of stay in a rehabilitation centre shall not exceed thirty days"), limits it
    # (lawgap.assess.durations); help given during that stay is no stay.
    stay: bool = False

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


# --- the models: what a rule file may say, checked as it is read -------------------------------

_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def _snake(value: str) -> str:
    if not _SNAKE.fullmatch(value):
        raise ValueError(f"{value!r} is not a snake_case identifier")
    return value


def _citations(values: list[str]) -> tuple[str, ...]:
    if not values:
        raise ValueError('must list at least one citation, e.g. "TIP 6(3)(b)"')
    for v in values:
        parse(v)  # a CitationError is a ValueError: its message is the problem
    if len(set(values)) != len(values):
        raise ValueError("cites the same source twice")
    return tuple(values)


Ident = Annotated[str, AfterValidator(_snake)]
Russian = Annotated[Text, AfterValidator(in_russian)]
Sources = Annotated[list[str], AfterValidator(_citations)]
Category = one_of(CATEGORIES)
Obligation = one_of(OBLIGATIONS)
Targets = some_of(TARGETS)
LawKinds = some_of(LAW_KINDS)

# Cues compile once: the model checks them, the Element is built from the same compiled cues.
_compile = lru_cache(maxsize=None)(compile_cue)


class _Cues(Strict):
    """Cue lists by language; each cue must compile."""

    unknown = "unknown language; allowed: {allowed}"
    not_a_table = f"must be a table of cue lists by language ({', '.join(LANGUAGES)})"
    ru: list[str] = []
    ky: list[str] = []
    en: list[str] = []

    @field_validator(*LANGUAGES)
    @classmethod
    def _compiles(cls, cues: list[str], info: ValidationInfo) -> list[str]:
        if not cues:
            raise ValueError("must be a non-empty list of strings")
        if len(set(cues)) != len(cues):
            raise ValueError("lists a cue twice")
        for cue in cues:
            _compile(cue, info.field_name)  # a CueError is a ValueError: its message is the problem
        return cues

    def compiled(self) -> CueSet:
        return CueSet(
            **{
                lang: tuple(dict.fromkeys(_compile(v, lang) for c in getattr(self, lang) for v in variants(c, lang)))
                for lang in LANGUAGES
            }
        )


class _Element(Strict):
    not_a_table = "must be a table ([[rule.elements]])"
    id: Ident
    label_en: Text
    label_ru: Russian
    mandatory: bool
    cues: _Cues
    negative: _Cues = _Cues()
    limiting: _Cues = _Cues()
    partly: _Cues = _Cues()
    anchor: bool = False
    near_anchor: bool = False
    standalone: bool = False
    qualified_part: bool = False
    core: bool = False
    offence: one_of(OFFENCE_PARTS) = ""

    @field_validator("cues")
    @classmethod
    def _some_cue(cls, cues: _Cues) -> _Cues:
        if not (cues.ru or cues.ky or cues.en):
            raise ValueError("needs at least one cue")
        return cues

    @model_validator(mode="after")
    def _anchor_flags(self) -> _Element:
        if self.anchor and not self.mandatory:
            raise FieldError("an anchor must be mandatory: it says what every piece of evidence names", "anchor")
        if self.anchor and self.near_anchor:
            raise FieldError("an anchor cannot be near itself", "near_anchor")
        return self

    def element(self) -> Element:
        return Element(
            id=self.id,
            label_en=self.label_en,
            label_ru=self.label_ru,
            mandatory=self.mandatory,
            cues=self.cues.compiled(),
            negative=self.negative.compiled(),
            limiting=self.limiting.compiled(),
            partly=self.partly.compiled(),
            anchor=self.anchor,
            standalone=self.standalone,
            near_anchor=self.near_anchor,
            qualified_part=self.qualified_part,
            core=self.core,
            offence=self.offence,
        )


class _Rule(Strict):
    not_a_table = "must be a table ([[rule]])"
    id: Ident
    title_en: Text
    title_ru: Russian
    category: Category
    targets: Targets
    obligation: Obligation
    sources: Sources
    law_kinds: LawKinds
    notes: str = ""
    without_means: one_of(WITHOUT_MEANS) = ""
    general_part: bool = False
    every_victim: bool = False
    any_law: bool = False
    procedure: bool = False
    stay: bool = False
    elements: list[_Element]

    @model_validator(mode="after")
    def _elements_fit_together(self) -> _Rule:
        if not self.elements:
            raise FieldError("must list at least one element ([[rule.elements]])", "elements")
        seen: set[str] = set()
        for i, e in enumerate(self.elements):
            if e.id in seen:
                raise FieldError("two elements share this id", "elements", i, "id")
            seen.add(e.id)
        if not any(e.anchor for e in self.elements):
            near = next((i for i, e in enumerate(self.elements) if e.near_anchor), None)
            if near is not None:
                raise FieldError("the rule has no anchor element to be near", "elements", near, "near_anchor")
        if not any(e.mandatory for e in self.elements):
            raise FieldError("no element is mandatory, so the rule could never be met", "elements")
        return self

    def rule(self, file: str) -> Rule:
        return Rule(
            id=self.id,
            title_en=self.title_en,
            title_ru=self.title_ru,
            category=self.category,
            targets=self.targets,
            obligation=self.obligation,
            sources=self.sources,
            law_kinds=self.law_kinds,
            elements=tuple(e.element() for e in self.elements),
            notes=self.notes.strip(),
            file=file,
            without_means=self.without_means,
            general_part=self.general_part,
            every_victim=self.every_victim,
            any_law=self.any_law,
            procedure=self.procedure,
            stay=self.stay,
        )


def _read_rule(path: Path, table: object, index: int) -> Rule:
    rid = table.get("id") if isinstance(table, dict) else None
    label = rid if isinstance(rid, str) and rid else f"#{index + 1}"
    model = validate(_Rule, table, lambda p: RuleError(path, p.message, label, p.field()))
    return model.rule(path.name)


def read_rule_file(path: Path) -> tuple[Rule, ...]:
    """The rules of one TOML file, checked; the first problem raises `RuleError`."""
    data = read_toml(path, lambda problem: RuleError(path, problem))
    for key in data:
        if key != "rule":
            raise RuleError(path, "unknown top-level field; a rule file holds only [[rule]] tables", field=key)
    tables = data.get("rule")
    if not isinstance(tables, list) or not tables:
        raise RuleError(path, "no [[rule]] tables")
    return tuple(_read_rule(path, t, i) for i, t in enumerate(tables))


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
