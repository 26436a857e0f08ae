"""The graph of laws: nodes per provision, edges per resolved reference, unresolved kept."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import corpus_law

from lawgap.model import Law
from lawgap.refs.graph import build_graph, references_from, references_to, unresolved
from lawgap.structure.tree import TreeBuilder


def _law(spec: list[tuple], *, sha: str, kind: str) -> Law:
    """A Law from (kind, alias, num, rank, text) rows, through the real TreeBuilder."""
    tb = TreeBuilder()
    for k, alias, num, rank, text in spec:
        tb.open(k, alias, num, rank, None, f"{alias} {num}")
        if text:
            tb.text(text)
    return Law(
        title=kind,
        language="ru",
        style="civil",
        source="inline",
        sha256=sha,
        provisions=tb.provisions(),
        text=tb.document_text(),
        country="KG",
        kind=kind,
    )


# A procedure code citing itself, a loaded criminal code, and a law that is not loaded
# (the pattern of KG CPC art 112(4) and KG Criminal Code art 371-1).
CPC = _law(
    [
        ("article", "art", "77", 50, None),
        ("paragraph", "para", "1", 60, "меры безопасности"),
        ("paragraph", "para", "2", 60, "предостережение, см. часть 1 настоящей статьи"),
        ("article", "art", "79", 50, None),
        ("paragraph", "para", "1", 60, "меры, предусмотренные частями 1 и 2 статьи 77"),
        ("paragraph", "para", "2", 60, "залог не применяется по статье 122 Уголовного кодекса"),
        ("article", "art", "80", 50, "см. статью 5 Кодекса о правонарушениях и статью 999"),
    ],
    sha="cpc",
    kind="criminal_procedure_code",
)
CC = _law([("article", "art", "122", 50, "Убийство")], sha="cc", kind="criminal_code")


@pytest.fixture(scope="module")
def small():
    return build_graph([CPC, CC])


def test_nodes_are_every_provision_with_attributes(small) -> None:
    assert small.number_of_nodes() == len(CPC.provisions) + len(CC.provisions)
    assert small.nodes["cc", "art_122"]["kind"] == "article"
    assert small.nodes["cpc", "art_79__para_1"]["parent"] == "art_79"
    assert small.graph["laws"]["cc"]["kind"] == "criminal_code"


def test_edges_run_from_citing_to_cited_with_the_reference(small) -> None:
    assert small.has_edge(("cpc", "art_79__para_1"), ("cpc", "art_77__para_1"))
    assert small.has_edge(("cpc", "art_79__para_1"), ("cpc", "art_77__para_2"))
    assert small.has_edge(("cpc", "art_77__para_2"), ("cpc", "art_77__para_1"))
    (ref,) = small.edges[("cpc", "art_79__para_2"), ("cc", "art_122")]["references"]
    assert ref.text == "статье 122 Уголовного кодекса"
    # edges only join provisions that exist: no phantom nodes
    assert small.number_of_edges() == 4


def test_references_from_and_to(small) -> None:
    assert [r.text for r in references_from(small, "cpc", "art_79__para_2")] == ["статье 122 Уголовного кодекса"]
    assert references_from(small, "cpc", "art_79") == ()
    assert len(references_from(small, "cpc", "art_79", subtree=True)) == 2
    into_77 = references_to(small, "cpc", "art_77", subtree=True)
    assert {r.eid for r in into_77} == {"art_79__para_1", "art_77__para_2"}
    assert [r.eid for r in references_to(small, "cc", "art_122")] == ["art_79__para_2"]


def test_unresolved_are_kept_with_reasons(small) -> None:
    lost = unresolved(small)
    assert sorted(r.text for r in lost) == ["статью 5 Кодекса о правонарушениях", "статью 999"]
    assert {r.reason.split(":")[0] for r in lost} == {"law not loaded", "article 999 not found"}
    assert unresolved(small, "cc") == ()


def test_graph_from_given_references() -> None:
    """A caller may pass references it already resolved; the graph then uses those only."""
    from lawgap.refs.resolve import references

    refs = references([CPC, CC])
    g = build_graph([CPC, CC], refs[:1])
    assert g.number_of_edges() == len(refs[0].resolved or ())


@pytest.mark.corpus
def test_kg_graph() -> None:
    def kg(rel: str, kind: str) -> Law:
        law = corpus_law(rel)
        return law if law.kind else replace(law, kind=kind)

    cpc = kg("kg/criminal_procedure_code_2021_ru.docx", "criminal_procedure_code")
    cc = kg("kg/criminal_code_2021_ru.docx", "criminal_code")
    g = build_graph([cpc, cc])
    assert g.number_of_nodes() == len(cpc.provisions) + len(cc.provisions)
    # KG CPC art 112(4): bail is not applied to murder, art 122 of the Criminal Code
    citing = {r.eid for r in references_to(g, cc.sha256, "art_122")}
    assert "art_112__para_4" in citing
    # KG CPC art 79(1) takes the security measures of art 77 parts 1-4
    assert {r.eid for r in references_to(g, cpc.sha256, "art_77__para_1")} >= {"art_79__para_1"}
    # the Criminal Code's one citation of the Code of Offences (art 371-1) stays, unresolved
    lost = unresolved(g, cc.sha256)
    assert any(r.eid == "art_371-1" and r.reason.startswith("law not loaded") for r in lost)
    # the procedure code cites the criminal code about a hundred times
    cross = [(u, v) for u, v in g.edges if u[0] == cpc.sha256 and v[0] == cc.sha256]
    assert len(cross) >= 100
