"""The provision a measure names its persons by: "The victims specified in part 1 of Article 19 of this Law are
provided with medical assistance free of charge" gives that help to the persons art 19(1) describes, and with
its limits ("Persons recognised as victims in criminal cases on grave and especially grave crimes").

Reads: a LawIndex, a hit's sentence and its citation asides (lawgap.assess.asides); the references in them, found
and resolved within the same law (lawgap.refs). Writes: the cited provisions whose conditions bind the hit, for
the matcher to read with it (lawgap.assess.match). Only asides that name persons or things by a citation
("указанные в", "specified in", "referred to in") carry limits; "in the manner provided for by Article 12" names
a procedure, not the persons, and carries none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawgap.assess.asides import aside_at
from lawgap.refs.find import find_in_text
from lawgap.refs.reference import Reference
from lawgap.refs.resolve import resolver
from lawgap.structure.qualified import SANCTIONS

if TYPE_CHECKING:
    from lawgap.assess.index import LawIndex, Seq
    from lawgap.model import Law

_NAMING = {
    "ru": frozenset({"указать", "указанный", "перечислить", "перечисленный", "назвать", "названный"}),
    "en": frozenset({"specify", "specified", "refer", "mention", "list"}),
    # Kyrgyz cites before the participle: "Ушул берененин 3-бөлүгүндө көрсөтүлгөн жарандар" (the words as printed)
    "ky": frozenset({"көрсөтүлгөн", "аталган", "саналган", "саналып"}),
}
# "Мера, предусмотренная пунктом «ж» части 1 настоящей статьи, применяется только ...", "the measure provided for in
# paragraph (g)": "provided for" names a thing too, except a procedure ("в порядке, предусмотренном статьей 12", "in
# the manner provided for by", Kyrgyz "... каралган тартипте"), which names how, not what
_PROVIDED = {
    "ru": frozenset({"предусмотреть", "предусмотренный"}),
    "en": frozenset({"provide"}),
    "ky": frozenset({"каралган"}),
}
_PROCEDURE = {
    "ru": frozenset({"порядок"}),
    "en": frozenset({"manner", "procedure"}),
    "ky": frozenset({"тартипте", "тартибинде", "тартипке"}),
}
# how many words before a Kyrgyz naming participle its citation may start
_KY_REACH = 8


def cited_places(index: LawIndex, seq: Seq, sentence: tuple[int, int]) -> list[tuple[Seq, tuple[int, int]]]:
    """The provisions of the same law, outside the hit's own provision, that the sentence names its persons by
    ("the citizens specified in part 3 of this article" too), as (their text, its whole span)."""
    language = index.law.language
    if (not seq.bare_at and language != "ky") or seq.field != "text" or language not in _NAMING:
        return []
    memo = index.memo.setdefault("cited", {})
    assert isinstance(memo, dict)
    key = (seq.eid, sentence)
    if key not in memo:
        memo[key] = _cited(index, seq, sentence, language)
    return memo[key]


def _cited(index: LawIndex, seq: Seq, sentence: tuple[int, int], language: str) -> list[tuple[Seq, tuple[int, int]]]:
    law = index.law
    mine = _lineage(law, seq.eid)
    out = []
    for eid in _named(index, seq, sentence, language):
        cited = index.seq_of.get((eid, "text"))
        if cited is not None and eid not in mine and seq.eid not in _lineage(law, eid):
            out.append((cited, (0, len(law.by_eid[eid].text))))
    return out


def _lineage(law: Law, eid: str) -> set[str]:
    """A provision and every provision it is part of."""
    return {eid, *(p.eid for p in law.ancestors(eid))}


def _named(index: LawIndex, seq: Seq, sentence: tuple[int, int], language: str) -> list[str]:
    """The provisions of the same law a sentence names persons or things by ("указанные в пунктах 9 и 10 части
    первой настоящей статьи"), resolved exactly."""
    law = index.law
    lo, hi = index.window(seq, sentence)
    source, offsets = seq.data.source, seq.data.offsets
    refs = []
    # "Деяния, предусмотренные частью первой настоящей статьи, совершенные ...": a part that punishes names the
    # offence it aggravates, and a note names it to exempt its offender ("Лицо, совершившее преступление,
    # предусмотренное частью первой ..., освобождается"); their conditions are their own, not the offence's
    punishes = (
        law.by_eid[seq.eid].qualified
        or any(s in seq.data.source for s in SANCTIONS)
        or any(a.kind == "note" for a in law.ancestors(seq.eid))
    )
    for i in range(lo, hi):
        if seq.lemmas[i] not in _NAMING[language] and (punishes or not _provided(seq.lemmas, i, lo, hi, language)):
            continue
        if language == "ky":
            start, stop = offsets[2 * max(lo, i - _KY_REACH)], offsets[2 * i]
            for found in find_in_text(source[start:stop], language):
                if found.target.law is None and not source[start + found.span[1] : stop].strip():
                    span = (start + found.span[0], start + found.span[1])
                    refs.append(Reference(law.sha256, seq.eid, span, found.text, found.target))
            continue
        end = aside_at(seq.lemmas, i, language)
        if end == i:
            continue
        start, stop = offsets[2 * i], offsets[2 * (end - 1) + 1]
        for found in find_in_text(source[start:stop], language):
            if found.target.law is None:
                span = (start + found.span[0], start + found.span[1])
                refs.append(Reference(law.sha256, seq.eid, span, found.text, found.target))
    if not refs:
        return []
    run = index.memo.get("resolver")
    if not callable(run):
        run = index.memo["resolver"] = resolver([law])
    return [eid for ref in run(refs) if ref.exact for eid in ref.resolved or ()]


def naming_places(index: LawIndex, seq: Seq) -> list[tuple[Seq, tuple[int, int]]]:
    """The sentences of the hit's own article that name its provision, or a part or list it is in, by a citation:
    "Меры безопасности, указанные в пунктах 9 и 10 части первой настоящей статьи, применяются лишь по делам о
    тяжких и особо тяжких преступлениях" limits the relocation that point 10 lists, as (their field, span)."""
    language = index.law.language
    if seq.field != "text" or language not in _NAMING:
        return []
    article = index.article_of[seq.eid]
    memo = index.memo.setdefault("naming", {})
    assert isinstance(memo, dict)
    if article not in memo:
        memo[article] = _naming_in(index, article, language)
    by_eid = memo[article]
    out: list[tuple[Seq, tuple[int, int]]] = []
    eid: str | None = seq.eid
    while eid is not None and eid != article:
        out += by_eid.get(eid, [])
        eid = index.law.by_eid[eid].parent
    return out


def _naming_in(index: LawIndex, article: str, language: str) -> dict[str, list[tuple[Seq, tuple[int, int]]]]:
    """For each provision of an article, the sentences of that article that name it by a citation."""
    out: dict[str, list[tuple[Seq, tuple[int, int]]]] = {}
    for p in index.law.subtree(article):
        seq = index.seq_of.get((p.eid, "text"))
        if seq is None or not seq.bare_at:
            continue  # a text without citation asides names nothing (nor, unread, a Kyrgyz one)
        for sentence in index.analyses[p.eid].sentences:
            for eid in _named(index, seq, sentence, language):
                if index.article_of.get(eid) == article and eid != p.eid:
                    out.setdefault(eid, []).append((seq, sentence))
    return out


def _provided(lemmas: tuple[str, ...], i: int, lo: int, hi: int, language: str) -> bool:
    """Whether word `i` is "provided for" naming a thing, not a procedure (Russian and English put the procedure
    before the participle, Kyrgyz after it)."""
    if lemmas[i] not in _PROVIDED.get(language, ()):
        return False
    near = lemmas[i + 1 : min(hi, i + 2)] if language == "ky" else lemmas[max(lo, i - 3) : i]
    return not _PROCEDURE[language].intersection(near)

