"""The civil-law grammar, rule by rule, on small snippets modelled on real provisions; then a fuzz test."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawgap.model import Block
from lawgap.structure.civil import structure
from lawgap.structure.civil_lines import RULES, classify, normalize_line
from lawgap.structure.tree import Structured


def parse(*lines: str | Block, language: str = "ru") -> Structured:
    blocks = [ln if isinstance(ln, Block) else Block(text=ln) for ln in lines]
    return structure(blocks, language)


def eids(result: Structured) -> list[str]:
    return [p.eid for p in result.provisions]


def by_eid(result: Structured) -> dict:
    return {p.eid: p for p in result.provisions}


# -- one line, one rule --------------------------------------------------------------------

CLASSIFY_CASES = [
    # (line, rule name, number) -- each modelled on a real heading or provision
    ("ОБЩАЯ ЧАСТЬ", "part", "1"),  # KG CC, before Раздел I
    ("ОСОБЕННАЯ ЧАСТЬ", "part", "2"),
    ("ЖАЛПЫ БӨЛҮК", "part", "1"),  # KG CC, Kyrgyz
    ("ӨЗГӨЧӨ БӨЛҮК", "part", "2"),
    ("РАЗДЕЛ I", "section", "I"),  # KG CC
    ("## РАЗДЕЛ 1. УГОЛОВНЫЙ ЗАКОН".lstrip("# "), "section", "1"),  # KZ CC 2014
    ("I БӨЛҮМ. КЫЛМЫШ-ЖАЗА МЫЙЗАМЫ", "section_ky", "I"),  # KG CC, Kyrgyz
    ("ХI БӨЛҮМ. ЭЛ АРАЛЫК УКУК ТАРТИБИНЕ КАРШЫ КЫЛМЫШТАР", "section_ky", "XI"),  # Cyrillic Х for X
    ("Глава 12. Преступления против личности", "chapter", "12"),
    ("1-глава. Кылмыш-жаза мыйзамы", "chapter_ky", "1"),
    ("Глава 3-1. Национальный превентивный механизм", "chapter", "3-1"),  # KZ special social services law
    ("Статья 166. Торговля людьми", "article", "166"),  # KG CC art 166
    ("Статья 71-1. Прохождение коррекционной программы", "article", "71-1"),  # KG CC art 71-1
    ("Статья 127.1. Торговля людьми", "article", "127.1"),  # RF CC art 127.1
    ("Статья 291.Незаконная выдача либо подделка документа", "article", "291"),  # KG CC, no space
    ("166-берене. Адамдарды соодалоо", "article_ky", "166"),  # KG CC, Kyrgyz
    ("162- берене. Тергөө мөөнөтү", "article_ky", "162"),  # KG CPC, Kyrgyz, odd spacing
    ("148-берене Сотко чейинки өндүрүштү баштоонун себептери", "article_ky", "148"),  # no full stop
    ("1. Торговля людьми, то есть их вербовка", "paragraph", "1"),
    ("20-1. Приравненные к членам семьи лица", "paragraph", "20-1"),  # KG CC annex 1
    ("1) в отношении двух или более лиц;", "point", "1"),
    ("а) по найму;", "subpoint", "а"),
    ("Примечание. Под вербовкой понимается", "note", ""),  # KG CC art 166
    ("Примечания. 1. Под", "note", ""),
    ("Эскертүү: Азгыруу деп", "note", ""),  # KG CC art 166, Kyrgyz
    ("Приложение 1", "annex", "1"),  # KG CC, definitions
    ("1-тиркеме", "annex_ky", "1"),
    ("(В редакции Закона КР от 22 июня 2023 № 122)", "amend", ""),
    ("(КР 2024-жылдын 7-августундагы N 161 Мыйзамынын редакциясына ылайык)", "amend", ""),
    ("Сноска. Статья 1 в редакции Закона РК от 04.07.2014 № 233-V.", "footnote", ""),
    ("Внимание!", "remark", ""),
    ("Примечание: Изменения и дополнения внесенные Законом КР от 3 апреля 2024 года № 75", "editorial", ""),
    ("Оглавление", "toc", ""),
]


@pytest.mark.parametrize("line,rule,num", CLASSIFY_CASES)
def test_classify(line: str, rule: str, num: str) -> None:
    found, m = classify(normalize_line(line))
    assert found is not None and found.name == rule
    if num:
        assert found.number(m.group("num")) == num


@pytest.mark.parametrize(
    "line",
    [
        "Статья 12 настоящего Закона устанавливает",  # a sentence that starts with "Статья"
        "Глава 5 настоящего Кодекса",
        "наказывается лишением свободы на срок до пяти лет.",
        "28.10.2021 года вступил в силу",  # a date is not a part number
        "166-беренесинде каралган",  # "in article 166", not a heading
        "(то есть в ночное время)",  # brackets without an amendment
    ],
)
def test_body_lines_are_not_structure(line: str) -> None:
    rule, _ = classify(normalize_line(line))
    assert rule is None or rule.name not in {"article", "article_ky", "chapter", "paragraph", "amend"}


def test_every_rule_has_a_kind_or_is_metadata() -> None:
    for rule in RULES:
        assert (rule.kind is None) == (rule.alias is None)


def test_superscript_number_reads_as_hyphen() -> None:
    # KG CC: "Статья 240¹. Срыв пломбы" is article 240-1
    assert normalize_line("Статья 240¹. Срыв пломбы") == "Статья 240-1. Срыв пломбы"
    assert eids(parse("Статья 240¹. Срыв пломбы", "Текст.")) == ["art_240-1"]


# -- the tree ------------------------------------------------------------------------------


def test_article_parts_items_and_note() -> None:
    # shape of KG CC art 166: parts, items ending in a dash, then the sanction, then a note
    r = parse(
        "Статья 166. Торговля людьми",
        "1. Торговля людьми –",
        "наказывается лишением свободы на срок от трех до шести лет.",
        "2. То же деяние, совершенное:",
        "1) группой лиц;",
        "2) организованной группой, –",
        "наказывается лишением свободы на срок от шести до восьми лет.",
        "Примечание. Под вербовкой понимается поиск.",
        "Под эксплуатацией понимается принуждение.",
    )
    p = by_eid(r)
    assert eids(r) == [
        "art_166",
        "art_166__para_1",
        "art_166__para_2",
        "art_166__para_2__point_1",
        "art_166__para_2__point_2",
        "art_166__note_nn_1",
    ]
    assert p["art_166"].heading == "Торговля людьми"
    assert p["art_166__para_1"].text.startswith("Торговля людьми –\nнаказывается")
    # the sanction after "2) ... –" belongs to part 2, not to its last item
    assert "от шести до восьми" in p["art_166__para_2"].text
    assert "от шести" not in p["art_166__para_2__point_2"].text
    assert p["art_166__note_nn_1"].parent == "art_166"
    assert p["art_166__note_nn_1"].text.endswith("принуждение.")


def test_subpoints_and_containers() -> None:
    r = parse(
        "ОБЩАЯ ЧАСТЬ",
        "РАЗДЕЛ I",
        Block("УГОЛОВНЫЙ ЗАКОН", centered=True),
        "Глава 1. Уголовный закон",
        "Статья 1. Уголовный закон",
        "1. Лицо:",
        "1) совершившее:",
        "а) кражу;",
        "б) грабеж.",
    )
    p = by_eid(r)
    assert eids(r) == [
        "part_1",
        "sec_I",
        "chp_1",
        "art_1",
        "art_1__para_1",
        "art_1__para_1__point_1",
        "art_1__para_1__point_1__subpoint_а",
        "art_1__para_1__point_1__subpoint_б",
    ]
    assert p["sec_I"].heading == "УГОЛОВНЫЙ ЗАКОН"  # heading on the line after "РАЗДЕЛ I"
    assert p["chp_1"].parent == "sec_I" and p["art_1"].parent == "chp_1"


def test_russian_and_kyrgyz_give_the_same_ids() -> None:
    ru = parse("ОСОБЕННАЯ ЧАСТЬ", "РАЗДЕЛ VI", "Глава 21. X", "Статья 166. Торговля", "1. Текст", "Примечание. Y")
    ky = parse("ӨЗГӨЧӨ БӨЛҮК", "VI БӨЛҮМ. X", "21-глава. X", "166-берене. Соодалоо", "1. Текст", "Эскертүү. Y")
    assert eids(ru) == eids(ky) == ["part_2", "sec_VI", "chp_21", "art_166", "art_166__para_1", "art_166__note_nn_1"]


def test_amendment_notes_are_metadata_not_text() -> None:
    r = parse(
        "Статья 228-1. Разглашение сведений",
        "1. Разглашение –",
        "наказывается штрафом.",
        "(В редакции Закона Кыргызской Республики от 22 июня 2023 № 122)",
        "Статья 229. Другая",
        "Текст.",
    )
    p = by_eid(r)
    assert p["art_228-1"].notes == ("(В редакции Закона Кыргызской Республики от 22 июня 2023 № 122)",)
    assert all("редакции" not in x.text for x in r.provisions)
    assert "редакции" not in r.text


def test_kazakh_footnote_is_a_note() -> None:
    r = parse("Статья 1. Законодательство", "1. Текст.", "Сноска. Статья 1 в редакции Закона РК от 04.07.2014.")
    assert by_eid(r)["art_1"].notes == ("Сноска. Статья 1 в редакции Закона РК от 04.07.2014.",)


def test_numbered_items_of_a_note_stay_in_the_note() -> None:
    # a note's items are cited "п. 1 примечания к ст. 5", not as parts of the article
    r = parse("Статья 5. X", "1. Часть.", "Примечания.", "1. Первое.", "2. Второе.")
    assert eids(r)[-3:] == ["art_5__note_nn_1", "art_5__note_nn_1__point_1", "art_5__note_nn_1__point_2"]


def test_title_and_leading_notes() -> None:
    r = parse(
        Block("УГОЛОВНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ", centered=True),
        "от 28 октября 2021 года № 127",
        Block("(В редакции Законов Кыргызской Республики от 18 января 2022 года №4)", centered=True),
        "Статья 1. X",
        "Текст.",
    )
    assert r.title == "УГОЛОВНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ"
    assert eids(r) == ["art_1"]
    assert r.notes[0] == "от 28 октября 2021 года № 127"


# A title printed on one line with its date and number, as exports often have it: the title without them,
# the date kept as the note a parser reads the adoption date from.
TITLE_LINES = [
    ("ЗАКОН ТУРКМЕНИСТАНА О противодействии торговле людьми от 18 августа 2020 года № 281-VI", "ru",
     "ЗАКОН ТУРКМЕНИСТАНА О противодействии торговле людьми", "от 18 августа 2020 года № 281-VI"),
    ("ЗАКОН РЕСПУБЛИКИ УЗБЕКИСТАН (Новая редакция) от 17.04.2008 г. № ЗРУ-154", "ru",
     "ЗАКОН РЕСПУБЛИКИ УЗБЕКИСТАН", "от 17.04.2008 г. № ЗРУ-154"),
    ("LAW OF THE REPUBLIC OF TAJIKISTAN On State Protection of Witnesses, of 17 May 2011, No. 712", "en",
     "LAW OF THE REPUBLIC OF TAJIKISTAN On State Protection of Witnesses", "of 17 May 2011, No. 712"),
    # an English translation as legal databases print it
    ('Law of the Republic of Kazakhstan dated 11 December 2023 No. 118-VIII ZRK "On Counteracting Trafficking"', "en",
     'Law of the Republic of Kazakhstan "On Counteracting Trafficking"', "dated 11 December 2023 No. 118-VIII ZRK"),
]


def test_the_place_of_signature_is_a_note_not_a_cut_off_sentence() -> None:
    # "г.Бишкек" under the title starts in lower case, as the first, cut-off sentence of an excerpt does
    r = parse(Block("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", centered=True), "г.Бишкек", "Статья 1. X", "Текст.")
    assert eids(r) == ["art_1"]
    assert "г.Бишкек" in r.notes


@pytest.mark.parametrize("place", ["г. Бишкек, от 14 апреля 2008 года № 73", "от 5 июля 2000 года № 72"])
def test_a_place_and_date_before_the_preamble_are_no_cut_off_sentence(place: str) -> None:
    # the place and date of adoption, then the preamble, in one block: a whole law, not an excerpt
    from lawgap.parsers.excerpt import is_excerpt

    r = parse(Block("ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ", centered=True), place, "Настоящий Закон определяет основы.",
              "Статья 1. X", "Текст.")  # fmt: skip
    assert not is_excerpt(r, "civil")
    # a file that starts in the middle of a word still is one
    assert is_excerpt(parse("ьмисот часов.", "Статья 5. X", "Текст."), "civil")


def test_an_english_signature_stays_out_of_the_last_article() -> None:
    r = parse("Article 1. X", "Text of the last article.", "The President", "of the Republic of Kazakhstan",
              language="en")
    assert by_eid(r)["art_1"].text == "Text of the last article."


@pytest.mark.parametrize(("line", "language", "title", "note"), TITLE_LINES)
def test_title_line_with_its_date(line: str, language: str, title: str, note: str) -> None:
    heading = "Статья 1. X" if language == "ru" else "Article 1. X"
    r = parse(line, "(Вымышленный текст.)", heading, "Текст.", language=language)
    assert r.title == title
    assert r.notes[0] == note


def test_leading_fragment_is_its_own_block() -> None:
    # a Kazakh excerpt that starts in the middle of article 388
    r = parse(
        "е от призыва по мобилизации",
        "1. Уклонение от призыва –",
        "наказывается штрафом.",
        "Сноска. Статья 388 с изменением.",
        "Статья 389. Самоуправство",
        "Самоуправство –",
    )
    p = by_eid(r)
    assert eids(r) == ["para_nn_1", "art_389"]
    assert p["para_nn_1"].parent is None
    assert p["para_nn_1"].text.startswith("е от призыва по мобилизации\n1. Уклонение")
    assert p["para_nn_1"].notes == ("Сноска. Статья 388 с изменением.",)


def test_table_of_contents_is_skipped() -> None:
    # the state-protection law repeats every heading at its top
    toc = ["Оглавление", "Глава 1. Общие положения", "Статья 1. A", "Статья 1-1. B", "Статья 2. C"]
    body = [
        Block("О государственной защите", heading_level=1),
        "Глава 1. Общие положения",
        "Статья 1. A",
        "Текст.",
        "Статья 1-1. B",
        "Текст.",
        "Статья 2. C",
        "Текст.",
    ]
    r = parse(*toc, *body)
    assert eids(r) == ["chp_1", "art_1", "art_1-1", "art_2"]
    assert r.title == "О государственной защите"


def test_tail_of_a_table_of_contents_is_skipped() -> None:
    # the Kazakh CC excerpt starts with the end of the code's contents (arts 380-1 to 467)
    r = parse(
        "сти",
        "Статья 380-1. A",
        "Статья 381. B",
        "ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ",
        "Статья 467. C",
        Block("Уголовный кодекс Республики Казахстан", heading_level=1),
        "Статья 1. Уголовное законодательство",
        "1. Текст.",
    )
    assert eids(r) == ["para_nn_1", "art_1", "art_1__para_1"]


def test_repealed_articles_in_a_row_are_not_a_table_of_contents() -> None:
    r = parse(
        "Статья 1. A",
        "Текст.",
        "Статья 2. Исключена",
        "Статья 3. Исключена",
        "Статья 4. Исключена",
        "Статья 5. E",
        "Т.",
    )
    assert [p.eid for p in r.provisions] == ["art_1", "art_2", "art_3", "art_4", "art_5"]


def test_kyrgyz_heading_without_its_keyword() -> None:
    # KG CC Kyrgyz text: "228¹. Атайын декларацияда ..." lost "-берене"
    r = parse(
        "228-берене. Сыр", "Текст.", "228¹. Атайын декларацияда камтылган маалыматтарды ачыкка чыгаруу", "1. Текст."
    )
    assert eids(r) == ["art_228", "art_228-1", "art_228-1__para_1"]
    assert r.warnings


@pytest.mark.parametrize(
    "lines,expected",
    [
        # KG CC Kyrgyz art 207: parts "1.", "1.", "3." -- the second is part 2
        (
            ["207-берене. X", "1. A", "1. B", "3. C"],
            ["art_207", "art_207__para_1", "art_207__para_2", "art_207__para_3"],
        ),
        # KG CC Russian art 387: "3) Те же деяния ..." is part 3 typed as an item
        (
            ["Статья 387. X", "1. A", "2. B", "3) Те же деяния:", "1) группой лиц;"],
            ["art_387", "art_387__para_1", "art_387__para_2", "art_387__para_3", "art_387__para_3__point_1"],
        ),
        # KG CPC Kyrgyz art 72: "3 Эксперттин ..." lost its full stop
        (
            ["72-берене. X", "1. A", "2. B", "3 Эксперттин катышуусу"],
            ["art_72", "art_72__para_1", "art_72__para_2", "art_72__para_3"],
        ),
    ],
)
def test_source_typos_are_repaired(lines: list[str], expected: list[str]) -> None:
    assert eids(parse(*lines)) == expected


def test_signature_block_is_law_notes() -> None:
    r = parse("Статья 546. X", "1. Текст.", "Президент", "Кыргызской Республики", "С.Н. Жапаров")
    assert eids(r) == ["art_546", "art_546__para_1"]
    assert r.notes[-3:] == ("Президент", "Кыргызской Республики", "С.Н. Жапаров")


def test_annex_parts_are_prefixed() -> None:
    r = parse("Статья 416. X", "Текст.", "Приложение 1", Block("Значение терминов", centered=True), "1. Вред – ...")
    p = by_eid(r)
    assert eids(r) == ["art_416", "annex_1", "annex_1__para_1"]
    assert p["annex_1"].heading == "Значение терминов" and p["annex_1"].parent is None


def test_spans_index_the_document_text() -> None:
    r = parse("Статья 2. Принцип законности", "Преступность деяния определяется только Кодексом.")
    art = r.provisions[0]
    assert r.text[art.span[0] : art.span[1]].startswith("Статья 2. Принцип законности")
    assert art.span[1] <= len(r.text)


# -- fuzz: keyword soup never crashes and always gives a well-formed tree -------------------

_WORDS = st.sampled_from(
    [
        "Статья", "Глава", "РАЗДЕЛ", "ОБЩАЯ ЧАСТЬ", "берене", "-берене.", "-глава.", "БӨЛҮМ", "Примечание",
        "Примечания.", "Эскертүү:", "Сноска.", "Приложение", "Оглавление", "Президент", "Внимание!",
        "1.", "2.", "1)", "3)", "а)", "б)", "I", "XI", "(В редакции Закона", ")", "-", ".", ":", "–",
        "¹", "текст", "Торговля", "людьми", "\u00a0", "",
        # unnumbered parts, qualified parts, English translations, what a file says of itself
        "наказывается", "— наказываются", "жазаланат.", "Те же деяния,", "Ошол эле жосун", "The same acts",
        "shall be punished", "Article", "Note.", "SPECIAL PART", "SECTION", "Chapter", "a)", "ПЕРВЫЙ", "III",
        "(извлечение)", "(extract)", "ПрезидентРеспублики", "О",
    ]
)  # fmt: skip
_TOKEN = st.one_of(_WORDS, st.integers(0, 600).map(str), st.text(max_size=6))
_LINE = st.lists(_TOKEN, max_size=8).map(" ".join)
_BLOCK = st.builds(Block, text=_LINE, centered=st.booleans(), heading_level=st.sampled_from([None, None, 1, 3]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, max_size=40), st.sampled_from(["ru", "ky", "en"]))
def test_fuzz_keyword_soup(blocks: list[Block], language: str) -> None:
    r = structure(blocks, language)
    seen: set[str] = set()
    for p in r.provisions:
        assert p.eid not in seen, f"duplicate eid {p.eid}"
        assert p.parent is None or p.parent in seen, f"{p.eid}: parent {p.parent} missing or later"
        assert p.kind in ("book", "part", "section", "chapter", "article", "paragraph", "point", "subpoint", "note")
        assert 0 <= p.span[0] <= p.span[1] <= len(r.text)
        seen.add(p.eid)


def test_a_sanction_printed_after_the_last_item_closes_its_part() -> None:
    # Uzbek drafting: the last item of a qualified part and its sanction in one paragraph ("...; наказываются ..."),
    # then a second qualified part that opens with its own lead-in
    r = parse(
        "Статья 224. Организация незаконной миграции",
        "Организация незаконного въезда иностранных граждан — наказывается штрафом.",
        "Те же действия, совершенные:",
        "а) повторно;",
        "б) группой лиц по предварительному сговору; наказываются лишением свободы от пяти до восьми лет.",
        "Действия, предусмотренные частями первой или второй настоящей статьи, совершенные:",
        "а) организованной группой;",
        "б) повлекшие по неосторожности смерть, — наказываются лишением свободы от восьми до двенадцати лет.",
    )
    assert eids(r) == [
        "art_224", "art_224__para_1", "art_224__para_2", "art_224__para_2__point_а", "art_224__para_2__point_б",
        "art_224__para_3", "art_224__para_3__point_а", "art_224__para_3__point_б",
    ]  # fmt: skip
    assert by_eid(r)["art_224__para_3"].qualified
