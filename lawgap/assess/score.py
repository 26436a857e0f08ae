"""Coverage per country and per rule: met, partial, gap or not assessed, a score, and the evidence behind it.

Reads: the laws of one country, the hits of lawgap.assess.match, the offence reading (lawgap.assess.offence),
the provisions read together (references, status terms, the General Part) and what binds the country
(lawgap.rules.parties). Writes: frozen `Finding`s.

A requirement is met by a provision, so a rule's elements are looked for together in one article-level
provision (the article and its parts, items and notes), with what it is read with: the parts it cites
precisely, the provision that makes a status it names one of trafficking victims. The article holding the most
of the rule's weight is the rule's main evidence, and `findings.judge` gives the status:
- `met` when that article holds every mandatory element and no limitation was seen on them;
- `partial` when it holds some of them, or all but with a limiting word in the same sentence, or an element
  of an offence only as an aggravating circumstance;
- `gap` when nothing provides it in a law of the rule's kinds supplied in full; `not assessed` when no such
  law was supplied (or only excerpts of it);
- and an offence that requires no means at all meets every means rule (broader than the Protocol).
Two language versions of one code (same country and kind, same article ids) count once: their hits are
pooled per article id and the evidence shows the text in each language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

from lawgap.assess.anchor import keep_near_anchor
from lawgap.assess.conditions import OFFENCE_CATEGORIES
from lawgap.assess.evidence_items import cell_evidence
from lawgap.assess.explain import CONTEXT_KEYS, context_parts, render, status_parts
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
    limitations,
    summarise,
)
from lawgap.assess.hit import Hit
from lawgap.assess.holders import defines_anywhere
from lawgap.assess.index import LawIndex
from lawgap.assess.match import lexicon
from lawgap.assess.offence import OffenceReading, may_define, reading, structure_rules
from lawgap.assess.reading import law_digest, read_law
from lawgap.assess.references import ReferenceMap, borrow, carry_limits, general_part_lends, sources
from lawgap.assess.roles import frames, powers_beside_procedure, regulates
from lawgap.assess.terms import lend_anchor
from lawgap.cache import Memo
from lawgap.model import Law
from lawgap.rules import Rule, RuleSet, load_rules
from lawgap.rules.parties import rule_level
from lawgap.structure.qualified import SANCTIONS
from lawgap.vocab import CRIMINAL_CODE, MET

MAX_EVIDENCE = 12
Cell = tuple[str, str]  # (law group, article eid)


# Categories of rules that live in the offence article itself, its parts and its note.
_OFFENCE_HOME = frozenset({"definition", "criminalisation", "non_punishment"})


@dataclass(frozen=True)
class _Country:
    """What every rule of one country is read against."""

    code: str
    laws: tuple[Law, ...]
    group: dict[str, str]  # law sha256 -> the id of its group of language versions
    indexes: _Indexes  # law sha256 -> index, built on demand
    refs: ReferenceMap
    offence: OffenceReading
    full_kinds: frozenset[str]  # kinds of law supplied whole, not as excerpts
    by_sha: dict[str, Law]
    ids: tuple[str, ...]  # the laws' ids, in the order supplied
    unknown: tuple[str, ...]  # the ids of the laws whose kind was not recognised

    def absent(self, rule: Rule) -> tuple[str, ...]:
        """The rule's kinds of law not supplied whole. An excerpt that holds the trafficking offence itself is
        enough for what lives in that offence (its elements, aggravations, its note): a lawyer reads the
        article; what the General Part decides (attempt, complicity) still needs the General Part."""
        offence_kinds = self.offence_kinds if rule.category in _OFFENCE_HOME and not rule.general_part else ()
        return tuple(k for k in rule.law_kinds if k not in self.full_kinds and k not in offence_kinds)

    def offence_home_missing(self, rule: Rule) -> bool:
        """An offence rule with no law supplied that punishes anything: an offence lives in the Criminal Code,
        or in a law that itself punishes trafficking (an Act of the common-law kind); an anti-trafficking law
        that defines trafficking for its own purposes and leaves liability to the Code is not its home."""
        if rule.category != "criminalisation" or CRIMINAL_CODE not in rule.law_kinds:
            return False
        return CRIMINAL_CODE not in self.full_kinds | self.offence_kinds and not self.punishing_kinds

    @property
    def offence_kinds(self) -> frozenset[str]:
        """The kinds of the laws whose articles define the trafficking offence (lawgap.assess.offence)."""
        groups = {group for group, _ in self.offence.offences}
        return frozenset(law.kind for law in self.laws if law.kind and self.group[law.sha256] in groups)

    @property
    def punishing_kinds(self) -> frozenset[str]:
        """The kinds of the laws whose trafficking article carries a sanction: a definition that a law gives
        for its own purposes, with liability left to the Criminal Code, makes no offence."""
        out = set()
        for law in self.laws:
            cells = [c for c in self.offence.offences if c[0] == self.group[law.sha256]]
            if law.kind and any(w in law.full_text(c[1]) for c in cells if c[1] in law.by_eid for w in SANCTIONS):
                out.add(law.kind)
        return frozenset(out)

    def excerpts(self, rule: Rule) -> tuple[str, ...]:
        return tuple(law_id(x) for x in self.laws if x.excerpt and x.kind in rule.law_kinds)


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


# The lemma indexes built in this process, the last few laws (lawgap.cache.Memo): checking drafts re-scores the
# country once per draft, and every law but the amended one is the same law again.
_INDEXES: Memo[tuple[str, str, str], LawIndex] = Memo(6)


class _Indexes(dict):
    """Each law's lemma index, built the first time a rule asks for it: a warm score reads its hits from the
    disk cache (lawgap.assess.reading) and needs an index only to read a law's defined terms."""

    def __init__(self, laws: Sequence[Law], words: dict[str, frozenset[str]]):
        super().__init__()
        self._laws = {law.sha256: law for law in laws}
        self._words = words

    def __missing__(self, sha: str) -> LawIndex:
        law = self._laws[sha]
        words = self._words.get(law.language, frozenset())
        key = (law_id(law), law.source, law_digest(law, words))
        index = _INDEXES.get(key, None)
        if index is None:
            index = LawIndex(law, lexicon=words)
            _INDEXES.put(key, index)
        self[sha] = index
        return index

    def all(self) -> list[tuple[str, LawIndex]]:
        return [(sha, self[sha]) for sha in self._laws]


def assess_rule(
    rule: Rule, hits_by_law: dict[str, list[Hit]], country: _Country, excluded: tuple[Limitation, ...] = ()
) -> Finding:
    """One rule's finding from the hits in every law of the country; `excluded`: the scopes by which laws
    leave out every person the rule is about (lawgap.assess.scope), named in its explanation."""
    by_sha = country.by_sha
    total = sum(element_weight(e.mandatory) for e in rule.elements) or 1.0
    cells: dict[Cell, dict[str, list[Hit]]] = defaultdict(lambda: defaultdict(list))
    defines = any(e.offence for e in rule.elements)  # acts and means: the offence's own article, or a definition
    for sha, hits in hits_by_law.items():
        g = country.group[sha]
        if defines and not defines_anywhere(by_sha[sha]):
            hits = [h for h in hits if may_define(by_sha[sha], h.article)]
        for h in hits:
            cells[(g, h.article)][h.element].append(h)
    if any(e.near_anchor for e in rule.elements):
        keep_near_anchor(rule, cells, by_sha)

    if rule.category not in OFFENCE_CATEGORIES:
        # an offence article's own result or gravity words are no limit on the article that cites it
        carry_limits(cells, country.refs)
    borrowed = borrow(rule, cells, country.refs)
    codes = {country.group[law.sha256] for law in country.laws if law.kind == CRIMINAL_CODE}
    general = general_part_lends(rule, {c: found for c, found in cells.items() if c[0] in codes}, _natural)
    together: dict[Cell, str] = {}  # article -> the provision (law id:eid) it is read with for the anchor
    lent_hits: dict[Cell, Sequence[Hit]] = {}
    for sha, index in country.indexes.all():
        for cell, (eid, hits) in lend_anchor(rule, index, cells, country.group[sha]).items():
            together[cell], lent_hits[cell] = f"{law_id(by_sha[sha])}:{eid}", hits
    anchors = [e.id for e in rule.elements if e.anchor]
    required_beside = {e.id for e in rule.elements if e.mandatory and not e.anchor}

    def found_in(cell: Cell) -> set[str]:
        return (
            set(cells[cell])
            | set(borrowed.get(cell, {}))
            | set(general.get(cell, {}))
            | ({anchors[0]} if cell in together else set())
        )

    def cell_score(cell: Cell) -> float:
        found = found_in(cell)
        if any(e.anchor and e.id not in found for e in rule.elements):
            return 0.0
        if required_beside and not found & required_beside:
            # it names only what the rule is about (the victim), perhaps with a qualifier of the
            # missing requirement ("акысыз", free): no evidence
            return 0.0
        return sum(element_weight(e.mandatory) for e in rule.elements if e.id in found) / total

    def strength(cell: Cell) -> tuple:
        """Best first: more of the rule's weight, then fewer elements found only in their weaker form (a penalty
        "установленную законодательством"), then fewer found only where a body is given the power to regulate them
        or only through a protected person read as a victim, then fewer limited elements (an unlimited statement is
        the better evidence), then an article that says it in its own words over one read with another, then more of
        its elements, then more words found; the article number only settles what is left, in the law's own order."""
        found = cells[cell]
        limited = sum(1 for hits in found.values() if _limits(hits))
        return (
            -cell_score(cell),
            sum(1 for hits in found.values() if _only_partly(hits)),
            sum(1 for hits in found.values() if _only_regulated(hits, by_sha)),
            sum(1 for hits in found.values() if _only_protected(hits)),
            limited,
            cell in together,
            -len(found),
            -sum(len(h) for h in found.values()),
            _natural(cell[1]),
        )

    framing = {cell for cell in cells if frames(rule, cell[1], cells[cell], by_sha)}
    if rule.procedure:
        framing |= powers_beside_procedure(rule, cells, framing, cell_score, by_sha)
    # the strongest articles, those that grant or punish before those that frame the law (lawgap.assess.roles)
    ranked = sorted(sorted(cells, key=strength)[:MAX_EVIDENCE], key=lambda c: (not cell_score(c), c in framing))
    granted = bool(ranked) and ranked[0] not in framing and cell_score(ranked[0]) > 0
    evidence: list[Evidence] = []
    read_as_one = _by_source(general.get(ranked[0], {})) if ranked else {}
    for cell in ranked:
        if not cell_score(cell):
            break  # ranked best first: the rest lack an anchor or hold no required element
        if cell in read_as_one:
            continue  # already shown with the best article, as read together with it
        if granted and cell in framing:
            continue  # another article grants it: the definitions or financing article is no evidence beside it
        items = cell_evidence(cell[1], cells[cell], by_sha, cell_score(cell))
        if cell in together:
            items = [replace(ev, read_with=(together[cell],)) for ev in items]
        if cell == ranked[0] and read_as_one:
            lent = [ev for source, found in read_as_one.items() for ev in cell_evidence(source[1], found, by_sha, 1.0)]
            others = tuple(dict.fromkeys(f"{ev.law}:{ev.article}" for ev in lent))
            items = [replace(ev, read_with=others) for ev in items] + lent
        evidence.extend(items)
        if cell == ranked[0]:
            for source, found in sources(borrowed.get(cell, {})).items():
                evidence.extend(cell_evidence(source[1], found, by_sha, cell_score(cell), via=cell[1]))

    best = ranked[0] if ranked else None
    own = cells[best] if best else {}
    lent = borrowed.get(best, {}) if best else {}
    general_hits = {e: hits for e, (_src, hits) in general.get(best, {}).items()} if best else {}
    elements: list[ElementResult] = []
    for e in rule.elements:
        hits = own.get(e.id) or (lent[e.id][2] if e.id in lent else []) or general_hits.get(e.id, [])
        read_with: tuple[str, ...] = ()
        if e.id in general.get(best, {}) and not own.get(e.id):
            source = general[best][e.id][0][1]
            read_with = tuple(dict.fromkeys(f"{law_id(by_sha[h.law])}:{source}" for h in general_hits[e.id]))
        if not hits and best in together and e.id == anchors[0]:
            hits, read_with = list(lent_hits[best]), (together[best],)
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
                read_with=read_with,
            )
        )
    if rule.general_part and evidence and "victims" in rule.targets:
        # read with the trafficking offence; a smuggling rule's General Part has no such offence to name
        evidence[0] = _with_offence(evidence[0], best, country)
    no_means = country.offence.no_means if rule.without_means else ()
    absent = country.absent(rule)
    judged = judge(
        rule,
        elements,
        cell_score(best) if best else 0.0,
        absent=rule.law_kinds if country.offence_home_missing(rule) else absent,
        no_means=bool(no_means),
    )
    if judged.broader:
        evidence = [*_offence_evidence(no_means[0], country), *evidence][:MAX_EVIDENCE]
    where = _where(best, own, by_sha) if best else ("", "")
    why = status_parts(
        judged.status,
        elements,
        evidence,
        where=where,
        broader=rule.without_means if judged.broader else "",
        country=country.code,
        absent=absent,
        laws=country.ids,
        excerpts=country.excerpts(rule),
        unknown=country.unknown,
    )
    level = rule_level(rule, country.code)
    why += context_parts(
        judged.status,
        evidence,
        country=country.code,
        absent=absent,
        level=level.level if level else "",
        sources=rule.sources,
        unconfirmed=level.unconfirmed if level else (),
    )
    why += tuple(Part("excluded", (x.words,)) for x in excluded)
    # every limit with its kind: the matcher's (scope, conditions, results) for the words it found, then the rest
    limited = {w for e in elements for w in e.limited_by}
    typed = [x for hits in own.values() for h in hits for x in h.limitations if x.words in limited]
    seen = {x.words for x in typed}
    limits = (*dict.fromkeys(typed), *(x for x in limitations(elements) if x.words not in seen), *excluded)
    return Finding(
        rule,
        judged.status,
        round(judged.score, 3),
        tuple(elements),
        tuple(evidence),
        render(rule, elements, why),
        why=why,
        limitations=tuple(dict.fromkeys(limits)),
        broader=judged.broader,
        absent=absent,
        level=level.level if level else "",
        binding=level.binding if level else (),
    )


def rejudge(
    f: Finding, country: str, elements: Sequence[ElementResult], evidence: Sequence[Evidence], note: Part
) -> Finding:
    """A finding judged again on what a reviewer left of its evidence, with the scorer's status function and
    the same context (the laws not supplied, an offence that requires no means); `note` says why."""
    judged = judge(f.rule, elements, absent=f.absent, no_means=f.broader and bool(evidence))
    context = tuple(p for p in f.why if p.key in CONTEXT_KEYS and (p.key != "absent" or judged.status != MET))
    parts = status_parts(
        judged.status,
        elements,
        evidence,
        broader=f.rule.without_means if judged.broader else "",
        country=country,
        absent=f.absent,
    )
    why = (note, *parts, *context)
    return replace(
        f,
        status=judged.status,
        score=round(judged.score, 3),
        elements=tuple(elements),
        evidence=tuple(evidence),
        why=why,
        explanation=render(f.rule, elements, why),
        limitations=limitations(elements),
        broader=judged.broader,
    )


def _where(best: Cell, found: dict[str, list[Hit]], by_sha: dict[str, Law]) -> tuple[str, str]:
    """The law and provision of the best article's first hit, to name when it offers no evidence."""
    hits = [h for hs in found.values() for h in hs]
    if not hits:
        return ("", "")
    first = min(hits, key=lambda h: (by_sha[h.law].language != "ru", h.eid))
    return (law_id(by_sha[first.law]), best[1])


def _with_offence(ev: Evidence, best: Cell | None, country: _Country) -> Evidence:
    """A General Part provision read with the trafficking offence of the same code, which it applies to
    without naming it (an offence that names attempt itself needs nothing else)."""
    if best is None or best in country.offence.offences:
        return ev
    same = tuple(f"{ev.law}:{c[1]}" for c in country.offence.offences if c[0] == best[0])
    return replace(ev, read_with=same) if same else ev


def _offence_evidence(cell: Cell, country: _Country) -> list[Evidence]:
    """The basic part of an offence that names acts and no means: what a broader finding rests on."""
    acts = (country.offence.acts or {}).get(cell, ())
    found: dict[str, list[Hit]] = defaultdict(list)
    for h in acts:
        found[h.element].append(h)
    return cell_evidence(cell[1], found, country.by_sha, 1.0)


def _by_source(
    lent: dict[str, tuple[tuple[str, str], list[Hit]]],
) -> dict[tuple[str, str], dict[str, list[Hit]]]:
    """Elements read from other articles of the General Part, grouped by the article that says them."""
    out: dict[tuple[str, str], dict[str, list[Hit]]] = defaultdict(dict)
    for element, (source, hits) in lent.items():
        out[source][element] = hits
    return out


def _natural(eid: str) -> tuple:
    """Sort key that puts art_40 before art_166 (numbers as numbers, not as text)."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", eid))


def _limits(hits: Sequence[Hit]) -> tuple[str, ...]:
    """Limiting words, only when every hit of the element is limited (one clean statement is enough)."""
    if not hits or not all(h.limited_by for h in hits):
        return ()
    return tuple(sorted({w for h in hits for w in h.limited_by}))


def _only_regulated(hits: Sequence[Hit], by_sha: dict[str, Law]) -> bool:
    """Whether an element is found only where a body is given the power to regulate it ("определяет порядок
    предоставления разрешения"): the article that grants it says on what terms (lawgap.assess.roles)."""
    def text(h: Hit) -> str:
        p = by_sha[h.law].by_eid[h.eid]
        return (p.heading if h.field == "heading" else p.text) or ""

    return bool(hits) and all(regulates(text(h), by_sha[h.law].language) for h in hits)


def _only_protected(hits: Sequence[Hit]) -> bool:
    """Whether an element is found only through a state-protection law's protected person read as a victim
    (lawgap.assess.protected): an article that names the victim itself is the better evidence."""
    return bool(hits) and all(any(x.kind == "protected" for x in h.limitations) for h in hits)


def _only_partly(hits: Sequence[Hit]) -> bool:
    """Whether an element is found only in its weaker form (a `partly` cue: liability "установленную
    законодательством" for a penalty): an article that says it in full, even with a condition, is better evidence."""
    return bool(hits) and all(any(x.kind == "partly" for x in h.limitations) for h in hits)


def score_country(country: str, laws: Sequence[Law], rules: RuleSet | None = None) -> CountryScore:
    """Every rule of the rule set assessed against one country's laws."""
    rules = rules if rules is not None else load_rules()
    laws = tuple(laws)
    structure = structure_rules(rules)
    everything = tuple(dict.fromkeys((*rules, *structure)))
    words = {lang: lexicon(everything, lang) for lang in {law.language for law in laws if law.noisy}}
    indexes = _Indexes(laws, words)
    readings = {
        law.sha256: read_law(law, everything, index_of=partial(indexes.__getitem__, law.sha256)) for law in laws
    }
    group = _parallel_groups(laws)
    by_group = {law.sha256: group[law_id(law)] for law in laws}
    by_sha = {law.sha256: law for law in laws}
    defining = {
        r.id: {
            sha: got[r.id][0] if defines_anywhere(by_sha[sha]) else [
                h for h in got[r.id][0] if may_define(by_sha[sha], h.article)
            ]
            for sha, got in readings.items()
        }
        for r in structure
    }
    offence = reading(structure, defining, by_group)
    ctx = _Country(
        country,
        laws,
        by_group,
        indexes,
        ReferenceMap(laws, group),
        offence,
        frozenset(law.kind for law in laws if law.kind and not law.excerpt),
        {law.sha256: law for law in laws},
        tuple(law_id(law) for law in laws),
        tuple(law_id(law) for law in laws if not law.kind),
    )
    findings = []
    for rule in rules:
        hits = {sha: found[rule.id][0] for sha, found in readings.items()}
        excluded = tuple(dict.fromkeys(x for found in readings.values() for x in found[rule.id][1]))
        findings.append(assess_rule(rule, hits, ctx, excluded))
    cats, overall = summarise(findings)
    refs = tuple(
        LawRef(law_id(law), law.title, law.source, law.language, len(law.provisions), law.kind) for law in laws
    )
    return CountryScore(country, refs, tuple(findings), cats, overall)
