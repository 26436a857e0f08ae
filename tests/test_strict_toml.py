"""The shared strict TOML reader: where a problem is, in the readers' words, and what a bad file says.

The models here are small stand-ins for the real ones (a rule with its elements); the readers'
own tests (test_rules_schema, test_instruments, test_catalogue) cover the real files.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from pydantic import model_validator

from lawgap.rules.strict_toml import (
    FieldError,
    Problem,
    Strict,
    Text,
    Texts,
    one_of,
    read_toml,
    some_of,
    validate,
)


class Cues(Strict):
    unknown: ClassVar[str] = "unknown language; allowed: {allowed}"
    ru: list[str] = []
    en: list[str] = []


class Element(Strict):
    id: str
    mandatory: bool
    anchor: bool = False
    cues: Cues = Cues()

    @model_validator(mode="after")
    def _anchor(self) -> Element:
        if self.anchor and not self.mandatory:
            raise FieldError("an anchor must be mandatory", "anchor")
        return self


class Rule(Strict):
    id: Text
    obligation: one_of(("mandatory", "optional"))
    targets: some_of(("victims", "children"))
    sources: Texts = ()
    year: int = 2000
    elements: list[Element]


GOOD = {
    "id": "non_punishment",
    "obligation": "mandatory",
    "targets": ["victims"],
    "elements": [{"id": "no_liability", "mandatory": True, "cues": {"ru": ["освобождаться"]}}],
}


def _changed(table: dict, changes: dict) -> dict:
    """The table with some fields changed; None removes a field."""
    return {k: v for k, v in {**table, **changes}.items() if v is not None}


def edited(**changes):
    return _changed(GOOD, changes)


def element(**changes):
    return _changed(GOOD["elements"][0], changes)


def problem(table) -> Problem:
    with pytest.raises(LookupError) as exc:
        validate(Rule, table, lambda p: LookupError(p))
    return exc.value.args[0]


# (the table, the field the problem names, its words)
CASES = [
    # an unknown field, reported with the fields allowed (a typo must not drop data silently)
    (edited(obligaton="mandatory"), "obligaton", "unknown field; allowed: id, obligation, targets, sources, year"),
    # a misspelt field is reported as unknown, not as the "missing" it causes
    (edited(obligation=None, obligaton="mandatory"), "obligaton", "unknown field"),
    # an unknown key in a nested table, in the model's own words
    (edited(elements=[element(cues={"de": ["x"]})]), "elements.no_liability.cues.de", "unknown language; allowed: ru"),
    (edited(targets=None), "targets", "missing"),
    (edited(elements=[element(mandatory=None)]), "elements.no_liability.mandatory", "missing"),
    # strict types: nothing is coerced
    (edited(elements=[element(mandatory="yes")]), "elements.no_liability.mandatory", "must be true or false"),
    (edited(elements=[element(mandatory=1)]), "elements.no_liability.mandatory", "must be true or false"),
    (edited(year="2000"), "year", "must be a whole number"),
    (edited(year=True), "year", "must be a whole number"),
    (edited(id=5), "id", "must be a string"),
    (edited(id="  "), "id", "must be a non-empty string"),
    (edited(elements="x"), "elements", "must be a list"),
    (edited(elements=[element(cues=["x"])]), "elements.no_liability.cues", "must be a table"),
    # closed lists
    (edited(obligation="shall"), "obligation", "'shall' is not one of mandatory, optional"),
    (edited(targets=["victims", "migrants"]), "targets", "'migrants' is not one of victims, children"),
    (edited(targets=[]), "targets", "must be a non-empty list of victims, children"),
    (edited(targets=["victims", "victims"]), "targets", "lists a value twice"),
    # a value in a list: the list is the field, and the message says which item
    (edited(sources=["COE 26", 7]), "sources", "item 2: must be a string"),
    (edited(sources=["COE 26", " "]), "sources", "must be a list of non-empty strings"),
    # list indexes become the entry's id where it has one, [i] where it has none
    (edited(elements=[element(), element(id="causal_link", anchor=True, mandatory=False)]),
     "elements.causal_link.anchor", "an anchor must be mandatory"),
    (edited(elements=[element(), {"mandatory": False, "anchor": 1}]), "elements[1].id", "missing"),
    (edited(elements=[element(id=""), "x"]), "elements[1]", "must be a table"),
]


@pytest.mark.parametrize(("table", "field", "words"), CASES)
def test_first_problem_names_the_field_in_the_readers_words(table, field, words):
    found = problem(table)
    assert found.field() == field
    assert words in found.message
    assert "Input should" not in found.message  # pydantic's own words never reach the user


def test_a_table_that_is_not_a_table():
    found = problem(["x"])
    assert (found.loc, found.field(), found.message) == ((), None, "must be a table")


def test_loc_keeps_indexes_and_field_can_skip_the_entry():
    found = problem(edited(elements=[element(), element(id="causal_link", mandatory="no")]))
    assert found.loc == ("elements", 1, "mandatory")
    assert found.field(2) == "mandatory"


def test_a_good_table_validates():
    rule = validate(Rule, GOOD, lambda p: AssertionError(p))
    assert rule.targets == ("victims",) and rule.elements[0].cues.ru == ["освобождаться"]


# (file contents as bytes, words of the problem)
FILES = [
    (b'[[rule]\nid = "x"', "not valid TOML: "),
    ("id = 'жертва'".encode("cp1251"), "not UTF-8 text"),
]


@pytest.mark.parametrize(("content", "words"), FILES)
def test_file_level_problems(tmp_path, content, words):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(LookupError, match=words):
        read_toml(path, LookupError)


def test_unreadable_file(tmp_path):
    with pytest.raises(LookupError, match="cannot read: No such file or directory"):
        read_toml(tmp_path / "absent.toml", LookupError)
    assert read_toml(_write(tmp_path, 'id = "x"\n'), LookupError) == {"id": "x"}


def _write(tmp_path, text):
    path = tmp_path / "good.toml"
    path.write_text(text, encoding="utf-8")
    return path
