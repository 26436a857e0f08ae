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

if TYPE_CHECKING:
    from lawgap.assess.index import LawIndex, Seq

_NAMING = {
    "ru": frozenset({"указать", "указанный", "перечислить", "перечисленный", "назвать", "названный"}),
    "en": frozenset({"specify", "specified", "refer", "mention", "list"}),
}


def cited_places(index: LawIndex, seq: Seq, sentence: tuple[int, int]) -> list[tuple[Seq, tuple[int, int]]]:
    """The provisions of the same law, outside the hit's own article, that the sentence names its persons by,
    as (their text, its whole span)."""
    language = index.law.language
    if not seq.bare_at or seq.field != "text" or language not in _NAMING:
        return []
    memo = index.memo.setdefault("cited", {})
    assert isinstance(memo, dict)
    key = (seq.eid, sentence)
    if key not in memo:
        memo[key] = _cited(index, seq, sentence, language)
    return memo[key]


def _cited(index: LawIndex, seq: Seq, sentence: tuple[int, int], language: str) -> list[tuple[Seq, tuple[int, int]]]:
    law = index.law
    lo, hi = index.window(seq, sentence)
    source, offsets = seq.data.source, seq.data.offsets
    refs = []
    for i in range(lo, hi):
        if seq.lemmas[i] not in _NAMING[language]:
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
    own = index.article_of[seq.eid]
    out = []
    run = index.memo.get("resolver")
    if not callable(run):
        run = index.memo["resolver"] = resolver([law])
    for ref in run(refs):
        for eid in ref.resolved or ():
            cited = index.seq_of.get((eid, "text"))
            if ref.exact and cited is not None and index.article_of.get(eid) != own:
                out.append((cited, (0, len(law.by_eid[eid].text))))
    return out
