"""How a lawyer reads an offence: its basic part, its qualified parts, and whether it requires any means.

Reads: a LawIndex (qualified parts: `Provision.qualified` from the structure stage, else the lead-in cues of
lawgap.assess.context) and the hits of the rule elements that name an act or a means of the offence
(`offence` in the rule files). Writes: those hits re-read, and the country's `OffenceReading`.

An offence is defined by its basic part (a part that is not qualified) with the notes that define its terms.
A qualified part ("То же деяние, совершенное: ... в отношении лица, находящегося в материальной или иной
зависимости") aggravates an offence that still needs every element of the basic one, so an act or a means
found only there is an aggravating circumstance: the definition rule is partial, naming the part's opening
words. A means named in a note is a means of the exploitation the note defines, not of the offence. And an
offence whose basic part names acts but no means at all (KZ CC 128: "Купля-продажа ... вербовка ... в целях
эксплуатации") needs less than the Protocol: every means rule is met, and the law is broader.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from lawgap.assess.context import aggravating_provisions
from lawgap.assess.hit import Hit
from lawgap.assess.holders import defines_anywhere
from lawgap.assess.index import LawIndex
from lawgap.model import Law
from lawgap.rules import Rule, RuleSet, load_rules

ACT, MEANS, CHILD = "act", "means", "child"
Cell = tuple[str, str]  # (law group, article eid)


@dataclass(frozen=True)
class OffenceReading:
    """The articles that define the trafficking offence (an act in a basic part, the offence named), best
    first, and those of them whose basic offence names no means at all, with the act hits that show it."""

    offences: tuple[Cell, ...] = ()
    no_means: tuple[Cell, ...] = ()
    acts: dict[Cell, tuple[Hit, ...]] | None = None


def qualified(index: LawIndex) -> dict[str, str]:
    """The provisions in a qualified part of an offence, each with the part's opening words."""
    found = index.memo.get("qualified")
    if not isinstance(found, dict):
        found = aggravating_provisions(index)
        index.memo["qualified"] = found
    return found


def in_note(law: Law, eid: str) -> bool:
    """Whether the provision is a note or sits in one ("Примечание. Под эксплуатацией понимается ...")."""
    return any(p.kind == "note" for p in (law.by_eid[eid], *law.ancestors(eid)))


def structure_rules(rules: RuleSet) -> tuple[Rule, ...]:
    """The rules whose elements name acts or means of the offence, from the shipped set and the given one:
    whether an offence requires any means does not depend on which rules a caller happens to score."""
    seen: dict[str, Rule] = {}
    for rule in (*load_rules(), *rules):
        if any(e.offence for e in rule.elements):
            seen.setdefault(rule.id, rule)
    return tuple(seen.values())


def read_hits(index: LawIndex, rule: Rule, hits: Sequence[Hit]) -> list[Hit]:
    """The hits of one rule with its offence elements read from the basic offence: an act or a means found
    in a qualified part becomes an aggravating circumstance limited by the part's opening words; a means in
    a note is dropped."""
    parts = {e.id: e.offence for e in rule.elements if e.offence in (ACT, MEANS)}
    if not parts:
        return list(hits)
    marks = qualified(index)
    out = []
    for h in hits:
        part = parts.get(h.element)
        if part == MEANS and in_note(index.law, h.eid):
            continue
        if part and h.eid in marks and not h.aggravating:
            h = replace(h, aggravating=True, limited_by=(*h.limited_by, marks[h.eid]))
        out.append(h)
    return out


def reading(rules: Iterable[Rule], hits: dict[str, dict[str, list[Hit]]], group: dict[str, str]) -> OffenceReading:
    """The country's offence reading from the hits of the structure rules (`hits[rule id][law sha256]`, read
    by `read_hits`); `group` maps each law's sha256 to its group of language versions.

    An offence against children only (a child in its heading, or in every basic part that names an act: KG CC
    167, KZ CC 135) that requires no means is what the Protocol asks for children, not a broader offence."""
    acts: dict[Cell, list[Hit]] = defaultdict(list)
    means: dict[Cell, list[Hit]] = defaultdict(list)
    child: dict[Cell, set[str]] = defaultdict(set)  # where a child is named: "heading" or the provision's eid
    offences: dict[Cell, None] = {}
    named_in: dict[Cell, set[tuple[str, ...]]] = defaultdict(set)  # the parts or items that name the offence
    for rule in rules:
        kinds = {e.id: e.offence for e in rule.elements}
        context = {e.id for e in rule.elements if e.mandatory and not e.offence}
        rule_acts: dict[Cell, list[Hit]] = defaultdict(list)
        rule_named: dict[Cell, set[str]] = defaultdict(set)
        for sha, found in hits.get(rule.id, {}).items():
            for h in found:
                cell = (group[sha], h.article)
                kind = kinds.get(h.element)
                if kind == ACT and not h.aggravating:
                    rule_acts[cell].append(h)
                elif kind == MEANS and not h.aggravating:
                    means[cell].append(h)
                elif kind == CHILD:
                    child[cell].add("heading" if h.field == "heading" else h.eid)
                elif h.element in context:
                    rule_named[cell].add(h.element)
                    named_in[cell].add(tuple(_top(h)))
        for cell, found in rule_acts.items():
            if rule_named[cell] >= context:
                offences[cell] = None
                acts[cell].extend(found)
    ranked = sorted(offences, key=lambda c: -len({h.element for h in acts[c]}))

    def defining(cell: Cell, act: Hit) -> bool:
        """An act of the offence the article defines: named where the offence is (the article itself, or the item of
        a definitions article that defines trafficking, not the one that defines exploitation)."""
        return (act.article,) in named_in[cell] or tuple(_top(act)) in named_in[cell]

    with_means = {
        c for c in ranked if any(_same_item(m, a) for m in means[c] for a in acts[c] if defining(c, a))
    }

    def children_only(cell: Cell) -> bool:
        return "heading" in child[cell] or {h.eid for h in acts[cell]} <= child[cell]

    return OffenceReading(
        tuple(ranked),
        tuple(c for c in ranked if c not in with_means and not children_only(c)),
        {c: tuple(acts[c]) for c in ranked},
    )


def _same_item(means: Hit, act: Hit) -> bool:
    """Whether a means and an act are named in the same part or item of their article (or one of them in the
    article's own text): a definitions article that names coercion when it defines violence (item 3) adds no means
    to the trafficking it defines in item 20."""
    return means.eid == means.article or act.eid == act.article or _top(means) == _top(act)


def _top(hit: Hit) -> list[str]:
    """The article and its part or item that hold a hit."""
    return hit.eid.split("__")[:2]


# An article that defines the law's terms: "Основные понятия", "Термины", "Basic Concepts", "Definitions".
_DEFINITIONS = re.compile(r"(?i)понят|термин|определени|түшүнүк|concept|definition|interpretation|meaning")


def may_define(law: Law, article: str) -> bool:
    """Whether an article can define the trafficking offence: any article of a criminal code; in another law
    only its definitions article or one that punishes. An anti-trafficking law's competence, prevention or
    child-protection article that names "вербовка" defines nothing."""
    if defines_anywhere(law):
        return True
    art = law.by_eid.get(article)
    return art is None or bool(_DEFINITIONS.search(art.heading or ""))


