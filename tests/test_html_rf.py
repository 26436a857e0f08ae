"""The HTML reader, on small snippets and on the RF Criminal Code page from pravo.gov.ru.

The real page declares windows-1251 but is UTF-8, writes inserted article numbers as
"127<span class=W9>1</span>" (a class its CSS makes superscript) and appends amendment
notes to the paragraphs they amend; each snippet below isolates one of those habits.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgap.errors import InputError
from lawgap.parsers.html import bracket_groups, decode, extract
from tests.conftest import corpus_file, corpus_law

RF = "html/criminal_code_rf_2023_pravo_gov_ru.html"


def _blocks(html: str | bytes):
    data = html.encode("utf-8") if isinstance(html, str) else html
    return extract(Path("page.html"), data).blocks


def _texts(html: str | bytes) -> list[str]:
    return [b.text for b in _blocks(html)]


# -- decoding: the bytes decide, not the meta tag -------------------------------------------
DECODING = [
    # (bytes, expected text, the encoding read): pravo.gov.ru declares cp1251 for UTF-8 bytes.
    (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Статья 1.</p>'.encode(),
        "Статья 1.",
        "utf-8",
    ),
    # A real windows-1251 page that says so.
    ('<meta charset="windows-1251"><p>Торговля людьми</p>'.encode("cp1251"), "Торговля людьми", "cp1251"),
    # A windows-1251 page that says nothing: cp1251 is the fallback for Cyrillic portals.
    ("<p>Примечание.</p>".encode("cp1251"), "Примечание.", "cp1251"),
    # A KOI8-R page that declares it: the declared charset is second in line.
    ('<meta charset="koi8-r"><p>Глава 17</p>'.encode("koi8_r"), "Глава 17", "koi8-r"),
]


@pytest.mark.parametrize(("data", "expected", "encoding"), DECODING)
def test_encoding_comes_from_the_bytes(data, expected, encoding):
    text, used, _ = decode(data)
    assert used == encoding
    assert expected in text
    assert expected in _texts(data)


def test_a_wrong_charset_declaration_is_reported_as_a_warning():
    data = '<meta charset="windows-1251"><p>Статья 1.</p>'.encode()
    result = extract(Path("page.html"), data)
    assert any("windows-1251" in w and "UTF-8" in w for w in result.warnings)


# -- superscript numbers --------------------------------------------------------------------
SUPERSCRIPTS = [
    # RF CC art 127.1 heading: a class the page's CSS makes `vertical-align: super`.
    (
        '<style>.W9{vertical-align:super}</style><p class="H">Статья 127<span class="W9">1</span>. Торговля людьми</p>',
        "Статья 127.1. Торговля людьми",
    ),
    # RF CC art 63 part 1 item "з1)" (forced labour as a punishment): a letter with a superscript.
    (
        '<style>.W9{vertical-align:super}</style><p>з<span class="W9">1</span>)&nbsp;принудительные работы;</p>',
        "з.1) принудительные работы;",
    ),
    # The same with a plain <sup> and an inline style.
    ("<p>Статья 322<sup>1</sup>. Организация незаконной миграции</p>", "Статья 322.1. Организация незаконной миграции"),
    ('<p>ГЛАВА 15<span style="vertical-align: super">1</span>. КОНФИСКАЦИЯ</p>', "ГЛАВА 15.1. КОНФИСКАЦИЯ"),
    # "частями первой<sup>1</sup>" (RF CC art 205.1) reads "первой.1", as official compilations print it.
    ("<p>частями первой<sup>1</sup> настоящей статьи</p>", "частями первой.1 настоящей статьи"),
    # A power of a unit and a superscript that is not a number stay what they are.
    ("<p>10 м<sup>2</sup> площади</p>", "10 м² площади"),
    ("<p>см. <sup>*</sup> ниже</p>", "см. * ниже"),
]


@pytest.mark.parametrize(("html", "expected"), SUPERSCRIPTS)
def test_superscript_numbers(html, expected):
    assert _texts(html) == [expected]


# -- layout ---------------------------------------------------------------------------------
def test_mixed_line_endings_and_no_break_spaces_become_single_spaces():
    html = "<p>1.&nbsp;Похищение\r\nчеловека\r-\n</p>\r\n<p>наказывается\rлишением свободы</p>"
    assert _texts(html) == ["1. Похищение человека -", "наказывается лишением свободы"]


def test_scripts_styles_and_navigation_are_dropped():
    html = (
        "<html><head><title>Кодекс</title><script>var a = 'Статья 99.';</script>"
        "<style>p{color:red}</style></head><body>"
        '<nav><a href="/">Главная</a></nav><div role="navigation">Меню</div>'
        "<noscript>Включите JavaScript</noscript><!-- Статья 98. -->"
        "<p>Статья 1. Задачи</p><xml><w:WordDocument>Print</w:WordDocument></xml></body></html>"
    )
    assert _texts(html) == ["Статья 1. Задачи"]


def test_block_elements_give_blocks_with_tag_and_heading_level():
    html = (
        "<h1>Уголовный кодекс</h1><h3>Глава 1</h3><div>Статья 1. <b>Задачи</b></div>"
        "<ul><li>а) первое;</li><li>б) второе</li></ul><p>строка один<br>строка два</p>"
        "<table><tr><td>ячейка</td></tr></table>"
    )
    blocks = _blocks(html)
    assert [(b.text, b.style, b.heading_level) for b in blocks] == [
        ("Уголовный кодекс", "h1", 1),
        ("Глава 1", "h3", 3),
        ("Статья 1. Задачи", "div", None),
        ("а) первое;", "li", None),
        ("б) второе", "li", None),
        ("строка один", "p", None),
        ("строка два", "p", None),
        ("ячейка", "td", None),
    ]


def test_css_bold_and_centre_become_hints():
    # pravo.gov.ru: p.H (article headings) is bold, p.T (Раздел) bold and centred.
    html = (
        "<style>p.H{font-weight:bold} p.T{text-align:center; font-weight:bold;}</style>"
        '<p class="T">Раздел I. УГОЛОВНЫЙ ЗАКОН</p><p class="H">Статья 1. Задачи</p><p>Текст</p>'
    )
    assert [(b.bold, b.centered) for b in _blocks(html)] == [(True, True), (True, False), (False, False)]


# -- amendment notes the portal appends to the paragraph they amend --------------------------
REMARKS = [
    # RF CC art 127.1 part 1: the note after the sanction becomes a line of its own.
    (
        "<style>span.mark{font-style:italic}</style><p>наказываются лишением свободы на срок до шести лет. "
        '<span class="mark">(В редакции Федерального закона <a href="?x">от 07.12.2011 № 420-ФЗ</a>)</span></p>',
        [
            "наказываются лишением свободы на срок до шести лет.",
            "(В редакции Федерального закона от 07.12.2011 № 420-ФЗ)",
        ],
    ),
    # RF CC art 228 note: two notes split over spans, one bracket left outside them.
    (
        "<style>span.mark{font-style:italic}</style><p>утверждаются Правительством.&nbsp;"
        '<span class="mark">(Дополнение примечанием - Федеральный закон </span>'
        '<span class="mark">от 08.12.2003 № 162-ФЗ</span>)&nbsp;'
        '<span class="mark">(В редакции Федерального закона от 19.05.2010 № 87-ФЗ)</span></p>',
        [
            "утверждаются Правительством.",
            "(Дополнение примечанием - Федеральный закон от 08.12.2003 № 162-ФЗ)",
            "(В редакции Федерального закона от 19.05.2010 № 87-ФЗ)",
        ],
    ),
    # Italic words that are not a bracketed remark stay in the text.
    ("<p>лицо, именуемое <i>наемником</i></p>", ["лицо, именуемое наемником"]),
    # A bracketed italic remark in mid-sentence stays in the text.
    ("<p>деяние <i>(в том числе покушение)</i> наказывается</p>", ["деяние (в том числе покушение) наказывается"]),
]


@pytest.mark.parametrize(("html", "expected"), REMARKS)
def test_trailing_italic_remarks_become_their_own_lines(html, expected):
    assert _texts(html) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(A) (B (c))", ["(A)", "(B (c))"]),
        ("(A) tail", None),
        ("(A", None),
        ("", []),
    ],
)
def test_bracket_groups(text, expected):
    assert bracket_groups(text) == expected


def test_no_entity_is_resolved_and_nothing_is_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    html = (
        f'<!DOCTYPE html [<!ENTITY s SYSTEM "file://{secret}">]>'
        f'<html><head><link rel="stylesheet" href="file://{secret}"></head>'
        f'<body><p>Статья 1. &s;</p><iframe src="file://{secret}"></iframe></body></html>'
    )
    texts = _texts(html)
    assert not any("TOP-SECRET" in t for t in texts)
    # HTML has no internal DTD subset: the reference stays literal text, never the file.
    assert "Статья 1. &s;" in texts


_SOUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<br>",
            "<sup>",
            "</sup>",
            "<span class=W9>",
            "</span>",
            "<i>",
            "</i>",
            "<script>",
            "</script>",
            "<table><tr><td>",
            "<h2>",
            "&nbsp;",
            "&s;",
            "<!--",
            "-->",
            "\r\n",
            "\r",
            "Статья ",
            "127",
            "1",
            ". ",
            "(",
            ")",
            "В редакции",
            "Примечание.",
            "а)",
            "\x00",
            "\x07",
            "ё",
        ]
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(soup=_SOUP)
def test_keyword_soup_never_crashes_the_reader(soup):
    data = ("<style>.W9{vertical-align:super} span{font-style:italic}</style>" + "".join(soup)).encode()
    try:
        blocks = extract(Path("soup.html"), data).blocks
    except InputError:
        return
    for b in blocks:
        assert b.text and b.text == b.text.strip() and "\r" not in b.text and "\x07" not in b.text


# -- the real page ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def rf_blocks():
    path = corpus_file(RF)
    return extract(path, path.read_bytes())


@pytest.mark.corpus
def test_rf_page_reads_as_cyrillic_despite_its_charset(rf_blocks):
    texts = [b.text for b in rf_blocks.blocks]
    assert rf_blocks.title == "Уголовный кодекс Российской Федерации"
    assert "Уголовный кодекс Российской Федерации" in texts
    assert any("windows-1251" in w for w in rf_blocks.warnings)
    assert not any("Ð" in t or "\ufffd" in t for t in texts)  # no mojibake, no replacement marks


@pytest.mark.corpus
def test_rf_page_article_headings(rf_blocks):
    headings = [b.text for b in rf_blocks.blocks if re.match(r"Статья \d", b.text)]
    # 523 article headings on the page, each once.
    assert len(headings) == 523
    assert "Статья 127.1. Торговля людьми" in headings
    assert "Статья 127.2. Использование рабского труда" in headings
    assert "Статья 322.1. Организация незаконной миграции" in headings
    assert not any(h.startswith(("Статья 1271", "Статья 1272", "Статья 3221")) for h in headings)
    assert not any("\r" in b.text or "\xa0" in b.text for b in rf_blocks.blocks)


def _civil_grammar_ready() -> bool:
    return importlib.util.find_spec("lawgap.structure.civil") is not None


@pytest.fixture(scope="module")
def rf_law():
    if not _civil_grammar_ready():
        pytest.skip("the civil-law grammar (lawgap/structure/civil.py) is not in this tree yet")
    return corpus_law(RF)


@pytest.mark.corpus
def test_rf_code_end_to_end_has_523_articles_with_dotted_numbers(rf_law):
    arts = rf_law.articles()
    assert len(arts) == 523
    eids = {a.eid for a in arts}
    assert {"art_127-1", "art_127-2", "art_322-1", "art_1", "art_361"} <= eids
    assert not eids & {"art_1271", "art_1272", "art_3221"}
    assert rf_law.language == "ru" and rf_law.style == "civil" and rf_law.country == "RU"
    assert rf_law.kind == "criminal_code"


TRAFFICKING = [
    # (eid, kind, num, heading or None, start of text): RF CC art 127.1 "Торговля людьми".
    ("art_127-1", "article", "127.1", "Торговля людьми", ""),
    ("art_127-1__para_1", "paragraph", "1", None, "Купля-продажа человека, иные сделки в отношении человека"),
    ("art_127-1__para_2", "paragraph", "2", None, "Те же деяния, совершенные:"),
    ("art_127-2", "article", "127.2", "Использование рабского труда", ""),
    ("art_322-1", "article", "322.1", "Организация незаконной миграции", ""),
]


@pytest.mark.corpus
@pytest.mark.parametrize(("eid", "kind", "num", "heading", "text"), TRAFFICKING)
def test_rf_trafficking_provisions(rf_law, eid, kind, num, heading, text):
    p = rf_law.by_eid[eid]
    assert (p.kind, p.num) == (kind, num)
    if heading is not None:
        assert p.heading == heading
    assert p.text.startswith(text)


@pytest.mark.corpus
def test_rf_127_1_items_and_amendment_notes(rf_law):
    items = rf_law.children("art_127-1__para_2")
    # Part 2 lists nine aggravating circumstances, "а" to "и".
    assert [i.num for i in items] == list("абвгдежзи")
    part1 = rf_law.by_eid["art_127-1__para_1"]
    # The amendment note printed after the sanction is metadata, not the law's words.
    assert "(В редакции Федерального закона от 07.12.2011 № 420-ФЗ)" in part1.notes
    assert "В редакции" not in part1.text
    assert not any(re.search(r"\((?:В редакции|Дополнение|Утратил)", p.text) for p in rf_law.provisions), (
        "an amendment note was left in a provision's text"
    )
