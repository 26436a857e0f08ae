"""The cue language: how a rule says which words in a law evidence one of its elements.

Reads: a cue string. Writes: a compiled `Cue`.

A cue is a short pattern over the lemmas of consecutive words, not a raw substring, so one cue
finds every inflected form ("потерпевшего", "потерпевшим" -> "потерпевший"):

    потерпевший                               one lemma
    освобождать от уголовный ответственность  a sequence of lemmas, word by word
    освобождать ~3 ответственность            up to 3 arbitrary words between the two
    жильё|приют                               alternatives for one word
    жабырлануучу*                             a stem: any word that starts with it

Russian and English words are lemmas (pymorphy3 normal forms, spaCy lookup lemmas), matched
against the LEMMA of a token. Kyrgyz has no lemmatiser here, so a Kyrgyz word is matched against
the lower-cased form (LOWER) and Kyrgyz cues mostly use stems, since the language adds suffixes
(жабырлануучу-ну, жабырлануучу-га). A hyphenated word is one token only in Kyrgyz, where the
tokenizer keeps "кылмыш-жаза" whole; in Russian and English it is written as separate words.

`compile_cue` turns the text into a frozen `Cue`; `Cue.to_spacy_pattern()` gives the token
pattern a spaCy `Matcher` takes, and `Cue.find()` matches a plain list of lemmas, which is what
lawgap.assess.nlp produces. A cue that cannot compile raises `CueError` saying what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

LANGUAGES = ("ru", "ky", "en")

# The attribute a word is compared with, per language (see the module docstring).
ATTRIBUTE = {"ru": "LEMMA", "ky": "LOWER", "en": "LEMMA"}
# A Russian cue that names the victim ("жертва") beside other words also reads the participle the laws of the
# region use ("лицо, пострадавшее от торговли людьми"); alone it does not (see _compile_word).
VICTIM_WORDS_RU = ("пострадать",)
# and in English translations of those laws: "a person who has suffered from trafficking in persons"
VICTIM_WORDS_EN = ("suffer",)

# A Kyrgyz cue that names the victim of trafficking ("курмандыгы") also reads the words the region's laws use for
# that person: "жабыр тартуучу", "жабыр тарткан", and "адам сатуунун жабырлануучусу" (the trafficking offence's
# victim; a bare "жабырлануучу" is the victim of any crime), through variants (see variants).
_KY_VICTIM = "курманды"
_KY_VICTIM_WORDS = ("жабыр тарт*", "сатуунун жабырлануучу*")

MAX_GAP = 9  # a longer gap would no longer say that the words belong together
MIN_STEM = 3  # a shorter stem matches too many unrelated words

_GAP = re.compile(r"~(\d+)")
_WORD = {
    "ky": re.compile(r"[^\W_]+(?:-[^\W_]+)*"),
    "ru": re.compile(r"[^\W_]+"),
    "en": re.compile(r"[^\W_]+"),
}


class CueError(ValueError):
    """A cue that does not compile: the message quotes it and says what is wrong."""

    def __init__(self, cue: str, problem: str):
        self.cue = cue
        self.problem = problem
        super().__init__(f"cue {cue!r}: {problem}")


@dataclass(frozen=True)
class Word:
    """One token test: the token's LEMMA (or LOWER) is one of `words` or starts with one of `stems`."""

    attr: str
    words: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()

    def accepts(self, value: str) -> bool:
        return value in self.words or value.startswith(self.stems)

    def to_spacy(self) -> dict:
        if self.stems:
            alts = [re.escape(w) + "$" for w in self.words] + [re.escape(s) for s in self.stems]
            return {self.attr: {"REGEX": "^(?:" + "|".join(alts) + ")"}}
        if len(self.words) == 1:
            return {self.attr: self.words[0]}
        return {self.attr: {"IN": list(self.words)}}


@dataclass(frozen=True)
class Gap:
    """Up to `most` arbitrary tokens between two words."""

    most: int

    def to_spacy(self) -> list[dict]:
        return [{"OP": "?"} for _ in range(self.most)]


@dataclass(frozen=True)
class Cue:
    """A compiled cue: its source text, its language and the token tests in order."""

    text: str
    language: str
    parts: tuple[Word | Gap, ...]

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(p for p in self.parts if isinstance(p, Word))

    @property
    def lemmas(self) -> tuple[str, ...]:
        """The whole words (not stems) the cue names: these must be normal forms."""
        return tuple(w for p in self.words for w in p.words)

    def to_spacy_pattern(self) -> list[dict]:
        """The pattern for `spacy.matcher.Matcher.add(key, [pattern])`; a gap becomes optional wildcards."""
        pattern: list[dict] = []
        for part in self.parts:
            if isinstance(part, Gap):
                pattern.extend(part.to_spacy())
            else:
                pattern.append(part.to_spacy())
        return pattern

    def find(self, lemmas: Sequence[str]) -> list[tuple[int, int]]:
        """Every (start, end) token range where the cue matches, shortest match per start."""
        hits = []
        for start in range(len(lemmas)):
            end = self.match_at(lemmas, start)
            if end is not None:
                hits.append((start, end))
        return hits

    def match_at(self, lemmas: Sequence[str], start: int) -> int | None:
        """The end of the shortest match that begins at token `start`, or None."""
        return self._match_from(lemmas, start, 0)

    def _match_from(self, lemmas: Sequence[str], pos: int, k: int) -> int | None:
        if k == len(self.parts):
            return pos
        part = self.parts[k]
        if isinstance(part, Gap):
            for skip in range(part.most + 1):
                end = self._match_from(lemmas, pos + skip, k + 1)
                if end is not None:
                    return end
            return None
        if pos < len(lemmas) and part.accepts(lemmas[pos]):
            return self._match_from(lemmas, pos + 1, k + 1)
        return None


def _compile_word(cue: str, item: str, language: str, *, alone: bool = False) -> Word:
    words: list[str] = []
    stems: list[str] = []
    for alt in item.split("|"):
        if not alt:
            raise CueError(cue, f"empty alternative in {item!r}")
        is_stem = alt.endswith("*")
        body = alt[:-1] if is_stem else alt
        if not _WORD[language].fullmatch(body):
            hint = " (write a hyphenated word as separate words)" if "-" in body and language != "ky" else ""
            raise CueError(cue, f"{alt!r} is not a word or a stem ending in '*'{hint}")
        if body != body.lower():
            raise CueError(cue, f"{alt!r} must be lower case (lemmas are lower case)")
        if is_stem:
            if len(body) < MIN_STEM:
                raise CueError(cue, f"stem {alt!r} is shorter than {MIN_STEM} letters")
            stems.append(body)
        else:
            words.append(body)
    if language == "ru" and "жертва" in words and not alone:
        # the victim as the region's laws name it: "лицо, пострадавшее от торговли людьми" (lemma "пострадать");
        # only beside the cue's other words: alone it is anyone hurt ("помощи пострадавшим" in a road accident)
        words += [w for w in VICTIM_WORDS_RU if w not in words]
    if language == "en" and "victim" in words and not alone:
        words += [w for w in VICTIM_WORDS_EN if w not in words]
    return Word(ATTRIBUTE[language], tuple(words), tuple(stems))


def variants(text: str, language: str) -> tuple[str, ...]:
    """The cue and the cues it implies: a Kyrgyz word for the victim of trafficking ("курмандыг*") also reads
    "жабыр тартуучу" and "адам сатуунун жабырлануучусу" (two words each, so variants of the cue rather than more
    alternatives)."""
    if language != "ky":
        return (text,)
    items = text.split()
    named = [i for i, item in enumerate(items) if any(a.startswith(_KY_VICTIM) for a in item.split("|"))]
    if not named:
        return (text,)
    implied = (" ".join(words if i in named else item for i, item in enumerate(items)) for words in _KY_VICTIM_WORDS)
    return (text, *implied)


def compile_cue(text: str, language: str) -> Cue:
    """Compile one cue of the given language; raise `CueError` when it is not in the cue language."""
    if language not in LANGUAGES:
        raise CueError(text, f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    if not isinstance(text, str):
        raise CueError(str(text), f"a cue is a string, not {type(text).__name__}")
    items = text.split()
    if not items:
        raise CueError(text, "empty")
    parts: list[Word | Gap] = []
    for i, item in enumerate(items):
        if item.startswith("~"):
            m = _GAP.fullmatch(item)
            if not m or not 1 <= int(m.group(1)) <= MAX_GAP:
                raise CueError(text, f"gap {item!r} must be '~N' with N from 1 to {MAX_GAP}")
            if i == 0 or i == len(items) - 1:
                raise CueError(text, "a gap must stand between two words")
            if isinstance(parts[-1], Gap):
                raise CueError(text, "two gaps in a row; write one larger gap")
            parts.append(Gap(int(m.group(1))))
        else:
            parts.append(_compile_word(text, item, language, alone=len(items) == 1))
    return Cue(text, language, tuple(parts))
