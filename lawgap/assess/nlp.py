"""Tokens, lemmas and sentence spans per provision, computed once and cached on disk.

Reads: a Law. Writes: per provision, lemmas with offsets and sentence spans (cached, lawgap.cache).

Why not a full spaCy model: none can be downloaded here, and a law repeats few word forms many
times (the KG Criminal Procedure Code: about 8,400 distinct forms among 109,000 tokens). So we
tokenise with spaCy's rule-based tokenizer and lemmatise each distinct form once: pymorphy3 for
Russian, spaCy's lookup tables for English; Kyrgyz has no lemmatiser here, so its "lemma" is the
lower-cased form and rules match Kyrgyz by stem prefixes. Sentences come from razdel, which knows the
abbreviations of the codes (lawgap.assess.sentences). The result is cached per law file
(sha256 and the provisions' words) under LAWGAP_CACHE, so a warm run reads it back instead of
analysing again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cache

from lawgap.assess.sentences import sentences
from lawgap.cache import DiskCache
from lawgap.model import Law

CACHE_VERSION = 5  # 3: sentences by razdel; 4: the unmarked items of a list on lines of their own; 5: "потерпевшему"

# Forms pymorphy reads as a verb's participle though every other case of the word is the noun: "потерпевшему"
# (dative) came out "потерпеть" while "потерпевшего", "потерпевшим" are "потерпевший", so a cue for the victim missed
# "возместить вред, причиненный потерпевшему".
_NOUN_FORMS = {"ru": {"потерпевшему": "потерпевший"}}


@dataclass(frozen=True)
class Token:
    """A word of a provision: `start`/`end` index the provision's text (or heading)."""

    text: str
    lemma: str
    start: int
    end: int


@dataclass(frozen=True)
class Field:
    """One analysed string (a heading or a text): its lemmas and their [start, end) offsets, flat.

    Kept as plain tuples, not Token objects, so a cached law loads fast; `tokens` builds the
    objects when someone wants to look at them.
    """

    source: str
    lemmas: tuple[str, ...]
    offsets: tuple[int, ...]  # start0, end0, start1, end1, ...

    def span(self, i: int) -> tuple[int, int]:
        return self.offsets[2 * i], self.offsets[2 * i + 1]

    @property
    def tokens(self) -> tuple[Token, ...]:
        o = self.offsets
        return tuple(
            Token(self.source[o[2 * i] : o[2 * i + 1]], lem, o[2 * i], o[2 * i + 1])
            for i, lem in enumerate(self.lemmas)
        )


@dataclass(frozen=True)
class Analysis:
    """The words of one provision's heading and text, and the text's sentence spans."""

    eid: str
    head: Field
    body: Field
    sentences: tuple[tuple[int, int], ...]

    @property
    def heading(self) -> tuple[Token, ...]:
        return self.head.tokens

    @property
    def text(self) -> tuple[Token, ...]:
        return self.body.tokens


@cache
def tokenizer(language: str):
    """spaCy's rule-based tokenizer for the language (no model needed). Its vocabulary computes only the two word
    attributes `_field` reads (space, punctuation): the other getters (number-like, shape, norm, ...) ran for each of
    a law's new word forms and took about half of tokenising a code, for attributes nothing here reads."""
    import spacy
    from spacy.attrs import IS_PUNCT, IS_SPACE

    nlp = spacy.blank(language if language in ("ru", "ky", "en") else "xx")
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {k: getters[k] for k in (IS_PUNCT, IS_SPACE) if k in getters}
    return nlp.tokenizer


class Lemmatiser:
    """Lemmas by distinct lower-cased form, so each form is analysed once per process."""

    def __init__(self, language: str):
        self.language = language
        self._memo: dict[str, str] = dict(_NOUN_FORMS.get(language, {}))
        self.known = lambda w: True
        self.grammemes = lambda w: frozenset()
        if language == "ru":
            import pymorphy3

            morph = pymorphy3.MorphAnalyzer()
            self._lemma = lambda w: morph.parse(w)[0].normal_form
            self.known = morph.word_is_known
            # the grammemes of a form's likeliest reading ("педагогом": NOUN, anim, ablt), asked for a few words only
            self.grammemes = cache(lambda w: frozenset(morph.parse(w)[0].tag.grammemes))
        elif language == "en":
            from spacy.lookups import load_lookups

            table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
            self._lemma = lambda w: table.get(w, w)
        else:
            self._lemma = lambda w: w

    def __call__(self, form: str) -> str:
        low = form.lower().replace("ё", "е")
        lemma = self._memo.get(low)
        if lemma is None:
            lemma = self._lemma(low) if any(c.isalpha() for c in low) else low
            self._memo[low] = lemma
        return lemma


@cache
def lemmatiser(language: str) -> Lemmatiser:
    return Lemmatiser(language)


def _field(source: str, doc, lemma: Lemmatiser) -> Field:
    """The lemmas and character offsets of the words (not spaces, not punctuation). The token attributes
    are read as one array: building a Token object per word cost a third of a cold score."""
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH

    offsets: list[int] = []
    lemmas: list[str] = []
    for space, punct, start, length in doc.to_array([IS_SPACE, IS_PUNCT, IDX, LENGTH]).tolist():
        if not space and not punct:
            offsets += (start, start + length)
            lemmas.append(lemma(source[start : start + length]))
    return Field(source, tuple(lemmas), tuple(offsets))


def analyse_text(text: str, language: str) -> tuple[tuple[Token, ...], tuple[tuple[int, int], ...]]:
    """Tokens with lemmas, and sentence spans, of one piece of text."""
    doc = tokenizer(language)(text)
    return _field(text, doc, lemmatiser(language)).tokens, sentences(text, language)


def _analyse_law(law: Law) -> dict[str, Analysis]:
    tok = tokenizer(law.language)
    lemma = lemmatiser(law.language)
    texts = [p.text for p in law.provisions]
    heads = [p.heading or "" for p in law.provisions]
    out: dict[str, Analysis] = {}
    docs = tok.pipe(texts, batch_size=256)
    head_docs = tok.pipe(heads, batch_size=256)
    for p, doc, hdoc in zip(law.provisions, docs, head_docs, strict=True):
        sents = sentences(p.text, law.language)
        out[p.eid] = Analysis(p.eid, _field(p.heading or "", hdoc, lemma), _field(p.text, doc, lemma), sents)
    return out


_CACHE = DiskCache("nlp", CACHE_VERSION, ".json.gz")


def _cache_key(law: Law) -> str:
    """The file's sha256 and a digest of the provisions' words: a law built in memory, or parsed otherwise
    from the same file, never reads another's analysis."""
    h = hashlib.sha256()
    for p in law.provisions:
        h.update(f"\x00{p.eid}\x01{p.heading or ''}\x01{p.text}".encode())
    return f"{law.sha256}-{law.language}-{h.hexdigest()[:16]}"


def _dump(analyses: dict[str, Analysis]) -> bytes:
    vocab: dict[str, int] = {}

    def enc(f: Field) -> list:
        return [[vocab.setdefault(x, len(vocab)) for x in f.lemmas], list(f.offsets)]

    rows = [[a.eid, enc(a.head), enc(a.body), [list(x) for x in a.sentences]] for a in analyses.values()]
    return gzip.compress(json.dumps({"vocab": list(vocab), "rows": rows}, ensure_ascii=False).encode(), 3)


def _load(data: bytes, law: Law) -> dict[str, Analysis]:
    obj = json.loads(gzip.decompress(data))
    vocab = obj["vocab"]
    out: dict[str, Analysis] = {}
    for eid, (hl, ho), (tl, to), sents in obj["rows"]:
        p = law.by_eid[eid]
        head = Field(p.heading or "", tuple(vocab[i] for i in hl), tuple(ho))
        body = Field(p.text, tuple(vocab[i] for i in tl), tuple(to))
        out[eid] = Analysis(eid, head, body, tuple(map(tuple, sents)))
    if len(out) != len(law.provisions):
        raise ValueError("cache does not cover every provision")
    return out


def analyse_law(law: Law, *, use_cache: bool = True) -> dict[str, Analysis]:
    """Every provision's analysis, from the disk cache when the same file was analysed before."""
    data = _CACHE.get(_cache_key(law)) if use_cache else None
    if data is not None:
        try:
            return _load(data, law)
        except (OSError, ValueError, KeyError, IndexError, EOFError):
            pass  # a damaged cache entry is simply recomputed
    analyses = _analyse_law(law)
    if use_cache:
        _CACHE.put(_cache_key(law), _dump(analyses))
    return analyses
