"""Metadata guesses: language, country, kind, and the adoption date printed under the title."""

from __future__ import annotations

import pytest
from conftest import corpus_law

from lawgap.parsers import load_law
from lawgap.parsers.detect import (
    detect_date,
    detect_kind,
    detect_language,
    detect_style,
    kind_from_name,
    names_another_code,
)

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
        # the head of the title decides: these witnesses are protected in trafficking cases
        ("О защите потерпевших и свидетелей по уголовным делам о торговле людьми", "witness_protection"),
        ("LAW OF TURKMENISTAN On Combating Trafficking in Human Beings", "anti_trafficking"),
        ("Protection of Trafficked Children (Islamabad Capital Territory) Act, 2025", "anti_trafficking"),
        # an English translation that names victims first still protects participants in proceedings
        ("LAW OF THE REPUBLIC OF TAJIKISTAN On State Protection of Victims, Witnesses and Other Participants in "
         "Criminal Proceedings", "witness_protection"),
        ("Law on the Protection of Witnesses", "witness_protection"),
        ("Law on Assistance to Victims of Crime", "victim_support"),
        # a law on (family) violence supports its victims; one that names trafficking too is where its rules live
        ("Үй-бүлөлүк (үй-тиричилик) зомбулуктан коргоо жана коргонуу жөнүндө", "victim_support"),
        ("О профилактике бытового насилия", "victim_support"),
        # a law on social services helps persons in a difficult life situation, trafficking victims among them
        ("ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН О СОЦИАЛЬНЫХ УСЛУГАХ", "victim_support"),
        ("Оор турмуштук кырдаалдагы адамдарга социалдык кызмат көрсөтүү жөнүндө", "victim_support"),
        ("LAW OF TURKMENISTAN On Social Services", "victim_support"),
        # the head of the title decides: social protection of trafficking victims is an anti-trafficking law
        ("О социальной защите и реабилитации лиц, пострадавших от торговли людьми", "anti_trafficking"),
        ("О профилактике бытового насилия и о поддержке лиц, пострадавших от торговли людьми", "anti_trafficking"),
    ],
)
def test_detect_kind(title, kind):
    assert detect_kind(title) == kind


def test_a_long_kyrgyz_title_on_one_line_and_the_presidents_signature(tmp_path):
    # an invented Kyrgyz law: the act's name and its long subject on one line; the signature on one line at the end
    title = ("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ Үй-бүлөлүк (үй-тиричилик) зомбулуктан коргоо жана коргонуу, ошондой эле "
             "зомбулуктан жабыр тарткан адамдарды колдоо, алардын укуктарын камсыз кылуу жана баш калкалоочу "
             "жайлардын ишин уюштуруу, ошондой эле үй-бүлөлүк зомбулуктун алдын алуу чөйрөсүндөгү мамлекеттик "
             "органдардын милдеттери жөнүндө")  # fmt: skip
    text = "\n\n".join([
        title,
        "1-берене. Ушул Мыйзамдын максаты",
        "1. Ушул Мыйзам үй-бүлөлүк зомбулуктун алдын алуу тартибин аныктайт.",
        "2-берене. Ушул Мыйзамдын күчүнө кириши",
        "1. Ушул Мыйзам расмий жарыяланган күндөн тартып күчүнө кирет.",
        "Кыргыз Республикасынын Президенти",
    ])  # fmt: skip
    path = tmp_path / "family_violence_ky.txt"
    path.write_text(text, encoding="utf-8")
    law = load_law(path)
    assert law.title == title
    assert law.kind == "victim_support"
    assert not law.excerpt
    assert law.provisions[-1].text.endswith("күчүнө кирет.")


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


STYLES = [
    # (language, the lines of a text, the grammar it is read with)
    ("ru", ["Статья 1. Х", "1. Текст."], "civil"),
    ("en", ["Article 135. Trafficking in Persons", "Recruitment ...", "Article 136. Use of Forced Labour"], "civil"),
    ("en", ["Article  1", "Relation with the Convention", "Article 2", "Statement of purpose"], "civil"),  # a treaty
    ("en", ["1. Short title, extent and commencement.– (1) This Act", "2. Definitions.– In this Act,"], "common"),
    # an Act that cites one Article of the Constitution is still an Act
    ("en", ["Article 11 of the Constitution prohibits forced labour;", "1. Short title.— This Act"], "common"),
]


@pytest.mark.parametrize(("language", "lines", "style"), STYLES)
def test_detect_style_from_what_the_text_contains(language, lines, style):
    assert detect_style(language, lines) == style


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("kz/criminal_procedure_code_2014_arts69-79_excerpt_ru.md", "criminal_procedure_code"),
        ("kz/criminal_code_2014_arts125-135_ru.md", "criminal_code"),
        ("KG/УК_КР_2021.docx", "criminal_code"),
        ("pk/witness_protection_security_and_benefit_act_2017_converted.md", "witness_protection"),
        ("kz/special_social_services_law_2008_ru.md", None),
    ],
)
def test_kind_from_a_file_name_the_last_hint(name, kind):
    assert kind_from_name(name) == kind


def test_a_code_of_another_kind_is_not_read_as_a_procedure_code(tmp_path):
    # a code on children: its words of procedure (a child victim's interview by the investigator) make it no
    # procedure code; its kind is none of ours, and its "(Үзүндү: ...)" line makes it an excerpt
    lines = ["КЫРГЫЗ РЕСПУБЛИКАСЫНЫН БАЛДАР ЖӨНҮНДӨ КОДЕКСИ", "(Үзүндү: 1 жана 9-главалар.)"]
    for n in range(1, 13):
        lines += [f"{n}-берене. Жабырлануучу баланы суракка алуу",
                  "Ушул Кодекске ылайык тергөөчү шектүү жана айыпталуучу катышпаган шартта баланы суракка алат."]
    path = tmp_path / "code_on_children_ky.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    assert names_another_code(lines[0])
    law = load_law(path, country="KG")
    assert law.kind is None
    assert law.excerpt


EXCERPTS = [
    # (file, kind, title, excerpt): the five Kazakh excerpts show their real kind and the catalogue's title
    ("kz/criminal_code_2014_arts125-135_ru.md", "criminal_code",
     "Уголовный кодекс Республики Казахстан (извлечение: ст. 125-135)", True),
    ("kz/criminal_code_2014_arts303-315_excerpt_ru.md", "criminal_code",
     "Уголовный кодекс Республики Казахстан (извлечение: ст. 304-315)", True),
    ("kz/criminal_code_2014_arts388-402_excerpt_ru.md", "criminal_code",
     "Уголовный кодекс Республики Казахстан (извлечение: ст. 389-402)", True),
    ("kz/criminal_procedure_code_2014_arts69-79_excerpt_ru.md", "criminal_procedure_code",
     "Уголовно-процессуальный кодекс Республики Казахстан (извлечение: ст. 70-79)", True),
    ("kz/criminal_procedure_code_2014_arts86-105_excerpt_ru.md", "criminal_procedure_code",
     "Уголовно-процессуальный кодекс Республики Казахстан (извлечение: ст. 87-105)", True),
    # starts in the middle of the table of contents, ends mid-word; its own heading gives the title
    ("kz/criminal_code_2014_arts1-12_excerpt_ru.md", "criminal_code", "Уголовный кодекс Республики Казахстан", True),
    ("kz/criminal_code_2014_ru.md", "criminal_code", "Уголовный кодекс Республики Казахстан", False),
    ("kz/special_social_services_law_2008_ru.md", "victim_support", "О специальных социальных услугах", False),
    ("kg/criminal_procedure_code_2021_ru.docx", "criminal_procedure_code",
     "УГОЛОВНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ", False),
    ("pk/bonded_labour_system_abolition_act_1992.pdf", "anti_trafficking",
     "THE BONDED LABOUR SYSTEM (ABOLITION) ACT, 1992", False),
]  # fmt: skip


@pytest.mark.corpus
@pytest.mark.parametrize(("rel", "kind", "title", "excerpt"), EXCERPTS)
def test_excerpts_show_their_kind_and_real_title(rel, kind, title, excerpt):
    law = corpus_law(rel)
    assert (law.kind, law.title, law.excerpt) == (kind, title, excerpt)
