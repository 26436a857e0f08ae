"""Findings a lawyer checks on the invented laws of blind round 21 (tests/fixtures/laws/blind21, README there).

The round was measured before anything was changed from it; these rows were written afterwards, for the
general fixes it showed, so they are in-sample: each says what the lawyer read and where.
"""

from __future__ import annotations

from functools import partial

import pytest

from lawgap.vocab import MET, PARTIAL
from tests.conftest import blind_findings

KZ_AT = ("KZ", ("kz_style_anti_trafficking_law_ru.txt",))
KG_CHILD = ("KG", ("kg_style_code_on_children_excerpt_ky.txt",))


_findings = partial(blind_findings, "blind21")


# (set, rule, status, words the explanation must hold)
FINDINGS = [
    # art 3(3): settled foreigners get the help "наравне с гражданами Республики Казахстан" - no limit to citizens;
    # art 31(3): the media may not publish what identifies a child victim, for every child victim
    (KZ_AT, "privacy_child_victims_media", MET, "art. 31(3)"),
    (KZ_AT, "participation_interpreter", MET, "art. 33(2)"),
    # art 18-1(1): the recovery period is granted "по его заявлению" and "продолжительностью до тридцати
    # календарных дней"
    (KZ_AT, "residence_recovery_reflection_period", PARTIAL, "тридцати"),
    # art 44(4): "Баланы сатуу, аны жасоого аракет кылуу жана ага даярдануу, ошондой эле аны уюштуруу, шыкактоо ..."
    # by reference to the Criminal Code, in a code that reaches children only
    (KG_CHILD, "criminalisation_attempt", PARTIAL, "art. 44(4)"),
    (KG_CHILD, "criminalisation_organising", PARTIAL, "art. 44(4)"),
]


@pytest.mark.parametrize(("spec", "rule", "status", "says"), FINDINGS)
def test_blind21_finding(spec, rule, status, says):
    finding = _findings(*spec)[rule]
    assert finding.status == status, finding.explanation
    assert says in finding.explanation
