"""Resolving cross-references: each `Reference` found in a law's text turned into the eids it cites.

Reads: References (lawgap.refs.find) and the loaded Laws. Writes: References with `resolved`,

`target_law`, `exact` and a `reason` when a level is missing or the cited law is not loaded.
See lawgap.refs.find for the conventions of the region's drafting that both steps follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

from lawgap.model import Law, Provision
from lawgap.refs import grammar as g
from lawgap.refs.find import find_references
from lawgap.refs.implicit import same_act_references
from lawgap.refs.reference import Num, Reference
from lawgap.structure.tree import eid_num


@cache
def _key(num: str | None) -> str:
    """A provision number as compared (asked for every unit of a law per reference, so kept)."""
    return eid_num(num or "").lower().replace("a", "а").replace("b", "б").replace("c", "с")


class _Index:
    """Look-ups over one law's tree, built once per law."""

    def __init__(self, law: Law) -> None:
        self.law = law
        self.top: dict[str, list[Provision]] = {}
        for p in law.provisions:
            level = self.level_of(p)
            if level in ("article", "chapter", "section", "part", "book"):
                self.top.setdefault(level, []).append(p)

    def level_of(self, p: Provision) -> str | None:
        if self.law.is_article_level(p):
            return "article"
        if self.law.style == "common" and p.kind == "section":
            return "article"
        for level, kinds in g.LEVEL_KINDS.items():
            if level == "article":
                continue
            if p.kind in kinds:
                return level
        return None

    def children_at(self, parent: Provision | None, level: str) -> list[Provision]:
        """Provisions of `level` under `parent` (law-wide for articles and containers)."""
        if g.LEVEL_ORDER.get(level, 99) <= g.LEVEL_ORDER["article"]:
            pool = self.top.get(level, [])
            if parent is None:
                return pool
            inside = {x.eid for x in self.law.subtree(parent.eid)}
            return [x for x in pool if x.eid in inside]
        out: list[Provision] = []
        stack = list(self.law.children(parent.eid if parent else None))
        while stack:
            p = stack.pop(0)
            if self.level_of(p) == level:
                out.append(p)
            elif p.num is None or self.level_of(p) is None:
                stack[0:0] = list(self.law.children(p.eid))  # look through unnumbered blocks
        return out

    def pick(self, parent: Provision | None, level: str, num: Num) -> list[Provision]:
        pool = self.children_at(parent, level)
        keys = [_key(p.num) for p in pool]
        if num.last is None:
            hits = [p for p, k in zip(pool, keys, strict=True) if k == _key(num.first)]
            # one number names one unit: a repeated number (a `_dup` eid) is a drafting slip
            return hits[:1]
        if num.hyphen:
            whole = _key(f"{num.first}-{num.last}")
            single = [p for p, k in zip(pool, keys, strict=True) if k == whole]
            if single:
                return single
        a, b = _key(num.first), _key(num.last)
        if a in keys and b in keys:
            i, j = keys.index(a), len(keys) - 1 - keys[::-1].index(b)
            if i <= j:
                return pool[i : j + 1]
        if num.first.isdigit() and num.last.isdigit():
            wanted = {str(n) for n in range(int(num.first), int(num.last) + 1)}
            return [p for p, k in zip(pool, keys, strict=True) if k in wanted]
        return []


def _superscript_guess(idx: _Index, node: Provision | None, num: Num) -> list[Provision]:
    """'711' where the source printed 71 with a superscript 1: the one article 71-1 if it exists."""
    if num.last is not None or not num.first.isdigit() or len(num.first) < 2:
        return []
    hits = []
    for cut in range(1, len(num.first)):
        head, tail = num.first[:cut], num.first[cut:]
        if tail.startswith("0"):
            continue
        hits.extend(idx.pick(node, "article", Num(f"{head}-{tail}")))
    return hits if len(hits) == 1 else []


def _anchor(law: Law, idx: _Index, eid: str, level: str, implicit: bool) -> Provision | None:
    """The citing provision's own unit at `level` (itself or an ancestor)."""
    chain = [*law.ancestors(eid), law.by_eid[eid]]
    wanted = g.LEVEL_ORDER[level]
    for p in reversed(chain):
        lv = idx.level_of(p)
        if lv == level:
            return p
    if implicit:
        # "пунктом 3" in an article without parts: the nearest enclosing unit above the level
        for p in reversed(chain):
            lv = idx.level_of(p)
            if lv is not None and g.LEVEL_ORDER[lv] < wanted:
                return p
    return None


_NAMES = {
    "book": "book",
    "part": "part",
    "section": "section",
    "chapter": "chapter",
    "article": "article",
    "paragraph": "part",
    "point": "item",
    "subpoint": "sub-item",
    "indent": "indent",
}


# Levels a number may stand at when the law names its levels differently: Kazakh drafting calls
# an article's "1." a "пункт" and its "1)" a "подпункт" (KG: "часть", "пункт"); English
# "paragraph (a)" is a paragraph in Akoma Ntoso exports and a point in lawgap's common grammar.
_SHIFTS = {
    "paragraph": ("point",),
    "point": ("paragraph", "subpoint"),
    "subpoint": ("point",),
}


def _fmt(num: Num) -> str:
    return num.first if num.last is None else f"{num.first}-{num.last}"


def _pick_law(ref: Reference, citing: Law, laws: Sequence[Law]) -> Law | None:
    t = ref.target
    if t.law is None or (t.law == citing.kind and t.law != "statute"):
        return citing  # the Kyrgyz code naming itself: "Кылмыш-жаза процессуалдык кодексинин"
    cands = [x for x in laws if x.sha256 != citing.sha256]
    if t.law == "statute":
        title = re.search(r"[«\"]([^»\"]+)[»\"]", t.law_name or "")
        words = title.group(1).lower() if title else (t.law_name or "").lower()
        words = re.sub(r"^the\s+", "", words)
        words = re.sub(r",?\s+\d{4}$", "", words)
        cands = [x for x in cands if words and words in x.title.lower()]
    else:
        cands = [x for x in cands if x.kind == t.law]
    cands = [x for x in cands if x.country is None or citing.country is None or x.country == citing.country]
    if not cands:
        return None
    same = [x for x in cands if x.language == citing.language]
    return (same or cands)[0]


def _resolve_one(ref: Reference, citing: Law, laws: Sequence[Law], idx_of) -> Reference:
    t = ref.target
    target_law = _pick_law(ref, citing, laws)
    if target_law is None:
        name = t.law_name or t.law
        return replace(ref, reason=f"law not loaded: {t.law} ({name})")
    idx = idx_of(target_law)
    nodes: list[Provision | None] = [None]
    levels = list(t.levels)
    if t.relative is not None:
        if target_law is not citing or ref.eid not in citing.by_eid:
            return replace(ref, reason=f"relative to '{t.relative}' but the citing provision is unknown")
        anchor = _anchor(citing, idx, ref.eid, t.relative, t.implicit)
        if anchor is None:
            return replace(ref, reason=f"the citing provision has no enclosing {_NAMES[t.relative]}")
        nodes = [anchor]
        top = g.LEVEL_ORDER[idx.level_of(anchor) or t.relative]
        levels = [(lv, n) for lv, n in levels if g.LEVEL_ORDER[lv] > top]
    exact, notes = True, []
    for level, nums in levels:
        if level == "indent":
            notes.append("an indent (абзац) has no provision of its own; resolved to its container")
            continue
        found: list[Provision] = []
        for node in nodes:
            for num in nums:
                hit = idx.pick(node, level, num)
                if not hit and level == "article" and (guess := _superscript_guess(idx, node, num)):
                    hit = guess
                    exact = False
                    notes.append(f"article {num.first} not found; read as {guess[0].num} (superscript lost)")
                if not hit and node is not None and level in _SHIFTS:
                    for alt in _SHIFTS[level]:
                        hit = idx.pick(node, alt, num)
                        if hit:
                            notes.append(f"{_NAMES[level]} {_fmt(num)} read as {_NAMES[alt]} {_fmt(num)}")
                            break
                if not hit:
                    where = f" in {node.eid}" if node is not None else ""
                    notes.append(f"{_NAMES[level]} {_fmt(num)} not found{where}")
                    if t.implicit:
                        # "подпункту 12)" alone, not found where it was written: it cites
                        # another article the text does not name; a guess would mislead
                        return replace(ref, target_law=target_law.sha256, reason="; ".join(notes))
                    exact = False
                    if node is not None:
                        hit = [node]
                found.extend(hit)
        if not found:
            return replace(ref, target_law=target_law.sha256, reason="; ".join(notes))
        nodes = list(dict.fromkeys(found))
    eids = tuple(dict.fromkeys(n.eid for n in nodes if n is not None))
    if not eids:
        return replace(ref, target_law=target_law.sha256, reason="no provision named")
    return replace(
        ref,
        resolved=eids,
        target_law=target_law.sha256,
        exact=exact,
        reason="; ".join(notes) or None,
    )


def resolve(refs: Iterable[Reference], laws: Sequence[Law]) -> tuple[Reference, ...]:
    """Resolve references against the loaded laws; the citing law must be among them."""
    return resolver(laws)(refs)


def resolver(laws: Sequence[Law]) -> Callable[[Iterable[Reference]], tuple[Reference, ...]]:
    """`resolve` against these laws, keeping each law's index between calls (a caller that resolves a few
    references at a time, lawgap.assess.cited)."""
    by_sha = {x.sha256: x for x in laws}
    indexes: dict[str, _Index] = {}

    def idx_of(law: Law) -> _Index:
        if law.sha256 not in indexes:
            indexes[law.sha256] = _Index(law)
        return indexes[law.sha256]

    def run(refs: Iterable[Reference]) -> tuple[Reference, ...]:
        out = []
        for ref in refs:
            citing = by_sha.get(ref.law)
            if citing is None:
                out.append(replace(ref, reason="citing law not loaded"))
                continue
            out.append(_resolve_one(ref, citing, laws, idx_of))
        return tuple(out)

    return run


def references(laws: Sequence[Law]) -> tuple[Reference, ...]:
    """Find and resolve the references of every loaded law against all of them, with the implicit ones
    ("Те же деяния" in a qualified part: the acts of part one, lawgap.refs.implicit)."""
    found: list[Reference] = []
    for law in laws:
        found.extend(find_references(law))
    return resolve(found, laws) + tuple(ref for law in laws for ref in same_act_references(law))
