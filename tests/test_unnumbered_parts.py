"""Parts without numbers, qualified parts and notes: the civil-law grammar on the drafting of the region.

Snippets modelled on the Uzbek, Tajik and Turkmen codes (parts closed by their sanctions, lettered items,
"Примечание. 1. ..."), on the Kyrgyz code in Kyrgyz ("Ошол эле жосундар") and on English translations
("The same acts committed:"); then the real codes, which number their parts and must not be split.
"""

from __future__ import annotations

import pytest

from lawgap.model import Block
from lawgap.structure.civil import structure
from lawgap.structure.civil_lines import classify_blocks
from lawgap.structure.parts import unnumbered_parts
from lawgap.structure.qualified import is_qualified
from lawgap.structure.tree import Structured
from tests.conftest import corpus_law


def parse(*lines: str, language: str = "ru") -> Structured:
    return structure([Block(text=t) for t in lines], language)


def tree(r: Structured) -> list[tuple[str, str | None, bool]]:
    return [(p.eid, p.num, p.printed) for p in r.provisions]


# -- where parts begin -------------------------------------------------------------------------
PART_CASES = [
    # (lines of one article after its heading, the lines that open parts 1, 2, ...)
    (  # an offence: each part closed by its sanction on a line of its own (Uzbek CC drafting)
        ["Вербовка человека, —", "наказывается лишением свободы до пяти лет.", "Те же действия, совершенные:",
         "а) группой лиц;", "б) повторно, —", "наказываются лишением свободы до восьми лет."],
        [1, 3],
    ),
    (  # the sanction after the dash on the same line
        ["Вербовка человека — наказывается штрафом.", "То же деяние, совершенное повторно, — наказывается арестом."],
        [1, 2],
    ),
    (  # Kyrgyz: the sanction ends the sentence
        ["Адамды жалдоо, -", "беш жылга чейин эркиндигинен ажыратууга жазаланат.", "Ошол эле жосун, -",
         "он жылга чейин эркиндигинен ажыратууга жазаланат."],
        [1, 3],
    ),
    (  # English translation
        ["Recruitment of a person, —", "shall be punished by a fine.", "The same act committed repeatedly, —",
         "shall be punished by deprivation of liberty."],
        [1, 3],
    ),
    (  # the General Part: no sanctions, one part per paragraph (Tajik CC art 32)
        ["Покушением признается умышленное деяние.", "Ответственность наступает по статье Особенной части.",
         "Покушение на преступление небольшой тяжести не влечет ответственности."],
        [1, 2, 3],
    ),
    (  # a lead-in with its list and nothing else: one part, nothing to split
        ["В настоящем Законе используются следующие понятия:", "1) ребенок - лицо до восемнадцати лет;",
         "2) жертва - физическое лицо."],
        [],
    ),
    (["Одна часть без санкции."], []),  # a single paragraph stays the article's own words
]  # fmt: skip


@pytest.mark.parametrize(("body", "starts"), PART_CASES)
def test_where_unnumbered_parts_begin(body, starts):
    lines = classify_blocks([Block(text="Статья 135. Торговля людьми"), *(Block(text=t) for t in body)])
    found = unnumbered_parts(lines, set())
    assert sorted(found.values()) == list(range(1, len(starts) + 1))
    assert sorted(found) == starts


def test_a_numbered_code_is_never_split():
    # KG CC drafting: parts are numbered; an article printed without numbers keeps its text whole
    lines = classify_blocks(
        [
            Block(text=t)
            for t in (
                "Статья 1. Х",
                "1. Первая часть.",
                "2. Вторая часть.",
                "Статья 2. Y",
                "Абзац один.",
                "Абзац два.",
            )
        ]
    )
    assert unnumbered_parts(lines, set()) == {}


# -- the tree ------------------------------------------------------------------------------------
def test_lettered_items_belong_to_their_part_and_the_sanction_to_the_part():
    # Uzbek CC art 135 drafting: "Те же действия, совершенные: а) ... б) ..., — наказываются ..."
    r = parse(
        "Статья 135. Торговля людьми",
        "Вербовка человека в целях эксплуатации, —",
        "наказываются лишением свободы от трех до восьми лет.",
        "Те же действия, совершенные:",
        "а) в отношении двух или более лиц;",
        "б) с применением насилия, —",
        "наказываются лишением свободы от восьми до двенадцати лет.",
        "Примечание. Лицо, ставшее жертвой, освобождается от ответственности.",
    )
    assert tree(r) == [
        ("art_135", "135", True),
        ("art_135__para_1", "1", False),
        ("art_135__para_2", "2", False),
        ("art_135__para_2__point_а", "а", True),
        ("art_135__para_2__point_б", "б", True),
        ("art_135__note_nn_1", None, True),
    ]
    p = {x.eid: x for x in r.provisions}
    sanction = "наказываются лишением свободы от восьми до двенадцати лет."
    assert p["art_135__para_2"].text == f"Те же действия, совершенные:\n{sanction}"
    assert p["art_135__para_2__point_б"].text == "с применением насилия, —"
    assert [x.eid for x in r.provisions if x.qualified] == ["art_135__para_2"]


def test_items_restart_under_each_part():
    # Tajik CC art 130-1: items 1) ... under part two and again under part three, never _dup ids
    r = parse(
        "Статья 130¹. Торговля людьми",
        "Вербовка человека, -",
        "наказываются лишением свободы на срок от пяти до восьми лет.",
        "Те же деяния, совершенные:",
        "1) неоднократно;",
        "2) группой лиц, -",
        "наказываются лишением свободы на срок от восьми до двенадцати лет.",
        "Деяния, предусмотренные частями первой или второй настоящей статьи, совершенные:",
        "1) в отношении несовершеннолетнего;",
        "2) организованной группой, -",
        "наказываются лишением свободы на срок от двенадцати до пятнадцати лет.",
    )
    assert [p.eid for p in r.provisions] == [
        "art_130-1",
        "art_130-1__para_1",
        "art_130-1__para_2",
        "art_130-1__para_2__point_1",
        "art_130-1__para_2__point_2",
        "art_130-1__para_3",
        "art_130-1__para_3__point_1",
        "art_130-1__para_3__point_2",
    ]
    assert [p.eid for p in r.provisions if p.qualified] == ["art_130-1__para_2", "art_130-1__para_3"]


def test_an_english_sanction_after_a_comma_closes_the_list_and_its_part():
    # an English translation of an Uzbek-style code: "h) ..., shall be punished by ..." on the item's own line, then
    # "The acts provided for by parts one or two of this article, if they:" (round 16's criminal code excerpt)
    r = parse(
        "Article 135. Trafficking in persons",
        "Recruitment of a person for the purpose of exploitation, shall be punished by deprivation of liberty.",
        "The same act committed:",
        "a) in respect of two or more persons;",
        "b) in respect of a minor, shall be punished by deprivation of liberty from eight to twelve years.",
        "The acts provided for by parts one or two of this article, if they:",
        "a) have caused by negligence the death of the victim;",
        "b) have been committed by an organized group, shall be punished by deprivation of liberty for life.",
        language="en",
    )
    assert [p.eid for p in r.provisions] == [
        "art_135",
        "art_135__para_1",
        "art_135__para_2",
        "art_135__para_2__point_a",
        "art_135__para_2__point_b",
        "art_135__para_3",
        "art_135__para_3__point_a",
        "art_135__para_3__point_b",
    ]
    assert [p.eid for p in r.provisions if p.qualified] == ["art_135__para_2", "art_135__para_3"]


def test_note_with_numbered_items_on_its_first_line():
    # "Примечание. 1. Под эксплуатацией ... 2. Несовершеннолетним ...": cited "п. 2 примечания к ст. 135-1"
    r = parse("Статья 135-1. Х", "Текст статьи.", "Примечание. 1. Под эксплуатацией понимается.", "2. Второе.")
    assert [(p.eid, p.text) for p in r.provisions[1:]] == [
        ("art_135-1__note_nn_1", ""),
        ("art_135-1__note_nn_1__point_1", "Под эксплуатацией понимается."),
        ("art_135-1__note_nn_1__point_2", "Второе."),
    ]


@pytest.mark.parametrize(
    ("lines", "containers"),
    [
        (["РАЗДЕЛ ПЕРВЫЙ. ПРЕСТУПЛЕНИЯ ПРОТИВ ЛИЧНОСТИ"], [("sec_1", "ПРЕСТУПЛЕНИЯ ПРОТИВ ЛИЧНОСТИ")]),  # Uzbek CC
        (["ГЛАВА III. ПРЕСТУПЛЕНИЯ ПРОТИВ СВОБОДЫ"], [("chp_III", "ПРЕСТУПЛЕНИЯ ПРОТИВ СВОБОДЫ")]),
        (["SPECIAL PART", "SECTION VII. CRIMES AGAINST THE PERSON"],
         [("part_2", "SPECIAL PART"), ("sec_VII", "CRIMES AGAINST THE PERSON")]),
        (["Chapter 20. Crimes against Liberty"], [("chp_20", "Crimes against Liberty")]),
    ],
)  # fmt: skip
def test_containers_numbered_in_words_and_roman_figures(lines, containers):
    r = parse("КОДЕКС", *lines, "Статья 1. Х", "Текст.")
    assert [(p.eid, p.heading) for p in r.provisions if p.kind in ("part", "section", "chapter")] == containers


def test_what_the_file_says_of_itself_is_no_provision():
    r = parse("УГОЛОВНЫЙ КОДЕКС РЕСПУБЛИКИ УЗБЕКИСТАН", "(извлечение)", "Статья 1. Х", "Текст.")
    assert r.excerpt and "(извлечение)" in r.notes
    assert all("извлечение" not in p.text for p in r.provisions)
    r = parse("CRIMINAL CODE", "(extract)", "Unofficial translation", "Article 1. X", "Text.", language="en")
    assert r.notes == ("(extract)", "Unofficial translation") and r.title == "CRIMINAL CODE"


@pytest.mark.parametrize(("lines", "title", "excerpt"), [
    # a title printed in ordinary case, and one that says it is an excerpt
    (["Закон Республики Казахстан О специальных социальных услугах"],
     "Закон Республики Казахстан О специальных социальных услугах", False),
    (["Уголовный кодекс Туркменистана (извлечение)"], "Уголовный кодекс Туркменистана (извлечение)", True),
    (["Уголовно-процессуальный кодекс Республики Таджикистан (извлечение)"],
     "Уголовно-процессуальный кодекс Республики Таджикистан (извлечение)", True),
    (["Кыргыз Республикасынын Мыйзамы", "Адам сатууга каршы аракеттенүү жөнүндө"],
     "Кыргыз Республикасынын Мыйзамы Адам сатууга каршы аракеттенүү жөнүндө", False),
    # a note under the title that says what the excerpt holds
    (["УГОЛОВНЫЙ КОДЕКС ТУРКМЕНИСТАНА", "(Извлечение содержит главы 1, 6 и 7 Общей части.)"],
     "УГОЛОВНЫЙ КОДЕКС ТУРКМЕНИСТАНА", True),
])  # fmt: skip
def test_titles_in_ordinary_case_and_excerpts_that_say_so(lines, title, excerpt):
    r = parse(*lines, "Статья 1. Х", "Текст.")
    assert (r.title, r.excerpt) == (title, excerpt)


def test_the_subject_line_of_a_title_is_part_of_the_title():
    r = parse("ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН", "О предупреждении торговли людьми", "Статья 1. Х", "Текст.")
    assert r.title == "ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН О предупреждении торговли людьми"
    assert [p.eid for p in r.provisions] == ["art_1"]


@pytest.mark.parametrize(
    "signature",
    ["Президент Республики Казахстан", "ПрезидентРеспублики Казахстан", "Президент Российской Федерации Б.Ельцин"],
)
def test_a_signature_is_not_the_last_articles_text(signature):
    r = parse("Статья 9. Введение в действие", "Закон вводится в действие с 1 января.", signature, "Н. Назарбаев")
    assert r.provisions[-1].text == "Закон вводится в действие с 1 января."


# -- qualified parts ---------------------------------------------------------------------------------
QUALIFIED_CASES = [
    # (a part's words after its number, the article's heading, qualified?)
    ("Те же деяния, совершенные:\nнаказываются лишением свободы", None, True),
    ("То же деяние, совершенное повторно, –\nнаказывается лишением свободы", None, True),
    ("Деяния, предусмотренные частями 1 или 2 настоящей статьи, совершенные:\nнаказываются штрафом", None, True),
    ("Незаконная охота, предусмотренная частью первой настоящей статьи, совершенная группой, — наказывается", None,
     True),  # KZ CC art 337: the offence named again by its subject
    ("Кража, совершенная:\nнаказывается лишением свободы", "Кража", True),  # RF CC art 158
    ("Ошол эле жосундар, төмөнкүдөй жасалса:\nон жылга эркиндигинен ажыратууга жазаланат.", None, True),
    ("Төмөнкүдөй жасалган ошол эле жосун;\nсегиз жылга эркиндигинен ажыратууга жазаланат.", None, True),  # KG CC 166
    ("Ушул берененин 1 же 2-бөлүктөрүндө каралган жосундар:\nжазаланат.", None, True),
    ("Ушул эле аракеттер:\nкайталап жасалса, — V категориядагы эркинен ажыратуу менен жазаланат.", None, True),
    ("Олуттуу өлчөмдө жасалган мал уурдоо, -\nайып салууга жазаланат.", "Мал уурдоо", True),  # KG CC 205-1, Kyrgyz
    ("The same acts committed:\nshall be punished by deprivation of liberty", None, True),
    ("The acts provided for in parts one or two of this Article, committed:\nshall be punished by", None, True),
    # not aggravations
    ("Вербовка ребенка без применения силы, –\nнаказываются лишением свободы на срок до пяти лет.", None, False),
    ("Деяния, предусмотренные частью 1 настоящей статьи, если виновный добровольно освободил похищенного, –\n"
     "наказываются штрафом", None, False),  # KG CC 165: a privileged form
    ("Убийство лиц, указанных в части 1 настоящей статьи, –\nнаказывается", None, False),  # other persons
    ("Те же деяния не являются преступлением, если вред не причинен.", None, False),  # no sanction of its own
]  # fmt: skip


@pytest.mark.parametrize(("text", "heading", "qualified"), QUALIFIED_CASES)
def test_qualified_part(text, heading, qualified):
    assert is_qualified(text, heading) is qualified


# -- the real codes ---------------------------------------------------------------------------------
NUMBERED_CODES = [
    "kg/criminal_code_2021_ru.docx",
    "kg/criminal_code_2021_ky.docx",
    "kz/criminal_code_2014_ru.md",
    "html/criminal_code_rf_2023_pravo_gov_ru.html",
]


# Articles of a numbered code that print their parts without numbers, each closed by its own sanction: KZ CC 427
# as the corpus file gives it ("Невозвращение ... наказывается ...", then "Уклонение ... наказывается ...")
UNNUMBERED_IN_NUMBERED = {"kz/criminal_code_2014_ru.md": ["art_427__para_1", "art_427__para_2"]}


@pytest.mark.corpus
@pytest.mark.parametrize("rel", NUMBERED_CODES)
def test_numbered_codes_have_no_unnumbered_parts(rel):
    law = corpus_law(rel)
    assert [p.eid for p in law.provisions if not p.printed] == UNNUMBERED_IN_NUMBERED.get(rel, [])


@pytest.mark.corpus
@pytest.mark.parametrize("rel", ["kg/criminal_code_2021_ru.docx", "kg/criminal_code_2021_ky.docx"])
def test_kg_cc_166_parts_two_and_three_aggravate_part_one(rel):
    # part 4 (a child, "без применения силы", up to five years) is an offence of its own, lighter than part 1
    law = corpus_law(rel)
    parts = [p for p in law.children("art_166") if p.kind == "paragraph"]
    assert [(p.num, p.qualified) for p in parts] == [("1", False), ("2", True), ("3", True), ("4", False)]


# Parts whose sanction the code prints on their last item ("То же деяние:" ... "наказывается ..." as the item's
# own line): read with their items, they are qualified.
SANCTION_ON_LAST_ITEM = [
    ("kz/criminal_code_2014_ru.md", "art_221__para_3"),  # "Деяния, предусмотренные частями первой и второй ..."
    ("html/criminal_code_rf_2023_pravo_gov_ru.html", "art_105__para_2"),  # "Убийство:"
    ("html/criminal_code_rf_2023_pravo_gov_ru.html", "art_171__para_2"),  # "То же деяние:"
]


@pytest.mark.corpus
@pytest.mark.parametrize(("rel", "eid"), SANCTION_ON_LAST_ITEM)
def test_a_part_is_read_with_its_items_for_its_sanction(rel, eid):
    law = corpus_law(rel)
    assert law.by_eid[eid].qualified
    assert not any(w in law.by_eid[eid].text for w in ("наказыва", "Наказыва"))


def test_kyrgyz_same_acts_with_the_sanction_on_the_last_item():
    from lawgap.structure.qualified import mark_qualified

    r = parse(
        "1-берене. Адам сатуу",
        "1. Адам сатуу, эксплуатациялоо максатында, — IV категориядагы эркинен ажыратуу менен жазаланат.",
        "2. Ушул эле аракеттер:",
        "1) жашы жете элек адамга карата;",
        "2) кызмат абалын пайдалануу менен жасалса, — V категориядагы эркинен ажыратуу менен жазаланат.",
        language="ky",
    )
    marked = {p.eid: p.qualified for p in mark_qualified(r.provisions) if p.kind == "paragraph"}
    assert marked == {"art_1__para_1": False, "art_1__para_2": True}


@pytest.mark.corpus
def test_kg_cc_russian_and_kyrgyz_agree_on_qualified_parts():
    ru, ky = corpus_law("kg/criminal_code_2021_ru.docx"), corpus_law("kg/criminal_code_2021_ky.docx")
    a = {p.eid for p in ru.provisions if p.qualified}
    b = {p.eid for p in ky.provisions if p.qualified}
    assert len(a) > 250
    # the two texts word some parts differently ("Незаконные охота ..., совершенные" against a Kyrgyz
    # sentence with "эгерде"); at most 2% of the qualified parts may disagree
    assert len(a ^ b) <= 0.02 * len(a | b)
