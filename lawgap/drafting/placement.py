"""Where a draft goes: the target law, its chapter, and the next free number in the national style.

Reads: the supplied laws, a template and the finding. Writes: a frozen `Placement`.

- The target law is the first of the template's law kinds that was supplied (procedural measures
  in the criminal procedure code, offences in the criminal code); when the natural home (the
  anti-trafficking or migration law) was not supplied, the next kind on the list is used and
  `natural_kind` records where the provision really belongs.
- A partial finding amends the article that already holds some elements (a new part or item).
- A gap goes beside the anchor article (first heading matching the template's anchors).
- Numbers follow Kyrgyz and Kazakh practice: a new article after 166 is 166-1 (166-2 if that is
  taken), a new part of an article is max + 1, a new item of a list is max + 1. An `Allocator`
  remembers numbers given out in one batch so two drafts never take the same number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lawgap.assess.findings import Finding, law_id
from lawgap.drafting.template import Template
from lawgap.model import Law, Provision
from lawgap.vocab import LAW_KINDS

_LEAD_INT = re.compile(r"^(\d+)")


@dataclass(frozen=True)
class Placement:
    """Where the new provision goes. `unit` is article, part, item, or restate (an article without
    parts gets part 2 and is restated, its old text becoming part 1)."""

    law: Law = field(repr=False, compare=False)
    law_id: str
    kind: str | None
    unit: str
    article_eid: str  # the article holding the new unit; for a new article, the anchor it follows
    article_num: str  # the article holding the new unit; for a new article, its new number
    part_num: str | None  # the part holding a new item
    num: str  # the new number (article, part or item)
    previous: str | None  # the number of the unit the new one follows (item: its last item)
    chapter_num: str | None
    chapter_heading: str | None
    natural_kind: str | None  # where the provision belongs when that law was not supplied
    basis: str  # why here, one sentence

    @property
    def new_eid(self) -> str:
        """The eid the inserted provision gets in our parser's naming."""
        if self.unit == "article":
            return f"art_{self.num}"
        if self.unit == "item":
            if self.part_num:
                return f"art_{self.article_num}__para_{self.part_num}__point_{self.num}"
            return f"art_{self.article_num}__point_{self.num}"
        return f"art_{self.article_num}__para_{self.num}"


class Allocator:
    """Numbers taken in each container: the law's own plus those given to earlier drafts of a batch."""

    def __init__(self) -> None:
        self._given: dict[tuple[str, str], set[str]] = {}

    def taken(self, law: Law, container: str, existing: set[str]) -> set[str]:
        return existing | self._given.get((law.sha256, container), set())

    def give(self, law: Law, container: str, num: str) -> None:
        self._given.setdefault((law.sha256, container), set()).add(num)


def _lead(num: str | None) -> int:
    m = _LEAD_INT.match(num or "")
    return int(m.group(1)) if m else 0


def kind_of(law: Law) -> str | None:
    """The law's kind, or the kind its file name starts with (a code supplied as excerpts:
    "criminal_code_2014_arts125-135_ru.md")."""
    if law.kind:
        return law.kind
    stem = law_id(law)
    for kind in sorted(LAW_KINDS, key=len, reverse=True):
        if stem.startswith(kind):
            return kind
    return None


def laws_by_kind(laws: Sequence[Law]) -> dict[str, list[Law]]:
    """The laws of each kind, Russian versions first (several files of one kind: excerpts of a code)."""
    out: dict[str, list[Law]] = {}
    for law in sorted(laws, key=lambda x: (x.language != "ru", x.language, x.source)):
        kind = kind_of(law)
        if kind:
            out.setdefault(kind, []).append(law)
    return out


def primary_laws(laws: Sequence[Law]) -> dict[str, Law]:
    """One law per kind: the Russian version where several language versions of a code were given."""
    return {k: v[0] for k, v in laws_by_kind(laws).items()}


def next_article(law: Law, anchor: Provision, alloc: Allocator) -> str:
    root = (anchor.num or "0").split("-")[0].split(".")[0]
    taken = alloc.taken(law, "", {a.num or "" for a in law.articles()})
    k = 1
    while f"{root}-{k}" in taken:
        k += 1
    return f"{root}-{k}"


def next_child(law: Law, eid: str, kind: str, alloc: Allocator) -> tuple[str, str | None]:
    """The next free number among `kind` children of `eid`, and the number of the last one."""
    kids = [p for p in law.children(eid) if p.kind == kind]
    existing = {p.num or "" for p in kids}
    taken = alloc.taken(law, eid, existing)
    n = max((_lead(x) for x in taken), default=0) + 1
    given = taken - existing
    if given:  # an earlier draft of the batch added the last one: the new unit follows it
        return str(n), max(given, key=_lead)
    return str(n), (kids[-1].num if kids else None)


def _chapter(law: Law, eid: str) -> Provision | None:
    for p in reversed(law.ancestors(eid)):
        if p.kind == "chapter":
            return p
    return None


def _anchor(law: Law, template: Template) -> Provision | None:
    """The first article whose heading matches the template's anchors, tried in order; None if none does."""
    articles = law.articles()
    for pattern in template.anchor:
        rx = re.compile(pattern, re.I)
        for a in articles:
            if a.heading and rx.search(a.heading.strip()) and a.eid not in law.repealed:
                return a
    return None


def _list_part(law: Law, article: Provision, pattern: str) -> Provision | None:
    """The part (or the article itself) whose lead-in matches `pattern` and that has items."""
    rx = re.compile(pattern, re.I) if pattern else None
    for p in (article, *law.children(article.eid)):
        if p.kind not in ("article", "paragraph"):
            continue
        if any(c.kind == "point" for c in law.children(p.eid)) and (rx is None or rx.search(p.text)):
            return p
    return None


def _evidence_article(finding: Finding, law: Law, laws: Sequence[Law], template: Template) -> Provision | None:
    """The article of the target law (or of its other language version) that already holds some elements
    and is on the template's subject (its heading matches an anchor): a stray hit in an unrelated article
    (a smuggling element found in the torture article) is not amended."""
    kinds = {law_id(x): kind_of(x) for x in laws}
    anchors = [re.compile(a, re.I) for a in template.anchor]
    for ev in finding.evidence:
        p = law.by_eid.get(ev.article)
        if p is None or not law.is_article_level(p) or kinds.get(ev.law) != kind_of(law):
            continue
        if any(a.search((p.heading or "").strip()) for a in anchors):
            return p
    return None


def place(template: Template, finding: Finding, laws: Sequence[Law], alloc: Allocator) -> Placement:
    """The placement of a draft for `finding`; gives out its number in `alloc`."""
    groups = laws_by_kind(laws)
    if not groups:
        raise ValueError("no law with a known kind was supplied: cannot choose where the draft goes")
    kinds = [k for k in template.kinds if k in groups]
    natural = template.kinds[0] if template.kinds and template.kinds[0] not in groups else None
    candidates = groups[kinds[0]] if kinds else next(iter(groups.values()))

    law, article, why = candidates[0], None, ""
    if finding.status == "partial":
        for cand in candidates:
            article = _evidence_article(finding, cand, laws, template)
            if article is not None:
                law, why = cand, f"article {article.num} already provides part of the requirement"
                break
    if article is None:
        for cand in candidates:
            article = _anchor(cand, template)
            if article is not None:
                law, why = cand, "next to the article on the same subject"
                break
    lid = law_id(law)
    if article is None:  # nothing on the subject in this law: a new article after its last one
        last = law.articles()[-1]
        num = next_article(law, last, alloc)
        alloc.give(law, "", num)
        ch = _chapter(law, last.eid)
        return Placement(
            law, lid, kind_of(law), "article", last.eid, num, None, num, last.num,
            ch.num if ch else None, ch.heading if ch else None, natural,
            f"no article of this law is on the subject: a new article after its last article {last.num}",
        )  # fmt: skip

    unit = template.unit
    if unit == "item":
        holder = _list_part(law, article, template.list_part)
        if holder is not None:
            num, prev = next_child(law, holder.eid, "point", alloc)
            alloc.give(law, holder.eid, num)
            ch = _chapter(law, article.eid)
            return Placement(
                law,
                lid,
                kind_of(law),
                "item",
                article.eid,
                article.num or "",
                holder.num if holder.kind == "paragraph" else None,
                num,
                prev,
                ch.num if ch else None,
                ch.heading if ch else None,
                natural,
                f"a new item of the list in article {article.num}: {why}",
            )
        unit = "part"
    if finding.status == "partial" and why.startswith("article"):
        unit = "part"
    ch = _chapter(law, article.eid)
    if unit == "article":
        num = next_article(law, article, alloc)
        alloc.give(law, "", num)
        return Placement(
            law,
            lid,
            kind_of(law),
            "article",
            article.eid,
            num,
            None,
            num,
            article.num,
            ch.num if ch else None,
            ch.heading if ch else None,
            natural,
            f"a new article after article {article.num} ({article.heading}), in its chapter",
        )
    paragraphs = [p for p in law.children(article.eid) if p.kind == "paragraph"]
    if not paragraphs and not alloc.taken(law, article.eid, set()):
        alloc.give(law, article.eid, "1")
        alloc.give(law, article.eid, "2")
        return Placement(
            law,
            lid,
            kind_of(law),
            "restate",
            article.eid,
            article.num or "",
            None,
            "2",
            "1",
            ch.num if ch else None,
            ch.heading if ch else None,
            natural,
            f"article {article.num} has no parts: it is restated with its text as part 1 and the new part 2 ({why})",
        )
    num, prev = next_child(law, article.eid, "paragraph", alloc)
    alloc.give(law, article.eid, num)
    return Placement(
        law,
        lid,
        kind_of(law),
        "part",
        article.eid,
        article.num or "",
        None,
        num,
        prev,
        ch.num if ch else None,
        ch.heading if ch else None,
        natural,
        f"a new part of article {article.num}: {why}",
    )
