"""What an article relies on from the provisions it cites precisely, so their words count for it.

Reads: the resolved references of the loaded laws (lawgap.refs, cached per set of files) and the

hits of one rule per article. Writes: for each article missing an element, where that element is
found in a part or item it cites ("in the cases of part 2 of article 21, ... shall invite an
interpreter").
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from lawgap.assess.findings import law_id
from lawgap.assess.hit import Hit
from lawgap.assess.index import articles_of
from lawgap.assess.match import redirects
from lawgap.cache import DiskCache, code_digest
from lawgap.model import Law
from lawgap.rules import Rule

MAX_RELIED_ON = 3
# Resolved references per set of law files: finding and resolving them costs more than scoring.
_REFS_CACHE = DiskCache("refs", 1)


class ReferenceMap:
    """What each article cites precisely (a part or item of another article), computed on first use.

    A provision often relies on another for part of its meaning ("in the cases of part 2 of
    article 21, ... shall invite an interpreter"): an element missing from an article but present
    in the part it cites counts for it, shown as found through that reference. Only precise
    references lend words: one to a whole article, or an article citing many, names what it
    applies to (a list of offences, a jurisdiction rule), not words it relies on.
    """

    def __init__(self, laws: Sequence[Law], group: dict[str, str]):
        self._laws = laws
        self._group = group
        self._cited: dict[tuple[str, str], tuple[tuple[tuple[str, str], str], ...]] | None = None
        self._whole: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._citing: dict[tuple[str, str], dict[str, frozenset[tuple[str, str]]]] = {}

    def cited(self, cell: tuple[str, str]) -> tuple[tuple[tuple[str, str], str], ...]:
        """(article cell, cited eid) pairs that `cell` relies on."""
        if self._cited is None:
            self._cited = self._build()
        cited = self._cited.get(cell, ())
        return cited if len({c for c, _ in cited}) <= MAX_RELIED_ON else ()

    def _links(self) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """(citing law, citing eid, cited law, cited eids) of every resolved reference, cached on disk
        per set of law files, since finding and resolving them costs more than scoring."""
        from lawgap.refs.resolve import references

        # the laws and the code that finds and resolves references: a grammar change is never read from an old entry
        laws = "".join(sorted(law.sha256 for law in self._laws))
        key = hashlib.sha256((laws + code_digest(("refs/*.py",))).encode()).hexdigest()
        data = _REFS_CACHE.get(key)
        if data is not None:
            try:
                return [(a, b, c, tuple(d)) for a, b, c, d in json.loads(data)]
            except (ValueError, TypeError):
                pass
        links = [
            (r.law, r.eid, r.target_law, r.resolved) for r in references(self._laws) if r.resolved and r.target_law
        ]
        _REFS_CACHE.put(key, json.dumps(links).encode())
        return links

    def whole(self, cell: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        """The articles `cell` cites whole and alone ("an offence under section 3"): they can lend only
        what the rule is about (its anchor), never the words of the obligation."""
        if self._cited is None:
            self._cited = self._build()
        return self._whole.get(cell, ())

    def citing(self, cell: tuple[str, str]) -> dict[str, frozenset[tuple[str, str]]]:
        """For each provision of the article `cell` that cites other articles: the articles it cites."""
        if self._cited is None:
            self._cited = self._build()
        return self._citing.get(cell, {})

    def _build(self) -> dict[tuple[str, str], tuple[tuple[tuple[str, str], str], ...]]:
        by_sha = {law.sha256: law for law in self._laws}
        article = {law.sha256: articles_of(law) for law in self._laws}
        out: dict[tuple[str, str], dict[tuple[tuple[str, str], str], None]] = defaultdict(dict)
        whole: dict[tuple[str, str], dict[tuple[str, str], None]] = defaultdict(dict)
        citing: dict[tuple[str, str], dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
        for citing_law, eid, cited, resolved in self._links():
            if citing_law not in by_sha or cited not in by_sha or eid not in article[citing_law]:
                continue
            if redirects(by_sha[citing_law].by_eid[eid].text or ""):
                continue  # "содеянное квалифицируется по статье 135": the act belongs there, nothing is lent here
            src = (self._group[law_id(by_sha[citing_law])], article[citing_law][eid])
            for target in resolved:
                target_article = article[cited].get(target, target)
                dst = (self._group[law_id(by_sha[cited])], target_article)
                if dst == src:
                    continue
                citing[src][eid].add(dst)
                if target != target_article:
                    out[src][(dst, target)] = None
                elif len(resolved) == 1:
                    whole[src][dst] = None
        self._whole = {k: tuple(v) for k, v in whole.items()}
        self._citing = {k: {e: frozenset(t) for e, t in v.items()} for k, v in citing.items()}
        return {k: tuple(v) for k, v in out.items()}


def borrow(
    rule: Rule, cells: dict[tuple[str, str], dict[str, list[Hit]]], refs: ReferenceMap
) -> dict[tuple[str, str], dict[str, tuple[tuple[str, str], str, list[Hit]]]]:
    """For each article holding a mandatory element but not all: the missing elements found in the
    provisions it cites, as (the cited article's cell, the cited eid, the hits there)."""
    mandatory = {e.id for e in rule.elements if e.mandatory}
    anchors = {e.id for e in rule.elements if e.anchor}
    out: dict[tuple[str, str], dict[str, tuple[tuple[str, str], str, list[Hit]]]] = {}
    for cell, found in list(cells.items()):
        missing = [e.id for e in rule.elements if e.id not in found]
        if not missing or not mandatory & set(found):
            continue
        for target, cited_eid in refs.cited(cell):
            there = cells.get(target)
            if not there:
                continue
            for eid in missing:
                hits = [h for h in there.get(eid, ()) if h.eid == cited_eid or h.eid.startswith(cited_eid + "__")]
                if hits and eid not in out.get(cell, {}):
                    out.setdefault(cell, {})[eid] = (target, cited_eid, hits)
        for target in refs.whole(cell):
            there = cells.get(target)
            for eid in anchors.intersection(missing):
                if there and there.get(eid) and eid not in out.get(cell, {}):
                    out.setdefault(cell, {})[eid] = (target, target[1], there[eid])
    return out


def carry_limits(cells: dict[tuple[str, str], dict[str, list[Hit]]], refs: ReferenceMap) -> None:
    """A provision that does a thing "в случаях, предусмотренных статьей 37" does it on that article's terms: where
    every hit of an element in the cited article is limited (only for a victim "участвующему в уголовном деле",
    "не более чем на один год"), the citing provision's hits of that element take those limits, each still naming
    the place it is printed (a competence article that cites the granting one is no unlimited grant). A weaker wording
    there (a `partly` cue: "участники процесса" for migrants) is that article's, not a term of what cites it."""
    for cell in list(cells):
        for eid, targets in refs.citing(cell).items():
            for element, hits in cells[cell].items():
                carried = [
                    x
                    for target in sorted(targets)
                    if target in cells and target != cell and all(h.limited_by for h in cells[target].get(element, ()))
                    for h in cells[target].get(element, ())
                    for x in h.limitations
                    if x.kind != "partly"
                ]
                if not carried:
                    continue
                cells[cell][element] = [
                    replace(
                        h,
                        limited_by=tuple(dict.fromkeys((*h.limited_by, *(x.words for x in carried)))),
                        limitations=tuple(dict.fromkeys((*h.limitations, *carried))),
                    )
                    if (h.eid == eid or h.eid.startswith(eid + "__")) and not h.limited_by
                    else h
                    for h in hits
                ]


def sources(
    lent: dict[str, tuple[tuple[str, str], str, list[Hit]]],
) -> dict[tuple[str, str], dict[str, list[Hit]]]:
    """Borrowed elements grouped by the article they come from."""
    out: dict[tuple[str, str], dict[str, list[Hit]]] = defaultdict(dict)
    for element, (source, cited, hits) in lent.items():
        if cited != source[1]:
            # an article cited whole lends only what the rule is about: it is context, not evidence
            out[source][element] = hits
    return out


def general_part_lends(
    rule: Rule, cells: dict[tuple[str, str], dict[str, list[Hit]]], order: Callable[[str], tuple]
) -> dict[tuple[str, str], dict[str, tuple[tuple[str, str], list[Hit]]]]:
    """For a rule the General Part meets with several articles (attempt in one, complicity and the organiser in
    another): each article holding some of its elements reads the rest from the article of the same law that
    says each most often (then the first in the law's order, `order`). A lawyer reads the General Part as one."""
    if not rule.general_part or len(rule.elements) < 2:
        return {}
    best: dict[tuple[str, str], tuple[tuple[str, str], list[Hit]]] = {}  # (law group, element) -> its article
    for cell in sorted(cells, key=lambda c: order(c[1])):
        for element, hits in cells[cell].items():
            own = [h for h in hits if not h.aggravating]
            held = best.get((cell[0], element))
            if own and (held is None or len(own) > len(held[1])):
                best[(cell[0], element)] = (cell, own)
    out: dict[tuple[str, str], dict[str, tuple[tuple[str, str], list[Hit]]]] = {}
    for cell, found in cells.items():
        for e in rule.elements:
            lender = best.get((cell[0], e.id))
            if e.id not in found and lender and lender[0] != cell:
                out.setdefault(cell, {})[e.id] = lender
    return out
