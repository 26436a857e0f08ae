"""Explanations are built from parts, so each language words them itself (the app's Russian pages, the report)."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_law

from lawgap.assess.explain import render
from lawgap.assess.score import score_country

KG = ("kg/criminal_code_2021_ru.docx", "kg/criminal_procedure_code_2021_ru.docx")


@pytest.fixture(scope="module")
def kg():
    return score_country("KG", [corpus_law(x) for x in KG])


@pytest.mark.corpus
def test_english_rendering_is_the_json_explanation(kg):
    for f in kg.findings:
        assert render(f.rule, f.elements, f.why, "en") == f.explanation


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("rule", "opening", "words"),
    [
        # CC 166 defines and punishes trafficking: met, in Russian, naming the article the Russian way
        ("criminalisation_trafficking_offence", "Соответствует: ", "ст. 166"),
        # housing lives in the anti-trafficking law, not supplied: not assessed, the law named as the catalogue
        # names it, in Russian
        ("assistance_housing", "Не оценено", "Закон «О предупреждении и борьбе с торговлей людьми»"),
        # the procedure code is supplied and says nothing on detaining child victims: a gap, naming the laws
        ("children_no_detention", "Пробел", "представленных законах: УК"),
        # a General Part provision is read with the trafficking offence it applies to
        ("criminalisation_attempt", "Соответствует: ", "ст. 37 со ст. 166"),
    ],
)
def test_russian_rendering(kg, rule, opening, words):
    f = next(x for x in kg.findings if x.rule.id == rule)
    text = render(f.rule, f.elements, f.why, "ru", law_name=lambda law_id: "УК")
    assert text.startswith(opening) and words in text
    # no English sentence is left: Latin letters only inside the rule's own identifiers, never here
    assert not re.search(r"[A-Za-z]{3,}", text), text


@pytest.mark.corpus
def test_russian_rendering_names_the_instruments_in_russian(kg):
    # a rule resting only on the Council of Europe Convention or the Model Law is good practice for Kyrgyzstan;
    # the Russian sentence names the instrument, not the data's code "COE 14(1)"
    practice = [f for f in kg.findings if any(p.key == "good_practice" for p in f.why)]
    assert practice
    for f in practice:
        text = render(f.rule, f.elements, f.why, "ru", law_name=lambda law_id: "УК")
        assert "рекомендуемая практика" in text and "Кыргызской Республики" in text
        assert re.search(r"(Конвенция Совета Европы|Типовой закон УНП ООН)[^(]*\(ст\. \d", text), text
        assert not re.search(r"\b(COE|ML|TIP|SOM|UNTOC)\b", text), text
