"""Reading through OCR noise: garbled words mended towards the rules' words, real words left alone."""

from __future__ import annotations

import pytest
from conftest import corpus_law

from lawgap.assess.fuzzy import corrections
from lawgap.assess.score import score_country
from lawgap.refs.labels import provision_label
from lawgap.rules import load_rules

LEXICON = {"witness", "protection", "conference", "relocation", "identity", "victim"}


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        # garbled forms from the OCR layer of the Islamabad Witness Protection Act 2017
        ("wltness", "witness"),
        ("protectron", "protection"),
        ("aonferencin8", "conference"),  # "video aonferencin8" in s. 4(2)
        # real words close to a rule word stay what they are
        ("relation", None),
        ("identify", None),
        ("production", None),
        # too short to tell
        ("vlct", None),
    ],
)
def test_corrections(form, expected):
    assert corrections([form], LEXICON, "en").get(form) == expected


def test_kyrgyz_is_never_rewritten():
    assert corrections(["жабырлануучу"], {"жабырлануучу"}, "ky") == {}


@pytest.mark.corpus
def test_video_link_in_the_noisy_witness_act_is_found_and_flagged():
    # s. 4(2) of the 2017 Act allows "video aonferencin8" (video conferencing) to secure the witness.
    law = corpus_law("pk/witness_protection_security_and_benefit_act_2017_ocr.pdf")
    assert law.noisy and not law.ocr  # an earlier OCR's text layer, not ours
    rules = load_rules()
    cs = score_country("PK", [law], type(rules)(tuple(r for r in rules if r.id == "witness_protection_video_link")))
    finding = cs.findings[0]
    # found, and limited by the Act's extent and Schedule (issue 11)
    assert finding.status == "partial"
    assert {x.kind for x in finding.limitations} == {"territory", "schedule"}
    ev = finding.evidence[0]
    assert (ev.eid, ev.fuzzy, ev.words) == ("sec_4__subsec_2", True, ("video aonferencin8",))
    assert "OCR noise" in finding.explanation


@pytest.mark.parametrize(
    ("eid", "en", "ru"),
    [
        ("art_166__para_4", "art. 166(4)", "ст. 166(4)"),
        ("art_77__para_1__point_2", "art. 77(1)(2)", "ст. 77(1)(2)"),
        ("art_166__note_nn_1", "art. 166, note", "ст. 166, примечание"),
        ("sec_3__subsec_1__para_a", "s. 3(1)(a)", "s. 3(1)(a)"),
        ("art_127-1", "art. 127-1", "ст. 127-1"),
    ],
)
def test_provision_labels(eid, en, ru):
    assert provision_label(eid, "en") == en
    assert provision_label(eid, "ru") == ru
