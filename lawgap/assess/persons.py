"""Whom a law gives what it gives: the persons a provision reaches, by the kind of law it is in.

Reads: a LawIndex (the law's kind and title, a hit's sentence) and the rule. Writes: the `Limitation`s that name
those persons, for lawgap.assess.match to attach to the hit.

A lawyer reads a measure with the law it is in. A procedure code or a state-protection law helps the participants
in a case; an anti-trafficking, victim-support or migration law that sets up security measures protects its own
victims, not every witness; a law on family violence helps the victims of that violence. Where the rule asks for
more persons than the law reaches, the finding is partial, in the law's own words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lawgap.assess.conditions import OFFENCE_CATEGORIES, ROLE_FREE_CATEGORIES, participants_named
from lawgap.assess.context import opening_sentence
from lawgap.assess.findings import Limitation, law_id
from lawgap.assess.roles import DEFINITIONS, framing_role
from lawgap.assess.scope import names_trafficking
from lawgap.parsers.detect import VIOLENCE
from lawgap.vocab import ANTI_TRAFFICKING, CRIMINAL_PROCEDURE_CODE, MIGRATION, VICTIM_SUPPORT, WITNESS_PROTECTION

if TYPE_CHECKING:
    from lawgap.assess.index import LawIndex, Seq
    from lawgap.rules import Rule

# Laws whose persons are victims (of trafficking, of violence) or foreigners, not the witnesses of every case.
_VICTIMS_LAWS = frozenset({ANTI_TRAFFICKING, VICTIM_SUPPORT, MIGRATION})
# The element of a protection rule that says whom the protection covers (witnesses, every participant).
_COVERED_PERSONS = "witness_and_victim"
_TRAFFICKING_TITLE = re.compile(r"(?i)торговл\w*\s+людьми|адам\w*\s+сатуу|traffick")
# A title about children: "Кодекс о детях", "О правах ребенка", "Балдар жөнүндө кодекси", "Code on Children".
_CHILDREN_TITLE = re.compile(
    r"(?i)\bдет(?:ей|ях|ям|и)\b|\bребен|\bребён|\bбалдар|\bбала(?:нын|лар)?\b|\bchild(?:ren)?\b"
)
# A witness named as a person of his own ("a victim, witness of an offence under this Act"), not as the role of the
# victim the law is about ("признанному потерпевшим или свидетелем", "participates ... as a victim or witness").
_WITNESS = {"ru": r"свидетел\w*", "ky": r"күбө\w*", "en": r"\bwitness\w*"}
_WITNESS_ROLE = {
    "ru": r"(?:в\s+качестве|признан\w*|являющ\w*)\s+(?:[\w-]+\s+){0,3}?свидетел\w*",
    "ky": r"күбө\w*\s+(?:деп\s+)?таан\w*",
    "en": r"\bas\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?witness\w*",
}


# Victims of another harm named as such: "пострадавшим от (бытового) насилия", "зомбулуктан жабыр тарткан адамдарга",
# "victims of (domestic) violence". Help given to them in a law that also helps trafficking victims is theirs.
_OTHER_VICTIMS = {
    "ru": re.compile(r"(?i)(?:пострадавш|жертв)\w*\s+(?:от\s+)?(?:\w+\s+){0,2}?насили\w*"),
    "ky": re.compile(r"(?i)зомбулуктан\s+(?:\w+\s+){0,1}?жабыр\s+тарт\w*|зомбулуктун\s+курмандыг\w*"),
    "en": re.compile(r"(?i)\bvictims?\s+of\s+(?:[\w-]+\s+){0,2}?violence\b"),
}


def persons_limits(index: LawIndex, rule: Rule, seq: Seq, sentence: tuple[int, int], text: str) -> list[Limitation]:
    """The limits that the law's persons set on a hit in `sentence` of `seq` (`text`: the sentence as printed)."""
    law, out = law_id(index.law), []
    if _for_participants_only(index, rule):
        # a heading ("Медицинская помощь") names no persons: the article's opening sentence does
        named = text if seq.field != "heading" else _opening_text(index, seq) or text
        words = participants_named(index.law.language, named, index.law.title)
        out.append(Limitation("status", words, law, seq.eid))
    if _for_its_victims_only(index, rule) and not _witnesses_named(index, seq, text):
        out.append(Limitation("persons", index.law.title, law, seq.eid))
    if _for_other_victims(index, rule, seq, sentence) or _for_children_only(index, rule):
        out.append(Limitation("persons", index.law.title, law, seq.eid))
    elif other := _victims_of_other_harm(index, rule, seq, sentence, text):
        out.append(Limitation("persons", other, law, seq.eid))
    return out


def _opening_text(index: LawIndex, seq: Seq) -> str:
    """The words of the opening sentence of the article whose heading `seq` is."""
    return " ".join(s.data.source[a:b] for s, (a, b) in opening_sentence(index, index.article_of[seq.eid]))


def _victims_of_other_harm(index: LawIndex, rule: Rule, seq: Seq, sentence: tuple[int, int], text: str) -> str:
    """The words naming the victims of another harm ("Зомбулуктан жабыр тарткан адамдарга ... кызматтар") in a
    sentence that does not name trafficking: a law that helps both gives the victims of violence their own help,
    and the trafficking victim what its own articles give, so such a sentence counts only in part."""
    if "victims" not in rule.targets or rule.category in OFFENCE_CATEGORIES:
        return ""
    pattern = _OTHER_VICTIMS.get(index.law.language)
    found = pattern.search(text) if pattern else None
    if not found or _defined_with_trafficking(index, pattern):
        return ""
    lo, hi = index.window(seq, sentence)
    return "" if names_trafficking(seq.lemmas[lo:hi], index.law.language) else found.group(0)


def _for_participants_only(index: LawIndex, rule: Rule) -> bool:
    """A procedure code or a state-protection law gives what it gives to the participants in a case: a limit for a
    rule asked for every victim (Rule.every_victim), and for help or a stay that such a law gives though it is not
    where the rule lives (medical help for a protected person harmed "в связи с участием в уголовном
    судопроизводстве")."""
    kind = index.law.kind
    if kind not in (CRIMINAL_PROCEDURE_CODE, WITNESS_PROTECTION):
        return False
    return rule.every_victim or (rule.category in ROLE_FREE_CATEGORIES and kind not in rule.law_kinds)


def _for_its_victims_only(index: LawIndex, rule: Rule) -> bool:
    """An anti-trafficking, victim-support or migration law that sets up security measures gives them to its own
    persons (a trafficking victim "признанному потерпевшим или свидетелем"), not to every witness the rule on the
    protection of witnesses is about: the law's title names whom it is for. A procedure code or a state-protection
    law is where such protection lives, for every participant. (A single measure such a law gives, relocation or a
    pseudonym, is that measure: judges of eleven rounds split on it, so it is not limited.)"""
    kind = index.law.kind
    return (
        any(e.id == _COVERED_PERSONS for e in rule.elements)
        and kind in _VICTIMS_LAWS
        and kind not in rule.law_kinds
    )


def _for_other_victims(index: LawIndex, rule: Rule, seq: Seq, sentence: tuple[int, int]) -> bool:
    """A law on (family) violence whose title does not name trafficking helps the victims of that violence: its help
    reaches a trafficking victim only where its words say so. A sentence that names trafficking is not limited; any
    other is, by the law's title. (A law for the victims of every crime, a compensation fund's or one whose title names
    crime beside violence, reaches them all.)"""
    if index.law.kind != VICTIM_SUPPORT or "victims" not in rule.targets or rule.category in OFFENCE_CATEGORIES:
        return False
    title = index.law.title
    if _TRAFFICKING_TITLE.search(title) or not VIOLENCE.search(title) or _CRIME_VICTIMS_TITLE.search(title):
        return False
    lo, hi = index.window(seq, sentence)
    return not names_trafficking(seq.lemmas[lo:hi], index.law.language)


# A title that names the victims of crime beside those of violence ("Зомбулуктун жана кылмыштын жабырлануучуларын
# коргоо ...", "О защите жертв насилия и преступлений"): the law reaches every crime victim, trafficking victims too.
_CRIME_VICTIMS_TITLE = re.compile(r"(?i)преступлени|кылмыштын|кылмыштардын|\bcrimes?\b")


def _defined_with_trafficking(index: LawIndex, pattern: re.Pattern[str]) -> bool:
    """Whether the law's definitions make its victims of violence include trafficking victims ("лицо, пострадавшее от
    насилия – физическое лицо, которому в результате бытового насилия или торговли людьми причинен ... вред"): a
    definition carries into every article that uses the term. Kept per law (asked for every hit of every rule)."""
    law = index.law
    key = (law.sha256, pattern.pattern)
    if key not in _DEFINED:
        _DEFINED[key] = any(
            pattern.search(chunk) and _TRAFFICKING_TITLE.search(chunk)
            for p in law.provisions
            if p.text and framing_role(law.by_eid[index.article_of[p.eid]].heading) == DEFINITIONS
            for chunk in re.split(r"[;\n]", p.text)
        )
    return _DEFINED[key]


_DEFINED: dict[tuple[str, str], bool] = {}


def _for_children_only(index: LawIndex, rule: Rule) -> bool:
    """A law or code on children ("Балдар жөнүндө кодекси", "О правах ребенка") helps children and defines offences
    against them ("балдарды сатуу", the sale of children): what it gives or defines reaches an adult victim not at
    all, so a rule asked for every victim is met only in part, by the law's title. The rules about children
    themselves are what such a law is for."""
    if _about_children(rule):
        return False
    return bool(_CHILDREN_TITLE.search(index.law.title)) and not _TRAFFICKING_TITLE.search(index.law.title)


def _about_children(rule: Rule) -> bool:
    """A rule about children themselves: of the children's category, children first among whom it protects (a media
    ban on a child victim's identity), or with an element about the child (a child victim's aggravation)."""
    return (
        rule.category == "children"
        or rule.targets[:1] == ("children",)
        or any(e.id.startswith("child") for e in rule.elements)
    )


def _witnesses_named(index: LawIndex, seq: Seq, text: str) -> bool:
    """Whether the hit's sentence, or its article's heading, names witnesses as persons of their own."""
    language = index.law.language
    if language not in _WITNESS:
        return False
    heading = index.law.by_eid[index.article_of[seq.eid]].heading or ""
    for words in (text, heading):
        roles = [m.span() for m in re.finditer(_WITNESS_ROLE[language], words, re.IGNORECASE)]
        for m in re.finditer(_WITNESS[language], words, re.IGNORECASE):
            if not any(a <= m.start() < b for a, b in roles):
                return True
    return False
