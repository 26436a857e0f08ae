"""The Word reader, on small built packages and on the four Kyrgyz codes of the corpus."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from lawgap.errors import InputError
from lawgap.model import Law
from lawgap.parsers.docx import extract
from tests.conftest import corpus_file, corpus_law

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(body: str, numbering: str | None = None, header: str | None = None) -> bytes:
    """A minimal .docx package with the given <w:body> content."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
        )
        if numbering:
            z.writestr(
                "word/numbering.xml", f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
            )
        if header:
            z.writestr("word/header1.xml", f'<?xml version="1.0"?><w:hdr xmlns:w="{W_NS}">{header}</w:hdr>')
    return out.getvalue()


def para(*runs: str, center: bool = False, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if center or num:
        jc = '<w:jc w:val="center"/>' if center else ""
        numpr = f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else ""
        ppr = f"<w:pPr>{numpr}{jc}</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def run(text: str, sup: bool = False) -> str:
    rpr = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' if sup else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def texts(data: bytes) -> list[str]:
    return [b.text for b in extract(Path("t.docx"), data).blocks]


# -- the reader ----------------------------------------------------------------------------


def test_superscript_article_number_reads_as_hyphen() -> None:
    # KG CC: "Статья 205<sup>1</sup>. Скотокрадство"; Kyrgyz "205<sup>1</sup>-берене. Мал уурдоо"
    data = make_docx(
        para(run("Статья 205"), run("1", sup=True), run(". Скотокрадство"))
        + para(run("205"), run("1", sup=True), run("-берене. Мал уурдоо"))
        + para(run("площадь 10 м"), run("2", sup=True))
    )
    assert texts(data) == ["Статья 205-1. Скотокрадство", "205-1-берене. Мал уурдоо", "площадь 10 м2"]


def test_body_order_tables_empty_paragraphs_and_centering() -> None:
    data = make_docx(
        para(run("УГОЛОВНЫЙ КОДЕКС"), center=True)
        + para(run("\u00a0"))
        + para()
        + "<w:tbl><w:tr><w:tc>" + para(run("ячейка 1")) + "</w:tc>"
        + "<w:tc>" + para(run("ячейка 2")) + "</w:tc></w:tr></w:tbl>"
        + para(run("Статья"), "<w:r><w:tab/></w:r>", run("1."), run("  Текст"))
    , header=para(run("Колонтитул")))  # fmt: skip
    blocks = extract(Path("t.docx"), data).blocks
    assert [b.text for b in blocks] == ["УГОЛОВНЫЙ КОДЕКС", "ячейка 1", "ячейка 2", "Статья 1. Текст"]
    assert blocks[0].centered and not blocks[1].centered


def test_automatic_numbering_is_rendered() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
    )
    data = make_docx(
        para(run("Первая часть:"), num=(5, 0))
        + para(run("пункт;"), num=(5, 1))
        + para(run("пункт."), num=(5, 1))
        + para(run("Вторая часть."), num=(5, 0)),
        numbering=numbering,
    )
    assert texts(data) == ["1. Первая часть:", "1) пункт;", "2) пункт.", "2. Вторая часть."]


@pytest.mark.parametrize(
    "data,problem",
    [
        (make_docx(para(run("Статья 1. Текст")))[:200], "damaged"),  # truncated download
        (b"PK\x03\x04" + b"\x00" * 100, "damaged"),
        (make_docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "not well-formed"),
        (make_docx(para(run("\u00a0"))), "no text"),
    ],
)
def test_damaged_packages_raise_input_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as err:
        extract(Path("law.docx"), data)
    assert problem in str(err.value) and "law.docx" in str(err.value)


def test_package_without_document_part() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/styles.xml", "<x/>")
    with pytest.raises(InputError, match="no word/document.xml"):
        extract(Path("x.docx"), out.getvalue())


def test_truncated_corpus_docx_is_an_input_error(tmp_path: Path) -> None:
    data = corpus_file("kg/criminal_code_2021_ru.docx").read_bytes()
    from lawgap.parsers import load_law

    bad = tmp_path / "cut.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError):
        load_law(bad)


# -- the Kyrgyz codes ----------------------------------------------------------------------

CC_RU, CC_KY = "kg/criminal_code_2021_ru.docx", "kg/criminal_code_2021_ky.docx"
CPC_RU, CPC_KY = "kg/criminal_procedure_code_2021_ru.docx", "kg/criminal_procedure_code_2021_ky.docx"

# Inserted articles, established with grep over the Word XML (superscript or "-1" numbers).
CC_INSERTED = [
    *("71-1", "152-1", "160-1", "205-1", "209-1", "212-1", "212-2", "219-1"),
    *("228-1", "231-1", "240-1", "242-1", "292-1", "332-1", "338-1", "371-1"),
]
CPC_INSERTED = ["109-1", "290-1"]


def expected_articles(last: int, inserted: list[str]) -> list[str]:
    nums = [str(n) for n in range(1, last + 1)] + inserted
    return sorted((f"art_{n}" for n in nums), key=lambda e: [int(x) for x in e[4:].split("-")])


def article_eids(law: Law) -> list[str]:
    return [a.eid for a in law.articles()]


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel,last,inserted,repealed",
    [
        # CC: 432 headings, articles 1-416 and 16 inserted ones. The README's and the "431" is
        # what a plain count of "Статья N." / "N-берене." finds: the Russian text prints art 240-1 as
        # "240¹", the Kyrgyz one art 228-1 as "228¹. ..." without "-берене"; both are articles.
        # Art 219 is printed only as a heading with "(Утратила силу ... от 30 июня 2022 года № 51)":
        # it stays (its number is taken; the RF code's 523 likewise counts its 14 repealed articles)
        # and is listed as repealed.
        (CC_RU, 416, CC_INSERTED, ("219",)),
        (CC_KY, 416, CC_INSERTED, ("219",)),
        # CPC: articles 1-546 plus 109-1 (superscript "109¹") and 290-1 = 548, none repealed.
        (CPC_RU, 546, CPC_INSERTED, ()),
        (CPC_KY, 546, CPC_INSERTED, ()),
    ],
)
def test_every_article_in_order(rel: str, last: int, inserted: list[str], repealed: tuple[str, ...]) -> None:
    law = corpus_law(rel)
    assert article_eids(law) == expected_articles(last, inserted)
    assert len(law.articles()) == {416: 432, 546: 548}[last]
    assert law.repealed == tuple(f"art_{n}" for n in repealed)
    for eid in law.repealed:
        assert law.by_eid[eid].notes and not law.full_text(eid)


@pytest.mark.corpus
@pytest.mark.parametrize("ru,ky", [(CC_RU, CC_KY), (CPC_RU, CPC_KY)])
def test_russian_and_kyrgyz_ids_align(ru: str, ky: str) -> None:
    lru, lky = corpus_law(ru), corpus_law(ky)
    assert article_eids(lru) == article_eids(lky)
    containers = ("part", "section", "chapter")
    assert [p.eid for p in lru.provisions if p.kind in containers] == [
        p.eid for p in lky.provisions if p.kind in containers
    ]
    # below the article the two texts differ only where the sources do (a missing item, "-" bullets)
    eru, eky = {p.eid for p in lru.provisions}, {p.eid for p in lky.provisions}
    assert len(eru ^ eky) < 0.01 * len(eru)


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel,first_words",
    [(CC_RU, "Торговля людьми, то есть их вербовка, перевозка"), (CC_KY, "Адамдарды соодалоо, башкача айтканда")],
)
def test_trafficking_article_166(rel: str, first_words: str) -> None:
    law = corpus_law(rel)
    kids = law.children("art_166")
    assert [k.eid for k in kids] == [
        "art_166__para_1",
        "art_166__para_2",
        "art_166__para_3",
        "art_166__para_4",
        "art_166__note_nn_1",
    ]
    assert law.by_eid["art_166__para_1"].text.startswith(first_words)
    assert len(law.children("art_166__para_2")) == 6  # six aggravating circumstances
    assert len(law.children("art_166__para_3")) == 5


@pytest.mark.corpus
def test_article_166_heading_and_note() -> None:
    law = corpus_law(CC_RU)
    assert law.by_eid["art_166"].heading == "Торговля людьми"
    note = law.by_eid["art_166__note_nn_1"]
    assert note.kind == "note" and note.text.startswith("Под вербовкой понимается")
    # the sanction after "5) в составе преступного сообщества, –" is part 3's, not item 5's
    assert "от восьми до одиннадцати лет" in law.by_eid["art_166__para_3"].text
    assert "наказывается" not in law.by_eid["art_166__para_3__point_5"].text


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [CC_RU, CC_KY])
def test_note_of_article_168(rel: str) -> None:
    law = corpus_law(rel)
    note = law.by_eid["art_168__note_nn_1"]
    assert note.kind == "note" and note.parent == "art_168"


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [CPC_RU, CPC_KY])
def test_cpc_article_79_part_2_has_three_items(rel: str) -> None:
    law = corpus_law(rel)
    items = law.children("art_79__para_2")
    assert [i.eid for i in items] == [f"art_79__para_2__point_{n}" for n in (1, 2, 3)]
    assert all(i.kind == "point" for i in items)


@pytest.mark.corpus
@pytest.mark.parametrize("rel", [CC_RU, CC_KY, CPC_RU, CPC_KY])
def test_amendment_notes_are_not_text(rel: str) -> None:
    law = corpus_law(rel)
    bracketed = [
        p.eid
        for p in law.provisions
        for line in p.text.split("\n")
        if line.startswith("(") and ("редакц" in line or "Мыйзам" in line)
    ]
    assert bracketed == []
    assert sum(len(p.notes) for p in law.provisions) > 40


@pytest.mark.corpus
def test_amendment_note_on_article_228_1() -> None:
    law = corpus_law(CC_RU)
    assert law.by_eid["art_228-1"].notes == ("(В редакции Закона Кыргызской Республики от 22 июня 2023 № 122)",)
    assert law.by_eid["art_228-1"].heading == "Разглашение сведений, содержащихся в специальной декларации"


@pytest.mark.corpus
@pytest.mark.parametrize(
    "rel,title",
    [
        (CC_RU, "УГОЛОВНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ"),
        (CC_KY, "Кыргыз Республикасынын Кылмыш-жаза кодекси"),
        (CPC_RU, "УГОЛОВНО-ПРОЦЕССУАЛЬНЫЙ КОДЕКС КЫРГЫЗСКОЙ РЕСПУБЛИКИ"),
    ],
)
def test_titles_and_no_leading_block(rel: str, title: str) -> None:
    law = corpus_law(rel)
    assert law.title == title
    assert law.provisions[0].eid == "part_1"  # preamble lines are law notes, not provisions
    assert "С.Н. Жапаров" in " ".join(law.notes).replace("С.Н.Жапаров", "С.Н. Жапаров")


@pytest.mark.corpus
def test_sections_and_chapters_of_the_criminal_code() -> None:
    law = corpus_law(CC_KY)
    sections = [p for p in law.provisions if p.kind == "section"]
    # "Х" and "ХI" are typed with a Cyrillic Х in the Kyrgyz text
    assert [s.num for s in sections] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    assert len([p for p in law.provisions if p.kind == "chapter"]) == 51
    assert law.by_eid["art_166"].parent == law.by_eid["art_165"].parent


@pytest.mark.corpus
def test_definitions_annex_of_the_criminal_code() -> None:
    law = corpus_law(CC_RU)
    annex = law.by_eid["annex_1"]
    assert annex.parent is None and annex.heading.startswith("Значение терминов")
    assert law.by_eid["annex_1__para_18"].text.startswith("Притон")
    assert "art_416__para_18" not in law.by_eid
