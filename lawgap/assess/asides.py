"""Citation asides a cue reads past: "victims specified in part 1 of Article 19 of this Law are provided
with medical assistance", "пострадавшим, указанным в части первой статьи 19 настоящего Закона, оказывается
медицинская помощь".

Reads: the lemmas of one analysed field. Writes: the token ranges of such asides, so that the index can try a
cue once more on the field without them (lawgap.assess.index). The words of a cue stand far apart only
because the law names whom it means by citing another provision; the cue's gap limit is meant for words, not
for citations. An aside opens with a word that introduces a citation ("указанный", "предусмотренный",
"specified", "referred", "under", "в соответствии с") and runs over the citation itself: units of the law
("часть", "статья", "section"), their numbers and ordinals, "настоящий"/"this", "закон"/"Act". It counts as an
aside only when it names a unit and a number (or "настоящий"/"this"): "установленный законодательством" is
words, not a citation. Kyrgyz cites before the participle and has no lemmas here, so it is not read.
"""

from __future__ import annotations

from collections.abc import Sequence


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words that introduce a citation (lemmas, as lawgap.assess.nlp gives them)
OPENERS = {
    "ru": _words(
        "указать указанный предусмотреть предусмотренный перечислить перечисленный определить определённый"
        " установить установленный назвать названный согласно соответствие"
    ),
    "en": _words("specify specified refer mention list set provide define under accordance pursuant"),
}
# short words between the opener and the citation ("указанный в", "referred to in", "set out in")
_LINKS = {
    "ru": _words("в во на к с со"),
    "en": _words("in to out for by under with of"),
}
# the units a citation names
_UNITS = {
    "ru": _words("часть ч ч. пункт п п. подпункт пп пп. статья ст ст. абзац глава гл гл. раздел приложение примечание"),
    "en": _words(
        "part article art section sec subsection paragraph para clause chapter schedule item subparagraph annex note"
    ),
}
# words that may stand inside a citation besides units and numbers
_INSIDE = {
    "ru": _words(
        "и или настоящий данный этот закон кодекс первый второй третий четвёртый пятый шестой седьмой восьмой"
        " девятый десятый"
    ),
    "en": _words("and or of the this law act code to"),
}
# "part one of this article": English civil-law codes number parts in words, as Russian ones do ("часть первая")
_EN_NUMBERS = _words("one two three four five six seven eight nine ten first second third fourth fifth sixth")
_JOINERS = {"ru": _words("и или"), "en": _words("and or of the to")}
_SELF = {"ru": _words("настоящий данный этот"), "en": _words("this")}
_ROMAN = frozenset("ivxlc")


def _numeric(lemma: str, language: str) -> bool:
    return (
        any(c.isdigit() for c in lemma)
        or (len(lemma) <= 4 and set(lemma) <= _ROMAN)
        or lemma in _SELF[language]
        or (language == "ru" and lemma.endswith(("ый", "ий", "ой")) and lemma in _INSIDE["ru"])
        or (language == "en" and lemma in _EN_NUMBERS)
    )


def aside_at(lemmas: Sequence[str], start: int, language: str) -> int:
    """The end of the citation aside that opens at `start`, or `start` when none does."""
    units, inside, links = _UNITS[language], _INSIDE[language], _LINKS[language]
    j = start + 1
    while j < len(lemmas) and j <= start + 2 and lemmas[j] in links:
        j += 1
    if j < len(lemmas) and lemmas[j] in _SELF[language] and language == "en":
        j += 1  # "provided for by this Article": English puts "this" before the unit
    if j >= len(lemmas) or lemmas[j] not in units:
        return start
    end, unit, number = j, False, j > start + 1 and lemmas[j - 1] in _SELF[language]
    while end < len(lemmas):
        lemma = lemmas[end]
        if lemma in units:
            unit = True
        elif _numeric(lemma, language) or (len(lemma) == 1 and lemma.isalpha() and lemmas[end - 1] in units):
            number = True  # a lettered item is numbered too: "пунктом «ж» части 1", "paragraph (g)"
        elif lemma not in inside:
            break
        end += 1
    while end > j and lemmas[end - 1] in _JOINERS[language]:
        end -= 1  # "Article 5 and persons ...": the joiner after the citation is the sentence's
    return end if unit and number else start


def aside_spans(lemmas: Sequence[str], starts: Sequence[int], language: str) -> list[tuple[int, int]]:
    """The asides that open at any of `starts` (positions of opener words), in order, not overlapping."""
    out: list[tuple[int, int]] = []
    for i in sorted(starts):
        if out and i < out[-1][1]:
            continue
        end = aside_at(lemmas, i, language)
        if end > i:
            out.append((i, end))
    return out
