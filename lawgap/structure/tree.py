"""Turns a grammar's open/text events into Provisions with Akoma Ntoso style eids.

Reads: open/text events from a grammar. Writes: `Provision`s and `Structured`.

Grammars decide what a line is; this module alone decides ids, parents and spans, so every
grammar names provisions the same way (GUIDE.md, "Identifiers"):
- containers above the article (book, part, section, chapter) are named on their own:
  `chp_12`, `part_2`;
- an article-level unit is named on its own too: `art_166`, `sec_3`;
- anything below is prefixed with its parent: `art_166__para_4`, `sec_3__subsec_1__para_a`;
- a number keeps its printed form, with dots turned into hyphens (`127.1` -> `art_127-1`);
- unnumbered nodes get `<alias>_nn_<k>`; a repeated id gets `_dup<k>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawgap.model import Provision

# Ranks at and above this one are article-level or inside an article: their children are prefixed.
ARTICLE_RANK = 50

_UNSAFE = re.compile(r"[^0-9A-Za-zА-Яа-яЁёӨөҮүҢң\-]+")


def eid_num(num: str) -> str:
    """The id form of a printed number: '127.1' -> '127-1', '1 )' -> '1', 'XII' -> 'XII'."""
    num = num.strip().replace(".", "-").replace("–", "-").replace("—", "-")
    num = _UNSAFE.sub("", num).strip("-")
    return num


class DocumentText:
    """The law's plain text, built line by line; each line's [start, end) is what spans index."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self.pos = 0

    def append(self, line: str) -> tuple[int, int]:
        if self._pieces:
            self._pieces.append("\n")
            self.pos += 1
        start = self.pos
        self._pieces.append(line)
        self.pos += len(line)
        return start, self.pos

    def __str__(self) -> str:
        return "".join(self._pieces)


def unique_eid(eid: str, taken: set[str]) -> str:
    """`eid`, or `eid_dup2`, `eid_dup3`... when it is taken; the result is added to `taken`."""
    if eid in taken:
        k = 2
        while f"{eid}_dup{k}" in taken:
            k += 1
        eid = f"{eid}_dup{k}"
    taken.add(eid)
    return eid


@dataclass
class _Node:
    kind: str
    alias: str
    num: str | None
    heading: str | None
    rank: int
    eid: str
    parent: str | None
    start: int
    end: int
    texts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    printed: bool = True


class TreeBuilder:
    """Collects nodes in document order; `open` closes every open node of equal or lower rank."""

    def __init__(self) -> None:
        self._nodes: list[_Node] = []
        self._stack: list[_Node] = []
        self._eids: set[str] = set()
        self._unnumbered: dict[tuple[str | None, str], int] = {}
        self._doc = DocumentText()
        self._append = self._doc.append
        self.law_notes: list[str] = []

    # -- events --------------------------------------------------------------------------
    @property
    def current(self) -> _Node | None:
        return self._stack[-1] if self._stack else None

    def current_kind(self) -> str | None:
        return self._stack[-1].kind if self._stack else None

    def open(
        self,
        kind: str,
        alias: str,
        num: str | None,
        rank: int,
        heading: str | None = None,
        line: str | None = None,
    ) -> str:
        """Start a provision; `line` is the source line that opened it (for spans), if any."""
        while self._stack and self._stack[-1].rank >= rank:
            self._stack.pop()
        parent = self._stack[-1] if self._stack else None
        scope = parent.eid if parent is not None and parent.rank >= ARTICLE_RANK else None
        if num:
            local = f"{alias}_{eid_num(num) or 'nn'}"
        else:
            key = (scope, alias)
            self._unnumbered[key] = self._unnumbered.get(key, 0) + 1
            local = f"{alias}_nn_{self._unnumbered[key]}"
        eid = unique_eid(f"{scope}__{local}" if scope else local, self._eids)
        start, end = self._append(line) if line else (self._doc.pos, self._doc.pos)
        node = _Node(kind, alias, num, heading, rank, eid, parent.eid if parent else None, start, end)
        self._nodes.append(node)
        self._stack.append(node)
        return eid

    def close_to(self, rank: int) -> None:
        """Close open nodes of rank >= `rank` (e.g. text after a list returns to the article)."""
        while self._stack and self._stack[-1].rank >= rank:
            self._stack.pop()

    def text(self, text: str, *, kind: str = "paragraph", alias: str = "para", rank: int = 60) -> None:
        """Add words to the innermost open provision; with none open, start an unnumbered one."""
        text = text.strip()
        if not text:
            return
        if not self._stack:
            self.open(kind, alias, None, rank)
        node = self._stack[-1]
        start, end = self._append(text)
        if node.start == node.end:  # opened without a line of its own: the span starts at its words
            node.start = start
        node.texts.append(text)
        node.end = end

    def unprinted(self) -> None:
        """The innermost provision's number is its position, not printed in the law ("часть вторая")."""
        if self._stack:
            self._stack[-1].printed = False

    def set_heading(self, heading: str) -> None:
        """Attach a heading found on a line after the one that opened the provision."""
        node = self.current
        if node is not None:
            node.heading = f"{node.heading} {heading}".strip() if node.heading else heading
            empty = node.start == node.end
            start, node.end = self._append(heading)
            if empty:
                node.start = start

    def note(self, note: str) -> None:
        """Keep metadata (amendment note, footnote) on the innermost provision, or on the law."""
        note = note.strip()
        if not note:
            return
        if self._stack:
            self._stack[-1].notes.append(note)
        else:
            self.law_notes.append(note)

    # -- result --------------------------------------------------------------------------
    def provisions(self) -> tuple[Provision, ...]:
        return tuple(
            Provision(
                eid=n.eid,
                parent=n.parent,
                kind=n.kind,
                num=n.num,
                heading=n.heading,
                text="\n".join(n.texts),
                span=(n.start, n.end),
                notes=tuple(n.notes),
                printed=n.printed,
            )
            for n in self._nodes
        )

    def document_text(self) -> str:
        return str(self._doc)


@dataclass(frozen=True)
class Structured:
    """A grammar's output: the provisions, the text their spans index, and what it noticed."""

    provisions: tuple[Provision, ...]
    text: str
    title: str | None = None
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    excerpt: bool = False  # the text says it holds only some articles ("(извлечение)")
