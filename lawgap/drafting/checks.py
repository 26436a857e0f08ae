"""The legal checks a draft passes before it is offered, each a named function that returns why not.

Reads: a Draft, the finding it answers and the country's laws. Writes: a reason (str) or None.
A lawyer's reading, not the scorer's: the draft must not contradict the article it amends, must not
give a criminal measure the General Part excludes, must not tie help to the victim's procedural
status, must put means into the basic offence's list, must not split a list from its sanction, and
must name the country's own bodies. Re-scoring (lawgap.drafting.apply) comes after these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lawgap.assess.findings import Finding, law_id
from lawgap.drafting.draft import Draft
from lawgap.drafting.names import GOVERNMENT
from lawgap.drafting.placement import in_general_part, kind_of
from lawgap.model import Law
from lawgap.refs.labels import cite
from lawgap.vocab import CRIMINAL_CODE, CRIMINAL_PROCEDURE_CODE

# categories whose drafts give help or protection: never on condition of a procedural status
_HELP = ("assistance", "identification", "residence", "children")
_STATUS = re.compile(r"(?i)потерпевш|при условии\w* (?:его|ее|их)? ?сотрудничеств|в случае дачи показаний")
# the General Part excludes legal persons: in words (KG CC 24(3)) or by naming only the natural person (KZ CC)
_NOT_A_SUBJECT = re.compile(
    r"(?i)юридическое лицо не (?:является|может быть) субъектом"
    r"|ответственности подлежит (?:только )?вменяемое физическое"
)
_LEGAL_PERSON = re.compile(r"(?i)юридическ\w+ лиц")
_SANCTION = re.compile(r"(?i)наказыва")
_ITEM_LINE = re.compile(r"^\d+[\d-]*\)\s")
_PART_LINE = re.compile(r"^\d+[\d-]*\.\s")


def _law(laws: Sequence[Law], d: Draft) -> Law | None:
    return next((x for x in laws if law_id(x) == d.law_id), None)


def no_contradiction(d: Draft, f: Finding, laws: Sequence[Law]) -> str | None:
    """A new part or item must not stand beside the article's own limited rule on the same subject (the note
    that frees the victim only of lesser offences): the limit is struck instead (`strike` templates)."""
    law = _law(laws, d)
    if law is None or d.unit == "words" or d.article_eid not in law.by_eid or d.unit == "article":
        return None
    limits = {w for e in f.elements for w in e.limited_by if w}
    text = law.full_text(d.article_eid).lower()
    held = sorted(w for w in limits if w.lower() in text)
    if held:
        return (f"article {d.article_num} already states the rule limited by «{', '.join(held)}»: a second rule "
                "would contradict it; the limiting words must be amended instead")  # fmt: skip
    return None


def general_part(d: Draft, f: Finding, laws: Sequence[Law]) -> str | None:
    """No criminal measure against legal persons in a code whose General Part says they are not subjects of crime."""
    law = _law(laws, d)
    if law is None or kind_of(law) != CRIMINAL_CODE or not _LEGAL_PERSON.search(d.inserted):
        return None
    for p in law.provisions:
        if _NOT_A_SUBJECT.search(p.text) and in_general_part(law, p.eid):
            where = cite(p.eid, d.lang, kind=CRIMINAL_CODE, country=d.country)
            return (
                f"{where} makes only natural persons subjects of crime: the liability of legal persons "
                "(UNTOC 10(2): criminal, civil or administrative) belongs in the law on administrative liability"
            )
    return None


def no_status_condition(d: Draft, f: Finding, laws: Sequence[Law]) -> str | None:
    """Assistance and protection never depend on the status of потерпевший or on cooperation (COE 12(6))."""
    if d.category not in _HELP or d.lang != "ru" or d.law_kind == CRIMINAL_PROCEDURE_CODE:
        return None  # the procedural code's own measures are for its participants; help is not
    m = _STATUS.search(d.inserted)
    if m:
        return f"the help is tied to «{m.group(0)}»: assistance must not depend on a procedural status (COE 12(6))"
    return None


def means_in_basic_offence(d: Draft, f: Finding, laws: Sequence[Law]) -> str | None:
    """Means and purposes of trafficking go into part 1's list; a part without a sanction defines nothing."""
    if not d.rule_id.startswith(("definition_means_", "definition_purpose_")) or not d.supplied:
        return None
    law = _law(laws, d)
    if law is None or kind_of(law) != CRIMINAL_CODE:
        return None
    if d.unit != "words" and not _SANCTION.search(d.inserted):
        return (
            f"part 1 of article {d.article_num} lists no means to extend, and a part without a sanction defines "
            "nothing: where the offence needs no means at all it is broader than TIP 3(a) (nothing to narrow)"
        )
    return None


def sanction_follows_list(d: Draft, f: Finding, laws: Sequence[Law]) -> str | None:
    """In the consolidated text no new part sits between a part's item list and its sanction."""
    lines = d.consolidated.split("\n")
    for i, line in enumerate(lines[:-1]):
        if _ITEM_LINE.match(line) and _PART_LINE.match(lines[i + 1]):
            rest = next((x for x in lines[i + 2 :] if not _ITEM_LINE.match(x)), "")
            if _SANCTION.match(rest.strip()):
                return "the new part would sit between a list of items and the sanction that closes it"
    return None


def country_terms(d: Draft, f: Finding, laws: Sequence[Law]) -> str | None:
    """The country's own bodies: no other country's government named (Правительство in KZ, Кабинет Министров in KG)."""
    text = d.inserted + d.instruction
    own = GOVERNMENT[d.country].nom.split()[0] if d.country in GOVERNMENT else None
    for cc, term in GOVERNMENT.items():
        word = term.nom.split()[0]
        if cc != d.country and word != own and word in text:
            return f"names «{word}», the body of {cc}, not of {d.country} ({term.source})"
    return None


CHECKS: tuple[Callable[[Draft, Finding, Sequence[Law]], str | None], ...] = (
    no_contradiction, general_part, no_status_condition, means_in_basic_offence, sanction_follows_list, country_terms,
)  # fmt: skip


def problems(d: Draft, f: Finding, laws: Sequence[Law]) -> tuple[str, ...]:
    """Every check's reason against the draft (empty: it may be offered, subject to re-scoring)."""
    return tuple(f"{check.__name__}: {why}" for check in CHECKS if (why := check(d, f, laws)))
