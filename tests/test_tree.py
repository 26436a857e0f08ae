"""The tree builder: ids, parents and spans as GUIDE.md defines them."""

from __future__ import annotations

from lawgap.structure.tree import TreeBuilder, eid_num


def test_ids_parents_and_spans():
    # The shape of KG Criminal Code art 166: a chapter, the article, parts, items and a note.
    b = TreeBuilder()
    b.open("chapter", "chp", "22", 40, "Преступления против свободы", line="Глава 22. Преступления против свободы")
    b.open("article", "art", "166", 50, "Торговля людьми", line="Статья 166. Торговля людьми")
    b.open("paragraph", "para", "1", 60)
    b.text("1. Торговля людьми наказывается")
    b.open("point", "point", "2", 70)
    b.text("2) в отношении двух лиц;")
    b.open("paragraph", "para", "4", 60)
    b.text("4. Вербовка ребенка")
    b.open("note", "note", None, 60)
    b.text("Примечание. Лицо освобождается")
    b.open("article", "art", "71.1", 50, "Прохождение программы", line="Статья 71.1. Прохождение программы")
    provs = {p.eid: p for p in b.provisions()}
    text = b.document_text()
    assert list(provs) == [
        "chp_22",
        "art_166",
        "art_166__para_1",
        "art_166__para_1__point_2",
        "art_166__para_4",
        "art_166__note_nn_1",
        "art_71-1",
    ]
    assert provs["art_166"].parent == "chp_22"
    assert provs["art_166__para_1__point_2"].parent == "art_166__para_1"
    assert provs["art_71-1"].parent == "chp_22"
    for eid, start_words in [
        ("art_166", "Статья 166."),
        ("art_166__para_1", "1. Торговля"),
        ("art_166__para_1__point_2", "2) в отношении"),
        ("art_166__note_nn_1", "Примечание."),
    ]:
        a, z = provs[eid].span
        assert text[a:z].startswith(start_words), (eid, text[a:z])


def test_repeated_ids_get_a_suffix():
    b = TreeBuilder()
    b.open("article", "art", "5", 50)
    b.open("article", "art", "5", 50)
    assert [p.eid for p in b.provisions()] == ["art_5", "art_5_dup2"]


def test_text_before_any_structure_is_an_unnumbered_block():
    b = TreeBuilder()
    b.text("…продолжение предыдущей статьи.")
    b.open("article", "art", "12", 50)
    assert [(p.eid, p.parent) for p in b.provisions()] == [("para_nn_1", None), ("art_12", None)]


def test_eid_num_keeps_the_printed_form():
    assert [eid_num(n) for n in ("127.1", "71-1", "XII", "а", " 3 )")] == ["127-1", "71-1", "XII", "а", "3"]
