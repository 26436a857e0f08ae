"""Which laws may hold a rule's evidence at all: only criminal law makes offences, or a law that says the code does.

Reads: a Law (its kind and words) and a Rule. Writes: whether the law may hold the rule's evidence; whether it
punishes anything itself; whether it says an act is punished under the code (by reference). A procedure code, a
social-services, a witness-protection or a migration law may name an offence, never define or punish it; an
anti-trafficking law that says "... влекут ответственность в соответствии с Уголовным кодексом" holds the offence it
names by reference, in the articles that say so (lawgap.assess.match).
"""

from __future__ import annotations

import re

from lawgap.assess.conditions import OFFENCE_CATEGORIES
from lawgap.model import Law
from lawgap.rules import Rule
from lawgap.structure.qualified import SANCTIONS
from lawgap.vocab import CRIMINAL_CODE, CRIMINAL_PROCEDURE_CODE, MIGRATION, VICTIM_SUPPORT, WITNESS_PROTECTION

# Only criminal law makes offences: a procedure code, a social-services, a witness-protection or a migration law
# may name an offence ("перевозчик", "жертва торговли людьми" among its terms), never define or punish it.
_NO_OFFENCES = frozenset({CRIMINAL_PROCEDURE_CODE, VICTIM_SUPPORT, WITNESS_PROTECTION, MIGRATION})


def may_hold(law: Law, rule: Rule) -> bool:
    """Whether this kind of law can hold evidence of the rule at all (unknown kinds can). A smuggling rule that
    criminal law makes (the offence, its aggravations) is held only by a law of its kinds, one that punishes, or one
    that says the code punishes the act (then only in the articles that say so, `rule_hits`): an anti-trafficking law
    that exempts a victim "за использование поддельных документов" creates no document offence."""
    if rule.category in OFFENCE_CATEGORIES and law.kind in _NO_OFFENCES and not rule.any_law:
        return law.kind in rule.law_kinds or defines_in_its_terms(law, rule)
    if _makes_an_offence(rule) and law.kind not in (None, *rule.law_kinds):
        # a procedure code says the witness "несет уголовную ответственность" for false testimony: it refers no offence
        return defines_anywhere(law) or (law.kind != CRIMINAL_PROCEDURE_CODE and _states_liability(law))
    return True


def defines_in_its_terms(law: Law, rule: Rule) -> bool:
    """A social-services law that defines trafficking among its terms ("адам сатуу – ... жалдоо, ташуу ..."), to say
    whom it helps, states the offence's acts, means and purposes there: a definition rule is read in its definitions
    article only (lawgap.assess.match); what it says of consent elsewhere (a consul told "независимо от согласия")
    is no definition. The child's age (Rule.any_law) is defined wherever a law says it."""
    return law.kind == VICTIM_SUPPORT and rule.category == "definition" and not rule.any_law


# A smuggled migrant's exemption from liability is no offence: any law that grants it holds it (SOM 5).
_EXEMPTION = "not_liable"


def _makes_an_offence(rule: Rule) -> bool:
    """A smuggling rule that criminal law makes (the offence, its forms and aggravations, document offences)."""
    return (
        rule.category == "smuggling"
        and CRIMINAL_CODE in rule.law_kinds
        and not any(e.id == _EXEMPTION for e in rule.elements)
    )


# "Лица, виновные в ... незаконном ввозе мигрантов, несут уголовную ответственность в соответствии с Уголовным
# кодексом", "... влекут ответственность", "Более строгая ответственность устанавливается за ...": a law that says
# the code punishes an act holds that offence, by reference
# (its penalty is then found only in part); an exemption ("освобождается от ответственности") says no such thing.
_LIABILITY = re.compile(
    r"(?i)(?<!не\s)\b(?:нес[уё]т|влеч[её]т|влекут|подлеж(?:ит|ат))\s+(?:[\w-]+\s+){0,2}?ответственност"
    r"|ответственност\w*\s+(?:[\w-]+\s+){0,1}?устанавлива"
    r"|жоопкерчилик\w*\s+(?:\w+\s+){0,2}?(?:тартыл|алып\s+кел)"
    r"|\b(?:bears?|incurs?|entails?)\s+(?:[\w-]+\s+){0,2}?liability"
)


# ... and the liability is criminal: "несут уголовную ответственность", "в соответствии с Уголовным кодексом"
_CRIMINAL = re.compile(r"(?i)уголовн|кылмыш|criminal")


def criminal_liability(text: str) -> bool:
    """Whether the text says an act entails criminal liability under another law."""
    return any(_CRIMINAL.search(text, m.start(), m.end() + 80) for m in _LIABILITY.finditer(text))


def _states_liability(law: Law) -> bool:
    """Whether the law says that an act it names is punished under another law (by reference)."""
    return any(criminal_liability(p.text or "") for p in law.provisions)


def defines_anywhere(law: Law) -> bool:
    """A code, or an Act that creates the offence: any of its articles may shape it (a child presumption)."""
    return law.kind == CRIMINAL_CODE or _punishes(law)


_PUNISHES: dict[str, bool] = {}  # law sha256 -> whether it punishes


def _punishes(law: Law) -> bool:
    """Whether the law punishes anything itself (an Act that creates its offences), not by reference to a code."""
    if law.sha256 not in _PUNISHES:
        _PUNISHES[law.sha256] = any(w in p.text for p in law.provisions for w in SANCTIONS)
    return _PUNISHES[law.sha256]


def by_reference(law: Law, rule: Rule) -> bool:
    """A smuggling offence rule read in a law that punishes nothing itself but says the code punishes some acts."""
    return (
        _makes_an_offence(rule)
        and law.kind not in (None, CRIMINAL_PROCEDURE_CODE, *rule.law_kinds)
        and not defines_anywhere(law)
    )
