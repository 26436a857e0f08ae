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


# Rows the tool still gets wrong, each with the reason a lawyer would give.
FIXTURES = Path(__file__).parent / "fixtures" / "laws"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
FIXTURE_WRONG = {
    ("uz_style_cc_ru.txt", "definition_child_under_18"): "a note of art 135-1 that defines a minor for art 135 too "
    "is not read into art 135",
    ("kg_style_cc_ky.txt", "criminalisation_use_of_services"): "no Kyrgyz cue for using a victim's labour or services",
    ("en_translation_cc.txt", "non_punishment_victims"): "no English cue for the note's release from liability",
    ("en_translation_tip_law.txt", "assistance_not_conditional"): "assistance made conditional on cooperation after "
    "the reflection period is not read as a condition",
    ("en_translation_tip_law.txt", "non_punishment_victims"): "no English cue for non-liability in an "
    "anti-trafficking law",
    ("en_translation_tip_law.txt", "residence_recovery_reflection_period"): "art 2(2)'s carve-out (arts 9 and 10 for "
    "foreign victims) is not read, so the citizens-only scope wrongly limits art 9",
    ("pk_style_gazette.pdf", "children_age_presumption"): "the English paraphrase 'age is in doubt' is not a cue",
    ("pk_style_gazette.pdf", "definition_child_without_means"): "'whether or not any means has been used' in a "
    "definition item is not read as the child rule",
    ("pk_style_gazette.pdf", "criminalisation_use_of_services"): "the Penal Code section 360C quoted in an amending "
    "section is not read as an offence",
    ("pk_style_gazette.pdf", "assistance_housing"): "partial only for the Act's territorial extent; that the "
    "shelter is for trafficked children alone ('a child is a trafficked child') is not read",
    ("uz_style_law_ru.txt", "assistance_housing"): "art 14's right to placement in a rehabilitation centre is read "
    "alone: art 15's thirty-day limit on the stay in that centre is not read with it",
    ("kz_style_law_ru.docx", "witness_protection_relocation"): "a temporary safe place (art 5) outranks relocation "
    "with housing (art 5-1) as the best evidence",
}
FIXTURE_FINDINGS = [
    pytest.param(
        name,
        x["rule"],
        x["status"],
        tuple(x["rests_on"]),
        x.get("limiting", ""),
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


@pytest.mark.parametrize(("name", "rule", "status", "rests_on", "limiting"), FIXTURE_FINDINGS)
def test_fixture_finding(name, rule, status, rests_on, limiting):
    finding = next(f for f in _fixture_score(name).findings if f.rule.id == rule)
    assert finding.status == status, finding.explanation
    if limiting:  # a partial finding names its limit in the law's own words (the lawyer's, or some of them)
        said = [" ".join(lim.words.split()) for lim in finding.limitations]
        assert any(limiting in w or (len(w) > 4 and w in limiting) for w in said), said
    if status in ("met", "partial") and rests_on:
        articles = {eid.split("__")[0] for eid in rests_on}
        assert finding.evidence[0].article in articles, (finding.evidence[0].article, articles)
