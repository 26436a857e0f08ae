"""Finds the words that evidence each rule element in a law, with negation and limitation.

Reads: a Law, its nlp analysis and the RuleSet. Writes: `Hit`s, one per cue occurrence that is
not negated, each knowing its provision, its article, its sentence and any limiting words seen
in that sentence ("только", "небольшой тяжести", "except").

Speed: every cue starts with a word test, so the law is indexed once by lemma; a cue is tried
only at the positions where its first word can match, instead of at every token.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from lawgap.assess.context import PersonCues, aggravating_provisions, excluded_articles, lead_in_sentences
from lawgap.assess.fuzzy import corrections
from lawgap.assess.nlp import Analysis, Field, analyse_law
from lawgap.model import Law, Provision
from lawgap.rules import Cue, Element, Rule, RuleSet, Word
from lawgap.vocab import CRIMINAL_PROCEDURE_CODE, VICTIM_SUPPORT, WITNESS_PROTECTION


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
    aggravating: bool = False  # a standalone element found in an aggravated part of another offence


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
        of them are read as that word (lawgap.assess.fuzzy)."""
        self.law = law
        self.analyses = analyses if analyses is not None else analyse_law(law)
        self.seqs: list[_Seq] = []
        self.seq_of: dict[tuple[str, str], _Seq] = {}
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
                self.seq_of[(p.eid, field)] = self.seqs[-1]
        self.vocab = tuple(sorted(self.positions))
        self._aggravating: dict[str, str] | None = None
        self._excluded: frozenset[str] | None = None
        self._frames: dict[str, list[_Seq]] = {}
        self.persons = PersonCues(law.language)

    def frames(self, eid: str) -> list[_Seq]:
        """The headings that frame a provision: its article's and those of the chapters, sections
        and parts around it (their words are not indexed, so they are analysed here, once each)."""
        article = self.article_of[eid]
        if article not in self._frames:
            out = []
            p = self.law.by_eid[article]
            while p is not None:
                seq = self.seq_of.get((p.eid, "heading"))
                if seq is None and p.heading and p.eid in self.analyses:
                    head = self.analyses[p.eid].head
                    seq = _Seq(p.eid, "heading", head, head.lemmas) if head.lemmas else None
                if seq is not None:
                    out.append(seq)
                p = self.law.by_eid[p.parent] if p.parent else None
            self._frames[article] = out
        return self._frames[article]

    @property
    def excluded(self) -> frozenset[str]:
        """Articles about other persons or about removal from the case (lawgap.assess.context), found once."""
        if self._excluded is None:
            self._excluded = excluded_articles(self)
        return self._excluded

    @property
    def aggravating(self) -> dict[str, str]:
        """Provisions inside an aggravated part of an offence, with the words that make it one
        (lawgap.assess.context), found once."""
        if self._aggravating is None:
            self._aggravating = aggravating_provisions(self)
        return self._aggravating

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


def _about_others(index: LawIndex, seq: _Seq, sentence: tuple[int, int]) -> bool:
    """The hit's sentence speaks of the suspect or the accused and of no victim or witness
    ("the sentence is translated into the language the defendant speaks")."""
    starts = seq.data.offsets[::2]
    window = seq.lemmas[bisect_left(starts, sentence[0]) : bisect_left(starts, sentence[1])]
    return index.persons.only_others(window)


# An offence named with its article in brackets ("торговлю людьми (статья 166)", "адамдарды соодалоо
# (166-берене)", "an offence (section 3)") is a citation of that article, not what this one provides.
_CITED_ARTICLE = re.compile(
    r"\s*\((?:стать\w*\s*\d|ст\.\s*\d|част\w* [\d, и]+стать|\d+(?:-\d+)?-берене|sections?\s*\d|s\.\s*\d)",
    re.IGNORECASE,
)


def _cited(source: str, end: int) -> bool:
    """Whether the words ending at `end` are followed by a bracketed article reference."""
    return bool(_CITED_ARTICLE.match(source, end))


def _negated(index: LawIndex, seq: _Seq, sentence: tuple[int, int], negative: Iterable[Cue]) -> bool:
    """A negative cue in the hit's sentence, or in a heading that frames it: its article's
    ("Отвод переводчика") or its chapter's ("Особенности уголовной ответственности детей")."""
    if _cues_in_sentence(index, seq, sentence, negative):
        return True
    return any(h is not seq and any(c.find(h.lemmas) for c in negative) for h in index.frames(seq.eid))


def _printed(index: LawIndex, seq: _Seq, span: tuple[int, int], cues: Iterable[Cue]) -> list[str]:
    """The words as printed in the law where each cue matches inside `span` of one field (the
    first place per cue), so that a limitation is named in the law's own words."""
    starts = seq.data.offsets[::2]
    lo = bisect_left(starts, span[0])
    hi = bisect_left(starts, span[1])
    window = seq.lemmas[lo:hi]
    p = index.law.by_eid[seq.eid]
    source = (p.heading if seq.field == "heading" else p.text) or ""
    out = []
    for cue in cues:
        found = cue.find(window)
        if found:
            a, b = found[0]
            out.append(" ".join(source[seq.data.offsets[2 * (lo + a)] : seq.data.offsets[2 * (lo + b) - 1]].split()))
    return out


def _limitations(index: LawIndex, seq: _Seq, sentence: tuple[int, int], limiting: Iterable[Cue]) -> tuple[str, ...]:
    """Limiting words in the hit's sentence, in the lead-in of the list the hit is an item of, or in
    its article's heading ("Awareness raising and prevention")."""
    places = [(seq, sentence)]
    heading = index.seq_of.get((index.article_of[seq.eid], "heading"))
    if heading is not None and heading is not seq:
        places.append((heading, (0, len(index.law.by_eid[heading.eid].heading or ""))))
    if seq.field == "text":
        for parent, lead in lead_in_sentences(index, seq.eid):
            parent_seq = index.seq_of.get((parent, "text"))
            if parent_seq is not None:
                places.append((parent_seq, lead))
    found: list[str] = []
    for place, span in places:
        found += [w for w in _printed(index, place, span, limiting) if w not in found]
    return tuple(found)


def element_hits(index: LawIndex, rule: Rule, element: Element) -> list[Hit]:
    """The hits of one element in one law, negated ones dropped, limitations attached."""
    lang = index.law.language
    negative = element.negative.get(lang)
    limiting = element.limiting.get(lang)
    hits: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    # a smuggled migrant may well be the suspect: for rules only about migrants, those articles count
    excluded = index.excluded if set(rule.targets) != {"smuggled_migrants"} else frozenset()
    for cue in element.cues.get(lang):
        for seq, i, end in index.find(cue):
            if index.article_of[seq.eid] in excluded:
                continue
            start_char = seq.data.offsets[2 * i]
            key = (id(seq), start_char)
            if key in seen:
                continue
            seen.add(key)
            sentence = index.sentence_of(seq, start_char)
            if negative and _negated(index, seq, sentence, negative):
                continue
            if excluded and _about_others(index, seq, sentence):
                continue
            limited = _limitations(index, seq, sentence, limiting) if limiting else ()
            aggravating = element.standalone and seq.eid in index.aggravating
            if aggravating:
                limited += (index.aggravating[seq.eid],)
            p: Provision = index.law.by_eid[seq.eid]
            source = p.heading if seq.field == "heading" else p.text
            span = (start_char, seq.data.offsets[2 * end - 1])
            if _cited(source or "", span[1]):
                continue
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
                    aggravating=aggravating,
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


# Only criminal law makes offences: a procedure code, a social-services or a witness-protection law
# may name an offence, never define or punish it.
_OFFENCE_CATEGORIES = frozenset({"criminalisation", "definition"})
_NO_OFFENCES = frozenset({CRIMINAL_PROCEDURE_CODE, VICTIM_SUPPORT, WITNESS_PROTECTION})


def may_hold(law: Law, rule: Rule) -> bool:
    """Whether this kind of law can hold evidence of the rule at all (unknown kinds can)."""
    if rule.category in _OFFENCE_CATEGORIES and law.kind in _NO_OFFENCES:
        return law.kind in rule.law_kinds
    return True


def rule_hits(index: LawIndex, rule: Rule) -> list[Hit]:
    if not may_hold(index.law, rule):
        return []
    return [h for e in rule.elements for h in element_hits(index, rule, e)]


def all_hits(index: LawIndex, rules: RuleSet) -> dict[str, list[Hit]]:
    """Hits per rule id for one law."""
    return {r.id: rule_hits(index, r) for r in rules}
