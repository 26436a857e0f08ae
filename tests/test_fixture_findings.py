"""The findings a lawyer reads in each invented fixture law alone (tests/fixtures/laws/expected.toml), row by row.

Each row: the fixture, the rule, the status a lawyer gives, the provisions it rests on (the best evidence must lie
in one of their articles). Rows the tool gets wrong today keep the lawyer's status and say why (xfail, strict).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from lawgap.assess.findings import CountryScore
from lawgap.assess.score import score_country
from lawgap.parsers import load_law


def wrong(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# Most rows the tool gets wrong wait on the structure stage (parts without numbers, kinds of law) or on the cue
# and subject work of issue 11.
FIXTURES = Path(__file__).parent / "fixtures" / "laws"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
_STRUCTURE = "the structure stage (issue 11): "
_CUES = "the cue and subject work (issue 11): "
_KIND = _STRUCTURE + "the kind of law is not recognised, so the rule's home is taken as not supplied"
FIXTURE_WRONG = {
    ("uz_style_cc_ru.txt", "definition_child_without_means"): _STRUCTURE + "unnumbered parts, so no basic part",
    ("uz_style_cc_ru.txt", "definition_child_under_18"): _STRUCTURE + "numbered note items",
    ("kg_style_cc_ky.txt", "criminalisation_trafficking_offence"): _CUES + "Kyrgyz 'адам сатуу'",
    ("kg_style_cc_ky.txt", "definition_means_abuse_vulnerability"): _CUES + "Kyrgyz 'адам сатуу'",
    ("kg_style_cc_ky.txt", "criminalisation_aggravating_child_victim"): _CUES + "Kyrgyz 'адам сатуу'",
    ("kg_style_cc_ky.txt", "criminalisation_use_of_services"): _CUES + "Kyrgyz wording of using services",
    **{("en_translation_cc.txt", x["rule"]): _KIND for x in EXPECTED["en_translation_cc.txt"]["findings"]},
    ("en_translation_tip_law.txt", "assistance_housing"): _CUES + "the scope article (citizens and residents)",
    ("en_translation_tip_law.txt", "assistance_not_conditional"): _KIND,
    ("en_translation_tip_law.txt", "non_punishment_victims"): _KIND,
    ("en_translation_tip_law.txt", "children_age_presumption"): _KIND,
    **{
        ("ru_tip_law.txt", rule): _KIND
        for rule in ("assistance_housing", "assistance_not_conditional", "residence_recovery_reflection_period")
    },
    ("ru_tip_law.txt", "non_punishment_victims"): _KIND,
    ("ru_tip_law.txt", "definition_act_recruitment"): _CUES + "'вовлечение' for recruitment",
    ("uz_style_cc_ru.txt", "criminalisation_aggravating_child_victim"): _STRUCTURE + "no qualified part of art 135",
    ("en_translation_tip_law.txt", "residence_recovery_reflection_period"): _STRUCTURE
    + "English articles read as chapters",
    ("en_translation_tip_law.txt", "identification_procedure"): _STRUCTURE + "English articles read as chapters",
    ("kz_style_law_ru.docx", "assistance_housing"): _STRUCTURE + "a witness-protection law read as anti-trafficking",
    **{("pk_style_gazette.pdf", x["rule"]): _KIND for x in EXPECTED["pk_style_gazette.pdf"]["findings"]},
}
FIXTURE_FINDINGS = [
    pytest.param(
        name,
        x["rule"],
        x["status"],
        tuple(x["rests_on"]),
        id=f"{name.split('.')[0]}-{x['rule']}",
        marks=[wrong(FIXTURE_WRONG[(name, x["rule"])])] if (name, x["rule"]) in FIXTURE_WRONG else [],
    )
    for name, spec in EXPECTED.items()
    for x in spec.get("findings", ())
]


@cache
def _fixture_score(name: str) -> CountryScore:
    spec = EXPECTED[name]
    law = load_law(FIXTURES / name, country=spec["country"] or None)
    return score_country(spec["country"] or "XX", [law])


@pytest.mark.parametrize(("name", "rule", "status", "rests_on"), FIXTURE_FINDINGS)
def test_fixture_finding(name, rule, status, rests_on):
    finding = next(f for f in _fixture_score(name).findings if f.rule.id == rule)
    assert finding.status == status, finding.explanation
    if status in ("met", "partial") and rests_on:
        articles = {eid.split("__")[0] for eid in rests_on}
        assert finding.evidence[0].article in articles, (finding.evidence[0].article, articles)
