"""A BM25 baseline over the same lemmas, so the gain of the rule matcher can be measured.

Reads: the lemma index of each law and the rule set. Writes: BM25-ranked articles per rule.

Each article-level provision (with its parts, items and notes) is one document of lemmas; a
rule's query is the lemmas of its title and of all its cues in the law's language. The top
documents are the baseline's evidence. Its status is a bag-of-words reading of the top
document: met when it contains all the words of some cue of every mandatory element, partial when some, gap when
the rule's words occur nowhere. No order, gap, negation or limitation is understood.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import bm25s

from lawgap.assess.index import LawIndex
from lawgap.assess.nlp import analyse_text
from lawgap.rules import Rule, Word
from lawgap.vocab import GAP, MET, PARTIAL

TOP_K = 3


@dataclass(frozen=True)
class BaselineFinding:
    rule: str
    status: str
    evidence: tuple[tuple[str, str], ...]  # (law sha256, article eid), best first


class Bm25Baseline:
    """One BM25 index over the article-level documents of several laws."""

    def __init__(self, indexes: Sequence[LawIndex]):
        self.indexes = list(indexes)
        self.docs: list[tuple[str, str]] = []
        self.doc_lemmas: list[set[str]] = []
        tokens: list[list[str]] = []
        for ix in self.indexes:
            per_article: dict[str, list[str]] = {}
            for seq in ix.seqs:
                per_article.setdefault(ix.article_of[seq.eid], []).extend(seq.lemmas)
            for article, lemmas in per_article.items():
                self.docs.append((ix.law.sha256, article))
                tokens.append(lemmas)
                self.doc_lemmas.append(set(lemmas))
        self.languages = {ix.law.sha256: ix.law.language for ix in self.indexes}
        self.bm25 = bm25s.BM25()
        self.bm25.index(tokens, show_progress=False)

    def _query(self, rule: Rule, language: str) -> list[str]:
        title = rule.title_ru if language in ("ru", "ky") else rule.title_en
        words = [t.lemma for t in analyse_text(title, "ru" if language == "ky" else language)[0]]
        for e in rule.elements:
            for cue in e.cues.get(language):
                for w in cue.words:
                    words.extend(w.words)
                    words.extend(w.stems)
        return words

    def assess(self, rule: Rule) -> BaselineFinding:
        scores = None
        for language in sorted(set(self.languages.values())):
            s = self.bm25.get_scores(self._query(rule, language))
            mask = [self.languages[sha] == language for sha, _ in self.docs]
            s = s * mask
            scores = s if scores is None else scores + s
        order = [int(i) for i in scores.argsort()[::-1][:TOP_K] if scores[int(i)] > 0] if scores is not None else []
        evidence = tuple(self.docs[i] for i in order)
        if not order:
            return BaselineFinding(rule.id, GAP, ())
        top = self.doc_lemmas[order[0]]
        lang = self.languages[self.docs[order[0]][0]]
        found = [self._element_in(e.cues.get(lang), top) for e in rule.mandatory_elements]
        status = MET if all(found) else (PARTIAL if any(found) else GAP)
        return BaselineFinding(rule.id, status, evidence)

    @staticmethod
    def _element_in(cues, lemmas: set[str]) -> bool:
        return any(all(_word_in(w, lemmas) for w in cue.words) for cue in cues)


def _word_in(word: Word, lemmas: set[str]) -> bool:
    return any(w in lemmas for w in word.words) or any(x.startswith(word.stems) for x in lemmas if word.stems)
