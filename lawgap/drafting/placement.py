"""Where a draft goes: the target law, its chapter, and the next free number in the national style.

Reads: the supplied laws, a template and the finding. Writes: a frozen `Placement`.

- The target law is the first of the template's law kinds that was supplied; the kinds are only
  those where the provision belongs (a test holds them to the rule's `law_kinds`). When none was
  supplied, the draft amends the named law of the catalogue (`supplied` False, number blank:
  "text not supplied: numbering to be checked"); it is never moved into a code where it does not belong.
- A partial finding amends the article that already holds some elements (a new part or item);
  where that provision states the requirement with limiting words the template names (`strike`),
  the words are struck instead, so the article never holds two contradicting rules.
- A `words` template adds words to the basic offence's list (part 1), after its last match of `after`.
- A gap goes beside the anchor article (first heading matching the template's anchors); a new
  article never follows a law's final or transitional provisions, and an offence never goes into a
  General Part because a supplied excerpt ends there.
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
from lawgap.vocab import CRIMINAL_CODE, LAW_KINDS, PARTIAL

BLANK_NUM = "___"
# Headings of the closing chapters: nothing is added after them.
_FINAL = re.compile(
    r"(?i)заключительн|переходн|порядок введени|введени\w* в действие|вступлени\w* в силу|final provisions"
)
_GENERAL_PART = re.compile(r"(?i)общая часть|general part")

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
    supplied: bool = True  # False: the law's text was not supplied (numbering to be checked)
    target_eid: str | None = None  # unit "words": the provision whose words change
    old: str = ""  # unit "words": the words as they stand (to strike, or after which words are added)
    new: str = ""  # unit "words": what replaces them ("" strikes them)
    key: int = 0  # tells apart new articles of a law whose numbers are blank

    @property
    def new_eid(self) -> str:
        """The eid the inserted provision gets in our parser's naming."""
        if self.unit == "article":
            return f"art_{self.num}" if self.num != BLANK_NUM else f"art_new{self.key}"
        if self.unit == "words":
            return self.target_eid or self.article_eid
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

    def copy(self) -> Allocator:
        """The numbers given so far, apart: a draft made again after a check takes the same number."""
        other = Allocator()
        other._given = {k: set(v) for k, v in self._given.items()}
        return other


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


def _is_excerpt(law: Law) -> bool:
    return law.excerpt or "excerpt" in law_id(law) or "arts" in law_id(law)


def laws_by_kind(laws: Sequence[Law]) -> dict[str, list[Law]]:
    """The laws of each kind, Russian versions first, a full text before excerpts of the same code."""
    out: dict[str, list[Law]] = {}
    order = sorted(laws, key=lambda x: (x.language != "ru", x.language, _is_excerpt(x), -len(x.provisions), x.source))
    for law in order:
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


def unsupplied_law(country: str, kind: str) -> Law:
    """The catalogue's law of `kind`, without text: a draft for it names the law and leaves numbers blank."""
    from lawgap.drafting.names import law_name

    name = law_name(country, kind)
    return Law(name.title_ru, "ru", "civil", f"{kind}.not-supplied", f"not-supplied-{country}-{kind}", (),
               country=country, kind=kind)  # fmt: skip


def _last_article(law: Law) -> Provision | None:
    """The last article before the final or transitional provisions (never after "Порядок введения в действие")."""
    last = None
    for a in law.articles():
        if any(_FINAL.search(x.heading or "") for x in (*law.ancestors(a.eid), a)):
            break
        if a.eid not in law.repealed:
            last = a
    return last


def in_general_part(law: Law, eid: str) -> bool:
    heads = (x.heading or x.text or "" for x in law.ancestors(eid) if x.kind in ("part", "book"))
    return any(_GENERAL_PART.search(h) for h in heads)


def _strike(law: Law, finding: Finding, pattern: str) -> tuple[Provision, str] | None:
    """The provision of the finding's evidence that holds the template's limiting words, and those words."""
    rx = re.compile(pattern)
    for ev in finding.evidence:
        if ev.article not in law.by_eid:
            continue
        for p in law.subtree(ev.article):
            m = rx.search(p.text)
            if m:
                return p, m.group(0)
    return None


def basic_part(law: Law, article: Provision) -> Provision:
    """Part 1 of an offence (the basic offence), or the article itself when it has no parts."""
    parts = [p for p in law.children(article.eid) if p.kind == "paragraph"]
    return parts[0] if parts else article


def _words_placement(law: Law, article: Provision, template: Template, lang_add: str, base: dict) -> Placement | None:
    target = basic_part(law, article)
    hits = list(re.finditer(template.after, target.text))
    if not hits:
        return None
    old = hits[-1].group(0)
    return Placement(
        **base, unit="words", article_eid=article.eid, article_num=article.num or "", part_num=target.num,
        num=target.num or "", previous=None, target_eid=target.eid, old=old, new=old + lang_add,
        basis=f"the means go into the list of the basic offence, part {target.num or 1} of article {article.num}",
    )  # fmt: skip


def place(
    template: Template, finding: Finding, laws: Sequence[Law], alloc: Allocator, country: str | None = None
) -> Placement:
    """The placement of a draft for `finding`; gives out its number in `alloc`."""
    groups = laws_by_kind(laws)
    country = country or next((x.country for x in laws if x.country), None) or ""
    kinds = [k for k in template.kinds if k in groups]
    if not kinds:
        stub = unsupplied_law(country, template.home)
        key = len(alloc.taken(stub, "", set())) + 1
        alloc.give(stub, "", str(key))
        return Placement(
            stub, law_id(stub), template.home, "article", "", BLANK_NUM, None, BLANK_NUM, None, None, None,
            template.home, "the law where the provision belongs was not supplied: a new article of that law "
            "(text not supplied: numbering to be checked)", supplied=False, key=key,
        )  # fmt: skip
    candidates = groups[kinds[0]]
    if template.strike and finding.status == PARTIAL:
        for cand in candidates:
            hit = _strike(cand, finding, template.strike)
            if hit is not None:
                p, words = hit
                art = next((a for a in (*cand.ancestors(p.eid), p) if cand.is_article_level(a)), p)
                ch = _chapter(cand, art.eid)
                return Placement(
                    cand, law_id(cand), kind_of(cand), "words", art.eid, art.num or "", None, p.num or "", None,
                    ch.num if ch else None, ch.heading if ch else None, None,
                    f"article {art.num} already states the rule with limiting words: the limit is struck",
                    target_eid=p.eid, old=words, new="",
                )  # fmt: skip

    law, article, why = candidates[0], None, ""
    if finding.status == PARTIAL:
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
    if template.unit == "words" and article is not None:
        ch = _chapter(law, article.eid)
        base = dict(law=law, law_id=lid, kind=kind_of(law), chapter_num=ch.num if ch else None,
                    chapter_heading=ch.heading if ch else None, natural_kind=None)  # fmt: skip
        words = _words_placement(law, article, template, template.add_ru, base)
        if words is not None:
            return words
    if article is None:  # nothing on the subject in this law: a new article before its final provisions
        last = _last_article(law)
        if last is None or (kind_of(law) == CRIMINAL_CODE and in_general_part(law, last.eid)):
            # an offence never goes into the General Part because the supplied text ends there
            key = len(alloc.taken(law, "blank", set())) + 1
            alloc.give(law, "blank", str(key))
            return Placement(
                law, lid, kind_of(law), "article", "", BLANK_NUM, None, BLANK_NUM, None, None, None, None,
                "the supplied text does not hold the chapter where the provision belongs: a new article, "
                "numbering to be checked against the full text", supplied=False, key=key,
            )  # fmt: skip
        num = next_article(law, last, alloc)
        alloc.give(law, "", num)
        ch = _chapter(law, last.eid)
        return Placement(
            law, lid, kind_of(law), "article", last.eid, num, None, num, last.num,
            ch.num if ch else None, ch.heading if ch else None, None,
            f"no article of this law is on the subject: a new article after article {last.num}",
        )  # fmt: skip

    unit = "part" if template.unit == "words" else template.unit
    ch = _chapter(law, article.eid)
    chapter = (ch.num if ch else None, ch.heading if ch else None)
    if unit == "item":
        holder = _list_part(law, article, template.list_part)
        if holder is not None:
            num, prev = next_child(law, holder.eid, "point", alloc)
            alloc.give(law, holder.eid, num)
            return Placement(
                law, lid, kind_of(law), "item", article.eid, article.num or "",
                holder.num if holder.kind == "paragraph" else None, num, prev, *chapter, None,
                f"a new item of the list in article {article.num}: {why}",
            )  # fmt: skip
        unit = "part"
    if finding.status == PARTIAL and why.startswith("article"):
        unit = "part"
    if unit == "article":
        num = next_article(law, article, alloc)
        alloc.give(law, "", num)
        return Placement(
            law, lid, kind_of(law), "article", article.eid, num, None, num, article.num, *chapter, None,
            f"a new article after article {article.num} ({article.heading}), in its chapter",
        )  # fmt: skip
    paragraphs = [p for p in law.children(article.eid) if p.kind == "paragraph"]
    if not paragraphs and not alloc.taken(law, article.eid, set()):
        alloc.give(law, article.eid, "1")
        alloc.give(law, article.eid, "2")
        return Placement(
            law, lid, kind_of(law), "restate", article.eid, article.num or "", None, "2", "1", *chapter, None,
            f"article {article.num} has no parts: it is restated with its text as part 1 and the new part 2 ({why})",
        )  # fmt: skip
    num, prev = next_child(law, article.eid, "paragraph", alloc)
    alloc.give(law, article.eid, num)
    return Placement(
        law, lid, kind_of(law), "part", article.eid, article.num or "", None, num, prev, *chapter, None,
        f"a new part of article {article.num}: {why}",
    )  # fmt: skip
