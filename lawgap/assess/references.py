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

from lawgap.assess.findings import law_id
from lawgap.assess.index import articles_of
from lawgap.assess.match import Hit
from lawgap.cache import DiskCache
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

        key = hashlib.sha256("".join(sorted(law.sha256 for law in self._laws)).encode()).hexdigest()
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

    def _build(self) -> dict[tuple[str, str], tuple[tuple[tuple[str, str], str], ...]]:
        by_sha = {law.sha256: law for law in self._laws}
        article = {law.sha256: articles_of(law) for law in self._laws}
        out: dict[tuple[str, str], dict[tuple[tuple[str, str], str], None]] = defaultdict(dict)
        whole: dict[tuple[str, str], dict[tuple[str, str], None]] = defaultdict(dict)
        for citing, eid, cited, resolved in self._links():
            if citing not in by_sha or cited not in by_sha or eid not in article[citing]:
                continue
            src = (self._group[law_id(by_sha[citing])], article[citing][eid])
            for target in resolved:
                target_article = article[cited].get(target, target)
                dst = (self._group[law_id(by_sha[cited])], target_article)
                if dst == src:
                    continue
                if target != target_article:
                    out[src][(dst, target)] = None
                elif len(resolved) == 1:
                    whole[src][dst] = None
        self._whole = {k: tuple(v) for k, v in whole.items()}
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
