"""The terms a measure is given on, read across its article and its law, not only in the sentence that names it.

Reads: one element's hits in one law (lawgap.assess.match) and the law's provision tree. Writes: the same hits, an
unlimited one taking the limits a lawyer reads into it: from the part of its article that first grants the measure,
from the text its heading names, or from the articles that work out a measure a list only names.
"""

from __future__ import annotations

from dataclasses import replace

from lawgap.assess.context import provision_order
from lawgap.assess.findings import Limitation
from lawgap.assess.hit import Hit
from lawgap.assess.index import LawIndex
from lawgap.assess.roles import framing_role


def article_read_as_one(index: LawIndex, hits: list[Hit]) -> list[Hit]:
    """An article grants a measure where it first names it, and its later parts work it out: "По уголовным делам о
    тяжких и особо тяжких преступлениях ... вправе: 1) ... псевдоним" in part 1, "Псевдоним ... указывается в
    постановлении" in part 2. Later unlimited hits of the element in the same article take the first one's limits."""
    order = provision_order(index)
    first: dict[str, Hit] = {}
    for h in sorted((h for h in hits if h.field == "text"), key=lambda h: (order[h.eid], h.span)):
        first.setdefault(h.article, h)
    out = []
    for h in hits:
        lead = first.get(h.article)
        terms = _terms(lead.limitations) if lead is not None else ()
        if h.field == "text" and terms and not h.limited_by and h.eid != lead.eid:
            h = replace(h, limitations=terms, limited_by=tuple(dict.fromkeys(x.words for x in terms)))
        out.append(h)
    return out


def _terms(limits: tuple[Limitation, ...]) -> tuple[Limitation, ...]:
    """The limits that are terms of a measure and so carry to where the measure is read again: not a weaker wording
    of the element at one place (a `partly` cue: "участники процесса" for migrants), which is that place's own."""
    return tuple(x for x in limits if x.kind != "partly")


def _in_note(index: LawIndex, eid: str) -> bool:
    p = index.law.by_eid[eid]
    while p is not None and p.eid != index.article_of[eid]:
        if p.kind == "note":
            return True
        p = index.law.by_eid[p.parent] if p.parent else None
    return False


def titles_read_with_text(index: LawIndex, hits: list[Hit]) -> list[Hit]:
    """A heading names what its article provides, with the limits its text sets: "Срок для восстановления и
    принятия решения" heads a period "до тридцати суток". A heading hit takes the limitations of the
    element's hits in its article's text when each of those is limited."""
    body: dict[str, list[Hit]] = {}
    for h in hits:
        if h.field == "text" and not _in_note(index, h.eid):
            # a note qualifies its article ("released from liability for crimes of minor or medium gravity"), it
            # does not grant what the heading names
            body.setdefault(h.article, []).append(h)
    out = []
    for h in hits:
        text = body.get(h.article, [])
        if h.field == "heading" and not h.limited_by and text and all(_terms(t.limitations) for t in text):
            limits = tuple(dict.fromkeys(x for t in text for x in _terms(t.limitations)))
            h = replace(h, limitations=limits, limited_by=tuple(dict.fromkeys(x.words for x in limits)))
        out.append(h)
    return out


# An item of a list that only names a measure ("1) temporary accommodation in a specialized institution;"), in at most
# this many words: the law says on what terms in the article that works the measure out.
_NAMING_ONLY = 12


def listed_read_with_regime(index: LawIndex, hits: list[Hit]) -> list[Hit]:
    """A list of the kinds of help ("Victims are provided with the following types of assistance: 1) temporary
    accommodation ...") names each measure; the article that works it out sets its terms ("placed ... for a period of
    up to thirty days"). An unlimited item that only names the measure takes the limits of the element's hits in the
    other articles of the law when each of those is limited. A definitions, purposes or financing article works
    nothing out ("specialized institution - ... providing temporary accommodation"): its hits are not read."""
    law = index.law
    named = {
        id(h) for h in hits
        if h.field == "text" and not h.limited_by and law.by_eid[h.eid].kind in ("point", "subpoint")
        and len((law.by_eid[h.eid].text or "").split()) <= _NAMING_ONLY
    }
    if not named:
        return hits
    # the hits of the articles that may work a measure out, read once for every item that only names it
    pool = [
        x for x in hits
        if x.field == "text" and id(x) not in named and not framing_role(law.by_eid[x.article].heading)
    ]
    unlimited = {x.article for x in pool if not _terms(x.limitations)}
    out = []
    for h in hits:
        if id(h) in named and unlimited <= {h.article}:
            elsewhere = [x for x in pool if x.article != h.article]
            if elsewhere:
                limits = tuple(dict.fromkeys(lim for x in elsewhere for lim in _terms(x.limitations)))
                h = replace(h, limitations=limits, limited_by=tuple(dict.fromkeys(x.words for x in limits)))
        out.append(h)
    return out


def measure_article_governs(index: LawIndex, hits: list[Hit]) -> list[Hit]:
    """The article headed by a measure ("Замена документов ..., изменение внешности") sets its terms ("только по
    уголовным делам об особо тяжких преступлениях"); another article that names the measure in passing (the secrecy
    of "сведения о ... замене документов", its costs, a list) does not grant it free of them. When every hit of the
    element in the articles its heading names is limited, an unlimited hit elsewhere in the law takes those limits."""
    headed = {h.article for h in hits if h.field == "heading"}
    governing = [h for h in hits if h.article in headed and not _in_note(index, h.eid)]
    if not governing or not all(_terms(h.limitations) for h in governing):
        return hits
    limits = tuple(dict.fromkeys(x for h in governing for x in _terms(h.limitations)))
    out = []
    for h in hits:
        if h.field == "text" and h.article not in headed and not h.limited_by:
            h = replace(h, limitations=limits, limited_by=tuple(dict.fromkeys(x.words for x in limits)))
        out.append(h)
    return out
