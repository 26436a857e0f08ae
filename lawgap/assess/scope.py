"""What a law says of its own reach: the territory it extends to, the persons it covers, the offences of its schedule.

Reads: a LawIndex (its lemmas and sentences) and the references of its scope sentences (lawgap.refs.find).
Writes: `Scope`s, each a named `Limitation` in the law's words with the articles it limits (none: the whole
law) and the persons a rule may be about that it leaves out altogether.

A lawyer reads a law's scope article before any of its measures: the Islamabad witness protection act
"extends to such areas in the federation as are not included in any Province" and protects witnesses of the
offences in its Schedule only; a social-services law that "распространяется на граждан ... а также
постоянно проживающих ... иностранцев" gives nothing to a foreign victim who does not live there. Such a
limit makes every finding resting on the law partial, naming it; where it leaves out the very persons a
rule is about (a law for citizens and residents, and a rule on smuggled migrants; a closed schedule without
trafficking) the law is no evidence for that rule at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from lawgap.assess.findings import Limitation, law_id
from lawgap.refs.find import find_in_text
from lawgap.refs.reference import Reference
from lawgap.refs.resolve import resolve
from lawgap.rules.cues import Cue, compile_cue
from lawgap.vocab import CODES

if TYPE_CHECKING:
    from lawgap.assess.index import LawIndex, Seq

ALL_TARGETS = frozenset({"victims", "witnesses", "children", "women", "smuggled_migrants"})

# A sentence that sets whom the law (or some of its articles) reaches: "Действие настоящего Закона
# распространяется на ...", "This Law shall apply to ...", "Меры, предусмотренные статьей 8 настоящего Закона,
# распространяются на ...". A code reaches everyone within its jurisdiction: its "граждане" are offenders.
_REACH = {
    "ru": ("распространяться|применяться|действовать|оказываться|предоставляться", "иметь ~1 право ~2 на ~1 получение"),
    "ky": ("жайылтыл*|колдонул*|таркатыл*",),
    "en": ("apply|extend|applicable", "be ~1 provide|grant|render", "be ~1 entitled ~1 to ~1 receive"),
}
_THIS_LAW = {
    "ru": ("настоящий закон",),
    "ky": ("ушул мыйзам*",),
    "en": ("this law|act",),
}
# "применяются независимо от того, является ли защищаемое лицо гражданином": no limit, the opposite
_REGARDLESS = {"ru": ("независимо",), "ky": ("карабастан", "карабай"), "en": ("regardless|irrespective",)}
# an article that itself applies "независимо от гражданства" ("независимо от наличия у них гражданства Республики
# Казахстан") is carved out of a limit to citizens and residents: the special rule of the same law prevails over its
# general scope article
_ANY_CITIZENSHIP = {
    "ru": ("независимо от ~6 гражданство",),
    "ky": ("жарандыгына ~2 карабастан|карабай",),
    "en": ("regardless|irrespective ~2 of ~6 citizenship|nationality",),
}
# "Положения глав 4 и 5 ... применяются также в отношении граждан ..., пострадавших ... за пределами": a sentence
# that extends provisions to more persons limits nobody
_ALSO = {
    "ru": (f"{_REACH['ru'][0]} ~1 также", f"также ~1 {_REACH['ru'][0]}"),
    "ky": ("ошондой ~1 эле ~3 жайылтыл*|колдонул*",),
    "en": ("also ~2 apply|extend",),
}
# "The provisions of this Law concerning ... victims of trafficking in persons outside the Republic of Uzbekistan
# shall apply to citizens ...": a state helps its own citizens abroad; the limit is of those provisions only, and
# the law's other persons (foreign victims in the country among them) keep all the rest
_ABROAD = {
    "ru": ("за ~1 предел ~3 республика|государство|страна|туркменистан", "за ~1 рубеж"),
    "ky": ("чет ~1 өлкөдө|өлкөлөрдө", "республикасынын ~1 чегинен ~1 тышкары"),
    "en": ("outside ~3 republic|country|state|territory|turkmenistan", "abroad"),
}
# "... who have become victims within the territory of Turkmenistan or abroad": victims at home too, a limit of the law
_AT_HOME = {"ru": ("на ~1 территория",), "ky": ("аймагында",), "en": ("within|in ~2 territory",)}
_CITIZENS = {"ru": ("гражданин",), "ky": ("жаран*",), "en": ("citizen|national",)}
# "органы самоуправления граждан" (the mahalla bodies of Uzbek laws) are no limit to citizens
_SELF_GOVERNMENT = {
    "ru": ("самоуправление ~1 гражданин",),
    "ky": ("жарандардын ~1 өз ~1 алдынча",),
    "en": ("self ~1 government ~2 citizen",),
}
# "В настоящем Законе применяются следующие основные понятия:": the law's definitions, not its reach
_DEFINITIONS = {
    "ru": ("следующий ~2 понятие|термин", "основной ~1 понятие"),
    "ky": ("негизги ~1 түшүнүк*", "төмөнкү ~2 түшүнүк*"),
    "en": ("following ~2 term|concept|definition", "basic ~1 concept"),
}
_FOREIGNERS = {
    "ru": ("иностранец", "иностранный гражданин", "лицо без гражданство"),
    "ky": ("чет ~1 өлкөлүк|мамлекеттик", "чет элдик*", "жарандыгы жок"),
    "en": ("foreign|foreigner|stateless|alien",),
}
# "в объёме, предусмотренном статьями ...", "only the assistance provided for in Articles ...": a list that bounds
_ONLY_AS_LISTED = {
    "ru": ("в ~1 объём", "только", "лишь", "в ~1 случай ~3 объём|условие"),
    "ky": ("гана",),
    "en": ("only", "to the extent", "in ~1 the ~1 case ~3 amount|condition"),
}
_EXCEPT = {"ru": ("за ~1 исключение", "кроме"), "ky": ("тышкары",), "en": ("except|excluding|save",)}
# "Иностранцам ..., постоянно проживающим ..., помощь ... оказывается наравне с гражданами": a sentence that gives
# others what citizens get, on equal terms, widens the law's reach; it limits nothing
_EQUAL = {
    "ru": ("наравне ~1 с ~1 гражданин", "на ~1 равный ~1 основание|условие|основа ~3 гражданин"),
    "ky": ("жарандар* ~2 бирдей|теңдей|тең",),
    "en": ("equal ~1 foot|basis|term ~4 citizen|national", "equally ~3 with ~2 citizen|national"),
}
_QUALIFIED = 8  # tokens between a foreigner and the words of permanent residence that qualify him
_PERMANENT = {
    "ru": ("постоянно ~2 проживать|проживающий|жить",),
    "ky": ("туруктуу ~2 жаша*",),
    "en": ("permanently ~2 reside|residing|resident", "permanent resident|residence"),
}
# "It extends to the whole of Pakistan" reaches everywhere; "It extends to the Islamabad Capital Territory",
# "to such areas ... as are not included in any Province" do not.
_TERRITORY = {"en": ("extend to",), "ru": ("распространяться на ~2 территория",)}
_EXTENT = {"en": ("extent|application",), "ru": ("сфера|пределы ~1 действие",)}
_WHOLE = {"en": ("whole of",), "ru": ("весь ~1 территория",)}
# "serious offence means an offence as specified in the Schedule", "in respect of scheduled offences"
_SCHEDULE = {
    "en": ("offence ~4 specify|list|mention ~3 in ~2 schedule", "schedule offence"),
    "ru": ("преступление ~6 перечислить|указать|предусмотреть ~3 в ~1 приложение|перечень",),
}
_TRAFFICKING = {
    "en": ("traffic|trafficking in|of ~1 person|people|human", "human traffic|trafficking", "victim of ~2 traffic"),
    "ru": ("торговля человек|людьми", "торговля люди"),
    "ky": ("адам ~1 сатуу*",),
}
_ANY_OTHER = {"en": ("any other offence",), "ru": ("иной|другой преступление",)}


def _compiled(table: dict[str, tuple[str, ...]], language: str) -> tuple[Cue, ...]:
    return tuple(compile_cue(c, language) for c in table.get(language, ()))


@cache
def _trafficking_cues(language: str) -> tuple[Cue, ...]:
    return _compiled(_TRAFFICKING, language)


def names_trafficking(lemmas: Sequence[str], language: str) -> bool:
    """Whether some words (a sentence's lemmas) name trafficking in persons."""
    return any(c.find(lemmas) for c in _trafficking_cues(language))


@dataclass(frozen=True)
class Scope:
    """A limit a law sets on itself: `limitation` names it in the law's words; `articles` are the article
    eids it limits (empty: the whole law); `excludes` the rule targets it leaves out altogether."""

    limitation: Limitation
    articles: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()  # the rule categories it reaches (empty: all)

    def covers(self, article: str, category: str = "") -> bool:
        reaches = not self.categories or not category or category in self.categories
        return reaches and (not self.articles or article in self.articles)


class _Reader:
    """The scope sentences of one law."""

    def __init__(self, index: LawIndex):
        self.index = index
        self.language = index.law.language
        self.law = law_id(index.law)

    def cues(self, table: dict[str, tuple[str, ...]]) -> tuple[Cue, ...]:
        return _compiled(table, self.language)

    def window(self, seq: Seq, sentence: tuple[int, int]) -> tuple[int, tuple[str, ...]]:
        """The first token of a sentence and the lemmas of its words."""
        lo, hi = self.index.window(seq, sentence)
        return lo, seq.lemmas[lo:hi]

    def sentences(self, table: dict[str, tuple[str, ...]]) -> list[tuple[Seq, tuple[int, int]]]:
        """The text sentences where a cue of `table` matches, in document order, each once."""
        out: dict[tuple[str, tuple[int, int]], tuple[Seq, tuple[int, int]]] = {}
        for cue in self.cues(table):
            for seq, i, _end in self.index.find(cue):
                if seq.field == "text":
                    sentence = self.index.sentence_of(seq, seq.data.offsets[2 * i])
                    out.setdefault((seq.eid, sentence), (seq, sentence))
        order = {p.eid: k for k, p in enumerate(self.index.law.provisions)}
        return sorted(out.values(), key=lambda x: (order[x[0].eid], x[1]))

    def words(self, seq: Seq, start: int, sentence: tuple[int, int]) -> str:
        """The law's words from token `start` to the end of the sentence, without its closing stop."""
        text = seq.data.source[seq.data.offsets[2 * start] : sentence[1]]
        return " ".join(text.split()).rstrip(".;,:")

    def framed(self, seq: Seq, table: dict[str, tuple[str, ...]]) -> bool:
        """Whether the heading of the sentence's article matches a cue of `table` ("Short title, extent and
        commencement", "Сфера действия настоящего Закона")."""
        heading = self.index.seq_of.get((self.index.article_of[seq.eid], "heading"))
        return heading is not None and any(c.find(heading.lemmas) for c in self.cues(table))

    def limitation(self, kind: str, words: str, eid: str) -> Limitation:
        return Limitation(kind, words, self.law, eid)

    def cited_articles(self, seq: Seq, sentence: tuple[int, int]) -> frozenset[str]:
        """The articles of this law a sentence cites ("предусмотренные статьей 8 настоящего Закона", "статьями 18–23",
        "главами III, V и VI": a chapter cites every article in it)."""
        law = self.index.law
        found = [
            Reference(law.sha256, seq.eid, f.span, f.text, f.target)
            for f in find_in_text(seq.data.source[sentence[0] : sentence[1]], self.language)
            if f.target.law is None and f.target.levels and f.target.levels[0][0] in ("article", "chapter")
        ]
        out = set()
        for ref in resolve(found, [law]):
            for eid in ref.resolved or ():
                article = law.by_eid[self.index.article_of.get(eid, eid)]
                if law.is_article_level(article):  # an article, or a part or item of one
                    out.add(article.eid)
                else:  # a chapter or section: every article in it
                    out.update(p.eid for p in law.subtree(eid) if law.is_article_level(p))
        return frozenset(out)


def _persons(r: _Reader) -> list[Scope]:
    """Citizens (and permanent residents) only: foreign victims who do not live there are out."""
    if r.index.law.kind in CODES:
        return []
    citizens, foreigners, permanent = r.cues(_CITIZENS), r.cues(_FOREIGNERS), r.cues(_PERMANENT)
    this_law, regardless = r.cues(_THIS_LAW), r.cues(_REGARDLESS)
    limits: list[tuple[Seq, tuple[int, int], int, frozenset[str]]] = []
    reach: frozenset[str] = frozenset()  # the rule categories the limits to citizens reach (empty: all)
    only: list[tuple[Seq, tuple[int, int], int, frozenset[str]]] = []  # foreigners get only the articles listed
    carved = {r.index.article_of[seq.eid] for seq, _sentence in r.sentences(_ANY_CITIZENSHIP)}
    for seq, sentence in r.sentences(_REACH):
        lo, window = r.window(seq, sentence)
        if not any(c.find(window) for c in this_law) and not r.framed(seq, _EXTENT):
            continue
        if _for_every_trafficking_victim(r, window):
            # "The provisions of this Law relating to victims of trafficking apply to all persons ... irrespective of
            # sex, age and citizenship": its limit to citizens binds the law's other persons (smuggled migrants
            # among them), not trafficking victims
            reach = frozenset({"smuggling"})
            continue
        if any(c.find(window) for c in regardless) or any(c.find(window[:12]) for c in r.cues(_DEFINITIONS)):
            continue
        if any(c.find(window) for c in r.cues(_ALSO)) or _abroad_only(r, window):
            continue
        self_governing = {i for c in r.cues(_SELF_GOVERNMENT) for a, b in c.find(window) for i in range(a, b)}
        named = sorted(a for c in citizens for a, _b in c.find(window) if a not in self_governing)
        foreign = [a for c in foreigners for a, _b in c.find(window)]
        # "иностранные граждане" are foreigners, not citizens
        own = [a for a in named if not any(f <= a < f + 2 for f in foreign)]
        articles = r.cited_articles(seq, sentence)
        # foreigners count as a limit only where permanent residence qualifies them ("постоянно проживающих ...
        # иностранцев"); foreigners "находящихся на территории" are every foreign victim there
        settled = [a for c in permanent for a, _b in c.find(window)]
        passing = [f for f in foreign if not any(abs(f - a) <= _QUALIFIED for a in settled)]
        if own and not passing:
            if not articles and any(c.find(window) for c in r.cues(_EQUAL)):
                continue
            limits.append((seq, sentence, lo + own[0], articles))
        elif foreign and articles and any(c.find(window) for c in r.cues(_EXCEPT)):
            # "on equal terms with citizens, except for the measures specified in Articles 13 and 14, which are
            # applied only to citizens": the articles listed are the ones foreigners do not get
            limits.append((seq, sentence, lo + foreign[0], articles))
        elif foreign and articles:
            carved |= articles  # "Foreign citizens ... shall enjoy the rights provided for in Articles 9 and 10"
            if any(c.find(window) for c in r.cues(_ONLY_AS_LISTED)):
                # "помощь оказывается в объёме, предусмотренном статьями 19, 21–23": the other help is not theirs
                only.append((seq, sentence, lo + foreign[0], articles))
    out = []
    for seq, sentence, start, articles in limits:
        if articles or carved:
            articles = (articles or frozenset(p.eid for p in r.index.law.articles())) - carved
            if not articles:  # every article it would limit says otherwise
                continue
        out.append(Scope(r.limitation("persons", r.words(seq, start, sentence), seq.eid), articles,
                         frozenset({"smuggled_migrants"}), categories=reach))
    everything = frozenset(p.eid for p in r.index.law.articles())
    for seq, sentence, start, listed in only:
        others = everything - listed - {r.index.article_of[seq.eid]}
        out.append(Scope(r.limitation("persons", r.words(seq, start, sentence), seq.eid), others,
                         categories=frozenset({"assistance"})))
    return out


def _abroad_only(r: _Reader, window: tuple[str, ...]) -> bool:
    """Whether a sentence of the law's reach speaks of victims abroad only (_ABROAD), not also of those at home."""
    return any(c.find(window) for c in r.cues(_ABROAD)) and not any(c.find(window) for c in r.cues(_AT_HOME))


def _for_every_trafficking_victim(r: _Reader, window: tuple[str, ...]) -> bool:
    """Whether a sentence of the law's reach gives its trafficking provisions to everyone, whatever citizenship."""
    return any(c.find(window) for c in r.cues(_ANY_CITIZENSHIP)) and any(c.find(window) for c in r.cues(_TRAFFICKING))


def _territory(r: _Reader) -> list[Scope]:
    """A law that extends to part of the country only."""
    whole, this_law = r.cues(_WHOLE), r.cues(_THIS_LAW) + r.cues({"en": ("it",)})
    out = []
    for seq, sentence in r.sentences(_TERRITORY):
        lo, window = r.window(seq, sentence)
        # "It extends to ...", "This Act extends to ...", or any such sentence under an "extent" heading (an OCR
        # layer may print "lt extends")
        if not (any(c.find(window[:3]) for c in this_law) or r.framed(seq, _EXTENT)):
            continue
        if not any(c.find(window) for c in whole):
            out.append(Scope(r.limitation("territory", r.words(seq, lo, sentence), seq.eid)))
    return out[:1]


def _schedule(r: _Reader) -> list[Scope]:
    """Offences listed in a schedule: a limit unless the schedule names trafficking; none of them, and no
    "any other offence" to reach it, leaves trafficking cases out altogether."""
    found = r.sentences(_SCHEDULE)
    if not found:
        return []
    seq, sentence = found[0]
    index = r.index
    schedule = [p.eid for p in index.law.provisions if not index.law.by_eid[index.article_of[p.eid]].num]
    lemmas = [seq_.lemmas for eid in schedule if (seq_ := index.seq_of.get((eid, "text")))]
    lemmas += [index.analyses[eid].body.lemmas for eid in schedule if (eid, "text") not in index.seq_of]
    if any(c.find(x) for c in r.cues(_TRAFFICKING) for x in lemmas):
        return []
    lo, _window = r.window(seq, sentence)
    open_ended = any(c.find(x) for c in r.cues(_ANY_OTHER) for x in lemmas)
    excludes = frozenset() if open_ended else ALL_TARGETS
    return [Scope(r.limitation("schedule", r.words(seq, lo, sentence), seq.eid), excludes=excludes)]


def law_scope(index: LawIndex) -> tuple[Scope, ...]:
    """The limits a law sets on itself, read once and kept with its index."""
    found = index.memo.get("scope")
    if not isinstance(found, tuple):
        r = _Reader(index)
        found = tuple(_territory(r) + _persons(r) + _schedule(r))
        index.memo["scope"] = found
    return found
