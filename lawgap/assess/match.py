"""Finds the words that evidence each rule element in a law, with negation and limitation.

Reads: a Law, its nlp analysis and the RuleSet. Writes: `Hit`s, one per cue occurrence that is

not negated, each knowing its provision, its article, its sentence and any limiting words seen
in that sentence ("только", "небольшой тяжести", "except").

Speed: every cue starts with a word test, so the law is indexed once by lemma; a cue is tried
only at the positions where its first word can match, instead of at every token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lawgap.assess.cited import cited_places, naming_places
from lawgap.assess.conditions import (
    CHILD_RULE_CATEGORIES,
    OFFENCE_CATEGORIES,
    POSSIBILITY_CATEGORIES,
    PRINTED,
    PROTECTION_CATEGORIES,
    RESIDENCE_RETURN,
    TIME_LIMIT,
    Frame,
    binds,
    condition_cues,
    conditions,
    kind_of,
    return_of_residents_too,
    stands,
)
from lawgap.assess.context import (
    aggravating_provisions,
    continued_sentence,
    excluded_articles,
    inline_lead_in,
    lead_in_sentences,
    opening_sentence,
    opening_words,
)
from lawgap.assess.durations import term_places
from lawgap.assess.findings import Limitation, law_id
from lawgap.assess.hit import Hit
from lawgap.assess.holders import by_reference, criminal_liability, defines_in_its_terms, may_hold
from lawgap.assess.index import LawIndex, Seq
from lawgap.assess.persons import persons_limits
from lawgap.assess.protected import reads_protected
from lawgap.assess.regime import (
    article_read_as_one,
    listed_read_with_regime,
    measure_article_governs,
    titles_read_with_text,
)
from lawgap.assess.roles import DEFINITIONS, framing_role
from lawgap.assess.scope import Scope, law_scope
from lawgap.assess.sentences import inline_item
from lawgap.assess.subject import ACCUSED, FOREIGN, OFFICIAL, subjects
from lawgap.model import Provision
from lawgap.rules import Cue, Element, Rule, RuleSet
from lawgap.vocab import (
    CRIMINAL_CODE,
    CRIMINAL_PROCEDURE_CODE,
    WITNESS_PROTECTION,
)


@dataclass(frozen=True)
class _Context:
    """What a law's structure says about its provisions (lawgap.assess.context), worked out once per law."""

    excluded: frozenset[str]
    aggravating: dict[str, str]


def _context(index: LawIndex) -> _Context:
    found = index.memo.get("context")
    if not isinstance(found, _Context):
        found = _Context(excluded_articles(index), aggravating_provisions(index))
        index.memo["context"] = found
    return found


def _cues_in_sentence(index: LawIndex, seq: Seq, sentence: tuple[int, int], cues: Sequence[Cue]) -> list[str]:
    """The cues that match inside one sentence of one field."""
    return list(dict.fromkeys(c.text for _a, _b, c in index.spots(cues).within(seq, *index.window(seq, sentence))))


# Rules on what one state does at another's request (return, readmission): a foreign request is their matter.
_BETWEEN_STATES = frozenset({"residence_return", "smuggling"})
# rules on what the state does for a victim, witness or migrant (outside criminal law): an offence article of a
# code ("Создание некоммерческой организации, посягающей на личность ... наказывается") is never evidence for them
_MEASURE_CATEGORIES = frozenset(
    {"assistance", "identification", "participation", "witness_protection", "residence_return", "children"}
)


def _wrong_subject(index: LawIndex, rule: Rule, seq: Seq, sentence: tuple[int, int], span: tuple[int, int]) -> bool:
    """Whether the hit is about someone the rule does not protect (lawgap.assess.subject): casualties
    counted by an offence, the suspect or the accused, a foreign state's request, or, for a rule that
    lives outside criminal law, the one who commits an offence ("совершенное ... педагогом")."""
    who = subjects(index)
    if any(a < span[1] and span[0] < b for a, b in who.casualties(seq, sentence)):
        return True
    if set(rule.targets) == {"smuggled_migrants"}:
        return False  # a smuggled migrant may well be the suspect
    if rule.category in OFFENCE_CATEGORIES:
        # an offence is read in its own words: only a sentence naming the accused alone is not it
        return who.role(seq, sentence) == ACCUSED
    role = who.of(seq, sentence).role
    if role == ACCUSED or (role == FOREIGN and rule.category not in _BETWEEN_STATES):
        return True
    if role == OFFICIAL and rule.category in PROTECTION_CATEGORIES and CRIMINAL_CODE not in rule.law_kinds:
        # a judge's or an investigator's security protects no victim or witness; an offence a protection rule asks
        # for (disclosing a victim's identity) is often one that officials commit
        return True
    if CRIMINAL_CODE in rule.law_kinds or index.article_of[seq.eid] not in who.offences:
        return False
    if rule.category in _MEASURE_CATEGORIES:
        return True  # an offence article punishes; it gives nobody help, a hearing or protection
    return seq.eid in _context(index).aggravating or who.perpetrator(seq, *span)


# An offence named with its article in brackets ("торговлю людьми (статья 166)", "адамдарды соодалоо
# (166-берене)", "an offence (section 3)") is a citation of that article, not what this one provides.
_CITED_ARTICLE = re.compile(
    r"\s*\((?:стать\w*\s*\d|ст\.\s*\d|част\w* [\d, и]+стать|\d+(?:-\d+)?-берене|sections?\s*\d|s\.\s*\d)",
    re.IGNORECASE,
)


# "Если действия ... совершены в целях эксплуатации ребенка, содеянное квалифицируется по статье 135": a note that
# sends the act to another article; its words belong to that article, not to the one the note is printed under
_REDIRECT = re.compile(
    r"квалифицир\w*\s+по\s|квалификациялан|(?:qualified|classified|prosecuted)\s+under\s", re.IGNORECASE
)


def redirects(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether the text (or its span) sends what it describes to another article to be qualified there."""
    return bool(_REDIRECT.search(text, start, len(text) if end is None else end))


def _cited(source: str, end: int) -> bool:
    """Whether the words ending at `end` are followed by a bracketed article reference."""
    return bool(_CITED_ARTICLE.match(source, end))


def _negated(index: LawIndex, seq: Seq, sentence: tuple[int, int], negative: Sequence[Cue]) -> bool:
    """A negative cue in the hit's sentence, or in a heading that frames it: its article's
    ("Отвод переводчика") or its chapter's ("Особенности уголовной ответственности детей")."""
    if _cues_in_sentence(index, seq, sentence, negative):
        return True
    return any(h is not seq and any(c.find(h.lemmas) for c in negative) for h in index.frames(seq.eid))


def _printed(index: LawIndex, seq: Seq, span: tuple[int, int], cues: Sequence[Cue]) -> list[tuple[Cue, str]]:
    """Each cue that matches inside `span` of one field, with the words as printed there (the first place
    per cue), so that a limitation is named in the law's own words; kept per sentence, which many hits share.
    `cues` is a tuple the caller keeps (LawIndex.spots)."""
    memo = index.memo.setdefault("printed", {})
    assert isinstance(memo, dict)
    key = (id(cues), id(seq), span)
    found = memo.get(key)
    if found is None or found[0] is not cues:
        # the cues are kept with the entry: an id is only unique while its object lives, and a tuple made for one
        # call must not hand its entry to another that later takes its address
        source = _source(index, seq)
        o = seq.data.offsets
        out: dict[str, tuple[Cue, str]] = {}
        for a, b, cue in index.spots(cues).within(seq, *index.window(seq, span)):
            if cue.text not in out:
                out[cue.text] = (cue, " ".join(source[o[2 * a] : o[2 * b - 1]].split()))
        found = memo[key] = (cues, [out[c.text] for c in cues if c.text in out])
    return found[1]


def _limitations(
    index: LawIndex, rule: Rule, seq: Seq, sentence: tuple[int, int], limiting: Sequence[Cue], at: int
) -> list[Limitation]:
    """What limits a hit, each of its kind and in the law's words: the rule's own limiting cues and the
    conditions of lawgap.assess.conditions that bind this rule, in the hit's sentence, in the lead-in of the
    list the hit is an item of, or in its article's heading ("Awareness raising and prevention"), in the sentence
    the hit's sentence carries on ("В этом случае ..."), in a sentence of the same article that names the hit's
    provision by number ("Меры, указанные в пункте 2 части первой настоящей статьи, применяются лишь ...");
    and the conditions of the provisions the hit's sentence names its persons by (lawgap.assess.cited); and the
    term of a stay set in another sentence (lawgap.assess.durations). In a list run inline, the hit's item and the
    list's lead-in stand for its sentence (lawgap.assess.sentences.inline_item)."""
    item = inline_item(_source(index, seq), sentence, at)
    places = [(seq, item[0]), (seq, item[1])] if item else [(seq, sentence)]
    heading = index.seq_of.get((index.article_of[seq.eid], "heading"))
    if heading is not None and heading is not seq:
        places.append((heading, (0, len(index.law.by_eid[heading.eid].heading or ""))))
    places += continued_sentence(index, seq, sentence) + inline_lead_in(index, seq, sentence)
    places += naming_places(index, seq)
    if seq.field == "text":
        for parent, lead in lead_in_sentences(index, seq.eid):
            parent_seq = index.seq_of.get((parent, "text"))
            if parent_seq is not None:
                places.append((parent_seq, lead))
    if seq.field == "heading":
        # "Временное проживание лиц, пострадавших от торговли людьми": the heading names the measure, the article's
        # opening sentence grants it, with its conditions ("при одновременном соблюдении следующих условий:"), and
        # the cases it names by citation ("В случаях, указанных в части 2 статьи 14 настоящего Закона, ...")
        opening = opening_sentence(index, index.article_of[seq.eid])
        conditioning = places + opening + [x for o in opening for x in cited_places(index, *o)]
    else:
        # "the victims specified in part 1 of Article 19": the persons, with the conditions, of art 19(1)
        conditioning = places + cited_places(index, seq, sentence)
    frame = _frame(index, rule, seq)
    found: dict[str, Limitation] = {}
    law = _law_id(index)
    for x in persons_limits(index, rule, seq, sentence, _source(index, seq)[sentence[0] : sentence[1]]):
        found[x.words] = x
    for place, span in places:
        for cue, words in _printed(index, place, span, limiting):
            if words.lower().startswith(PRINTED.get(cue.text, "")):  # not "subjected to" for "subject to"
                found.setdefault(words, Limitation(kind_of(cue.text), words, law, place.eid))
    for place, span in conditioning:
        for kind, words in _conditions_in(index, place, span):
            if binds(kind, words, frame):
                found.setdefault(words, Limitation(kind, words, law, place.eid))
    citizens = [w for w, x in found.items() if x.kind == "citizens"]
    if citizens and frame.category == RESIDENCE_RETURN and _returns_residents_too(index, seq):
        found = {w: x for w, x in found.items() if w not in citizens}
    for place, span in term_places(index, seq, rule.stay):
        # "Срок пребывания в центре не может превышать тридцати дней", a sentence of its own: the help's term
        for kind, words in _conditions_in(index, place, span):
            if kind == TIME_LIMIT and binds(kind, words, frame):
                found.setdefault(words, Limitation(kind, words, law, place.eid))
    return list(found.values())


def _returns_residents_too(index: LawIndex, seq: Seq) -> bool:
    """Whether the hit's article on return names the permanent residents too, read once per article."""
    article = index.article_of[seq.eid]
    memo = index.memo.setdefault("returns_residents", {})
    assert isinstance(memo, dict)
    if article not in memo:
        memo[article] = return_of_residents_too(index.law.full_text(article))
    return memo[article]


def _definition_of(index: LawIndex, seq: Seq, sentence: tuple[int, int], char: int) -> tuple[int, int]:
    """In a definitions article, the one definition of a sentence that holds several ("несовершеннолетний – лицо, не
    достигшее восемнадцатилетнего возраста; малолетний – лицо, не достигшее четырнадцатилетнего возраста"): what
    the next term's definition says does not limit this one. Elsewhere the sentence."""
    if seq.field != "text" or framing_role(index.law.by_eid[index.article_of[seq.eid]].heading) != DEFINITIONS:
        return sentence
    text = _source(index, seq)
    lo = text.rfind(";", sentence[0], char) + 1 or sentence[0]
    hi = text.find(";", char, sentence[1])
    return (lo, sentence[1] if hi < 0 else hi)


def _source(index: LawIndex, seq: Seq) -> str:
    """The printed words of the field a sequence analyses (a provision's heading or its text)."""
    p: Provision = index.law.by_eid[seq.eid]
    return (p.heading if seq.field == "heading" else p.text) or ""


def _frame(index: LawIndex, rule: Rule, seq: Seq) -> Frame:
    """The rule, and where its hit lies, as lawgap.assess.conditions needs them to say which conditions bind it."""
    home = index.law.kind
    return Frame(
        measure=rule.obligation == "mandatory" and rule.category not in OFFENCE_CATEGORIES,
        offence=CRIMINAL_CODE in rule.law_kinds
        and index.article_of[seq.eid] in subjects(index).offences
        and seq.eid not in _context(index).aggravating,
        possibility=rule.category in POSSIBILITY_CATEGORIES,
        category=rule.category,
        in_proceedings=home in (CRIMINAL_PROCEDURE_CODE, WITNESS_PROTECTION)
        and home in rule.law_kinds
        and not rule.every_victim,
        for_children="children" in rule.targets and rule.category in CHILD_RULE_CATEGORIES,
    )


def _conditions_in(index: LawIndex, seq: Seq, span: tuple[int, int]) -> list[tuple[str, str]]:
    """The conditions (lawgap.assess.conditions) in one sentence, as (kind, words), found once per sentence."""
    memo = index.memo.setdefault("conditions", {})
    assert isinstance(memo, dict)
    key = (id(seq), span)
    if key not in memo:
        of = {id(c.cue): c for c in conditions(index.law.language)}
        found = _printed(index, seq, span, condition_cues(index.law.language))
        sentence = _source(index, seq)[span[0] : span[1]]
        kept = [(of[id(cue)], words) for cue, words in found]
        memo[key] = [(c.kind, words) for c, words in kept if stands(c.kind, sentence, words) and c.reads(words)]
    return memo[key]


def _law_id(index: LawIndex) -> str:
    found = index.memo.get("law_id")
    if not isinstance(found, str):
        found = index.memo["law_id"] = law_id(index.law)
    return found


def _scope(index: LawIndex, rule: Rule, article: str) -> tuple[Scope, ...]:
    """The limits the law sets on itself that reach this rule in this article (lawgap.assess.scope): none for
    an offence, whose reach is the code's."""
    if rule.category in OFFENCE_CATEGORIES:
        return ()
    return tuple(s for s in law_scope(index) if s.covers(article, rule.category))


def scope_exclusions(index: LawIndex, rule: Rule) -> tuple[Limitation, ...]:
    """The limits by which a law leaves out every person the rule is about (its hits are dropped)."""
    if rule.category in OFFENCE_CATEGORIES:
        return ()
    return tuple(s.limitation for s in law_scope(index) if set(rule.targets) <= s.excludes)


def element_hits(index: LawIndex, rule: Rule, element: Element) -> list[Hit]:
    """The hits of one element in one law, negated ones dropped, limitations attached."""
    lang = index.law.language
    negative = element.negative.get(lang)
    limiting = element.limiting.get(lang)
    hits: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    # a smuggled migrant may well be the suspect: for rules only about migrants, those articles count
    excluded = _context(index).excluded if set(rule.targets) != {"smuggled_migrants"} else frozenset()
    partly = element.partly.get(lang)
    as_victim = reads_protected(rule)
    for cue in tuple(element.cues.get(lang)) + tuple(partly):
        for seq, i, end in index.find(cue, as_victim):
            if index.article_of[seq.eid] in excluded:
                continue
            start_char = seq.data.offsets[2 * i]
            key = (id(seq), start_char)
            if key in seen:
                continue
            seen.add(key)
            sentence = _definition_of(index, seq, index.sentence_of(seq, start_char), start_char)
            if negative and _negated(index, seq, sentence, negative):
                continue
            if _wrong_subject(index, rule, seq, sentence, (i, end)):
                continue
            scope = _scope(index, rule, index.article_of[seq.eid])
            if any(set(rule.targets) <= s.excludes for s in scope):
                continue
            limits = _limitations(index, rule, seq, sentence, limiting, start_char) + [s.limitation for s in scope]
            source = _source(index, seq)
            span = (start_char, seq.data.offsets[2 * end - 1])
            if cue in partly:
                limits.append(Limitation("partly", source[span[0] : span[1]], _law_id(index), seq.eid))
            aggravating = element.standalone and seq.eid in _context(index).aggravating
            if aggravating:
                words = _context(index).aggravating[seq.eid]
                limits.append(Limitation("aggravating_only", words, _law_id(index), seq.eid))
            if _cited(source, span[1]) or redirects(source, *sentence):
                continue
            terms = index.protected.get((seq.eid, seq.field), ()) if as_victim else ()
            heads = [(a, h) for a, h in terms if i <= h < end]
            if heads and cue.match_at(seq.lemmas, i) == end:
                heads = []  # the cue matched its own words: the term inside it was not read as a victim
            elif not heads:
                # "возраст защищаемого лица не установлен": the sentence is about the protected person, whom the
                # measure reaches only under the law's protection, though the cue did not name him
                lo, hi = index.window(seq, sentence)
                heads = [(a, h) for a, h in terms if lo <= a and h < hi]
            if heads:
                # "защищаемому лицу" read as a victim: only one under the law's protection (lawgap.assess.protected)
                a, h = heads[0]
                words = source[seq.data.offsets[2 * a] : seq.data.offsets[2 * h + 1]]
                limits.append(Limitation("protected", words, _law_id(index), seq.eid))
            fuzzy = seq.lemmas[i:end] != seq.data.lemmas[i:end]
            hits.append(_hit(index, rule, element, seq, span, cue.text, sentence, limits, aggravating, fuzzy))
    if element.qualified_part:
        hits += _qualified_parts(index, rule, element, seen)
    return hits


def _hit(
    index: LawIndex,
    rule: Rule,
    element: Element,
    seq: Seq,
    span: tuple[int, int],
    cue: str,
    sentence: tuple[int, int],
    limits: Sequence[Limitation] = (),
    aggravating: bool = False,
    fuzzy: bool = False,
) -> Hit:
    """A hit of the element at `span` of the field `seq` analyses, with the words printed there."""
    return Hit(
        law=index.law.sha256,
        eid=seq.eid,
        article=index.article_of[seq.eid],
        rule=rule.id,
        element=element.id,
        cue=cue,
        field=seq.field,
        span=span,
        words=_source(index, seq)[span[0] : span[1]],
        sentence=sentence,
        limited_by=tuple(dict.fromkeys(lim.words for lim in limits)),
        limitations=tuple(limits),
        aggravating=aggravating,
        fuzzy=fuzzy,
    )


def _qualified_parts(index: LawIndex, rule: Rule, element: Element, seen: set[tuple[int, int]]) -> list[Hit]:
    """The qualified parts of the law's offences as hits of an element that names an aggravated form, each with
    its opening words, where no cue has found that part already."""
    out = []
    for p in index.law.provisions:
        seq = index.seq_of.get((p.eid, "text"))
        if not p.qualified or seq is None or not seq.lemmas or (id(seq), seq.data.offsets[0]) in seen:
            continue
        words = opening_words(p.text)
        start = p.text.find(words) if words else -1
        if start < 0:
            continue
        span = (start, start + len(words))
        out.append(_hit(index, rule, element, seq, span, "(qualified part)", index.sentence_of(seq, start)))
    return out


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
    if not may_hold(index.law, rule):
        return []
    out = []
    for e in rule.elements:
        found = titles_read_with_text(index, article_read_as_one(index, element_hits(index, rule, e)))
        if rule.category not in OFFENCE_CATEGORIES:
            found = listed_read_with_regime(index, found)
            if e is rule.elements[0]:  # the measure itself, not the persons or grounds that qualify it
                found = measure_article_governs(index, found)
        out += found
    if defines_in_its_terms(index.law, rule):
        law = index.law
        out = [h for h in out if framing_role(law.by_eid[h.article].heading) == DEFINITIONS]
    if by_reference(index.law, rule):
        # only the articles that say the act is punished ("... влекут ответственность в соответствии с Уголовным
        # кодексом"); one that exempts a smuggled victim or names the offence in passing holds no offence
        law = index.law
        liable = {h.article for h in out if criminal_liability(law.full_text(h.article))}
        out = [h for h in out if h.article in liable]
    return out


def all_hits(index: LawIndex, rules: RuleSet) -> dict[str, list[Hit]]:
    """Hits per rule id for one law."""
    return {r.id: rule_hits(index, r) for r in rules}
