"""Hits that only count where the rule's anchor governs them (`near_anchor` elements).

Reads: one rule's hits per article. Writes: the same, without the hits of a near_anchor element that no
anchor hit of its article governs (its sentence, a provision above it, the heading or a lead-in ending in ":"):
legal aid or information found anywhere in a long article is the victim's only where the victim governs it.
"""

from __future__ import annotations

from lawgap.assess.hit import Hit
from lawgap.model import Law
from lawgap.rules import Rule

Cell = tuple[str, str]  # (law group, article eid)


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


def keep_near_anchor(rule: Rule, cells: dict[Cell, dict[str, list[Hit]]], by_sha: dict[str, Law]) -> None:
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
