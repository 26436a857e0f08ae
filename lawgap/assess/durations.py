"""The sentences that say how long help or a stay lasts, wherever the law says it.

Reads: a LawIndex, a hit's field and its rule's `stay` flag. Writes: the sentences that set the term of the
hit's stay, as (field, span), for the time limits in them to be read with the hit.

An article grants shelter in one sentence and sets its term in another ("Срок пребывания в центре не может
превышать тридцати дней"), or the law lists the help in one article and sets the term of a stay in the centre in
the next ("The period of stay in a rehabilitation centre shall not exceed thirty days"): a lawyer reads that term
as a limit of the shelter, as if it were written in the same sentence (COE 12 asks help without such a term). So a
hit reads the terms of a stay its own article sets, and a hit of a rule whose measure is a stay (Rule.stay) the
terms the law sets for a stay in a shelter. Only a term of a stay is read across sentences; other conditions stay
in their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from lawgap.assess.index import LawIndex, Seq
from lawgap.model import Provision
from lawgap.rules import Cue, compile_cue

_SHELTERS = {
    "ru": "приют|убежище|центр|учреждение|отделение",
    "en": "shelter|centre|center|institution",
}
# "срок пребывания", "период размещения", "болуунун мөөнөтү", "the period of stay"
_STAY_TERM = {
    "ru": ("срок|период ~3 пребывание|размещение|проживание|нахождение",),
    "ky": ("болуу*|жайгаштыр*|жашоо* ~2 мөөнөт*",),
    "en": ("period|term|duration ~3 stay|accommodation|placement|residence",),
}
# the term of a stay in a shelter: "Срок пребывания в центре реабилитации", "Баш калкалоочу жайда болуунун мөөнөтү",
# "The period of stay in a rehabilitation centre"
_SHELTER_TERM = {
    "ru": (
        f"срок|период ~3 пребывание|размещение|проживание|нахождение ~4 {_SHELTERS['ru']}",
        # "размещается в приюте на срок до тридцати календарных дней"
        f"размещаться|помещаться|размещение|помещение ~3 {_SHELTERS['ru']} ~6 на ~1 срок|период",
    ),
    "ky": ("баш ~1 калкалоочу* ~8 мөөнөт*",),
    "en": (
        f"period|term|duration ~3 stay|accommodation|placement ~4 {_SHELTERS['en']}",
        f"place|accommodate ~3 in ~2 {_SHELTERS['en']} ~6 for ~2 period|term",
    ),
}


@cache
def _cues(table: str, language: str) -> tuple[Cue, ...]:
    words = {"stay": _STAY_TERM, "shelter_term": _SHELTER_TERM}[table]
    return tuple(compile_cue(c, language) for c in words.get(language, ()))


def term_places(index: LawIndex, seq: Seq, stay: bool) -> list[tuple[Seq, tuple[int, int]]]:
    """The sentences that set the term of the stay a hit in `seq` grants, as (their field, span): those of its
    article on a stay, and, for a rule whose measure is a stay in a place (Rule.stay), those of the law on a stay in
    a shelter. Help given in a shelter (medical care "в центре") is no stay: the shelter's term does not limit it."""
    language = index.law.language
    if language not in _STAY_TERM:
        return []
    article = index.article_of[seq.eid]
    places = _sentences(index, ("stay", article), lambda: index.law.subtree(article), _cues("stay", language))
    if stay:
        shelters = _cues("shelter_term", language)
        law_wide = _sentences(index, ("shelter_term", ""), lambda: index.law.provisions, shelters)
        places = places + [p for p in law_wide if p not in places]
    return places


def _sentences(
    index: LawIndex, key: tuple[str, str], provisions: Callable[[], Iterable[Provision]], cues: tuple[Cue, ...]
) -> list[tuple[Seq, tuple[int, int]]]:
    """The sentences of `provisions()` in which one of `cues` matches, found once per key (a hit asks for its
    article's every time, so the provisions are listed only the first time)."""
    memo = index.memo.setdefault("stay_terms", {})
    assert isinstance(memo, dict)
    if key not in memo:
        found: list[tuple[Seq, tuple[int, int]]] = []
        for p in provisions():
            text = index.seq_of.get((p.eid, "text"))
            if text is None:
                continue
            for sentence in index.analyses[p.eid].sentences:
                if any(True for _ in index.spots(cues).within(text, *index.window(text, sentence))):
                    found.append((text, sentence))
        memo[key] = found
    return memo[key]
