"""The adviser's review applied to a score: rejected evidence drops out, overridden statuses are set.

Reads: a `CountryScore` (lawgap.assess) and the `Decisions` kept in lawgap.store. Writes: a

`Reviewed` score. Pure: scores in, reviewed scores out; the finding is judged again with the
scorer's own status function (lawgap.assess.findings.judge), so both always agree.

Decisions on evidence are keyed by the law's sha256, the provision's eid and the rule, so they
survive restarts and a re-parse of an unchanged law, and fall away by themselves when the law's
file changes. A status override is keyed by country and rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from lawgap.assess.explain import render
from lawgap.assess.findings import CountryScore, Evidence, Finding, Part, summarise
from lawgap.assess.score import rejudge
from lawgap.errors import LawgapError
from lawgap.vocab import GAP, MET, PARTIAL

VERDICTS = ("confirmed", "rejected")
# The score an overridden status carries when the computed one does not fit it.
OVERRIDE_SCORE = {MET: 1.0, PARTIAL: 0.5, GAP: 0.0}

class ReviewError(LawgapError):
    """A decision that cannot be recorded (bad value, missing reason) or a store that cannot be opened."""


@dataclass(frozen=True)
class EvidenceDecision:
    law_sha256: str
    eid: str
    rule: str
    country: str
    verdict: str
    who: str
    at: str
    reason: str = ""


@dataclass(frozen=True)
class StatusOverride:
    country: str
    rule: str
    status: str
    who: str
    at: str
    reason: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    who: str
    action: str
    country: str
    rule: str
    law_sha256: str
    eid: str
    value: str
    reason: str


@dataclass(frozen=True)
class Decisions:
    """All decisions for one country (or all): evidence by (sha256, eid, rule), overrides by rule."""

    evidence: Mapping[tuple[str, str, str], EvidenceDecision] = field(default_factory=dict)
    overrides: Mapping[str, StatusOverride] = field(default_factory=dict)


@dataclass(frozen=True)
class Reviewed:
    """A country's scores with the review applied, and what the review changed."""

    score: CountryScore
    original: CountryScore
    verdicts: Mapping[tuple[str, str, str], str]  # (rule, law id, eid) -> confirmed | rejected
    overrides: Mapping[str, StatusOverride]
    changed: frozenset[str]  # rules whose status or score the review changed

    def verdict(self, rule: str, ev: Evidence) -> str | None:
        return self.verdicts.get((rule, ev.law, ev.eid))


def apply_decisions(cs: CountryScore, decisions: Decisions, sha_of: Mapping[str, str]) -> Reviewed:
    """Re-apply the review to a country's score: rejected evidence drops out and the finding is
    re-judged on what is left (as lawgap.assess.score does: every mandatory element in the main article is
    met, more than half is partial, less is a gap); an override sets the status outright."""
    verdicts: dict[tuple[str, str, str], str] = {}
    for f in cs.findings:
        for ev in f.evidence:
            d = decisions.evidence.get((sha_of.get(ev.law, ""), ev.eid, f.rule.id))
            if d is not None:
                verdicts[(f.rule.id, ev.law, ev.eid)] = d.verdict
    findings = []
    changed = set()
    for f in cs.findings:
        g = _reapply(f, verdicts, decisions.overrides.get(f.rule.id), cs.country)
        if g is not f:
            changed.add(f.rule.id)
        findings.append(g)
    if not changed:
        return Reviewed(cs, cs, verdicts, decisions.overrides, frozenset())
    cats, overall = summarise(findings)
    new = replace(cs, findings=tuple(findings), by_category=cats, overall=overall)
    return Reviewed(new, cs, verdicts, decisions.overrides, frozenset(changed))


def _reapply(
    f: Finding, verdicts: Mapping[tuple[str, str, str], str], override: StatusOverride | None, country: str
) -> Finding:
    rejected = [ev for ev in f.evidence if verdicts.get((f.rule.id, ev.law, ev.eid)) == "rejected"]
    if rejected:
        f = _without(f, rejected, country)
    if override is not None:
        score = f.score if override.status == PARTIAL and 0 < f.score < 1 else OVERRIDE_SCORE[override.status]
        if override.status == MET:
            score = max(f.score, 1.0)
        why = (Part("review_override", (override.status, override.who, override.at[:10], override.reason)), *f.why)
        f = replace(
            f, status=override.status, score=round(score, 3), why=why, explanation=render(f.rule, f.elements, why)
        )
    return f


def _without(f: Finding, rejected: Sequence[Evidence], country: str) -> Finding:
    """The finding judged again without the rejected evidence, on its best remaining article."""
    gone = {(ev.law, ev.eid) for ev in rejected}
    kept = tuple(ev for ev in f.evidence if (ev.law, ev.eid) not in gone)
    main = kept[0].article if kept else None
    found: set[str] = set()
    for ev in kept:
        if ev.article == main or ev.via == main:
            found.update(ev.elements)
    elements = tuple(
        replace(
            e,
            found=e.id in found,
            evidence=tuple(ev for ev in e.evidence if (ev.law, ev.eid) not in gone),
            limited_by=e.limited_by if e.id in found else (),
            aggravating_only=e.aggravating_only and e.id in found,
        )
        for e in f.elements
    )
    return rejudge(f, country, elements, kept, Part("review_rejected", (str(len(rejected)),)))
