"""Findings a lawyer checks on the invented laws of blind round 20 (tests/fixtures/laws/blind20, README there).

The round was measured before anything was changed from it; these rows were written afterwards, for the
general fixes it showed, so they are in-sample: each says what the lawyer read and where.
"""

from __future__ import annotations

from functools import partial

import pytest

from lawgap.vocab import MET, PARTIAL
from tests.conftest import blind_findings

KG_AT = ("KG", ("kg_style_anti_trafficking_law_ky.txt",))
UZ_CHILD = ("UZ", ("uz_style_child_rights_law_en.txt",))


_findings = partial(blind_findings, "blind20")


# (set, rule, status, words the explanation must hold)
FINDINGS = [
    # art 29(1): "Адам сатуу, аны жасоого даярдануу жана аракет кылуу, ошондой эле адам сатууну уюштуруу, ага шыкактоо
    # же көмөктөшүү үчүн күнөөлүү адамдар ... Кылмыш-жаза кодексине ылайык жоопкерчилик тартат": the forms of
    # participation, by reference to the Code
    (KG_AT, "criminalisation_attempt", MET, "art. 29(1)"),
    (KG_AT, "criminalisation_accomplice", MET, "art. 29(1)"),
    (KG_AT, "criminalisation_organising", MET, "art. 29(1)"),
    # art 29(2): trafficking "балага карата ... жабырлануучунун өлүмүнө же башка оор кесепеттерге алып келген" carries
    # "оорлотулган жоопкерчилик"
    (KG_AT, "criminalisation_aggravating_child_victim", MET, "art. 29(2)"),
    (KG_AT, "criminalisation_aggravating_serious_harm", MET, "art. 29(2)"),
    # art 14: emergency medical help for every victim, listed among the kinds of help the law gives them
    (KG_AT, "assistance_medical", MET, "art. 14"),
    # art 4: "trafficking in children — the recruitment, transportation, transfer, harbouring or receipt of a child
    # for the purpose of exploitation": the acts are defined, for children only (the law's own reach)
    (UZ_CHILD, "definition_act_recruitment", PARTIAL, "art. 4"),
    (UZ_CHILD, "definition_purpose_organ_removal", PARTIAL, "RIGHTS OF THE CHILD"),
    # art 36: medical assistance listed under a lead-in for child victims "who are citizens of the Republic of
    # Uzbekistan", foreign children urgent care only
    (UZ_CHILD, "assistance_medical", PARTIAL, "citizens of the Republic"),
]


@pytest.mark.parametrize(("spec", "rule", "status", "says"), FINDINGS)
def test_blind20_finding(spec, rule, status, says):
    finding = _findings(*spec)[rule]
    assert finding.status == status, finding.explanation
    assert says in finding.explanation
