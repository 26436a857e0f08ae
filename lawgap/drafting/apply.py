"""A draft applied to the law's provision tree, and the country re-scored: does it close its finding?

Reads: the country's laws, a Draft (its Russian text: the English one is its working translation) and
the score before. Writes: the amended laws (new frozen `Law`s: insert an article, part or item,
restate an article into parts, strike or add words) and a frozen `Outcome` per draft: the finding
before and after, and every other finding whose status or score fell (regressions).

A draft for a law whose text was not supplied is applied as that law holding only the new article,
which is all that is known of it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lawgap.assess.findings import CountryScore, Limitation, law_id
from lawgap.assess.score import score_country
from lawgap.drafting.draft import Draft
from lawgap.drafting.placement import unsupplied_law
from lawgap.model import Law, Provision
from lawgap.rules import RuleSet
from lawgap.vocab import GAP, MET, NOT_ASSESSED, PARTIAL

RANK = {MET: 3, PARTIAL: 2, GAP: 1, NOT_ASSESSED: 0}
_NUMBERED = re.compile(r"^(\d+[\d-]*)\.\s+(.*)$")


class ApplyError(ValueError):
    """A draft that does not fit the tree it claims to amend (its words are not there)."""


def _article_provisions(d: Draft, parent: str | None) -> list[Provision]:
    """The new article of `d.inserted` ("Статья N. Heading", then its parts) as provisions."""
    head, *body = d.inserted.split("\n")
    eid = d.new_eid
    numbered = [(m.group(1), m.group(2)) for m in (_NUMBERED.match(x) for x in body) if m]
    if len(numbered) == len(body) and len(body) > 1:
        kids = [Provision(f"{eid}__para_{n}", eid, "paragraph", n, None, t) for n, t in numbered]
        return [Provision(eid, parent, "article", d.num, d.heading, ""), *kids]
    return [Provision(eid, parent, "article", d.num, d.heading, "\n".join(body))]


def _insert_after(provisions: list[Provision], law: Law, after: str | None, new: list[Provision]) -> list[Provision]:
    """`new` placed after the whole subtree of `after` (at the end when None)."""
    if after is None or after not in law.by_eid:
        return [*provisions, *new]
    last = law.subtree(after)[-1].eid
    i = next(k for k, p in enumerate(provisions) if p.eid == last)
    return [*provisions[: i + 1], *new, *provisions[i + 1 :]]


def _last_child(law: Law, eid: str, kind: str) -> str:
    kids = [p for p in law.children(eid) if p.kind == kind]
    return kids[-1].eid if kids else eid


def amend(law: Law, d: Draft) -> Law:
    """The law with the draft's change made in its tree; a new sha256, the same source (so the same law id)."""
    ps = list(law.provisions)
    if d.unit == "words":
        target = law.by_eid.get(d.target_eid or d.article_eid)
        if target is None or d.old not in target.text:
            raise ApplyError(f"{d.rule_id}: the words {d.old!r} are not in {d.target_eid}")
        changed = replace(target, text=target.text.replace(d.old, d.new, 1))
        ps = [changed if p.eid == target.eid else p for p in ps]
    elif d.unit == "article":
        anchor = law.by_eid.get(d.article_eid)
        parent = anchor.parent if anchor is not None else None
        ps = _insert_after(ps, law, d.article_eid or None, _article_provisions(d, parent))
    elif d.unit == "part":
        body = _NUMBERED.match(d.inserted)
        new = Provision(d.new_eid, d.article_eid, "paragraph", d.num, None, body.group(2) if body else d.inserted)
        ps = _insert_after(ps, law, _last_child(law, d.article_eid, "paragraph"), [new])
    elif d.unit == "item":
        holder = f"{d.article_eid}__para_{d.part_num}" if d.part_num else d.article_eid
        text = re.sub(r"^[\w-]+\)\s*", "", d.inserted)
        new = Provision(d.new_eid, holder, "point", d.num, None, text)
        ps = _insert_after(ps, law, _last_child(law, holder, "point"), [new])
    elif d.unit == "restate":
        art = law.by_eid[d.article_eid]
        first = Provision(f"{art.eid}__para_1", art.eid, "paragraph", "1", None, art.text)
        body = d.inserted.rsplit("\n", 1)[-1].split(". ", 1)[-1]
        second = Provision(d.new_eid, art.eid, "paragraph", "2", None, body)
        ps = [replace(p, text="") if p.eid == art.eid else p for p in ps]
        i = next(k for k, p in enumerate(ps) if p.eid == art.eid)
        ps = [*ps[: i + 1], first, *ps[i + 1 :]]
        ps = _insert_after(ps, replace(law, provisions=tuple(ps)), first.eid, [second])
    else:
        raise ApplyError(f"{d.rule_id}: unknown unit {d.unit!r}")
    sha = hashlib.sha256(f"{law.sha256}|{d.rule_id}|{d.instruction}".encode()).hexdigest()
    return replace(law, provisions=tuple(ps), sha256=sha)


def amended_laws(laws: Sequence[Law], d: Draft) -> tuple[Law, ...]:
    """The country's laws with the draft applied: the target law amended, or the unsupplied law added."""
    target = next((x for x in laws if law_id(x) == d.law_id), None)
    if target is None:
        stub = unsupplied_law(d.country, d.law_kind or d.home_kind)
        return (*laws, amend(stub, d))
    return tuple(amend(x, d) if x is target else x for x in laws)


@dataclass(frozen=True)
class Change:
    """A finding whose status or score moved when a draft was applied."""

    rule: str
    before: str
    after: str
    score_before: float
    score_after: float

    def to_dict(self) -> dict:
        return {"rule": self.rule, "before": self.before, "after": self.after,
                "score_before": self.score_before, "score_after": self.score_after}  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    """What applying one draft does to the country's score."""

    rule: str
    before: str
    after: str
    closes: bool
    regressions: tuple[Change, ...]
    changed: tuple[Change, ...]  # every other finding that moved, better or worse
    limitations: tuple[Limitation, ...] = ()  # what still limits the rule once the draft is in the law


def outcome(country: str, laws: Sequence[Law], d: Draft, before: CountryScore, rules: RuleSet | None = None) -> Outcome:
    """Apply `d`, re-score the country, and compare with `before` (the computed score the draft was made from)."""
    after = score_country(country, amended_laws(laws, d), rules)
    old = {f.rule.id: f for f in before.findings}
    new = {f.rule.id: f for f in after.findings}
    changes = []
    for rid, f in new.items():
        o = old.get(rid)
        if rid == d.rule_id or o is None or (o.status == f.status and abs(o.score - f.score) < 1e-9):
            continue
        changes.append(Change(rid, o.status, f.status, o.score, f.score))
    worse = tuple(c for c in changes if RANK[c.after] < RANK[c.before] or c.score_after < c.score_before - 1e-9)
    mine = new[d.rule_id]
    return Outcome(
        d.rule_id, old[d.rule_id].status, mine.status, mine.status == MET, worse, tuple(changes), mine.limitations
    )
