"""What an article does, read from its heading: whether it frames the law rather than grants or punishes anything.

Reads: an article's heading as printed. Writes: its framing role, or "" for an article that may itself state
what a rule asks. A lawyer does not cite "Основные понятия", "Финансирование", "Цели настоящего Закона" or
"Государственный контроль" as the law that gives a victim shelter: the definitions article says what a word
means, the others say who pays, why, or who checks, and the right itself is granted in another article. Such
an article is evidence only when the law says the thing nowhere else (lawgap.assess.score ranks it last).
Competence articles are not framing: in the region's laws "местные исполнительные органы ... обеспечивают
предоставление временного жилья" is often the very grant.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from lawgap.assess.conditions import OFFENCE_CATEGORIES

if TYPE_CHECKING:
    from lawgap.assess.hit import Hit
    from lawgap.model import Law
    from lawgap.rules import Rule

DEFINITIONS = "definitions"
TRAINING = "training"
PRINCIPLES = "principles"
# the elements that are principles by nature: the child's best interests is granted where the law states it as one
_PRINCIPLE_ELEMENTS = frozenset({"best_interests"})
FRAMING_ROLES = {
    # "Interpretation" alone is a common-law definitions section; "Interpretation and explanation of rights" is help
    # with language, no definition
    DEFINITIONS: re.compile(
        r"(?i)понят|термин|определени|түшүнүк|concept|definition|meaning"
        r"|^\W*interpretation\W*$|interpretation\s+of\s+(?:terms|words|expressions|this)"
    ),
    "financing": re.compile(r"(?i)финансирован|каржылоо|financing|funding"),
    "control": re.compile(
        r"(?i)^\W*((государственный|общественный|ведомственный)\s+)?(контроль|надзор|мониторинг)"
        r"|көзөмөл|^\W*(supervision|monitoring|oversight)\b"
    ),
    "purpose": re.compile(r"(?i)^\W*(цели|цель|задачи)\b|максат|^\W*(purpose|purposes|objectives?|aims?)\b"),
    # "Подготовка кадров", "Training of specialists": what officials learn about identifying victims is not the
    # identification, the referral or the help itself (it is evidence for a rule about training)
    TRAINING: re.compile(
        r"(?i)(?:подготовк|обучени)\w* (?:специалист|сотрудник|должностн|кадр)|повышени\w* квалификац"
        r"|training of (?:specialist|staff|official|personnel|professional)|(?:staff|specialist|personnel) training"
        r"|кадрларды даярдоо|квалификация\w* жогорулат"
    ),
    "legislation": re.compile(r"(?i)^\W*законодательств|мыйзамдары\W*$|^\W*legislation\b"),
    # "Основные принципы", "Принципы оказания социальных услуг", "Principles of ...": confidentiality or the child's
    # interests as a principle, which another article grants as a measure
    # (a code's single principle, "Принцип языка уголовного судопроизводства", grants the right it names)
    PRINCIPLES: re.compile(r"(?i)^\W*(?:основные\s+)?принципы\b|принциптер|^\W*(?:basic\s+|main\s+)?principles\b"),
}


# A power to regulate a thing ("определяет порядок предоставления разрешения на временное пребывание ...",
# "approves the rules for referring victims", "... берүүнүн тартибин аныктайт") says that a by-law will govern it, not
# that the law grants it: the article that grants it, with its limits, is the better evidence.
_REGULATES = {
    "ru": re.compile(
        r"(?i)^\W*(?:[\w-]+\s+){0,4}?(?:(?:определя|устанавлива|утвержда|разрабатыва|принима)(?:ет|ют)\s+и\s+)?"
        r"(?:определя|устанавлива|утвержда|разрабатыва|принима)(?:ет|ют)\s+(?:\w+\s+){0,2}?"
        r"(?:порядок|правила|стандарт|положени|методик|перечень|форм)"
    ),
    "ky": re.compile(
        r"(?i)(?:тартиб\w*|эреже\w*|стандарт\w*)\s+(?:\w+\s+)?(?:аныктайт|бекитет|белгилейт|иштеп\s+чыгат)\W*$"
    ),
    "en": re.compile(
        r"(?i)^\W*(?:[\w-]+\s+){0,4}?(?:\w+\s+and\s+)?(?:determines?|establish(?:es)?|approves?|sets?|lays?\s+down|adopts?|develops?)\s+"
        r"(?:\w+\s+){0,2}?(?:procedures?|rules|regulations|standards)\b"
    ),
}


def regulates(text: str, language: str) -> bool:
    """Whether a provision gives a power to regulate what it names (a by-law's procedure) rather than granting it."""
    pattern = _REGULATES.get(language)
    return bool(pattern and pattern.search(text))


@lru_cache(maxsize=8192)
def framing_role(heading: str | None) -> str:
    """The framing role an article's heading names, or "" when it names none (asked for every article a rule
    finds anything in, so kept per heading)."""
    for role, pattern in FRAMING_ROLES.items():
        if heading and pattern.search(heading):
            return role
    return ""


# An article on a body's powers: "Компетенция Правительства", "Полномочия органов внутренних дел", "Ички иштер
# органдарынын ыйгарым укуктары", "Competence of the Government". It names what the body does about a measure.
_COMPETENCE = re.compile(r"(?i)компетенц|полномочи|ыйгарым\s+укуктар|\bcompetence\b|\bpowers\b|\bfunctions\b")


def competence_article(heading: str | None) -> bool:
    """Whether an article's heading makes it an article on a body's powers."""
    return bool(heading and _COMPETENCE.search(heading))


def dedicated(rule: Rule, found: Mapping[str, Sequence[Hit]]) -> bool:
    """Whether an article is the law's own article on what the rule asks: its heading names one of the rule's
    elements other than its anchor (the persons it is about): "Identification of victims", "Выявление жертв"."""
    anchors = {e.id for e in rule.elements if e.anchor}
    return any(h.field == "heading" for e, hits in found.items() if e not in anchors for h in hits)


def powers_beside_procedure(
    rule: Rule,
    cells: Mapping[tuple[str, str], Mapping[str, Sequence[Hit]]],
    framing: set[tuple[str, str]],
    cell_score: Callable[[tuple[str, str]], float],
    by_sha: Mapping[str, Law],
) -> set[tuple[str, str]]:
    """The articles on a body's powers that name a procedure (Rule.procedure), when the law has its own article on
    it, heading included ("Identification of victims"), at least as strong: they frame, that article grants.
    (Widened to every rule, this read the blind rounds better, evidence precision 0.709 -> 0.733, but lost three
    relevant articles of the test split, KZ Victim Compensation Fund Law arts 4 and 5, whose bodies' powers are the
    grant: not done.) `cells`: the rule's hits per (law group, article); `cell_score`: the share of the rule an
    article holds."""
    top = max((cell_score(c) for c in cells), default=0.0)
    if not top or not any(cell_score(c) == top and c not in framing and dedicated(rule, cells[c]) for c in cells):
        return set()
    return {c for c in cells if competence_article(article_heading(c[1], cells[c], by_sha))}


def article_heading(article: str, found: Mapping[str, Sequence[Hit]], by_sha: Mapping[str, Law]) -> str | None:
    """The heading of an article, in the law the hits `found` in it are in."""
    hit = next((h for hits in found.values() for h in hits), None)
    provision = by_sha[hit.law].by_eid.get(article) if hit else None
    return provision.heading if provision else None


def frames(rule: Rule, article: str, found: Mapping[str, Sequence[Hit]], by_sha: Mapping[str, Law]) -> bool:
    """Whether an article, in the law the hits `found` in it are in, frames that law for this rule: a definitions
    article is the substance of an offence rule ("Понятие соучастия"), a training article of a rule on training,
    a principles article of the child's best interests, and framing for the rest."""
    role = framing_role(article_heading(article, found, by_sha))
    if role == DEFINITIONS:
        return rule.category not in OFFENCE_CATEGORIES
    if role == TRAINING:
        return not any(e.id == TRAINING for e in rule.elements)
    if role == PRINCIPLES:
        return not any(e.id in _PRINCIPLE_ELEMENTS for e in rule.elements)
    return bool(role)
