"""Numbers written as words: "РАЗДЕЛ ПЕРВЫЙ", "частью второй", "биринчи бөлүгүндө", "part one".

Reads: nothing. Writes: the ordinal patterns and their values, per language.

Headings ("РАЗДЕЛ ПЕРВЫЙ") and references ("частями первой или второй настоящей статьи", "part
one of this Article") number in words where the provision itself prints no digit: the structure
stage numbers those units by the same values (section 1, part 2), so the references resolve.
One table serves both stages (lawgap.refs.grammar imports it).
"""

from __future__ import annotations

import re

# Russian ordinal stems "перв-".."двадцат-", in every case and gender ("частью второй", "РАЗДЕЛ ПЕРВЫЙ").
_RU_STEMS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
    "десят": 10,
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
    "двадцат": 20,
}
_RU_ENDINGS = (
    r"(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими"
    r"|ья|ье|ьей|ью|ьего|ьему|ьим|ьем|ьи|ьих|ьими)"
)
_RU_BY_LENGTH = sorted(_RU_STEMS, key=len, reverse=True)
RU_ORDINAL = r"(?:" + "|".join(_RU_BY_LENGTH) + r")" + _RU_ENDINGS + r"(?![а-яё])"


def ru_ordinal_value(word: str) -> int | None:
    """'второй' -> 2, 'третьей' -> 3, 'ПЕРВЫЙ' -> 1; None when the word is not an ordinal."""
    w = word.lower()
    for stem in _RU_BY_LENGTH:
        if w.startswith(stem) and re.fullmatch(_RU_ENDINGS, w[len(stem) :]):
            return _RU_STEMS[stem]
    return None


_KY_WORDS = {
    "биринчи": 1,
    "экинчи": 2,
    "үчүнчү": 3,
    "төртүнчү": 4,
    "бешинчи": 5,
    "алтынчы": 6,
    "жетинчи": 7,
    "сегизинчи": 8,
    "тогузунчу": 9,
    "онунчу": 10,
}
KY_ORDINAL = r"(?:" + "|".join(_KY_WORDS) + r")"


def ky_ordinal_value(word: str) -> int | None:
    return _KY_WORDS.get(word.lower())


# English translations of civil-law codes cite parts by cardinal or ordinal words: "part one of this
# Article", "parts one or two", "the second part".
_EN_WORDS = {
    w: i + 1
    for words in (
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    )
    for i, w in enumerate(words)
}
EN_ORDINAL = r"(?:" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])"


def en_ordinal_value(word: str) -> int | None:
    return _EN_WORDS.get(word.lower())


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal word in any of the three languages, or None."""
    return ru_ordinal_value(word) or ky_ordinal_value(word) or en_ordinal_value(word)
