"""Finds the words that evidence each rule element in a law, with negation and limitation.

Reads: a Law, its nlp analysis and the RuleSet. Writes: `Hit`s, one per cue occurrence that is
not negated, each knowing its provision, its article, its sentence and any limiting words seen
in that sentence ("только", "небольшой тяжести", "except").

Speed: every cue starts with a word test, so the law is indexed once by lemma; a cue is tried
only at the positions where its first word can match, instead of at every token.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from lawgap.fuzzy import corrections
from lawgap.model import Law, Provision
from lawgap.nlp import Analysis, Field, analyse_law
from lawgap.rules import Cue, Element, Rule, RuleSet, Word


@dataclass(frozen=True)
class Hit:
    """One place where a cue of a rule element matched.

    `field` says whether the words are in the provision's heading or its text; `span` indexes
    that field. `limited_by` lists limiting cues found in the same sentence.
    """

    law: str
    eid: str
    article: str
    rule: str
    element: str
    cue: str
    field: str
    span: tuple[int, int]
    words: str
    sentence: tuple[int, int]
    limited_by: tuple[str, ...] = ()
    fuzzy: bool = False  # read through OCR noise: some matched words were misspelt in the source


@dataclass(frozen=True)
class _Seq:
    """One analysed field of one provision: its lemmas in order and their offsets."""

    eid: str
    field: str
    data: Field
    lemmas: tuple[str, ...]


class LawIndex:
    """A law's analysed provisions with a lemma -> positions index and the article of each provision."""

    def __init__(self, law: Law, analyses: dict[str, Analysis] | None = None, lexicon: Collection[str] = ()) -> None:
        """`lexicon`: the words the rules look for; in a noisy (OCR) law, garbled forms close to one
        of them are read as that word (lawgap.fuzzy)."""
        self.law = law
        self.analyses = analyses if analyses is not None else analyse_law(law)
        self.seqs: list[_Seq] = []
        self.positions: dict[str, list[tuple[int, int]]] = defaultdict(list)
        fixes: dict[str, str] = {}
        if law.noisy and lexicon:
            forms = {lemma for a in self.analyses.values() for lemma in a.body.lemmas + a.head.lemmas}
            fixes = corrections(forms, lexicon, law.language)
        self.corrections = fixes
        self.article_of = articles_of(law)
        for p in law.provisions:
            if not law.by_eid[self.article_of[p.eid]].num:
                # a preamble, a schedule, the leading fragment of an excerpt: nothing a lawyer can cite
                continue
            a = self.analyses[p.eid]
            for field, data in (("heading", a.head), ("text", a.body)):
                if not data.lemmas:
                    continue
                k = len(self.seqs)
                lemmas = tuple(fixes.get(x, x) for x in data.lemmas) if fixes else data.lemmas
                self.seqs.append(_Seq(p.eid, field, data, lemmas))
                positions = self.positions
                for i, lemma in enumerate(lemmas):
                    positions[lemma].append((k, i))
        self.vocab = tuple(sorted(self.positions))

    def candidates(self, word: Word) -> Iterable[tuple[int, int]]:
        """Positions whose lemma passes the word test, found through the index."""
        lemmas = {w for w in word.words if w in self.positions}
        for stem in word.stems:
            # the vocabulary is sorted, so the lemmas with this prefix form one run
            i = bisect_left(self.vocab, stem)
            while i < len(self.vocab) and self.vocab[i].startswith(stem):
                lemmas.add(self.vocab[i])
                i += 1
        for lemma in lemmas:
            yield from self.positions[lemma]

    def find(self, cue: Cue) -> list[tuple[_Seq, int, int]]:
        """Every (sequence, first token, end token) where the cue matches."""
        first = cue.parts[0]
        assert isinstance(first, Word)  # the cue compiler forbids a leading gap
        out = []
        for k, i in self.candidates(first):
            seq = self.seqs[k]
            end = cue.match_at(seq.lemmas, i)
            if end is not None:
                out.append((seq, i, end))
        return out

    def sentence_of(self, seq: _Seq, char: int) -> tuple[int, int]:
        if seq.field == "heading":
            return (0, len(self.law.by_eid[seq.eid].heading or ""))
        for s in self.analyses[seq.eid].sentences:
            if s[0] <= char < s[1]:
                return s
        return (0, len(self.law.by_eid[seq.eid].text))


def articles_of(law: Law) -> dict[str, str]:
    """Each provision's article-level ancestor (itself for an article); containers map to themselves."""
    out: dict[str, str] = {}
    for p in law.provisions:
        parent_article = out.get(p.parent) if p.parent else None
        if parent_article is not None and law.is_article_level(law.by_eid[parent_article]):
            out[p.eid] = parent_article
        else:
            out[p.eid] = p.eid
    return out


def _cues_in_sentence(index: LawIndex, seq: _Seq, sentence: tuple[int, int], cues: Iterable[Cue]) -> list[str]:
    """The cues that match inside one sentence of one field."""
    starts = seq.data.offsets[::2]
    lo = bisect_left(starts, sentence[0])
    hi = bisect_left(starts, sentence[1])
    window = seq.lemmas[lo:hi]
    return [c.text for c in cues if c.find(window)]


def element_hits(index: LawIndex, rule: Rule, element: Element) -> list[Hit]:
    """The hits of one element in one law, negated ones dropped, limitations attached."""
    lang = index.law.language
    negative = element.negative.get(lang)
    limiting = element.limiting.get(lang)
    hits: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    for cue in element.cues.get(lang):
        for seq, i, end in index.find(cue):
            start_char = seq.data.offsets[2 * i]
            key = (id(seq), start_char)
            if key in seen:
                continue
            seen.add(key)
            sentence = index.sentence_of(seq, start_char)
            if negative and _cues_in_sentence(index, seq, sentence, negative):
                continue
            limited = tuple(_cues_in_sentence(index, seq, sentence, limiting)) if limiting else ()
            p: Provision = index.law.by_eid[seq.eid]
            source = p.heading if seq.field == "heading" else p.text
            span = (start_char, seq.data.offsets[2 * end - 1])
            hits.append(
                Hit(
                    law=index.law.sha256,
                    eid=seq.eid,
                    article=index.article_of[seq.eid],
                    rule=rule.id,
                    element=element.id,
                    cue=cue.text,
                    field=seq.field,
                    span=span,
                    words=(source or "")[span[0] : span[1]],
                    sentence=sentence,
                    limited_by=limited,
                    fuzzy=seq.lemmas[i:end] != seq.data.lemmas[i:end],
                )
            )
    return hits


def lexicon(rules: Iterable[Rule], language: str) -> frozenset[str]:
    """Every whole word the rules' cues look for in one language (what OCR noise is mended towards)."""
    words: set[str] = set()
    for rule in rules:
        for e in rule.elements:
            for cue in e.cues.get(language):
                for w in cue.words:
                    words.update(w.words)
    return frozenset(words)


def rule_hits(index: LawIndex, rule: Rule) -> list[Hit]:
    return [h for e in rule.elements for h in element_hits(index, rule, e)]


def all_hits(index: LawIndex, rules: RuleSet) -> dict[str, list[Hit]]:
    """Hits per rule id for one law."""
    return {r.id: rule_hits(index, r) for r in rules}
