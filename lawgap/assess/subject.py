"""Whose provision it is: the person a sentence is about, so that a right of the suspect is no victim's right.

Reads: a LawIndex (lemmas, sentences, headings, lead-ins). Writes: per sentence, a `Subject`: its role and
the words that show it, as printed.

A lawyer reads a provision as someone's: "Если задержанный подозреваемый является гражданином другого
государства ... уведомлено посольство" is the suspect's (KG CPC 102), "Процессуальные действия по запросу
компетентного органа иностранного государства проводятся ... с помощью видеосвязи" serves a foreign
state's proceedings (KG CPC 520), "То же деяние, совершенное ... педагогом" names a perpetrator, and
"повлекшее человеческие жертвы" counts casualties, not a victim with rights. Each sentence is read for the
persons it names; one that names none takes the person of what frames it: the lead-in of its list, its
article's heading, then its article's opening sentence (KG CPC 54(3) "разработать меры по ...
реабилитации ребенка" is about the child suspect that part 1 names). Named protected persons win over the
suspect ("Подозреваемому и потерпевшему обеспечивается помощь переводчика"); a foreign state's request
wins over both (questioning a witness for a foreign court protects no witness here).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from lawgap.assess.context import PersonCues, lead_in_sentences
from lawgap.assess.nlp import lemmatiser
from lawgap.rules.cues import Cue, compile_cue

if TYPE_CHECKING:
    from lawgap.assess.index import LawIndex, Seq

PROTECTED = "protected"  # the victim, a witness, a participant in the proceedings
ACCUSED = "accused"  # the suspect, the accused, the convicted, their counsel
FOREIGN = "foreign_authority"  # a foreign state's request, the requesting party's competent authority
OFFICIAL = "official"  # judges, prosecutors, investigators as the persons whose security is ensured
ROLES = (PROTECTED, ACCUSED, FOREIGN, OFFICIAL)

# The persons a protection rule protects, named in a sentence. Stricter than context.PersonCues, which
# keeps a sentence when in doubt: "участвует в деле" names no participant, "лица, участвующие в
# уголовном процессе" does.
_PROTECTED = {
    "ru": (
        "потерпевший|потерпеть|жертва|свидетель|пострадать",
        "участник ~3 процесс|судопроизводство|разбирательство",
        "участвовать ~1 в ~2 процесс|судопроизводство",
        "защищать|защищаемый лицо",
    ),
    "ky": (
        "жабырлануучу*|курман*|күбө|күбөнүн|күбөнү|күбөгө|күбөдөн|күбөдө|күбөсү*|күбөлөр*",
        "процесс* ~2 катышуучу*",
        "корголуучу*",
        "коргоого ~1 алын* ~1 адам*",
    ),
    "en": ("victim|witness|complainant", "protect|protected person"),
}
# A foreign state's request or its competent authority: mutual legal assistance done for its proceedings.
_FOREIGN = {
    "ru": (
        "запрос|просьба|поручение ~4 иностранный ~2 государство|сторона|орган|суд",
        "запрашивать сторона|государство",
        "компетентный орган иностранный государство",
    ),
    "ky": (
        "чет ~1 мамлекет* ~6 суроо*|сурам*|өтүнүч*|тапшырма*",
        "сураган тарап*|мамлекет*",
        "суроо-талап* жиберген тарап*|мамлекет*",
    ),
    "en": (
        "request ~4 foreign|requesting ~2 state|country|government|authority|court",
        "requesting state|party|country",
        "foreign ~2 competent authority",
    ),
}
# The security of judges and law-enforcement officials ("Обеспечение безопасности судей, прокуроров, следователей и
# дознавателей", "судьялардын ... коопсуздугу", "Security of judges and officials"): the same measures as a
# witness's (a safe place, another job), for other persons.
_OFFICIALS = {
    "ru": ("безопасность|защита|охрана ~3 судья|прокурор|следователь|дознаватель|присяжный",),
    "ky": ("судья* ~4 коопсуздуг*|коргоо*",),
    "en": ("security|protection|safety of ~3 judge|prosecutor|investigator|juror|official",),
}
# Casualties are no victim with rights: "повлекшее человеческие жертвы", "жертвы среди населения".
_CASUALTIES = {
    "ru": ("человеческий жертва", "жертва среди", "массовый жертва", "многочисленный жертва"),
    "ky": ("адам* курмандык*", "адамдардын курман*"),
    "en": ("loss of ~2 life", "casualty"),
}


# Who commits an offence is named in the instrumental case in Russian ("То же деяние, совершенное
# родителем, педагогом"; "Неисполнение обязанностей ... педагогом"), after "by" in English ("committed by a
# teacher") and before "тарабынан" in Kyrgyz ("мугалим тарабынан жасалган"). That person is no participant a
# procedural rule protects. An instrumental after "с" is company, not a doer ("допрос с психологом").
_BY = {"en": ("by",), "ky": ("тарабынан",)}
_WITH = frozenset({"с", "со", "между", "над", "под", "перед", "за"})
BY_WINDOW = 3  # tokens between "by" and the person
# The sanction that makes an article an offence ("наказывается", "жазаланат", "shall be punished").
_SANCTION = {"ru": ("наказываться|караться",), "ky": ("жазалан*",), "en": ("punish|punishable",)}


def _compiled(table: dict[str, tuple[str, ...]], language: str) -> tuple[Cue, ...]:
    return tuple(compile_cue(c, language) for c in table.get(language, ()))


@dataclass(frozen=True)
class Subject:
    """Whom a sentence is about: a role of ROLES ("" when it names nobody), and the eid and [start, end) of
    the sentence that shows it (the hit's own, or the lead-in, heading or opening it takes it from)."""

    role: str
    eid: str = ""
    field: str = ""
    span: tuple[int, int] = (0, 0)


NOBODY = Subject("")


class Subjects:
    """The subject of every sentence of one law, worked out on first ask and kept."""

    def __init__(self, index: LawIndex):
        self.index = index
        language = index.law.language
        self._accused = PersonCues(language).others
        self._protected = _compiled(_PROTECTED, language)
        self._foreign = _compiled(_FOREIGN, language)
        self._officials = _compiled(_OFFICIALS, language)
        self._casualties = _compiled(_CASUALTIES, language)
        self._by = frozenset(_BY.get(language, ()))
        self._roles: dict[tuple[int, tuple[int, int]], str] = {}
        self._openings: dict[str, Subject] = {}

    def casualties(self, seq: Seq, span: tuple[int, int]) -> list[tuple[int, int]]:
        """Token ranges of `seq` inside `span` that count casualties ("человеческие жертвы")."""
        lo, hi = self.index.window(seq, span)
        return [(a, b) for a, b, _c in self.index.spots(self._casualties).within(seq, lo, hi)]

    def perpetrator(self, seq: Seq, start: int, end: int) -> bool:
        """Whether tokens [start, end) of `seq` name the one who commits an offence."""
        language = self.index.law.language
        if language == "ru":
            grammemes = lemmatiser(language).grammemes
            source = seq.data.source
            return any(
                {"NOUN", "anim", "ablt"} <= grammemes(source[slice(*seq.data.span(k))].lower())
                and (k == 0 or seq.lemmas[k - 1] not in _WITH)
                for k in range(start, end)
            )
        if language == "ky":
            return bool(self._by & set(seq.lemmas[end : end + BY_WINDOW]))
        return bool(self._by & set(seq.lemmas[max(0, start - BY_WINDOW) : start]))

    @cached_property
    def offences(self) -> frozenset[str]:
        """The articles that punish an offence: a sanction in their text."""
        index = self.index
        return frozenset(
            index.article_of[seq.eid]
            for c in _compiled(_SANCTION, index.law.language)
            for seq, _i, _end in index.find(c)
            if seq.field == "text"
        )

    def role(self, seq: Seq, span: tuple[int, int]) -> str:
        """The role the words of one sentence name: foreign authority, else protected, else officials whose
        security it ensures, else accused, else ""."""
        key = (id(seq), span)
        found = self._roles.get(key)
        if found is None:
            lo, hi = self.index.window(seq, span)
            spots = self.index.spots
            found = ""
            if spots(self._foreign).within(seq, lo, hi):
                found = FOREIGN
            else:
                lost = self.casualties(seq, span)
                named = spots(self._protected).within(seq, lo, hi)
                if any(not any(a < y and x < b for x, y in lost) for a, b, _c in named):
                    found = PROTECTED
                elif spots(self._officials).within(seq, lo, hi):
                    found = OFFICIAL
                elif spots(self._accused).within(seq, lo, hi):
                    found = ACCUSED
            self._roles[key] = found
        return found

    def _subject(self, seq: Seq | None, span: tuple[int, int]) -> Subject:
        if seq is None:
            return NOBODY
        role = self.role(seq, span)
        return Subject(role, seq.eid, seq.field, span) if role else NOBODY

    def of(self, seq: Seq, sentence: tuple[int, int]) -> Subject:
        """The subject of a sentence: its own, else that of its lead-in, its article's heading or opening."""
        own = self._subject(seq, sentence)
        if own.role:
            return own
        index = self.index
        if seq.field == "text":
            for parent, lead in lead_in_sentences(index, seq.eid):
                found = self._subject(index.seq_of.get((parent, "text")), lead)
                if found.role:
                    return found
        article = index.article_of[seq.eid]
        heading = index.seq_of.get((article, "heading"))
        if heading is not None and heading is not seq:
            found = self._subject(heading, (0, len(index.law.by_eid[article].heading or "")))
            if found.role:
                return found
        opening = self.opening(article)
        if opening.eid == seq.eid and opening.span == sentence:
            return NOBODY
        return opening

    def opening(self, article: str) -> Subject:
        """The subject of an article's opening sentence: the first of its texts that has words."""
        if article not in self._openings:
            found = NOBODY
            for p in self.index.law.subtree(article):
                seq = self.index.seq_of.get((p.eid, "text"))
                sents = self.index.analyses[p.eid].sentences if seq is not None else ()
                if sents:
                    found = self._subject(seq, sents[0])
                    break
            self._openings[article] = found
        return self._openings[article]


def subjects(index: LawIndex) -> Subjects:
    """The law's `Subjects`, made once and kept with its index."""
    found = index.memo.get("subjects")
    if not isinstance(found, Subjects):
        found = Subjects(index)
        index.memo["subjects"] = found
    return found
