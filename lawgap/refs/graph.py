"""The graph of laws: provisions as nodes, resolved cross-references as edges.

Reads: Laws and their resolved References. Writes: a networkx graph.

Later stages follow it to reach what a provision relies on (a definition cited from an
offence, a procedure cited from a protection measure). Nodes are `(law sha256, eid)` pairs,
so several laws, and the Russian and Kyrgyz versions of one code, live in one graph. Each edge
runs from the citing provision to a cited one and keeps the `Reference`s behind it; references
that did not resolve are kept in `graph.graph["unresolved"]`, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from lawgap.model import Law
from lawgap.refs.reference import Reference
from lawgap.refs.resolve import references

Node = tuple[str, str]


def build_graph(laws: Sequence[Law], refs: Iterable[Reference] | None = None) -> nx.DiGraph:
    """A DiGraph over every provision of `laws`; `refs` default to `references(laws)`."""
    graph = nx.DiGraph()
    graph.graph["laws"] = {
        law.sha256: {
            "title": law.title,
            "kind": law.kind,
            "country": law.country,
            "language": law.language,
            "source": law.source,
        }
        for law in laws
    }
    for law in laws:
        for p in law.provisions:
            graph.add_node(
                (law.sha256, p.eid),
                law=law.sha256,
                eid=p.eid,
                kind=p.kind,
                num=p.num,
                heading=p.heading,
                parent=p.parent,
            )
    unresolved: list[Reference] = []
    for ref in references(laws) if refs is None else refs:
        if not ref.is_resolved or ref.target_law is None:
            unresolved.append(ref)
            continue
        src = (ref.law, ref.eid)
        for eid in ref.resolved or ():
            dst = (ref.target_law, eid)
            if graph.has_edge(src, dst):
                graph.edges[src, dst]["references"] += (ref,)
            else:
                graph.add_edge(src, dst, references=(ref,))
    graph.graph["unresolved"] = tuple(unresolved)
    return graph


def _subtree_nodes(graph: nx.DiGraph, law: str, eid: str) -> set[Node]:
    """The provision and its descendants (by the `parent` attribute) present in the graph."""
    kids: dict[str | None, list[str]] = {}
    for (sha, e), data in graph.nodes(data=True):
        if sha == law:
            kids.setdefault(data.get("parent"), []).append(e)
    out, stack = set(), [eid]
    while stack:
        e = stack.pop()
        out.add((law, e))
        stack.extend(kids.get(e, ()))
    return out


def references_from(graph: nx.DiGraph, law: str, eid: str, *, subtree: bool = False) -> tuple[Reference, ...]:
    """The resolved references made by a provision (and its parts and items, if `subtree`)."""
    sources = _subtree_nodes(graph, law, eid) if subtree else {(law, eid)}
    out: list[Reference] = []
    for src in sources:
        if src not in graph:
            continue
        for _, _, data in graph.out_edges(src, data=True):
            out.extend(data["references"])
    return _unique_sorted(out)


def references_to(graph: nx.DiGraph, law: str, eid: str, *, subtree: bool = False) -> tuple[Reference, ...]:
    """The resolved references that cite a provision (or anything inside it, if `subtree`)."""
    targets = _subtree_nodes(graph, law, eid) if subtree else {(law, eid)}
    out: list[Reference] = []
    for dst in targets:
        if dst not in graph:
            continue
        for _, _, data in graph.in_edges(dst, data=True):
            out.extend(data["references"])
    return _unique_sorted(out)


def unresolved(graph: nx.DiGraph, law: str | None = None) -> tuple[Reference, ...]:
    """References that did not resolve, with their reasons (of one citing law, if given)."""
    refs = graph.graph.get("unresolved", ())
    return tuple(r for r in refs if law is None or r.law == law)


def _unique_sorted(refs: Iterable[Reference]) -> tuple[Reference, ...]:
    return tuple(sorted(set(refs), key=lambda r: (r.law, r.eid, r.span)))
