"""Our drafting templates (templates/*.toml) read into frozen `Template`s and checked on load.

Reads: lawgap/drafting/templates/*.toml. Writes: frozen `Template`s per rule.

A template is model wording of our own for one rule, in Russian and English, with placeholders
for the target law's terms (see templates/README.md). Loading checks every field (the model
below, read by the shared strict reader, lawgap/rules/strict_toml.py), so a drafter editing a
file learns at once which template and field is wrong.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, model_validator

from lawgap.errors import InputError
from lawgap.rules.strict_toml import FieldError, Problem, Strict, Text, one_of, read_toml, some_of, validate
from lawgap.vocab import LAW_KINDS

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
UNITS = ("article", "part", "item", "words")
CONCEPTS = ("victim", "authority", "court", "child", "government")


class TemplateError(InputError):
    """A template file that cannot be loaded: `file: template 'rule': field 'name': problem`."""

    def __init__(self, path: str | Path, problem: str, template: str | None = None, field: str | None = None):
        self.template = template
        self.field = field
        where = "".join([f"template {template!r}: " if template else "", f"field {field!r}: " if field else ""])
        super().__init__(path, where + problem)


@dataclass(frozen=True)
class Template:
    rule: str
    unit: str
    kinds: tuple[str, ...]
    anchor: tuple[str, ...]
    heading_ru: str
    heading_en: str
    parts_ru: tuple[str, ...]
    parts_en: tuple[str, ...]
    list_part: str = ""
    item_ru: str = ""
    item_en: str = ""
    after: str = ""
    add_ru: str = ""
    add_en: str = ""
    strike: str = ""
    file: str = ""

    @property
    def home(self) -> str:
        """The kind of law where the provision belongs (the first of `kinds`)."""
        return self.kinds[0]

    def heading(self, lang: str) -> str:
        return self.heading_en if lang == "en" else self.heading_ru

    def parts(self, lang: str) -> tuple[str, ...]:
        return self.parts_en if lang == "en" else self.parts_ru

    def item(self, lang: str) -> str:
        return self.item_en if lang == "en" else self.item_ru


# --- the model: what a template may say, checked as it is read ---------------------------------


def _placeholders(text: str) -> str:
    for _, name, _, _ in string.Formatter().parse(text):  # a stray brace is a ValueError too
        if name is not None and name.split(".")[0] not in CONCEPTS:
            raise ValueError(f"unknown placeholder {{{name}}}")
    return text


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regex {pattern!r}: {exc}") from None
    return pattern


Wording = Annotated[str, AfterValidator(_placeholders)]
Regex = Annotated[str, AfterValidator(_regex)]
Unit = one_of(UNITS)
Kinds = some_of(LAW_KINDS)


class _Template(Strict):
    rule: Text
    unit: Unit
    kinds: Kinds
    anchor: list[Regex]
    heading_ru: Wording
    heading_en: Wording
    parts_ru: list[Wording]
    parts_en: list[Wording]
    list_part: Regex = ""
    item_ru: Wording = ""
    item_en: Wording = ""
    after: Regex = ""
    add_ru: Wording = ""
    add_en: Wording = ""
    strike: Regex = ""

    @model_validator(mode="after")
    def _parts_and_items(self) -> _Template:
        if len(self.parts_ru) != len(self.parts_en) or not self.parts_ru:
            raise FieldError("parts_ru and parts_en must have the same, non-zero length", "parts_en")
        if self.unit == "item" and not (self.item_ru and self.item_en):
            raise FieldError("'item' needs item_ru and item_en", "unit")
        if self.unit == "words" and not (self.after and self.add_ru and self.add_en):
            raise FieldError("'words' needs after, add_ru and add_en", "unit")
        return self

    def template(self, file: str) -> Template:
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        return Template(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}, file=file)


class _File(Strict):
    unknown = "unknown top-level field; a template file holds only [[template]] tables"
    template: list[_Template] = []


def _error(path: Path, raw: dict, problem: Problem) -> TemplateError:
    loc = problem.loc
    if len(loc) < 2 or loc[0] != "template":
        return TemplateError(path, problem.message, None, problem.field())
    table = raw["template"][loc[1]]
    rule = table.get("rule", "?") if isinstance(table, dict) else "?"
    return TemplateError(path, problem.message, str(rule), problem.field(2))


def read_template_file(path: Path) -> tuple[Template, ...]:
    """The templates of one TOML file, checked; the first problem raises `TemplateError`."""
    raw = read_toml(path, lambda problem: TemplateError(path, problem))
    model = validate(_File, raw, lambda problem: _error(path, raw, problem))
    return tuple(t.template(path.name) for t in model.template)


@lru_cache(maxsize=4)
def load_templates(directory: str | None = None) -> dict[str, tuple[Template, ...]]:
    """Templates per rule id, in file order (the first one is the default)."""
    folder = Path(directory) if directory else TEMPLATES_DIR
    out: dict[str, list[Template]] = {}
    for path in sorted(folder.glob("*.toml")):
        for t in read_template_file(path):
            out.setdefault(t.rule, []).append(t)
    return {k: tuple(v) for k, v in out.items()}
