"""What a law's own terms stand for: a status the law grants on grounds that include trafficking.

Reads: a LawIndex (its definitions article and article headings) and one rule's hits per article. Writes: for
each article that names such a status but not the persons the rule protects, the provision that makes them
hold it, to be read together with the article.

A social-services law gives its services to "лица, находящиеся в трудной жизненной ситуации", defines that
term (art 1: "ситуация, признанная по предусмотренным настоящим Законом основаниям"), and lists the grounds
in an article of their own (art 6 "Основания, по которым лицо (семья) может быть признано находящимся в
трудной жизненной ситуации"), one of which is trafficking (6(2)). A lawyer reads every article that gives
something to persons in that situation as giving it to trafficking victims, read with 6(2). Only a term the
law itself defines, and only through an article whose heading says it sets the grounds for that term, lends
the rule's anchor (the persons it protects): nothing else is read into an article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lawgap.assess.hit import Hit
from lawgap.assess.index import LawIndex
from lawgap.rules import Cue, CueError, Rule, compile_cue

# An article of definitions, by its heading; a defined term opens an item ("трудная жизненная ситуация -
# ...", "“victim” means ...").
_DEFINITIONS_HEADING = {
    "ru": compile_cue("понятие|термин|определение", "ru"),
    "ky": compile_cue("түшүнүк*|термин*", "ky"),
    "en": compile_cue("definition|interpretation", "en"),
}
_TERM = {
    "ru": re.compile(r"^\s*[«\"]?([^\s«»\"].{2,80}?)[»\"]?\s+[-–—]\s+\S"),
    "ky": re.compile(r"^\s*[«\"]?([^\s«»\"].{2,80}?)[»\"]?\s+[-–—]\s+\S"),
    "en": re.compile(r"^\s*[“\"]([^”\"]{3,60})[”\"]\s+(?:means|includes)\b"),
}
# A status term is defined by reference to grounds ("ситуация, признанная по предусмотренным настоящим Законом
# основаниям"), and an article's heading sets the grounds on which a person is recognised as holding it
# ("Основания, по которым лицо (семья) может быть признано находящимся в ..."); grounds for quashing a judgment
# make no status.
_GROUNDS = {
    "ru": compile_cue("основание", "ru"),
    "ky": compile_cue("негиз*", "ky"),
    "en": compile_cue("ground|eligible|eligibility", "en"),
}
_GROUNDS_HEADING = {
    "ru": compile_cue("основание ~8 признать|признанный|признаваться|признание", "ru"),
    "ky": compile_cue("негиз* ~8 таан*", "ky"),
    "en": compile_cue("ground ~6 recognise|recognize|recognition|qualify", "en"),
}
# A term for persons ("лица, находящиеся в трудной жизненной ситуации, - лица, ... в том числе ... пострадавшие от
# торговли людьми") whose own definition names the protected persons is read with that definition.
_PERSONS = {
    "ru": compile_cue("лицо", "ru"),
    "ky": compile_cue("адам*|жак*", "ky"),
    "en": compile_cue("person", "en"),
}
MAX_TERM_WORDS = 6


@dataclass(frozen=True)
class Term:
    """A term the law defines, where the persons it stands for are named (`grounds`: (article, provision) pairs,
    the provision None for a whole article), and the articles about its holders (their heading names it)."""

    words: str
    cue: Cue
    grounds: tuple[tuple[str, str | None], ...]
    used_in: frozenset[str]


@dataclass(frozen=True)
class _Definition:
    words: str
    cue: Cue
    article: str
    eid: str
    by_grounds: bool  # the definition refers to grounds the law sets elsewhere
    persons: bool  # the term names persons


def _defined(index: LawIndex) -> list[_Definition]:
    """The terms a definitions article defines, with what their definitions say."""
    language = index.law.language
    heading, pattern = _DEFINITIONS_HEADING.get(language), _TERM.get(language)
    if heading is None or pattern is None:
        return []
    out = []
    for seq in index.seqs:
        if seq.field != "heading" or not heading.find(seq.lemmas):
            continue
        article = index.article_of[seq.eid]
        for p in index.law.subtree(article):
            m = pattern.match(p.text)
            seq_text = index.seq_of.get((p.eid, "text"))
            if not m or seq_text is None:
                continue
            n = sum(1 for i in range(len(seq_text.lemmas)) if seq_text.data.offsets[2 * i] < m.end(1))
            if not 0 < n <= MAX_TERM_WORDS:
                continue
            by_grounds = bool(_GROUNDS[language].find(seq_text.lemmas[n:]))
            persons = bool(_PERSONS[language].find(seq_text.lemmas[:1]))
            if not (by_grounds or persons):
                continue
            try:
                cue = compile_cue(" ".join(seq_text.lemmas[:n]), language)
            except CueError:  # OCR debris ("pe.son") is no term
                continue
            out.append(_Definition(m.group(1).rstrip(",; "), cue, article, p.eid, by_grounds, persons))
    return out


def status_terms(index: LawIndex) -> tuple[Term, ...]:
    """The law's defined terms for a status: one whose definition refers to grounds that an article's heading sets,
    or one for persons whose definition names whom it includes; with the articles about their holders. Only article
    headings are searched for them: that is where a lawyer looks for what an article is about."""
    found = index.memo.get("terms")
    if isinstance(found, tuple):
        return found
    law = index.law
    grounds_cue = _GROUNDS_HEADING.get(law.language)
    headings = [
        seq
        for seq in index.seqs
        if seq.field == "heading" and law.is_article_level(law.by_eid[index.article_of[seq.eid]])
    ]
    grounds_headings = [seq for seq in headings if grounds_cue is not None and grounds_cue.find(seq.lemmas)]
    terms = []
    for d in _defined(index):
        grounds: list[tuple[str, str | None]] = []
        if d.by_grounds:
            grounds += [(index.article_of[x.eid], None) for x in grounds_headings if d.cue.find(x.lemmas)]
        if d.persons:
            grounds.append((d.article, d.eid))
        if grounds:
            # an article about the holders of the status names them in its heading ("Права и обязанности лица
            # (семьи), находящегося в трудной жизненной ситуации"); a passing mention in a policy principle or in
            # an official's duties gives the holder nothing
            used = frozenset(index.article_of[x.eid] for x in headings if d.cue.find(x.lemmas))
            terms.append(Term(d.words, d.cue, tuple(dict.fromkeys(grounds)), used - {a for a, _ in grounds}))
    index.memo["terms"] = tuple(terms)
    return index.memo["terms"]


def lend_anchor(
    rule: Rule, index: LawIndex, cells: dict[tuple[str, str], dict[str, list[Hit]]], group: str
) -> dict[tuple[str, str], tuple[str, Sequence[Hit]]]:
    """For each article of this law about the holders of a status term that names none of the persons the rule
    protects: the provision that names them for the term (its eid) and the hits there, which it is read with."""
    anchors = [e.id for e in rule.elements if e.anchor]
    if len(anchors) != 1:
        return {}
    anchor = anchors[0]
    out: dict[tuple[str, str], tuple[str, Sequence[Hit]]] = {}
    for term in status_terms(index):
        for article, eid in term.grounds:
            hits = [
                h
                for h in cells.get((group, article), {}).get(anchor, ())
                if h.law == index.law.sha256 and (eid is None or h.eid == eid or h.eid.startswith(eid + "__"))
            ]
            if not hits:
                continue
            for used in sorted(term.used_in):
                cell = (group, used)
                if cell in cells and anchor not in cells[cell] and cell not in out:
                    out[cell] = (hits[0].eid, hits)
    return out
