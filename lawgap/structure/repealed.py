"""Repealed articles: a heading and a repeal note, nothing else.

Reads: provisions. Writes: the eids of articles printed only as repealed.

Kyrgyz, Kazakh and Russian consolidated texts keep the heading of a repealed article with a note
such as "(Утратила силу в соответствии с Законом КР от 30 июня 2022 года № 51)". The article
stays in the tree, since its number is taken (a drafter must never reuse it) and official
article counts include it, but it is listed in `Law.repealed` so that no one reads it as law
in force.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lawgap.model import Provision

REPEAL_WORDS = re.compile(
    r"утратил\w* силу|исключ[её]н\w*|күчүн жоготт|алып салын|\brepealed\b|\bomitted\b", re.IGNORECASE
)


def is_repealed(p: Provision, has_children: bool) -> bool:
    """An article-level unit with no words and no children whose notes say it was repealed."""
    if p.kind not in ("article", "section") or has_children or p.text.strip():
        return False
    return any(REPEAL_WORDS.search(n) for n in p.notes) or bool(
        p.heading and REPEAL_WORDS.fullmatch(p.heading.strip(" .()[]"))
    )


def find_repealed(provisions: Sequence[Provision]) -> tuple[str, ...]:
    """The eids of the repealed article-level units, in document order."""
    parents = {p.parent for p in provisions}
    return tuple(p.eid for p in provisions if is_repealed(p, p.eid in parents))
