"""What a cross-reference is: the numbers it cites, its target, and where it was found and resolved.

Reads: nothing. Writes: the frozen types the find and resolve steps pass on (lawgap.refs.find, .resolve).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Num:
    """One number of a list as the law prints it; `last` is set for a range ("160–165")."""

    first: str
    last: str | None = None
    hyphen: bool = False  # the range was written "a-b" with a hyphen: it may be one number "a-b"


@dataclass(frozen=True)
class Target:
    """What a reference points at, before resolution.

    `law` is None for the citing law, else a law kind ("criminal_code") or "statute" with
    `law_name` holding the title. `levels` are (level, numbers) outermost first, level names
    from `refs_grammar.LEVEL_ORDER`. `relative` names the level of the citing provision the
    levels hang from ("article" for "настоящей статьи"); `implicit` marks a relative reading
    that the text did not spell out ("частью 2" alone).
    """

    law: str | None = None
    law_name: str | None = None
    levels: tuple[tuple[str, tuple[Num, ...]], ...] = ()
    relative: str | None = None
    implicit: bool = False


@dataclass(frozen=True)
class Found:
    """A reference found in one text: [start, end) span, the words, the target."""

    span: tuple[int, int]
    text: str
    target: Target


@dataclass(frozen=True)
class Reference:
    """A reference from a provision of a law, resolved or not.

    `law` is the citing law's sha256, `eid` the citing provision, `span` the range in that
    provision's `text`. After `resolve`: `resolved` holds the target eids (None when
    unresolved), `target_law` the sha256 of the law they belong to, `exact` is False when a
    deeper level was missing and the reference fell back to its parent, `reason` says why.
    """

    law: str
    eid: str
    span: tuple[int, int]
    text: str
    target: Target
    resolved: tuple[str, ...] | None = None
    target_law: str | None = None
    exact: bool = True
    reason: str | None = None

    @property
    def is_resolved(self) -> bool:
        return self.resolved is not None


