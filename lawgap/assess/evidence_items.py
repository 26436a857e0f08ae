"""How the hits of one article become the evidence a finding shows: one item per language version, with the
sentence that holds most of the rule's elements as its excerpt, the words found and the words that limit them.

Reads: the hits of one article (lawgap.assess.match) and its laws. Writes: `Evidence` items (lawgap.assess.findings).
"""

from __future__ import annotations

from collections import defaultdict

from lawgap.assess.findings import Evidence, law_id
from lawgap.assess.hit import Hit
from lawgap.model import Law

EXCERPT_CHARS = 320


def excerpt(law: Law, hit: Hit) -> str:
    p = law.by_eid[hit.eid]
    source = (p.heading if hit.field == "heading" else p.text) or ""
    a, b = hit.sentence
    text = source[a:b].strip()
    if len(text) > EXCERPT_CHARS:
        centre = hit.span[0] - a
        lo = max(0, min(centre - EXCERPT_CHARS // 3, len(text) - EXCERPT_CHARS))
        text = ("…" if lo else "") + text[lo : lo + EXCERPT_CHARS].strip() + "…"
    return text


def cell_evidence(
    article: str, found: dict[str, list[Hit]], by_sha: dict[str, Law], score: float, via: str | None = None
) -> list[Evidence]:
    """Evidence items for one article, one per language version in which it was found."""
    per_law: dict[str, list[Hit]] = defaultdict(list)
    for hits in found.values():
        for h in hits:
            per_law[h.law].append(h)
    out = []
    for sha, hits in sorted(per_law.items(), key=lambda kv: by_sha[kv[0]].language != "ru"):
        law = by_sha[sha]
        hits.sort(key=lambda h: (h.eid, h.span))
        best = max(hits, key=lambda h: len({x.element for x in hits if x.sentence == h.sentence and x.eid == h.eid}))
        art = law.by_eid.get(article)
        out.append(
            Evidence(
                law=law_id(law),
                eid=best.eid,
                article=article,
                num=art.num if art is not None else None,
                score=round(score, 3),
                excerpt=excerpt(law, best),
                language=law.language,
                elements=tuple(sorted({h.element for h in hits})),
                words=tuple(dict.fromkeys(h.words for h in hits)),
                limited_by=tuple(sorted({w for h in hits for w in h.limited_by})),
                fuzzy=any(h.fuzzy for h in hits),
                via=via,
            )
        )
    return out
