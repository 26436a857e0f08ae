"""Our drafting templates (templates/*.toml) read into frozen `Template`s and checked on load.

A template is model wording of our own for one rule, in Russian and English, with placeholders
for the target law's terms (see templates/README.md). Loading checks every field, so a drafter
editing a file learns at once which template and field is wrong.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lawgap.errors import InputError

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
UNITS = ("article", "part", "item")
CONCEPTS = ("victim", "authority", "court", "child")
_FIELDS = {
    "rule": True,
    "unit": True,
    "kinds": True,
    "anchor": True,
    "heading_ru": True,
    "heading_en": True,
    "parts_ru": True,
    "parts_en": True,
    "list_part": False,
    "item_ru": False,
    "item_en": False,
}


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
    file: str = ""

    def heading(self, lang: str) -> str:
        return self.heading_en if lang == "en" else self.heading_ru

    def parts(self, lang: str) -> tuple[str, ...]:
        return self.parts_en if lang == "en" else self.parts_ru

    def item(self, lang: str) -> str:
        return self.item_en if lang == "en" else self.item_ru


def _check_placeholders(path: Path, rule: str, key: str, text: str) -> None:
    for _, name, _, _ in string.Formatter().parse(text):
        if name is None:
            continue
        concept = name.split(".")[0]
        if concept not in CONCEPTS:
            raise InputError(path, f"template {rule!r}: field {key!r}: unknown placeholder {{{name}}}")


def _template(path: Path, raw: dict) -> Template:
    rule = raw.get("rule", "?")
    for key, required in _FIELDS.items():
        if required and key not in raw:
            raise InputError(path, f"template {rule!r}: field {key!r} is missing")
    for key in raw:
        if key not in _FIELDS:
            raise InputError(path, f"template {rule!r}: unknown field {key!r}")
    if raw["unit"] not in UNITS:
        raise InputError(path, f"template {rule!r}: field 'unit': {raw['unit']!r} is not one of {UNITS}")
    if raw["unit"] == "item" and not (raw.get("item_ru") and raw.get("item_en")):
        raise InputError(path, f"template {rule!r}: unit 'item' needs item_ru and item_en")
    if len(raw["parts_ru"]) != len(raw["parts_en"]) or not raw["parts_ru"]:
        raise InputError(path, f"template {rule!r}: parts_ru and parts_en must have the same, non-zero length")
    for pattern in raw["anchor"] + ([raw["list_part"]] if raw.get("list_part") else []):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InputError(path, f"template {rule!r}: bad regex {pattern!r}: {exc}") from None
    for key in ("heading_ru", "heading_en", "item_ru", "item_en"):
        _check_placeholders(path, rule, key, raw.get(key, ""))
    for key in ("parts_ru", "parts_en"):
        for text in raw[key]:
            _check_placeholders(path, rule, key, text)
    return Template(
        rule=rule,
        unit=raw["unit"],
        kinds=tuple(raw["kinds"]),
        anchor=tuple(raw["anchor"]),
        heading_ru=raw["heading_ru"],
        heading_en=raw["heading_en"],
        parts_ru=tuple(raw["parts_ru"]),
        parts_en=tuple(raw["parts_en"]),
        list_part=raw.get("list_part", ""),
        item_ru=raw.get("item_ru", ""),
        item_en=raw.get("item_en", ""),
        file=path.name,
    )


@lru_cache(maxsize=4)
def load_templates(directory: str | None = None) -> dict[str, tuple[Template, ...]]:
    """Templates per rule id, in file order (the first one is the default)."""
    folder = Path(directory) if directory else TEMPLATES_DIR
    out: dict[str, list[Template]] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(path, f"not valid TOML: {exc}") from None
        for raw in data.get("template", []):
            t = _template(path, raw)
            out.setdefault(t.rule, []).append(t)
    return {k: tuple(v) for k, v in out.items()}
