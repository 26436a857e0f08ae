"""Coverage per country and per rule: met, partial or gap, a score, and the evidence behind it.

Reads: the laws of one country and the hits of lawgap.assess.match. Writes: frozen `Finding`s.

A requirement is met by a provision, so a rule's elements are looked for together in one
article-level provision (the article and its parts, items and notes). The article holding the
most of the rule's weight is the rule's main evidence; the rule is
- `met` when that article holds every mandatory element and no limitation was seen on them;
- `partial` when it holds some of them, or all but with a limiting word in the same sentence;
- `gap` when no element was found in any law supplied.
Two language versions of one code (same country and kind, same article ids) count once: their
hits are pooled per article id and the evidence shows the text in each language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from lawgap.assess.explain import reasons, render
from lawgap.assess.findings import (
    CountryScore,
    ElementResult,
    Evidence,
    Finding,
    LawRef,
    Limitation,
    Part,
    element_weight,
    judge,
    law_id,
    summarise,
)
from lawgap.assess.match import Hit
from lawgap.assess.reading import read_law
from lawgap.assess.references import ReferenceMap, borrow, sources
from lawgap.model import Law
from lawgap.rules import Rule, RuleSet, load_rules

MAX_EVIDENCE = 12
EXCERPT_CHARS = 320


def _parallel_groups(laws: Sequence[Law]) -> dict[str, str]:
    """Maps each law id to the id of its group: versions of one code in several languages share one."""
    ids = {law.sha256: law_id(law) for law in laws}
    group: dict[str, str] = {}
    primary: list[Law] = []
    for law in sorted(laws, key=lambda x: (x.language != "ru", x.language)):
        eids = {p.eid for p in law.articles()}
        for other in primary:
            if other.kind == law.kind and other.country == law.country and law.kind is not None:
                oeids = {p.eid for p in other.articles()}
                if eids and len(eids & oeids) >= 0.9 * max(len(eids), len(oeids)):
                    group[ids[law.sha256]] = group[ids[other.sha256]]
                    break
        else:
            primary.append(law)
            group[ids[law.sha256]] = ids[law.sha256]
    return group


def _excerpt(law: Law, hit: Hit) -> str:
    p = law.by_eid[hit.eid]
    source = (p.heading if hit.field == "heading" else p.text) or ""
    a, b = hit.sentence
    text = source[a:b].strip()
    if len(text) > EXCERPT_CHARS:
        centre = hit.span[0] - a
        lo = max(0, min(centre - EXCERPT_CHARS // 3, len(text) - EXCERPT_CHARS))
        text = ("…" if lo else "") + text[lo : lo + EXCERPT_CHARS].strip() + "…"
    return text


def assess_rule(
    rule: Rule,
    laws: Sequence[Law],
    hits_by_law: dict[str, list[Hit]],
    group: dict[str, str],
    refs: ReferenceMap | None = None,
    excluded: tuple[Limitation, ...] = (),
) -> Finding:
    """One rule's finding from the hits in every law of the country; `excluded`: the scopes by which laws
    leave out every person the rule is about (lawgap.assess.scope), named in its explanation."""
    by_sha = {law.sha256: law for law in laws}
    total = sum(element_weight(e.mandatory) for e in rule.elements) or 1.0
    # (group, article eid) -> element id -> hits
    cells: dict[tuple[str, str], dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    for sha, hits in hits_by_law.items():
        g = group[law_id(by_sha[sha])]
        for h in hits:
            cells[(g, h.article)][h.element].append(h)
    if any(e.near_anchor for e in rule.elements):
        _keep_near_anchor(rule, cells, by_sha)

    borrowed = borrow(rule, cells, refs) if refs is not None else {}
    required_beside = {e.id for e in rule.elements if e.mandatory and not e.anchor}

    def cell_score(cell: tuple[str, str]) -> float:
        found = set(cells[cell]) | set(borrowed.get(cell, {}))
        if any(e.anchor and e.id not in found for e in rule.elements):
            return 0.0
        if required_beside and not found & required_beside:
            # it names only what the rule is about (the victim), perhaps with a qualifier of the
            # missing requirement ("акысыз", free): no evidence
            return 0.0
        return sum(element_weight(e.mandatory) for e in rule.elements if e.id in found) / total

    def strength(cell: tuple[str, str]) -> tuple:
        """Best first: more of the rule's weight, then fewer limited elements (an unlimited statement
        is the better evidence), then more of its elements, then more words found; the article
        number only settles what is left, in the law's own order."""
        found = cells[cell]
        limited = sum(1 for hits in found.values() if _limits(hits))
        return (-cell_score(cell), limited, -len(found), -sum(len(h) for h in found.values()), _natural(cell[1]))

    ranked = sorted(cells, key=strength)
    evidence: list[Evidence] = []
    for cell in ranked[:MAX_EVIDENCE]:
        if not cell_score(cell):
            break  # ranked best first: the rest lack an anchor or hold no required element
        evidence.extend(_cell_evidence(cell[1], cells[cell], by_sha, cell_score(cell)))
        if cell == ranked[0]:
            for source, found in sources(borrowed.get(cell, {})).items():
                evidence.extend(_cell_evidence(source[1], found, by_sha, cell_score(cell), via=cell[1]))

    best = ranked[0] if ranked else None
    own = cells[best] if best else {}
    lent = borrowed.get(best, {}) if best else {}
    elements: list[ElementResult] = []
    for e in rule.elements:
        hits = own.get(e.id) or (lent[e.id][2] if e.id in lent else [])
        elements.append(
            ElementResult(
                id=e.id,
                label=e.label_en,
                mandatory=e.mandatory,
                found=bool(hits),
                limited_by=_limits(hits),
                evidence=tuple(ev for ev in evidence[:3] if e.id in ev.elements),
                via=lent[e.id][1] if e.id in lent and e.id not in own else None,
                aggravating_only=bool(hits) and all(h.aggravating for h in hits),
            )
        )
    status, score = judge(rule, elements, cell_score(best) if best else 0.0)
    why = reasons(rule, status, elements, evidence, laws) + tuple(Part("excluded", (x.words,)) for x in excluded)
    limited = {w for e in elements for w in e.limited_by}
    limits = [x for hits in own.values() for h in hits for x in h.limitations if x.words in limited]
    return Finding(
        rule,
        status,
        round(score, 3),
        tuple(elements),
        tuple(evidence),
        render(rule, elements, why),
        why=why,
        limitations=tuple(dict.fromkeys(limits)) + excluded,
    )


def _beside(hit: Hit, anchor: Hit, law: Law) -> bool:
    """Whether the anchor governs the hit: same sentence, a provision above it in the same article,
    the heading, or a lead-in ending in ':' before it. Both hits lie in one article of one law."""
    if anchor.law != hit.law:
        return False
    if anchor.eid != hit.eid:
        return any(p.eid == anchor.eid for p in law.ancestors(hit.eid))
    if anchor.field == "heading" or anchor.sentence == hit.sentence:
        return True
    if anchor.field != hit.field or anchor.sentence[1] > hit.sentence[0]:
        return False
    text = law.by_eid[hit.eid].text
    return text[anchor.sentence[0] : anchor.sentence[1]].rstrip().endswith(":")


def _keep_near_anchor(rule: Rule, cells: dict[tuple[str, str], dict[str, list[Hit]]], by_sha: dict[str, Law]) -> None:
    """Drop the hits of near_anchor elements that no anchor hit of their article governs."""
    anchors = [e.id for e in rule.elements if e.anchor]
    for cell, found in list(cells.items()):
        anchor_hits = [a for eid in anchors for a in found.get(eid, ())]
        for e in rule.elements:
            if e.near_anchor and e.id in found:
                kept = [h for h in found[e.id] if any(_beside(h, a, by_sha[h.law]) for a in anchor_hits)]
                if kept:
                    found[e.id] = kept
                else:
                    del found[e.id]
        if not found:
            del cells[cell]


def _natural(eid: str) -> tuple:
    """Sort key that puts art_40 before art_166 (numbers as numbers, not as text)."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", eid))


def _limits(hits: Sequence[Hit]) -> tuple[str, ...]:
    """Limiting words, only when every hit of the element is limited (one clean statement is enough)."""
    if not hits or not all(h.limited_by for h in hits):
        return ()
    return tuple(sorted({w for h in hits for w in h.limited_by}))


def _cell_evidence(
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
                excerpt=_excerpt(law, best),
                language=law.language,
                elements=tuple(sorted({h.element for h in hits})),
                words=tuple(dict.fromkeys(h.words for h in hits)),
                limited_by=tuple(sorted({w for h in hits for w in h.limited_by})),
                fuzzy=any(h.fuzzy for h in hits),
                via=via,
            )
        )
    return out


def score_country(country: str, laws: Sequence[Law], rules: RuleSet | None = None) -> CountryScore:
    """Every rule of the rule set assessed against one country's laws."""
    rules = rules if rules is not None else load_rules()
    readings = {law.sha256: read_law(law, rules.rules) for law in laws}
    group = _parallel_groups(laws)
    refs = ReferenceMap(laws, group)
    findings = []
    for rule in rules:
        hits = {sha: reading[rule.id][0] for sha, reading in readings.items()}
        excluded = tuple(x for reading in readings.values() for x in reading[rule.id][1])
        findings.append(assess_rule(rule, laws, hits, group, refs, excluded))
    cats, overall = summarise(findings)
    refs = tuple(
        LawRef(law_id(law), law.title, law.source, law.language, len(law.provisions), law.kind) for law in laws
    )
    return CountryScore(country, refs, tuple(findings), cats, overall)


