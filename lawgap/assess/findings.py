"""What a finding is, and how its status and score follow from its elements: the one status function.

Reads: the elements found for a rule (lawgap.assess.score computes them; lawgap.review re-judges

them after a reviewer rejects evidence). Writes: frozen `Finding`s and `CountryScore`s. The
scorer and the review both call `judge` and `summarise`, so the same inputs always give the
same status.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lawgap.model import Law
from lawgap.rules import Rule
from lawgap.vocab import GAP, GOOD_PRACTICE, MET, NOT_ASSESSED, PARTIAL

# How much an obligation weighs in category and overall scores: a mandatory gap outranks an optional one, and
# a standard of an instrument the country is not party to weighs least.
OBLIGATION_WEIGHT = {"mandatory": 1.0, "consider": 0.6, "endeavour": 0.5, "optional": 0.3, GOOD_PRACTICE: 0.2}
LIMITED_FACTOR = 0.5
# What an offence that requires no means gives a rule whose `without_means` is "implied": the law never says
# it, but nothing in the offence depends on it.
IMPLIED_SCORE = 0.5


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
    read_with: tuple[str, ...] = ()  # other provisions (law id:eid) a lawyer reads together with this one


@dataclass(frozen=True)
class ElementResult:
    id: str
    label: str
    mandatory: bool
    found: bool
    limited_by: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    via: str | None = None  # found in an article that the main evidence refers to, not in it
    aggravating_only: bool = False  # found only as an aggravating circumstance (a qualified part of an offence)
    read_with: tuple[str, ...] = ()  # found through provisions (law id:eid) the main evidence is read with


@dataclass(frozen=True)
class Limitation:
    """A limit on what a provision gives, in the law's own words ("по ходатайству", "It extends to the
    Islamabad Capital Territory"): it makes a finding partial, or a gap where it excludes the protected
    persons altogether. `kind` is one of vocab.LIMITATION_KINDS."""

    kind: str
    words: str
    law: str = ""
    eid: str = ""


@dataclass(frozen=True)
class Part:
    """One sentence of an explanation, as a key and its arguments, so that each language words it in its own
    way (lawgap.assess.explain renders it in English and Russian from the finding's own elements)."""

    key: str
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One rule assessed for one country. `explanation` is the English rendering of `why` (the JSON field);
    `level` is the obligation the rule carries for this country ("" until known: then `rule.obligation`),
    `binding` the sources that bind it; `broader` says the law needs less than the instrument asks (an
    offence that requires no means at all); `absent` the kinds of law where the rule lives that were not
    supplied, which is what makes a finding not assessed."""

    rule: Rule
    status: str
    score: float
    elements: tuple[ElementResult, ...]
    evidence: tuple[Evidence, ...]
    explanation: str
    why: tuple[Part, ...] = ()
    limitations: tuple[Limitation, ...] = ()
    broader: bool = False
    absent: tuple[str, ...] = ()
    level: str = ""
    binding: tuple[str, ...] = ()

    @property
    def obligation(self) -> str:
        """The level the rule has for this country, else the rule's own."""
        return self.level or self.rule.obligation


@dataclass(frozen=True)
class CountryScore:
    country: str
    laws: tuple[LawRef, ...]
    findings: tuple[Finding, ...]
    by_category: dict[str, float]
    overall: float


def law_id(law: Law) -> str:
    return _stem(law.source) or law.sha256[:12]


@lru_cache(maxsize=1024)
def _stem(source: str) -> str:
    return Path(source).stem


def element_weight(mandatory: bool) -> float:
    return 1.0 if mandatory else 0.5


def coverage(elements: Sequence[ElementResult]) -> float:
    """The share of the rule's weight that its elements found carry."""
    total = sum(element_weight(e.mandatory) for e in elements) or 1.0
    return sum(element_weight(e.mandatory) for e in elements if e.found) / total


class Judged(NamedTuple):
    status: str
    score: float
    broader: bool = False  # the status rests on an offence that requires no means at all


def judge(
    rule: Rule,
    elements: Sequence[ElementResult],
    share: float | None = None,
    *,
    absent: Sequence[str] = (),
    no_means: bool = False,
) -> Judged:
    """The status and score of a rule from its elements (`share`: the coverage of the article they were
    found in, when the scorer has it; else computed from the elements).

    `absent`: the rule's kinds of law not supplied in full; with every one of them absent, a rule nothing
    provides is not assessed, never a gap. `no_means`: the trafficking offence requires no means at all;
    a rule that says what follows from that (`without_means`) is met (broader than the Protocol) or, where it
    is only implied, partial."""
    status, score = _from_elements(rule, elements, share)
    broader = False
    if status != MET and no_means and rule.without_means:
        broader = True
        status, score = (PARTIAL, max(score, IMPLIED_SCORE)) if rule.without_means == "implied" else (MET, 1.0)
    if status == GAP and rule.law_kinds and set(rule.law_kinds) <= set(absent):
        status = NOT_ASSESSED
    return Judged(status, score, broader)


def _from_elements(rule: Rule, elements: Sequence[ElementResult], share: float | None) -> tuple[str, float]:
    share = coverage(elements) if share is None else share
    mandatory = [e for e in elements if e.mandatory]
    anchors = {e.id for e in rule.elements if e.anchor}
    if any(e.id in anchors and not e.found for e in elements):
        # the words of the obligation without what it is about (a child aggravator of another offence)
        return GAP, 0.0
    core = {e.id for e in rule.elements if e.core}
    if sum(e.found for e in mandatory) * 2 <= len(mandatory) and not any(e.found for e in elements if e.id in core):
        # naming the context (a legal person, the trafficking offence) without most of the
        # obligation itself is no partial implementation; the obligation without its qualifiers is
        return GAP, 0.0
    limited = any(e.limited_by for e in elements if e.found)
    if all(e.found for e in mandatory) and not limited:
        return MET, share
    return PARTIAL, share * (LIMITED_FACTOR if limited else 1.0)


def limitations(elements: Sequence[ElementResult]) -> tuple[Limitation, ...]:
    """What limits the elements found, in the law's words: an aggravating circumstance names the qualified
    part's opening words, any other limit the words the rule's limiting cues found."""
    out: dict[tuple[str, str], Limitation] = {}
    for e in elements:
        if not e.found:
            continue
        ev = e.evidence[0] if e.evidence else None
        where = (ev.law, ev.eid) if ev else ("", "")
        for words in e.limited_by:
            kind = "aggravating_only" if e.aggravating_only else "words"
            out.setdefault((kind, words), Limitation(kind, words, *where))
    return tuple(out.values())


def summarise(findings: Iterable[Finding]) -> tuple[dict[str, float], float]:
    """Scores per category and overall, each finding weighted by the level it has for the country; a rule not
    assessed (its law not supplied) weighs nothing: a category with nothing assessed scores 0."""
    by_cat: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for f in findings:
        weight = OBLIGATION_WEIGHT[f.obligation] if f.status != NOT_ASSESSED else 0.0
        by_cat[f.rule.category].append((f.score, weight))
    cats = {c: round(_weighted(v), 3) for c, v in by_cat.items()}
    overall = round(_weighted([x for v in by_cat.values() for x in v]), 3)
    return cats, overall


def _weighted(pairs: Sequence[tuple[float, float]]) -> float:
    weight = sum(w for _, w in pairs)
    return sum(s * w for s, w in pairs) / weight if weight else 0.0
