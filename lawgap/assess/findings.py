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
from pathlib import Path

from lawgap.model import Law
from lawgap.rules import Rule
from lawgap.vocab import GAP, MET, PARTIAL

# How much an obligation weighs in category and overall scores: a mandatory gap outranks an optional one.
OBLIGATION_WEIGHT = {"mandatory": 1.0, "consider": 0.6, "endeavour": 0.5, "optional": 0.3}
LIMITED_FACTOR = 0.5


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
    aggravating_only: bool = False  # found only as an aggravating circumstance of another offence


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
    return Path(law.source).stem or law.sha256[:12]


def element_weight(mandatory: bool) -> float:
    return 1.0 if mandatory else 0.5


def coverage(elements: Sequence[ElementResult]) -> float:
    """The share of the rule's weight that its elements found carry."""
    total = sum(element_weight(e.mandatory) for e in elements) or 1.0
    return sum(element_weight(e.mandatory) for e in elements if e.found) / total


def judge(rule: Rule, elements: Sequence[ElementResult], share: float | None = None) -> tuple[str, float]:
    """The status and score of a rule from its elements (`share`: the coverage of the article they were
    found in, when the scorer has it; else computed from the elements)."""
    share = coverage(elements) if share is None else share
    mandatory = [e for e in elements if e.mandatory]
    anchors = {e.id for e in rule.elements if e.anchor}
    if any(e.id in anchors and not e.found for e in elements):
        # the words of the obligation without what it is about (a child aggravator of another offence)
        return GAP, 0.0
    if sum(e.found for e in mandatory) * 2 <= len(mandatory):
        # naming the context (a legal person, the trafficking offence) without most of the
        # obligation itself is no partial implementation
        return GAP, 0.0
    limited = any(e.limited_by for e in elements if e.found)
    if all(e.found for e in mandatory) and not limited:
        return MET, share
    return PARTIAL, share * (LIMITED_FACTOR if limited else 1.0)


def summarise(findings: Iterable[Finding]) -> tuple[dict[str, float], float]:
    """Scores per category and overall, each finding weighted by its obligation level."""
    by_cat: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for f in findings:
        by_cat[f.rule.category].append((f.score, OBLIGATION_WEIGHT[f.rule.obligation]))
    cats = {c: round(_weighted(v), 3) for c, v in by_cat.items()}
    overall = round(_weighted([x for v in by_cat.values() for x in v]), 3)
    return cats, overall


def _weighted(pairs: Sequence[tuple[float, float]]) -> float:
    weight = sum(w for _, w in pairs)
    return sum(s * w for s, w in pairs) / weight if weight else 0.0
