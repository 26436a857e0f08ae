"""Reading through OCR noise: misspelt words in a scanned law mapped back to the rules' words.

Reads: the word forms of a noisy law and the rules' words. Writes: corrections form -> word.

An OCR layer writes "video aonferencin8" for "video conferencing", "wltness" for "witness". Exact
lemma cues miss such words, so for a noisy law each word form that is not a word of the
language is compared (rapidfuzz) with the inflected forms of the words the rules look for;
a close enough one is read as that word. Real words are never rewritten: "relation" stays
"relation" even though it is close to "relocation".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz, process

MIN_LENGTH = 5  # shorter forms are too often close to several words
CUTOFF = 80.0  # rapidfuzz ratio (0-100) from which a garbled form is read as the word
_WORDLIKE = re.compile(r"^[^\W_]*[^\W\d_][^\W_]*$|^[\w€$@|{}\[\]]+$")


def _lookups_data(name: str) -> dict:
    """A table as spacy-lookups-data ships it (spaCy's own Table keeps only hashes of the keys)."""
    import gzip
    import json
    from pathlib import Path

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


@cache
def _english_table() -> dict[str, str]:
    return _lookups_data("en_lemma_lookup")


@cache
def _english_words() -> frozenset[str]:
    """English words: every form spaCy has a lemma or a frequency for (about a million)."""
    table = _english_table()
    return frozenset(table) | frozenset(table.values()) | frozenset(_lookups_data("en_lexeme_prob"))


@cache
def _english_forms_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for form, lemma in _english_table().items():
        index.setdefault(lemma, []).append(form)
    return {k: tuple(v) for k, v in index.items()}


def _english_forms(lemma: str) -> tuple[str, ...]:
    """The lemma, its inflections known to spaCy, and the regular -s/-ing/-ed forms (targets only:
    an over-generated form can only attract a garbled word close to it)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    regular = (lemma + "s", stem + "ing", stem + "ed")
    return tuple(dict.fromkeys((lemma, *_english_forms_index().get(lemma, ()), *regular)))


COMMON_LOG_PROB = -16.0  # words at least this frequent compete with the rules' words for a garbled form


@cache
def _english_common_by_length() -> dict[int, tuple[str, ...]]:
    buckets: dict[int, list[str]] = {}
    for word, logprob in _lookups_data("en_lexeme_prob").items():
        if logprob >= COMMON_LOG_PROB and word.isalpha() and word.islower():
            buckets.setdefault(len(word), []).append(word)
    return {n: tuple(ws) for n, ws in buckets.items()}


def _closer_common_word(form: str, score: float, language: str, rule_forms: dict[str, str]) -> bool:
    """True when an ordinary word of the language, other than the rule words' own forms, is at least
    as close to `form`: 'procedutes' is 'procedures', not the rule word 'prosecute'."""
    if language != "en":
        return False
    buckets = _english_common_by_length()
    pool = [w for n in range(len(form) - 2, len(form) + 3) for w in buckets.get(n, ()) if w not in rule_forms]
    best = process.extractOne(form, pool, scorer=fuzz.ratio, score_cutoff=score)
    return best is not None


def _is_known(form: str, language: str) -> bool:
    if language == "en":
        return form in _english_words()
    if language == "ru":
        from lawgap.assess.nlp import lemmatiser

        return lemmatiser("ru").known(form)
    return True  # Kyrgyz: no dictionary here, so nothing is rewritten


def corrections(forms: Iterable[str], lexicon: Iterable[str], language: str) -> dict[str, str]:
    """Garbled form -> the rule word it stands for, for the forms of one noisy law."""
    targets: dict[str, str] = {}
    for lemma in lexicon:
        if len(lemma) < MIN_LENGTH:
            continue
        for form in _english_forms(lemma) if language == "en" else (lemma,):
            targets.setdefault(form, lemma)
    if not targets:
        return {}
    choices = list(targets)
    out: dict[str, str] = {}
    for form in set(forms):
        if len(form) < MIN_LENGTH or form in targets or not _WORDLIKE.match(form) or _is_known(form, language):
            continue
        best = process.extractOne(form, choices, scorer=fuzz.ratio, score_cutoff=CUTOFF)
        if best is not None and not _closer_common_word(form, best[1], language, targets):
            out[form] = targets[best[0]]
    return out
