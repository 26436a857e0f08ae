"""Metadata guesses: language, country, kind, and the adoption date printed under the title."""

from __future__ import annotations

import pytest
from conftest import corpus_law

from lawgap.parsers.detect import detect_date, detect_kind, detect_language

DATES = [
    # (lines under the title, expected (date, number)); each from a real law's first lines
    (["от 28 октября 2021 года № 127"], ("2021-10-28", "127")),  # KG Criminal Code
    (["2021-жылдын 28-октябры № 129"], ("2021-10-28", "129")),  # KG CPC, Kyrgyz text
    (["(III of 1992) [17th March, 1992]"], ("1992-03-17", "III of 1992")),  # PK Bonded Labour Act
    (["от 5 июля 2000 года N 325"], ("2000-07-05", "325")),  # the KZ state-protection law's form
    # An amending law's date inside a sentence is not the law's own date (KG CPC editorial note).
    (
        ["изменения, внесенные Законом КР от 19 мая 2025 года № 96, вступают в силу", "от 28 октября 2021 года № 129"],
        ("2021-10-28", "129"),
    ),
    (["(В редакции Закона КР от 18 января 2022 года № 4)"], (None, None)),
    (["Статья 1. Общие положения"], (None, None)),
]


@pytest.mark.parametrize(("lines", "expected"), DATES)
def test_detect_date(lines, expected):
    assert detect_date(lines) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Уголовный кодекс Кыргызской Республики", "ru"),
        ("Кыргыз Республикасынын Кылмыш-жаза кодекси. Өзүнүн күчүн жоготту деп таанылсын", "ky"),
        ("The Bonded Labour System (Abolition) Act", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("УГОЛОВНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ", "criminal_procedure_code"),
        ("Кыргыз Республикасынын Кылмыш-жаза кодекси", "criminal_code"),
        ("О государственной защите лиц, участвующих в уголовном процессе", "witness_protection"),
        ("Prevention of Trafficking in Persons Act, 2018", "anti_trafficking"),
        ("О Фонде компенсации потерпевшим", "victim_support"),
    ],
)
def test_detect_kind(title, kind):
    assert detect_kind(title) == kind


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("rel", "date", "number"),
    [
        ("kg/criminal_code_2021_ru.docx", "2021-10-28", "127"),
        ("kg/criminal_code_2021_ky.docx", "2021-10-28", "127"),
        ("kg/criminal_procedure_code_2021_ru.docx", "2021-10-28", "129"),
        ("kg/criminal_procedure_code_2021_ky.docx", "2021-10-28", "129"),
        ("pk/bonded_labour_system_abolition_act_1992.pdf", "1992-03-17", "III of 1992"),
    ],
)
def test_real_laws_carry_their_date_and_number(rel, date, number):
    law = corpus_law(rel)
    assert (law.date, law.number) == (date, number)
