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

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lawgap.assess.match import Hit, LawIndex, articles_of, lexicon, rule_hits
from lawgap.cache import DiskCache
from lawgap.model import Law
from lawgap.refs.labels import provision_label
from lawgap.rules import Rule, RuleSet, load_rules

# How much an obligation weighs in category and overall scores: a mandatory gap outranks an optional one.
OBLIGATION_WEIGHT = {"mandatory": 1.0, "consider": 0.6, "endeavour": 0.5, "optional": 0.3}
LIMITED_FACTOR = 0.5
MAX_EVIDENCE = 12
EXCERPT_CHARS = 320
MAX_RELIED_ON = 3
# Resolved references per set of law files: finding and resolving them costs more than scoring.
_REFS_CACHE = DiskCache("refs", 1)


@dataclass(frozen=True)
class LawRef:
    """A law as the score output names it."""

    id: str
    title: str
    file: str
    language: str
    provisions: int
    kind: str | None


@dataclass(frozen=True)
class Evidence:
    law: str
    eid: str
    article: str
    num: str | None
    score: float
    excerpt: str
    language: str
    elements: tuple[str, ...]
    words: tuple[str, ...]
    limited_by: tuple[str, ...] = ()
    fuzzy: bool = False  # some words were read through OCR noise
    via: str | None = None  # the article whose reference to this one brings it in as evidence


@dataclass(frozen=True)
class ElementResult:
    id: str
    label: str
    mandatory: bool
    found: bool
    limited_by: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    via: str | None = None  # found in an article that the main evidence refers to, not in it
    aggravating_only: bool = False  # found only as an aggravating circumstance of another offence


@dataclass(frozen=True)
class Finding:
    rule: Rule
    status: str
    score: float
    elements: tuple[ElementResult, ...]
    evidence: tuple[Evidence, ...]
    explanation: str


@dataclass(frozen=True)
class CountryScore:
    country: str
    laws: tuple[LawRef, ...]
    findings: tuple[Finding, ...]
    by_category: dict[str, float]
    overall: float


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


def law_id(law: Law) -> str:
    return Path(law.source).stem or law.sha256[:12]


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


def _element_weight(mandatory: bool) -> float:
    return 1.0 if mandatory else 0.5


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
) -> Finding:
    """One rule's finding from the hits in every law of the country."""
    by_sha = {law.sha256: law for law in laws}
    total = sum(_element_weight(e.mandatory) for e in rule.elements) or 1.0
    # (group, article eid) -> element id -> hits
    cells: dict[tuple[str, str], dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    for sha, hits in hits_by_law.items():
        g = group[law_id(by_sha[sha])]
        for h in hits:
            cells[(g, h.article)][h.element].append(h)
    if any(e.near_anchor for e in rule.elements):
        _keep_near_anchor(rule, cells, by_sha)

    borrowed = _borrow(rule, cells, refs) if refs is not None else {}
    required_beside = {e.id for e in rule.elements if e.mandatory and not e.anchor}

    def cell_score(cell: tuple[str, str]) -> float:
        found = set(cells[cell]) | set(borrowed.get(cell, {}))
        if any(e.anchor and e.id not in found for e in rule.elements):
            return 0.0
        if required_beside and not found & required_beside:
            # it names only what the rule is about (the victim), perhaps with a qualifier of the
            # missing requirement ("акысыз", free): no evidence
            return 0.0
        return sum(_element_weight(e.mandatory) for e in rule.elements if e.id in found) / total

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
            for source, found in _sources(borrowed.get(cell, {})).items():
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
    status, score = _status(rule, elements, cell_score(best) if best else 0.0)
    return Finding(
        rule,
        status,
        round(score, 3),
        tuple(elements),
        tuple(evidence),
        _explain(rule, status, elements, evidence, laws),
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


def _borrow(
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


def _sources(
    lent: dict[str, tuple[tuple[str, str], str, list[Hit]]],
) -> dict[tuple[str, str], dict[str, list[Hit]]]:
    """Borrowed elements grouped by the article they come from."""
    out: dict[tuple[str, str], dict[str, list[Hit]]] = defaultdict(dict)
    for element, (source, cited, hits) in lent.items():
        if cited != source[1]:
            # an article cited whole lends only what the rule is about: it is context, not evidence
            out[source][element] = hits
    return out


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


def _status(rule: Rule, elements: Sequence[ElementResult], coverage: float) -> tuple[str, float]:
    mandatory = [e for e in elements if e.mandatory]
    anchors = {e.id for e in rule.elements if e.anchor}
    if any(e.id in anchors and not e.found for e in elements):
        # the words of the obligation without what it is about (a child aggravator of another offence)
        return "gap", 0.0
    if sum(e.found for e in mandatory) * 2 <= len(mandatory):
        # naming the context (a legal person, the trafficking offence) without most of the
        # obligation itself is no partial implementation
        return "gap", 0.0
    limited = any(e.limited_by for e in elements if e.found)
    if all(e.found for e in mandatory) and not limited:
        return "met", coverage
    return "partial", coverage * (LIMITED_FACTOR if limited else 1.0)


def _explain(rule, status, elements, evidence, laws) -> str:
    where = ""
    if evidence:
        ev = evidence[0]
        where = f"{ev.law}, {provision_label(ev.eid)}"
    found = [
        f"{e.label} (through {provision_label(e.via)}, which it cites)" if e.via else e.label
        for e in elements
        if e.found
    ]
    missing = [e.label for e in elements if not e.found and e.mandatory]
    limited = sorted({w for e in elements for w in e.limited_by})
    supplied = {law.kind for law in laws}
    absent = [k for k in rule.law_kinds if k not in supplied]
    parts = []
    if status == "met":
        parts.append(f"Met: {where} provides every required element ({'; '.join(found)}).")
    elif status == "partial":
        parts.append(f"Partial: {where} provides {'; '.join(found)}.")
        if missing:
            parts.append(f"Missing: {'; '.join(missing)}.")
        if limited:
            parts.append(f"Limited by: {', '.join(limited)}.")
        aggravating = [e.label for e in elements if e.aggravating_only]
        if aggravating:
            parts.append(f"Found only as an aggravating circumstance of another offence: {'; '.join(aggravating)}.")
    elif found:
        parts.append(
            f"Gap: {where} names only {'; '.join(found)}; the obligation itself is missing ({'; '.join(missing)})."
        )
    else:
        parts.append("Gap: none of the elements was found in the laws supplied.")
    if any(ev.fuzzy for ev in evidence[:1]):
        parts.append("Some words were read through OCR noise in the source: check the page image.")
    if status != "met" and absent:
        parts.append(f"Not supplied, where this is usually found: {', '.join(absent)}.")
    return " ".join(parts)


def score_country(country: str, laws: Sequence[Law], rules: RuleSet | None = None) -> CountryScore:
    """Every rule of the rule set assessed against one country's laws."""
    rules = rules if rules is not None else load_rules()
    indexes = [LawIndex(law, lexicon=lexicon(rules, law.language) if law.noisy else ()) for law in laws]
    group = _parallel_groups(laws)
    refs = ReferenceMap(laws, group)
    findings = []
    for rule in rules:
        hits = {ix.law.sha256: rule_hits(ix, rule) for ix in indexes}
        findings.append(assess_rule(rule, laws, hits, group, refs))
    by_cat: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for f in findings:
        by_cat[f.rule.category].append((f.score, OBLIGATION_WEIGHT[f.rule.obligation]))
    cats = {c: round(_weighted(v), 3) for c, v in by_cat.items()}
    overall = round(_weighted([x for v in by_cat.values() for x in v]), 3)
    refs = tuple(
        LawRef(law_id(law), law.title, law.source, law.language, len(law.provisions), law.kind) for law in laws
    )
    return CountryScore(country, refs, tuple(findings), cats, overall)


def _weighted(pairs: Sequence[tuple[float, float]]) -> float:
    weight = sum(w for _, w in pairs)
    return sum(s * w for s, w in pairs) / weight if weight else 0.0
