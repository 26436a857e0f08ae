"""The cue language and the rule-file schema: what compiles, what matches, and what fails loading.

Rule files here are small inline TOML written to tmp_path; every malformed case must fail with
one RuleError whose one-line message names the file, the rule and the field.
"""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from lawgap.errors import InputError
from lawgap.rules import CueError, Gap, RuleError, Word, compile_cue, load_rules, read_rule_file

# ---------------------------------------------------------------- cue compiler


@pytest.mark.parametrize(
    ("cue", "language", "pattern"),
    [
        # one lemma: "потерпевший" (KG CPC art 40 heading)
        ("потерпевший", "ru", [{"LEMMA": "потерпевший"}]),
        # a lemma sequence: KG CC art 166 note, "освобождается от уголовной ответственности"
        (
            "освобождаться от уголовный ответственность",
            "ru",
            [{"LEMMA": "освобождаться"}, {"LEMMA": "от"}, {"LEMMA": "уголовный"}, {"LEMMA": "ответственность"}],
        ),
        # a gap of up to 3 words becomes three optional wildcards
        (
            "освобождать ~3 ответственность",
            "ru",
            [{"LEMMA": "освобождать"}, {"OP": "?"}, {"OP": "?"}, {"OP": "?"}, {"LEMMA": "ответственность"}],
        ),
        # alternatives for one word
        ("жильё|приют", "ru", [{"LEMMA": {"IN": ["жильё", "приют"]}}]),
        # Kyrgyz stems match the lower-cased form by prefix (KG CPC art 40: "жабырлануучунун")
        ("жабырлануучу*", "ky", [{"LOWER": {"REGEX": "^(?:жабырлануучу)"}}]),
        # a whole word and a stem as alternatives; a Kyrgyz hyphenated word is one token
        ("жаап-жашыр*|кабыл", "ky", [{"LOWER": {"REGEX": "^(?:кабыл$|жаап\\-жашыр)"}}]),
        # English lemmas
        ("video link", "en", [{"LEMMA": "video"}, {"LEMMA": "link"}]),
    ],
)
def test_cue_compiles_to_spacy_pattern(cue, language, pattern):
    assert compile_cue(cue, language).to_spacy_pattern() == pattern


def test_compiled_cue_is_frozen_and_hashable():
    cue = compile_cue("освобождать ~3 ответственность", "ru")
    assert cue.parts == (Word("LEMMA", ("освобождать",)), Gap(3), Word("LEMMA", ("ответственность",)))
    assert cue == compile_cue("освобождать ~3 ответственность", "ru")
    assert len({cue, compile_cue("освобождать ~3 ответственность", "ru")}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("cue", "language", "lemmas", "hits"),
    [
        # KG CC art 166 note (lemmatised): "лицо ... освобождаться от уголовный ответственность"
        ("освобождаться ~3 ответственность", "ru", "лицо освобождаться от уголовный ответственность", [(1, 5)]),
        # the gap is an upper bound: four words between is too far
        ("освобождаться ~3 ответственность", "ru", "освобождаться от a b c ответственность", []),
        # zero words between is allowed
        ("освобождаться ~3 ответственность", "ru", "освобождаться ответственность", [(0, 2)]),
        # alternatives
        ("жильё|приют", "ru", "временный приют для жертва", [(1, 2)]),
        # a stem takes every suffix: KG CPC art 40 (ky) "жабырлануучунун укуктары"
        ("жабырлануучу* укук*", "ky", "жабырлануучунун укуктары жана", [(0, 2)]),
        # a whole Kyrgyz word does not match a longer one
        ("жабык", "ky", "жабыктан", []),
        # every occurrence is reported
        ("потерпевший", "ru", "потерпевший и потерпевший", [(0, 1), (2, 3)]),
    ],
)
def test_cue_find(cue, language, lemmas, hits):
    assert compile_cue(cue, language).find(lemmas.split()) == hits


def test_spacy_matcher_accepts_the_patterns():
    """The pattern really runs in spaCy's Matcher, with the gap as optional wildcards."""
    nlp = spacy.blank("ru")
    words = ["лицо", "освобождается", "от", "уголовной", "ответственности"]
    lemmas = ["лицо", "освобождаться", "от", "уголовный", "ответственность"]
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas)
    matcher = Matcher(nlp.vocab)
    matcher.add("np", [compile_cue("освобождаться ~3 ответственность", "ru").to_spacy_pattern()])
    spans = {(s, e) for _, s, e in matcher(doc)}
    assert (1, 5) in spans

    ky = Doc(spacy.blank("ky").vocab, words=["Жабырлануучунун", "укуктары"])
    matcher = Matcher(ky.vocab)
    matcher.add("victim", [compile_cue("жабырлануучу* укук*", "ky").to_spacy_pattern()])
    assert [(s, e) for _, s, e in matcher(ky)] == [(0, 2)]


@pytest.mark.parametrize(
    ("cue", "language", "problem"),
    [
        ("", "ru", "empty"),
        ("   ", "ru", "empty"),
        ("~3 ответственность", "ru", "between two words"),
        ("освобождать ~3", "ru", "between two words"),
        ("освобождать ~2 ~3 ответственность", "ru", "two gaps in a row"),
        ("освобождать ~0 ответственность", "ru", "from 1 to 9"),
        ("освобождать ~10 ответственность", "ru", "from 1 to 9"),
        ("освобождать ~x ответственность", "ru", "from 1 to 9"),
        ("жильё||приют", "ru", "empty alternative"),
        ("Потерпевший", "ru", "lower case"),
        ("видео-конференция", "ru", "separate words"),
        ("потерпевш,ий", "ru", "not a word"),
        ("ба*", "ky", "shorter than 3"),
        ("victim*s", "en", "not a word"),
        ("victim", "de", "unknown language"),
    ],
)
def test_bad_cue_raises_cue_error(cue, language, problem):
    with pytest.raises(CueError) as exc:
        compile_cue(cue, language)
    assert problem in str(exc.value)
    assert repr(cue) in str(exc.value) or language == "de"


# ---------------------------------------------------------------- rule files

GOOD = """
[[rule]]
id = "non_punishment_victims"
title_en = "Victims are not punished for offences they were compelled to commit"
title_ru = "Жертвы не наказываются за вынужденные деяния"
category = "non_punishment"
targets = ["victims"]
obligation = "mandatory"
sources = ["COE 26", "ML 10"]
law_kinds = ["criminal_code"]
notes = "test rule"

[[rule.elements]]
id = "no_liability"
label_en = "exemption from criminal liability"
label_ru = "освобождение от уголовной ответственности"
mandatory = true
cues.ru = ["освобождаться ~3 ответственность"]
cues.ky = ["жоопкерчилиг* бошот*"]
cues.en = ["not ~2 criminally liable"]
limiting.ru = ["небольшой тяжесть"]

[[rule.elements]]
id = "causal_link"
label_en = "as a result of being trafficked"
label_ru = "в результате торговли людьми"
mandatory = false
cues.ru = ["в результат вовлечение"]
"""


def write(tmp_path, text, name="rules.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file_loads_into_frozen_rules(tmp_path):
    path = write(tmp_path, GOOD)
    rules = load_rules(path)
    assert len(rules) == 1
    rule = rules.by_id["non_punishment_victims"]
    assert rule.sources == ("COE 26", "ML 10")
    assert [str(c) for c in rule.citations] == ["COE 26", "ML 10"]
    assert rules.by_category == {"non_punishment": (rule,)}
    assert [e.id for e in rule.mandatory_elements] == ["no_liability"]
    element = rule.elements[0]
    assert [c.text for c in element.cues.get("ky")] == ["жоопкерчилиг* бошот*"]
    assert [c.text for c in element.limiting.ru] == ["небольшой тяжесть"]
    assert element.negative.ru == () and not element.negative
    assert not element.anchor and not element.standalone
    assert rule.elements[1].cues.get("en") == ()
    assert rule.file == "rules.toml"
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.obligation = "optional"  # type: ignore[misc]


def test_load_rules_is_cached_until_a_file_changes(tmp_path):
    path = write(tmp_path, GOOD)
    first = load_rules(tmp_path)
    assert load_rules(tmp_path) is first
    write(tmp_path, GOOD.replace('notes = "test rule"', 'notes = "edited"'))
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = load_rules(tmp_path)
    assert second is not first
    assert second.by_id["non_punishment_victims"].notes == "edited"


# (edit applied to GOOD, field the message must name, words the message must contain)
BROKEN = [
    # an unknown rule field (a typo must not silently drop data)
    (('notes = "test rule"', 'notes = "x"\nlimitting = ["только"]'), "limitting", "unknown field"),
    # an unknown element field
    (("mandatory = true", "mandatory = true\nweight = 2"), "elements.no_liability.weight", "unknown field"),
    # a missing source
    (('sources = ["COE 26", "ML 10"]\n', ""), "sources", "missing"),
    # an empty list of sources
    (('sources = ["COE 26", "ML 10"]', "sources = []"), "sources", "at least one citation"),
    # a source outside the citation grammar
    (('sources = ["COE 26", "ML 10"]', 'sources = ["COE art. 26"]'), "sources", "not a citation"),
    (('sources = ["COE 26", "ML 10"]', 'sources = ["ILO 29"]'), "sources", "unknown instrument code"),
    (('sources = ["COE 26", "ML 10"]', 'sources = ["TIP 6(3)b"]'), "sources", "not a citation"),
    # a cue that cannot compile
    (
        ('cues.ru = ["освобождаться ~3 ответственность"]', 'cues.ru = ["освобождаться ~3"]'),
        "elements.no_liability.cues.ru",
        "between two words",
    ),
    (('cues.ky = ["жоопкерчилиг* бошот*"]', 'cues.ky = ["ж*"]'), "elements.no_liability.cues.ky", "shorter"),
    # a limiting cue that cannot compile
    (('limiting.ru = ["небольшой тяжесть"]', 'limiting.ru = ["Только"]'), "elements.no_liability.limiting.ru", "lower"),
    # a cue language that does not exist
    (('cues.en = ["not ~2 criminally liable"]', 'cues.de = ["nicht"]'), "elements.no_liability.cues.de", "language"),
    # values outside the closed lists
    (('obligation = "mandatory"', 'obligation = "shall"'), "obligation", "not one of"),
    (('category = "non_punishment"', 'category = "penalties"'), "category", "not one of"),
    (('targets = ["victims"]', 'targets = ["victims", "migrants"]'), "targets", "not one of"),
    (('law_kinds = ["criminal_code"]', 'law_kinds = ["penal_code"]'), "law_kinds", "not one of"),
    (('targets = ["victims"]', "targets = []"), "targets", "non-empty list"),
    # ids must be snake_case
    (('id = "non_punishment_victims"', 'id = "Non-Punishment"'), "id", "snake_case"),
    # mandatory must be a boolean
    (("mandatory = true", 'mandatory = "yes"'), "elements.no_liability.mandatory", "true or false"),
    # the anchor and standalone flags are booleans, and an anchor must be mandatory
    (("mandatory = true", 'mandatory = true\nanchor = "yes"'), "elements.no_liability.anchor", "true or false"),
    (("mandatory = true", "mandatory = true\nstandalone = 1"), "elements.no_liability.standalone", "true or false"),
    (("mandatory = false", "mandatory = false\nanchor = true"), "elements.causal_link.anchor", "must be mandatory"),
    # near_anchor is a boolean, needs an anchor in the rule, and cannot be set on the anchor itself
    (("mandatory = false", "mandatory = false\nnear_anchor = 1"), "elements.causal_link.near_anchor", "true or false"),
    (("mandatory = false", "mandatory = false\nnear_anchor = true"), "elements.causal_link.near_anchor", "no anchor"),
    (
        ("mandatory = true", "mandatory = true\nanchor = true\nnear_anchor = true"),
        "elements.no_liability.near_anchor",
        "cannot be near itself",
    ),
    # the Russian title must be Russian
    (('title_ru = "Жертвы не наказываются за вынужденные деяния"', 'title_ru = "Victims"'), "title_ru", "Russian"),
    # a rule whose elements are all optional could never be met
    (("mandatory = true", "mandatory = false"), "elements", "no element is mandatory"),
    # an element without any cue
    (
        (
            'cues.ru = ["освобождаться ~3 ответственность"]\ncues.ky = ["жоопкерчилиг* бошот*"]\n'
            'cues.en = ["not ~2 criminally liable"]\n',
            "cues = {}\n",
        ),
        "elements.no_liability.cues",
        "at least one cue",
    ),
]


@pytest.mark.parametrize(("edit", "field", "problem"), BROKEN)
def test_broken_rule_fails_with_one_clear_message(tmp_path, edit, field, problem):
    old, new = edit
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(RuleError) as exc:
        load_rules(path)
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ": ")
    assert f"field {field!r}" in message
    assert problem in message
    rule_id = "Non-Punishment" if "Non-Punishment" in new else "non_punishment_victims"
    assert f"rule {rule_id!r}" in message
    assert exc.value.field == field
    assert isinstance(exc.value, InputError)  # the CLI reports it as bad input (exit code 2)


def test_duplicate_id_across_files_names_both(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD, "b.toml")
    with pytest.raises(RuleError) as exc:
        load_rules(tmp_path)
    assert "b.toml" in str(exc.value) and "already used in a.toml" in str(exc.value)


def test_duplicate_element_id(tmp_path):
    path = write(tmp_path, GOOD.replace('id = "causal_link"', 'id = "no_liability"'))
    with pytest.raises(RuleError, match="two elements share this id"):
        read_rule_file(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[rule]\nid = "x"', "not valid TOML"),
        ('title = "rules"\n', "unknown top-level field"),
        ("", "no [[rule]] tables"),
        ('rule = "x"\n', "no [[rule]] tables"),
    ],
)
def test_file_level_problems(tmp_path, text, problem):
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as exc:
        load_rules(path)
    assert str(exc.value).startswith(str(path)) and problem in str(exc.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules(tmp_path / "absent.toml")
    with pytest.raises(RuleError, match="no rule files"):
        load_rules(tmp_path)


def test_non_utf8_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(GOOD.encode("cp1251"))
    with pytest.raises(RuleError, match="not UTF-8"):
        load_rules(path)


# A Kyrgyz cue naming the victim of trafficking ("курмандыг*") also reads "жабыр тартуучу" and "адам сатуунун
# жабырлануучусу", the two-word names the region's laws use; the other languages and other Kyrgyz cues are left as
# written.
VARIANTS = [
    (
        "курмандыг* ~8 медициналык жардам*",
        "ky",
        (
            "курмандыг* ~8 медициналык жардам*",
            "жабыр тарт* ~8 медициналык жардам*",
            "сатуунун жабырлануучу* ~8 медициналык жардам*",
        ),
    ),
    (
        "бала* ~3 курмандыг*|жабырлануучу*",
        "ky",
        ("бала* ~3 курмандыг*|жабырлануучу*", "бала* ~3 жабыр тарт*", "бала* ~3 сатуунун жабырлануучу*"),
    ),
    ("мыйзамдуу өкүл*", "ky", ("мыйзамдуу өкүл*",)),
    ("жертва ~8 медицинский помощь", "ru", ("жертва ~8 медицинский помощь",)),
]


@pytest.mark.parametrize(("cue", "language", "expected"), VARIANTS)
def test_kyrgyz_victim_cues_read_the_two_word_name(cue, language, expected):
    from lawgap.rules.cues import variants

    assert variants(cue, language) == expected
    lemmas = ["адам", "сатуудан", "жабыр", "тартуучуларга", "медициналык", "жардам", "көрсөтүлөт"]
    if language == "ky" and "медициналык" in cue:
        assert not compile_cue(cue, "ky").find(lemmas)
        assert compile_cue(expected[1], "ky").find(lemmas)
        # the victim of the trafficking offence, not of any crime ("жабырлануучуга" alone reads nothing)
        offence = ["адам", "сатуунун", "жабырлануучусуна", "медициналык", "жардам", "көрсөтүлөт"]
        assert compile_cue(expected[2], "ky").find(offence)
        assert not compile_cue(expected[2], "ky").find(["жабырлануучуга", "медициналык", "жардам"])
