"""The text/Markdown reader, on snippets and on the Kazakh laws of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgap.errors import InputError
from lawgap.parsers.text import extract, strip_inline
from tests.conftest import corpus_law


def blocks(text: str, name: str = "law.md"):
    return extract(Path(name), text.encode("utf-8")).blocks


# -- the reader ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,expected",
    [
        ("**Статья 1.** Основные понятия", "Статья 1. Основные понятия"),
        ("*курсив* и __жирный__", "курсив и жирный"),
        ("см. [статью 3](https://adilet.zan.kz/rus/docs/Z000000072_#z3) Закона", "см. статью 3 Закона"),
        ("![герб](img.png) Закон", "герб Закон"),
        (r"1\. Текст со звездой \* и подчёркиванием \_", "1. Текст со звездой * и подчёркиванием _"),
        ("Статья 127<sup>1</sup>. Торговля людьми", "Статья 127-1. Торговля людьми"),
        ("ст. `205-1` УК", "ст. 205-1 УК"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("A&nbsp;B &amp; C", "A B & C"),
    ],
)
def test_inline_markup_is_stripped(line: str, expected: str) -> None:
    assert strip_inline(line)[0] == expected


def test_headings_paragraphs_tables_and_lists() -> None:
    text = (
        "# О государственной защите\n\n"
        "## Глава 1. Общие положения\n\n"
        "### Статья 1. Законодательство\n\n"
        "      1. Законодательство основывается\n"
        "на Конституции.\n"
        "      2. Вторая часть.\n\n"
        "| Вид | Размер |\n|---|---|\n| штраф | 100 МРП |\n\n"
        "> - пункт списка\n\n"
        "Заголовок\n=========\n\n"
        "---\n"
    )
    got = [(b.text, b.heading_level) for b in blocks(text)]
    assert got == [
        ("О государственной защите", 1),
        ("Глава 1. Общие положения", 2),
        ("Статья 1. Законодательство", 3),
        ("1. Законодательство основывается на Конституции.", None),  # soft line break joined
        ("2. Вторая часть.", None),  # a legal number starts a new block
        ("Вид | Размер", None),
        ("штраф | 100 МРП", None),
        ("пункт списка", None),
        ("Заголовок", 1),
    ]


def test_plain_text_one_line_per_block() -> None:
    text = "Статья 1. Цели\nНастоящий Закон определяет цели.\nСтатья 2. Понятия\n"
    assert [b.text for b in blocks(text, "law.txt")] == [
        "Статья 1. Цели",
        "Настоящий Закон определяет цели.",
        "Статья 2. Понятия",
    ]


def test_plain_text_wrapped_paragraphs_are_joined() -> None:
    text = "Статья 1. Цели\n\nНастоящий Закон\nопределяет цели.\n\n1) первое;\n2) второе.\n"
    assert [b.text for b in blocks(text, "law.txt")] == [
        "Статья 1. Цели",
        "Настоящий Закон определяет цели.",
        "1) первое;",
        "2) второе.",
    ]


@pytest.mark.parametrize(
    "data,problem",
    [
        ("Статья 1. Закон".encode("cp1251"), "not UTF-8"),  # a Windows-1251 export
        (b"\xff\xfe\x00\x00binary", "binary"),  # a UTF-16 byte-order mark, then a NUL: read as UTF-16, refused
        (b"\n \n\t\n", "no text"),
    ],
)
def test_bad_text_raises_input_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as err:
        extract(Path("law.txt"), data)
    assert problem in str(err.value) and "law.txt" in str(err.value)


def test_markup_without_words_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no text"):
        extract(Path("empty.md"), b"# \n\n---\n\n|---|---|\n")


def test_bom_and_crlf() -> None:
    got = extract(Path("a.md"), "\ufeff# Закон\r\n\r\nТекст\r\n".encode()).blocks
    assert [b.text for b in got] == ["Закон", "Текст"]


# -- the Kazakh laws -----------------------------------------------------------------------

STATE_PROTECTION = "kz/state_protection_participants_criminal_process_2000_ru.md"


@pytest.mark.corpus
def test_state_protection_law_has_36_articles_and_no_contents() -> None:
    law = corpus_law(STATE_PROTECTION)
    nums = [a.num for a in law.articles()]
    expected = [str(n) for n in range(1, 32)] + ["1-1", "1-2", "21-1", "21-2", "26-1"]
    assert len(nums) == 36 and sorted(nums) == sorted(expected)
    assert nums[:4] == ["1", "1-1", "1-2", "2"]  # document order
    assert not [p.eid for p in law.provisions if "_dup" in p.eid]
    assert law.title == "О государственной защите лиц, участвующих в уголовном процессе"
    # the contents' "Статья 1" had no text; the real one has three parts
    assert [k.eid for k in law.children("art_1")] == [f"art_1__para_{n}" for n in (1, 2, 3)]
    assert law.by_eid["art_1"].notes[0].startswith("Сноска. Статья 1 в редакции Закона РК от 04.07.2014")
    assert len([p for p in law.provisions if p.kind == "chapter"]) == 4


@pytest.mark.corpus
def test_state_protection_article_2_items_and_trailing_text() -> None:
    law = corpus_law(STATE_PROTECTION)
    art = law.by_eid["art_2"]
    assert art.text.startswith("Безопасность защищаемых лиц обеспечивают:")
    assert [k.eid for k in law.children("art_2")] == ["art_2__point_1", "art_2__point_2"]
    # the paragraph after "2) орган, осуществляющий меры безопасности." is the article's again
    assert "Осуществление мер безопасности возлагается" in art.text
    assert all("Сноска" not in p.text for p in law.provisions)


# (file, first article, last article, inserted articles, count, leading fragment starts with) --
# established with `grep -E '^#+ Статья [0-9]'` and `head` over each file.
EXCERPTS = [
    ("kz/criminal_code_2014_arts125-135_ru.md", 125, 135, [], 11, None),
    ("kz/criminal_code_2014_arts1-12_excerpt_ru.md", 1, 12, [], 12, "сти"),  # "сти" ends the contents
    ("kz/criminal_code_2014_arts303-315_excerpt_ru.md", 304, 315, [], 12, "ьмисот часов"),
    ("kz/criminal_code_2014_arts388-402_excerpt_ru.md", 389, 402, [], 14, "е от призыва по мобилизации"),
    ("kz/criminal_procedure_code_2014_arts69-79_excerpt_ru.md", 70, 79, [], 10, "дальнейшем ходатайствовать"),
    ("kz/criminal_procedure_code_2014_arts86-105_excerpt_ru.md", 87, 105, [], 19, "быть по их просьбе"),
    ("kz/special_social_services_law_2008_ru.md", 1, 22, ["8-1"] + [f"11-{k}" for k in range(1, 12)], 34,
     "Настоящий Закон регулирует"),
    ("kz/victim_compensation_fund_law_2018_ru.md", 1, 13, [], 13, "Настоящий Закон определяет"),
]  # fmt: skip


def _order(num: str) -> list[int]:
    return [int(x) for x in num.split("-")]


@pytest.mark.corpus
@pytest.mark.parametrize("rel,first,last,inserted,count,lead", EXCERPTS)
def test_kazakh_files_articles(
    rel: str, first: int, last: int, inserted: list[str], count: int, lead: str | None
) -> None:
    law = corpus_law(rel)
    nums = [a.num for a in law.articles()]
    expected = sorted([str(n) for n in range(first, last + 1)] + inserted, key=_order)
    assert len(expected) == count
    assert nums == expected  # exactly the articles whose headings the file holds, in order
    assert len({a.eid for a in law.articles()}) == count
    top = law.provisions[0]
    if lead is None:
        assert top.eid == f"art_{first}"
    else:
        # the leading fragment is a block of its own, outside any article
        assert (top.eid, top.parent, top.num) == ("para_nn_1", None, None)
        assert top.text.startswith(lead)
        assert law.ancestors(top.eid) == ()


@pytest.mark.corpus
def test_criminal_code_excerpt_skips_the_contents_tail() -> None:
    law = corpus_law("kz/criminal_code_2014_arts1-12_excerpt_ru.md")
    assert not [a.eid for a in law.articles() if a.num and int(a.num.split("-")[0]) > 12]
    assert law.title == "Уголовный кодекс Республики Казахстан"
    assert law.by_eid["art_3"].heading.startswith("Разъяснение некоторых понятий")


@pytest.mark.corpus
def test_kazakh_trafficking_article_128() -> None:
    law = corpus_law("kz/criminal_code_2014_arts125-135_ru.md")
    art = law.by_eid["art_128"]
    assert art.heading == "Торговля людьми"
    assert law.by_eid["art_128__para_1"].text.startswith("Купля-продажа или совершение иных сделок в отношении лица")
    assert any(n.startswith("Сноска. Статья 128") for n in art.notes)
    assert law.by_eid["art_135"].parent == "chp_2"


@pytest.mark.corpus
def test_excerpt_footnote_stays_with_the_leading_fragment() -> None:
    law = corpus_law("kz/criminal_code_2014_arts303-315_excerpt_ru.md")
    assert law.by_eid["para_nn_1"].notes[0].startswith("Сноска. Статья 303")
