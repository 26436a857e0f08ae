"""Implicit references: a qualified part's "the same act" points at part one of its article.

Reads: a Law (its qualified parts, lawgap.structure.qualified). Writes: resolved `Reference`s with the
reason "implicit", and `basic_part`, for the assessment to read the basic offence into its qualified parts.

"Те же деяния, совершенные: а) группой лиц" names no part, yet a lawyer reads it as "the acts of part
one, committed by a group": the means, purpose and victim of part one are those of part two. The
words are found where a qualified part opens ("Те же деяния", "То же деяние", "Ошол эле жосундар",
"The same acts"; in Kyrgyz word order also after a modifier: "Төмөнкүдөй жасалган ошол эле жосун").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawgap.model import Law
from lawgap.refs.reference import Num, Reference, Target

_SAME_WORDS = re.compile(r"(?:Те|То|Та)\s+же\s+[а-яё]+|[Оо]шол\s+эле\s+[а-яөүң]+|The\s+same\s+[a-z]+")
# The words stand in the part's opening clause; Kyrgyz puts them after what aggravates the act.
_OPENING = re.compile(r"^[^:;\n]{0,600}")
REASON = "implicit: the same act as the article's first part"


def basic_part(law: Law, eid: str) -> str | None:
    """The eid of the part a qualified part aggravates (its article's first part), else None."""
    p = law.by_eid.get(eid)
    if p is None or not p.qualified or p.parent is None:
        return None
    first = next((c for c in law.children(p.parent) if c.kind == "paragraph"), None)
    return first.eid if first is not None and first.eid != eid else None


def same_act_references(law: Law) -> Iterator[Reference]:
    """A resolved reference from each qualified part that opens with "the same act" to the part it repeats."""
    for p in law.provisions:
        if not p.qualified:
            continue
        opening = _OPENING.match(p.text)
        m = _SAME_WORDS.search(p.text, 0, opening.end() if opening else 0)
        basic = basic_part(law, p.eid)
        if m is None or basic is None:
            continue
        levels = (("paragraph", (Num(law.by_eid[basic].num or "1"),)),)
        target = Target(levels=levels, relative="article", implicit=True)
        yield Reference(
            law.sha256, p.eid, m.span(), m.group(), target, resolved=(basic,), target_law=law.sha256, reason=REASON
        )
