"""The structure stage: numbering grammars turn a reader's blocks into a provision tree.

Reads: `Block`s (lawgap.model). Writes: `Structured` (lawgap.structure.tree): provisions with ids,

parents and spans. One grammar per drafting style, chosen here; `tree` alone names provisions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lawgap.model import Block
from lawgap.structure.tree import Structured

Grammar = Callable[[Sequence[Block], str], Structured]


def grammar_for(style: str) -> Grammar:
    """The grammar of a drafting style: 'civil' (Russian, Kyrgyz) or 'common' (English)."""
    if style == "civil":
        from lawgap.structure.civil import structure
    elif style == "common":
        from lawgap.structure.common import structure
    else:
        raise ValueError(f"unknown drafting style {style!r}; expected 'civil' or 'common'")
    return structure
