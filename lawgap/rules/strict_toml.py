"""One strict reader for lawgap's hand-edited TOML data: rule files, instruments, the catalogue, templates.

Reads: a TOML file, then its tables against pydantic models. Writes: validated models, or one error.
Lawyers and drafters edit these files by hand, so a typo must stop loading (a misspelt `limitting`
would otherwise drop the limitation cues without a word) and the error must say where to look:
the file, the entry and the field, on one line, in plain words. A model declares its fields on
`Strict` (unknown fields are errors, nothing is coerced: "yes" is not true); `validate` turns the
first pydantic error into a `Problem` whose words are the house's ("must be true or false"), not
pydantic's ("Input should be a valid boolean"), and whose list indexes are the entries' ids
(`elements.no_liability`, not `elements.0`). Each reader turns the Problem into its own error class.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError, model_validator

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# pydantic's error types in the words the readers have always used; a validator's own message wins.
_WORDS = {
    "missing": "missing",
    "extra_forbidden": "unknown field",
    "bool_type": "must be true or false",
    "string_type": "must be a string",
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "date_type": "must be a date",
}


class FieldError(ValueError):
    """A validator's problem with a place below the one it validates.

    A model validator of an element that blames its `anchor` flag raises
    `FieldError("an anchor must be mandatory", "anchor")`; a file-level check names the entry too:
    `FieldError("encoded twice", "obligation", 1, "cite")`.
    """

    def __init__(self, problem: str, *where: str | int):
        super().__init__(problem)
        self.where: Loc = where


@dataclass(frozen=True)
class Problem:
    """The first thing wrong with a table: where it is and what it is, ready for a one-line error.

    `loc` is pydantic's location, with the index of a plain value in a list dropped (the list is
    the field; the message quotes the value or says "item 2: ..."); `names` spells each step as a
    reader writes it, step for step: a key, the id of a table in a list, or `[i]` for a table
    without one.
    """

    loc: Loc
    names: tuple[str, ...]
    message: str

    def field(self, skip: int = 0) -> str | None:
        """The field path after the first `skip` steps: 'elements.no_liability.cues.ru', or None."""
        out = ""
        for name in self.names[skip:]:
            if name:
                out += name if name.startswith("[") or not out else "." + name
        return out or None


def read_toml(path: str | Path, fail: Callable[[str], Exception]) -> dict[str, Any]:
    """The parsed file; an unreadable, non-UTF-8 or malformed file raises `fail(problem)`."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise fail("not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise fail(f"not valid TOML: {exc}") from None


def validate(model: type[M], table: object, fail: Callable[[Problem], Exception], ids: str = "id") -> M:
    """`table` validated against `model`; the first problem raises `fail(problem)`.

    `ids` is the key that names a table in a list (a rule's elements by their `id`).
    """
    try:
        return model.model_validate(table)
    except ValidationError as exc:
        raise fail(first_problem(exc, table, ids)) from None


def first_problem(exc: ValidationError, table: object, ids: str = "id") -> Problem:
    """The first of pydantic's errors, located in `table` and put in the house's words."""
    error = exc.errors(include_url=False)[0]
    cause = (error.get("ctx") or {}).get("error")
    loc = tuple(error["loc"]) + (cause.where if isinstance(cause, FieldError) else ())
    message = str(cause) if isinstance(cause, Exception) else _WORDS.get(error["type"], error["msg"])
    kept: list[str | int] = []
    names: list[str] = []
    node = table
    for step in loc:
        child = _child(node, step)
        if isinstance(step, int):
            if not isinstance(child, dict) and not isinstance(cause, FieldError):
                # a value in a list: the list is the field, and the message must say which value
                if not isinstance(cause, Exception):
                    message = f"item {step + 1}: {message}"
                continue
            name = child.get(ids) if isinstance(child, dict) else None
            names.append(name if isinstance(name, str) and name else f"[{step}]")
        else:  # a key; "[key]" (a bad key of a table) is named by the step before it
            names.append("" if step == "[key]" else step)
        kept.append(step)
        node = child
    return Problem(tuple(kept), tuple(names), message)


def _child(node: object, step: str | int) -> object:
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


@cache
def _allowed(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(f.alias or name for name, f in model.model_fields.items())


class Strict(BaseModel):
    """Base of every data-file model: unknown fields are errors and types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    # The words for an unknown key ({allowed}: the field names) and for a value that is not a table.
    unknown: ClassVar[str] = "unknown field; allowed: {allowed}"
    not_a_table: ClassVar[str] = "must be a table"

    @model_validator(mode="before")
    @classmethod
    def _known_fields(cls, data: Any) -> Any:
        # Checked before the fields, so a misspelt field is reported rather than the "missing" it causes.
        if not isinstance(data, dict):
            raise FieldError(cls.not_a_table)
        allowed = _allowed(cls)
        for key in data:
            if key not in allowed:
                raise FieldError(cls.unknown.format(allowed=", ".join(allowed)), key)
        return data


# --- field types shared by the readers ----------------------------------------------------------


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _exact(value: str) -> str:
    if not value.strip():
        raise ValueError("must be a non-empty string")
    if value != value.strip():
        raise ValueError("has leading or trailing whitespace")
    return value


def _texts(values: list[str]) -> tuple[str, ...]:
    if not all(v.strip() for v in values):
        raise ValueError("must be a list of non-empty strings")
    return tuple(v.strip() for v in values)


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def in_russian(text: str) -> str:
    """The text, if it has Cyrillic letters: a Russian field written in English is a slip."""
    if not has_cyrillic(text):
        raise ValueError("must be written in Russian")
    return text


# A non-empty string, read without its surrounding whitespace.
Text = Annotated[str, AfterValidator(_text)]
# A non-empty string that must already be trimmed (data compared verbatim, such as treaty titles).
ExactText = Annotated[str, AfterValidator(_exact)]
# A list of non-empty strings, read as a tuple.
Texts = Annotated[list[str], AfterValidator(_texts)]


def one_of(allowed: Sequence[str]) -> Any:
    """A string from a closed list (vocab.py): "'shall' is not one of mandatory, consider, ..."."""

    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return Annotated[str, AfterValidator(check)]


def some_of(allowed: Sequence[str]) -> Any:
    """A non-empty list of distinct strings from a closed list, read as a tuple."""

    def check(values: list[str]) -> tuple[str, ...]:
        if not values:
            raise ValueError(f"must be a non-empty list of {', '.join(allowed)}")
        for v in values:
            if v not in allowed:
                raise ValueError(f"{v!r} is not one of {', '.join(allowed)}")
        if len(set(values)) != len(values):
            raise ValueError("lists a value twice")
        return tuple(values)

    return Annotated[list[str], AfterValidator(check)]
