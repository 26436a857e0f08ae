"""Coverage per country and per rule: met, partial or gap, a score, and the evidence behind it.

Reads: the laws of one country and the hits of lawgap.match. Writes: frozen `Finding`s.

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

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lawgap.labels import provision_label
from lawgap.match import Hit, LawIndex, lexicon, rule_hits
from lawgap.model import Law
from lawgap.rules import Rule, RuleSet, load_rules

# How much an obligation weighs in category and overall scores: a mandatory gap outranks an optional one.
OBLIGATION_WEIGHT = {"mandatory": 1.0, "consider": 0.6, "endeavour": 0.5, "optional": 0.3}
LIMITED_FACTOR = 0.5
MAX_EVIDENCE = 8
EXCERPT_CHARS = 320


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


@dataclass(frozen=True)
class ElementResult:
    id: str
    label: str
    mandatory: bool
    found: bool
    limited_by: tuple[str, ...]
    evidence: tuple[Evidence, ...]


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


def assess_rule(rule: Rule, laws: Sequence[Law], hits_by_law: dict[str, list[Hit]], group: dict[str, str]) -> Finding:
    """One rule's finding from the hits in every law of the country."""
    by_sha = {law.sha256: law for law in laws}
    total = sum(_element_weight(e.mandatory) for e in rule.elements) or 1.0
    # (group, article eid) -> element id -> hits
    cells: dict[tuple[str, str], dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    for sha, hits in hits_by_law.items():
        g = group[law_id(by_sha[sha])]
        for h in hits:
            cells[(g, h.article)][h.element].append(h)

    def cell_score(found: dict[str, list[Hit]]) -> float:
        return sum(_element_weight(e.mandatory) for e in rule.elements if e.id in found) / total

    ranked = sorted(cells.items(), key=lambda kv: (-cell_score(kv[1]), kv[0]))
    evidence: list[Evidence] = []
    for (_g, article), found in ranked[:MAX_EVIDENCE]:
        evidence.extend(_cell_evidence(article, found, by_sha, cell_score(found)))

    best = ranked[0][1] if ranked else {}
    elements: list[ElementResult] = []
    for e in rule.elements:
        hits = best.get(e.id, [])
        limits = _limits(hits)
        elements.append(
            ElementResult(
                id=e.id,
                label=e.label_en,
                mandatory=e.mandatory,
                found=bool(hits),
                limited_by=limits,
                evidence=tuple(ev for ev in evidence[:2] if e.id in ev.elements),
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


def _limits(hits: Sequence[Hit]) -> tuple[str, ...]:
    """Limiting words, only when every hit of the element is limited (one clean statement is enough)."""
    if not hits or not all(h.limited_by for h in hits):
        return ()
    return tuple(sorted({w for h in hits for w in h.limited_by}))


def _cell_evidence(article: str, found: dict[str, list[Hit]], by_sha: dict[str, Law], score: float) -> list[Evidence]:
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
            )
        )
    return out


def _status(rule: Rule, elements: Sequence[ElementResult], coverage: float) -> tuple[str, float]:
    if not any(e.found for e in elements):
        return "gap", 0.0
    mandatory = [e for e in elements if e.mandatory]
    limited = any(e.limited_by for e in elements if e.found)
    if all(e.found for e in mandatory) and not limited:
        return "met", coverage
    return "partial", coverage * (LIMITED_FACTOR if limited else 1.0)


def _explain(rule, status, elements, evidence, laws) -> str:
    where = ""
    if evidence:
        ev = evidence[0]
        where = f"{ev.law}, {provision_label(ev.eid)}"
    found = [e.label for e in elements if e.found]
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
    findings = []
    for rule in rules:
        hits = {ix.law.sha256: rule_hits(ix, rule) for ix in indexes}
        findings.append(assess_rule(rule, laws, hits, group))
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
