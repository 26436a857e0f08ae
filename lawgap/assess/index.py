"""A law's words, indexed once: lemma -> positions, each provision's article, its framing headings.

Reads: a Law and its lemmas and sentences (lawgap.assess.nlp). Writes: a `LawIndex` the matcher

queries; a cue is tried only where its first word can match, instead of at every token. In a
noisy (OCR) law, garbled forms close to a word the rules look for are read as that word
(lawgap.assess.fuzzy).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from lawgap.assess.asides import OPENERS, aside_spans
from lawgap.assess.fuzzy import corrections
from lawgap.assess.nlp import Analysis, Field, analyse_law
from lawgap.assess.protected import names_victims, protected_heads, victim_word
from lawgap.model import Law
from lawgap.rules import Cue, Word
from lawgap.vocab import WITNESS_PROTECTION


@dataclass(frozen=True)
class Seq:
    """One analysed field of one provision: its lemmas in order and their offsets."""

    eid: str
    field: str
    data: Field
    lemmas: tuple[str, ...]
    # the lemmas without citation asides (lawgap.assess.asides) and, for each of them, its token in `lemmas`;
    # empty when the field has none
    bare: tuple[str, ...] = ()
    bare_at: tuple[int, ...] = ()


class LawIndex:
    """A law's analysed provisions with a lemma -> positions index and the article of each provision."""

    def __init__(self, law: Law, analyses: dict[str, Analysis] | None = None, lexicon: Collection[str] = ()) -> None:
        """`lexicon`: the words the rules look for; in a noisy (OCR) law, garbled forms close to one
        of them are read as that word (lawgap.assess.fuzzy)."""
        self.law = law
        self.analyses = analyses if analyses is not None else analyse_law(law)
        self.seqs: list[Seq] = []
        self.seq_of: dict[tuple[str, str], Seq] = {}
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
                self.seqs.append(Seq(p.eid, field, data, lemmas))
                positions = self.positions
                for i, lemma in enumerate(lemmas):
                    positions[lemma].append((k, i))
                self.seq_of[(p.eid, field)] = self.seqs[-1]
        # the positions where a state-protection law's term for its protected person is read as a victim, per field,
        # and each such field's lemmas read so (a cue that does not match a field's own lemmas is tried on them)
        self.protected: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
        self.as_victim: dict[int, tuple[str, ...]] = {}
        if law.kind == WITNESS_PROTECTION:
            self._read_protected(law.language)
        if law.language in OPENERS:
            self._lift_asides(law.language)
        self.vocab = tuple(sorted(self.positions))
        self._frames: dict[str, list[Seq]] = {}
        # what later stages work out once per law and keep with its index (lawgap.assess.match)
        self.memo: dict[str, object] = {}

    def _read_protected(self, language: str) -> None:
        """Read the law's protected person as a victim where the law names victims (lawgap.assess.protected)."""
        if not names_victims([seq.lemmas for seq in self.seqs], language):
            return
        victim = victim_word(language)
        for k, seq in enumerate(self.seqs):
            heads = protected_heads(seq.lemmas, language)
            if not heads:
                continue
            lemmas = list(seq.lemmas)
            for _first, head in heads:
                lemmas[head] = victim
                self.positions[victim].append((k, head))
            self.as_victim[k] = tuple(lemmas)
            self.protected[(seq.eid, seq.field)] = tuple(heads)

    def _lift_asides(self, language: str) -> None:
        """Give each field with a citation aside its lemmas without it, found from the opener words' positions."""
        openers: dict[int, list[int]] = defaultdict(list)
        for word in OPENERS[language]:
            for k, i in self.positions.get(word, ()):
                openers[k].append(i)
        for k, starts in openers.items():
            seq = self.seqs[k]
            spans = aside_spans(seq.lemmas, starts, language)
            if not spans:
                continue
            kept = [i for i in range(len(seq.lemmas)) if not any(a <= i < b for a, b in spans)]
            bare = replace(seq, bare=tuple(seq.lemmas[i] for i in kept), bare_at=tuple(kept))
            self.seqs[k] = bare
            self.seq_of[(seq.eid, seq.field)] = bare

    def frames(self, eid: str) -> list[Seq]:
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
                    seq = Seq(p.eid, "heading", head, head.lemmas) if head.lemmas else None
                if seq is not None:
                    out.append(seq)
                p = self.law.by_eid[p.parent] if p.parent else None
            self._frames[article] = out
        return self._frames[article]

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

    def _holding(self, word: Word) -> frozenset[int]:
        """The sequences where some token passes the word test (kept per word: many cues share words)."""
        memo = self.memo.setdefault("holding", {})
        assert isinstance(memo, dict)
        found = memo.get(word)
        if found is None:
            found = memo[word] = frozenset(k for k, _i in self.candidates(word))
        return found

    def find(self, cue: Cue, as_victim: bool = False) -> list[tuple[Seq, int, int]]:
        """Every (sequence, first token, end token) where the cue matches; `as_victim`: also where it matches with
        a state-protection law's protected person read as a victim (lawgap.assess.protected)."""
        first = cue.parts[0]
        assert isinstance(first, Word)  # the cue compiler forbids a leading gap
        # only a sequence that holds every word of the cue can match it (a citation aside is lifted out of a
        # sequence's bare lemmas, never added, so this holds for the retry past asides too)
        words = [part for part in cue.parts if isinstance(part, Word)]
        possible = self._holding(first)
        for word in words[1:]:
            possible = possible & self._holding(word)
            if not possible:
                return []
        out = []
        for k, i in self.candidates(first):
            if k not in possible:
                continue
            seq = self.seqs[k]
            end = cue.match_at(seq.lemmas, i)
            if end is None and seq.bare_at and len(cue.parts) > 1:
                end = _past_asides(cue, seq, i)
            if end is None and as_victim and k in self.as_victim:
                end = cue.match_at(self.as_victim[k], i)
            if end is not None:
                out.append((seq, i, end))
        return out

    def spots(self, cues: Sequence[Cue]) -> Spots:
        """Where each of `cues` matches in the law, found once through the index and kept: later stages ask
        which of them lie inside a sentence instead of matching every sentence again. `cues` is a tuple the
        caller keeps (a rule element's, a module's table), known by its identity."""
        key = ("spots", id(cues))
        found = self.memo.get(key)
        if not (isinstance(found, tuple) and found[0] is cues):
            found = (cues, Spots(self, cues))  # the cues are kept, so their id is not reused
            self.memo[key] = found
        return found[1]

    def window(self, seq: Seq, span: tuple[int, int]) -> tuple[int, int]:
        """The token range [lo, hi) of `seq` whose words start inside the character span."""
        starts = seq.data.offsets[::2]
        return bisect_left(starts, span[0]), bisect_left(starts, span[1])

    def sentence_of(self, seq: Seq, char: int) -> tuple[int, int]:
        if seq.field == "heading":
            return (0, len(self.law.by_eid[seq.eid].heading or ""))
        for s in self.analyses[seq.eid].sentences:
            if s[0] <= char < s[1]:
                return s
        return (0, len(self.law.by_eid[seq.eid].text))


def _past_asides(cue: Cue, seq: Seq, i: int) -> int | None:
    """The end (in `seq.lemmas`) of the cue's match from token i when the field's citation asides are left out."""
    at = bisect_left(seq.bare_at, i)
    if at == len(seq.bare_at) or seq.bare_at[at] != i:
        return None  # the cue would start inside an aside
    end = cue.match_at(seq.bare, at)
    return None if end is None else seq.bare_at[end - 1] + 1


class Spots:
    """The matches of some cues in one law, per field of a provision, as (first token, end token, cue)."""

    def __init__(self, index: LawIndex, cues: Sequence[Cue]):
        rows: dict[tuple[str, str], list[tuple[int, int, Cue]]] = defaultdict(list)
        for cue in cues:
            for seq, i, end in index.find(cue):
                rows[(seq.eid, seq.field)].append((i, end, cue))
        self._rows = {k: sorted(v, key=lambda r: (r[0], r[1])) for k, v in rows.items()}
        self._starts = {k: [r[0] for r in v] for k, v in self._rows.items()}

    def within(self, seq: Seq, lo: int, hi: int) -> list[tuple[int, int, Cue]]:
        """The matches that lie wholly inside tokens [lo, hi) of `seq`."""
        key = (seq.eid, seq.field)
        rows = self._rows.get(key)
        if not rows:
            return []
        k = bisect_left(self._starts[key], lo)
        out = []
        while k < len(rows) and rows[k][0] < hi:
            if rows[k][1] <= hi:
                out.append(rows[k])
            k += 1
        return out


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
