"""The data every stage passes on, frozen so stages cannot edit each other's output.

Reads: nothing. Writes: the types. A format reader (lawgap.parsers) produces `Block`s in an

`Extracted`; a structure grammar (lawgap.structure) turns them into `Provision`s; the `Law` holds
them with its metadata and is what every later stage (refs, assess, review, drafting, publish) reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

# Provision kinds of the public JSON contract (GUIDE.md), outermost first.
KINDS = ("book", "part", "section", "chapter", "article", "paragraph", "point", "subpoint", "note")

# Legal traditions whose numbering grammars lawgap knows.
STYLES = ("civil", "common")


@dataclass(frozen=True)
class Provision:
    """One node of a law's provision tree.

    `text` is the provision's own words (the article's lead-in, a part's body), not its
    children's; `Law.full_text` joins a subtree. `span` is the [start, end) range of the
    provision's own heading and text in `Law.text`. `notes` keeps what the law prints about a
    provision but is not its text (bracketed amendment notes, "Сноска." footnotes).
    """

    eid: str
    parent: str | None
    kind: str
    num: str | None
    heading: str | None
    text: str
    span: tuple[int, int] = (0, 0)
    notes: tuple[str, ...] = ()
    # A part that states an aggravated form of the offence of its article ("Те же деяния, совершенные: ...",
    # "The same act"): what it lists aggravates the basic offence, it does not define it.
    qualified: bool = False
    # False when `num` is the provision's position, not printed in the law: the unnumbered parts of
    # Uzbek, Tajik and Turkmen codes, cited "часть вторая" (lawgap.structure.parts).
    printed: bool = True


@dataclass(frozen=True)
class Law:
    """A parsed law: metadata, the provisions in document order, and the plain text they index."""

    title: str
    language: str
    style: str
    source: str
    sha256: str
    provisions: tuple[Provision, ...]
    text: str = ""
    country: str | None = None
    kind: str | None = None
    date: str | None = None
    number: str | None = None
    ocr: bool = False
    # The words come from OCR, ours or an earlier one under a scanned page: misspellings expected.
    noisy: bool = False
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    # Eids of article-level units the law prints only as "(Утратила силу ...)": they stay in the
    # tree (their numbers are taken, and official counts include them) but carry no obligation.
    repealed: tuple[str, ...] = ()
    # Only some articles of the law are in the file (it starts or ends mid-text, or says "извлечение"):
    # a requirement whose article is not among them is not assessed, never a gap.
    excerpt: bool = False

    @cached_property
    def by_eid(self) -> dict[str, Provision]:
        return {p.eid: p for p in self.provisions}

    @cached_property
    def children_of(self) -> dict[str | None, tuple[Provision, ...]]:
        kids: dict[str | None, list[Provision]] = {}
        for p in self.provisions:
            kids.setdefault(p.parent, []).append(p)
        return {k: tuple(v) for k, v in kids.items()}

    def children(self, eid: str | None) -> tuple[Provision, ...]:
        return self.children_of.get(eid, ())

    def is_article_level(self, p: Provision) -> bool:
        """Articles in civil-law drafting; sections in common-law drafting (GUIDE.md)."""
        if p.kind == "article":
            return True
        return self.style == "common" and p.kind == "section"

    def articles(self) -> tuple[Provision, ...]:
        return tuple(p for p in self.provisions if self.is_article_level(p))

    def subtree(self, eid: str) -> tuple[Provision, ...]:
        """The provision and all its descendants, in document order."""
        out: list[Provision] = []
        stack = [self.by_eid[eid]]
        while stack:
            p = stack.pop()
            out.append(p)
            stack.extend(reversed(self.children(p.eid)))
        return tuple(out)

    def full_text(self, eid: str) -> str:
        """The provision's words with those of all its descendants, one line each."""
        return "\n".join(p.text for p in self.subtree(eid) if p.text)

    def ancestors(self, eid: str) -> tuple[Provision, ...]:
        """Outermost first: e.g. section, chapter for an article."""
        chain: list[Provision] = []
        p = self.by_eid[eid]
        while p.parent is not None:
            p = self.by_eid[p.parent]
            chain.append(p)
        return tuple(reversed(chain))


# -- what a format reader hands to the structure stage ------------------------------------------
# Format readers (docx, pdf, html, text, markdown) only extract; the structure grammars turn blocks into
# provisions. Keeping them apart lets one grammar serve every format.


@dataclass(frozen=True)
class Block:
    """One paragraph or line of the source, already stripped of page furniture.

    `heading_level` is set only where the format itself says so (Markdown '#', HTML h1-h6,
    a Word 'Heading N' style); `style` keeps the raw hint (Word style id, HTML tag,
    "superscript-num" and the like) for grammars that need it.
    """

    text: str
    style: str = ""
    heading_level: int | None = None
    bold: bool = False
    centered: bool = False
    page: int | None = None


@dataclass(frozen=True)
class Extracted:
    """What a format reader hands to the structure stage."""

    blocks: tuple[Block, ...]
    ocr: bool = False
    warnings: tuple[str, ...] = ()
    title: str | None = None
    language: str | None = None
