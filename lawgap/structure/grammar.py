"""What a structure grammar returns, and how the right one is chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lawgap.model import Provision
from lawgap.parsers.blocks import Block


@dataclass(frozen=True)
class Structured:
    """A grammar's output: the provisions, the text their spans index, and what it noticed."""

    provisions: tuple[Provision, ...]
    text: str
    title: str | None = None
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


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
