"""Which drafts are offered: every candidate checked by law (checks) and by re-scoring (apply), then the
offered ones numbered once, in rule order, so a one-rule run and `--rule all` give the same numbers.

Reads: a country's laws, its reviewed and computed scores. Writes: frozen `Checked` per rule: the drafts
in each language, the outcome of applying it, and the reasons it is withheld (none: offered).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lawgap.assess.findings import CountryScore, Finding, Limitation, law_id
from lawgap.drafting.apply import ApplyError, Outcome, outcome
from lawgap.drafting.checks import problems
from lawgap.drafting.draft import LANGS, Draft, DraftError, make_draft
from lawgap.drafting.placement import Allocator
from lawgap.model import Law
from lawgap.vocab import CODES, MET


@dataclass(frozen=True)
class Checked:
    """One rule short of met: its drafts (one per language; none when it could not be drafted), what
    re-scoring showed, and why it is withheld."""

    finding: Finding
    drafts: tuple[Draft, ...]
    outcome: Outcome | None
    reasons: tuple[str, ...]

    @property
    def rule(self) -> str:
        return self.finding.rule.id

    @property
    def offered(self) -> bool:
        return not self.reasons and bool(self.drafts)

    def draft(self, lang: str) -> Draft | None:
        return next((d for d in self.drafts if d.lang == lang), None)

    def to_dict(self, lang: str = "ru") -> dict:
        """The `--format json` entry: rule, target, instruction, before, after, closes, regressions."""
        d = self.draft(lang) or (self.drafts[0] if self.drafts else None)
        o = self.outcome
        return {
            "rule": self.rule,
            "offered": self.offered,
            "target": None if d is None else {
                "law": d.law_id, "kind": d.law_kind, "title": d.law_name, "supplied": d.supplied,
                "home": d.home_kind, "unit": d.unit, "where": d.target,
            },
            "instruction": d.instruction if d else "",
            "level": d.level if d else "",
            "before": o.before if o else self.finding.status,
            "after": o.after if o else None,
            "closes": bool(o and o.closes),
            "regressions": [c.to_dict() for c in o.regressions] if o else [],
            "changed": [c.to_dict() for c in o.changed] if o else [],
            "reasons": list(self.reasons),
        }  # fmt: skip


def candidates(score: CountryScore) -> list[Finding]:
    """Findings short of met, in rule order; a broader offence is met (nothing to narrow)."""
    return [f for f in score.findings if f.status != MET and not f.broader]


def _beyond(out: Outcome, d: Draft) -> tuple[Limitation, ...]:
    """The limits to citizens and residents of the draft's own law, when they are all that still keeps the rule
    short after a new article is applied."""
    if d.unit != "article" or not d.supplied or out.closes:
        return ()
    mine = tuple(x for x in out.limitations if x.kind == "persons" and x.law == d.law_id)
    return mine if mine and len(mine) == len(out.limitations) else ()


def beyond_scope(country: str, finding: Finding, laws: Sequence[Law], computed: CountryScore) -> tuple[Limitation, ...]:
    """For one finding outside a batch (the app's drafting page): the limits to citizens and residents its new
    article must go beyond, found as check_country finds them, by applying the draft and re-scoring; only a new
    article in a supplied law other than a code can meet one, so nothing else is re-scored."""
    d = make_draft(country, finding, laws, "ru")
    law = next((x for x in laws if law_id(x) == d.law_id), None)
    if d.unit != "article" or not d.supplied or law is None or law.kind in CODES:
        return ()
    try:
        return _beyond(outcome(country, laws, d, computed), d)
    except ApplyError:
        return ()


def check_country(
    country: str,
    laws: Sequence[Law],
    score: CountryScore,
    computed: CountryScore | None = None,
    langs: Sequence[str] = LANGS,
    rescore: bool = True,
) -> tuple[Checked, ...]:
    """Every candidate drafted (Russian first), checked, re-scored against `computed` (default `score`), and the
    offered ones drafted again in each language with one numbering."""
    computed = computed or score
    first: list[tuple[Finding, Draft | None, tuple[str, ...], Outcome | None, tuple[Limitation, ...]]] = []
    alloc = Allocator()
    for f in candidates(score):
        before = alloc.copy()
        beyond: tuple[Limitation, ...] = ()
        try:
            d = make_draft(country, f, laws, "ru", alloc)
        except (DraftError, ValueError) as exc:
            first.append((f, None, (str(exc),), None, ()))
            continue
        reasons = problems(d, f, laws)
        out = None
        if not reasons and rescore:
            try:
                out = outcome(country, laws, d, computed)
            except ApplyError as exc:
                reasons = (f"apply: {exc}",)
            else:
                beyond = _beyond(out, d)
                if beyond:  # the law's own limit to citizens and residents is what keeps it short: go beyond it
                    alloc = before  # the same number again
                    d = make_draft(country, f, laws, "ru", alloc, beyond=beyond)
                    out = outcome(country, laws, d, computed)
                    reasons = problems(d, f, laws)
                if not reasons and not out.closes:
                    reasons = (f"does not close its finding: {out.before} -> {out.after} after applying it",)
                elif not reasons and out.regressions:
                    worse = ", ".join(f"{c.rule} {c.before} -> {c.after}" for c in out.regressions)
                    reasons = (f"makes other findings worse: {worse}",)
        first.append((f, d, reasons, out, beyond))
    result = []
    allocs = {lang: Allocator() for lang in langs}
    for f, d, reasons, out, beyond in first:
        if d is None or reasons:
            result.append(Checked(f, (d,) if d is not None else (), out, reasons))
            continue
        drafts = tuple(make_draft(country, f, laws, lang, allocs[lang], beyond=beyond) for lang in langs)
        result.append(Checked(f, drafts, out, ()))
    return tuple(result)


def offered(checked: Sequence[Checked], lang: str) -> list[Draft]:
    return [d for c in checked if c.offered and (d := c.draft(lang)) is not None]


def checked_for(ws, rule: str, lang: str, rescore: bool = True) -> tuple[Checked, ...]:
    """The checked drafts of a workspace (lawgap.workspace) for `rule` ('all': every rule). The whole country is
    checked and numbered either way, so a one-rule run gives the same numbers as `--rule all`."""
    from lawgap.drafting.draft import resolve_rule
    from lawgap.rules import load_rules

    rid = None if rule == "all" else resolve_rule(rule, load_rules())
    checked = check_country(ws.country, ws.laws, ws.score, ws.computed, (lang,), rescore=rescore)
    if rid is None:
        return checked
    mine = tuple(c for c in checked if c.rule == rid)
    if not mine:
        f = next(f for f in ws.score.findings if f.rule.id == rid)
        raise DraftError(f"rule {rid!r} is {f.status} in {ws.country}: there is nothing to draft")
    return mine
