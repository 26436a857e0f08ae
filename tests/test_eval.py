"""The gold set (tests/gold/) is well formed, and the matcher meets the issues' targets on it.

Targets on the tuning data (issue 3): evidence precision >= 0.90 and recall >= 0.85 at the provision
level, status accuracy >= 0.85, and an F1 at least 0.15 above the BM25 baseline, per language where the
gold set holds enough judgements. On the frozen test split (issue 11): precision >= 0.90, recall >= 0.85,
status accuracy >= 0.90 and false "met" on mandatory rules <= 2% of judged rules. Targets the tool misses
today are marked xfail(strict=True) with the figures measured when the mark was set, so an improvement
shows up as an unexpected pass and the mark can go.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from lawgap.assess.evaluate import EVIDENCE_FILES, GOLD_DIR, TEST, TUNE, Scores, _judgements, evaluate, load_gold
from lawgap.assess.index import articles_of
from lawgap.rules import load_rules
from tests.conftest import corpus_law

PRECISION, RECALL, STATUS, GAIN = 0.90, 0.85, 0.85, 0.15
TEST_STATUS, FALSE_MET = 0.90, 0.02
COVERAGE = 0.95  # share of the matcher's evidence pairs the gold set must judge for precision to mean much
MIN_JUDGED, MIN_STATUS = 30, 20  # fewer judgements than this in a language give no stable figure

GOLD = load_gold()
SETS, JUDGEMENTS, STATUSES = GOLD.sets, GOLD.judgements, GOLD.statuses


def test_gold_set_size_and_balance():
    # at least 200 judgements, positive and negative in every set, all three languages
    assert len(JUDGEMENTS) >= 200
    by_set = Counter((j.set, j.relevant) for j in JUDGEMENTS)
    for name in SETS:
        assert by_set[(name, True)] >= 10, name
        assert by_set[(name, False)] >= 5, name
    assert len({j.rule for j in JUDGEMENTS}) >= 60
    assert {s.status for s in STATUSES} == {"met", "partial", "gap"}


def test_gold_rows_name_real_rules_and_carry_reasons():
    ids = {r.id for r in load_rules()}
    assert {j.rule for j in JUDGEMENTS} <= ids
    assert {s.rule for s in STATUSES} <= ids
    assert all(j.reason.strip() for j in JUDGEMENTS)
    assert all(s.reason.strip() for s in STATUSES)
    assert all(j.file in SETS[j.set]["files"] for j in JUDGEMENTS)
    keys = [(j.set, j.file, j.eid, j.rule) for j in JUDGEMENTS]
    assert len(keys) == len(set(keys))
    pairs = [(s.set, s.rule) for s in STATUSES]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_eids_are_articles_of_the_parsed_law(name):
    # every judged eid exists in the parsed law and is an article-level unit (art_N / sec_N)
    for f in SETS[name]["files"]:
        law = corpus_law(f)
        article = articles_of(law)
        eids = {j.eid for j in JUDGEMENTS if j.set == name and j.file == f}
        missing = sorted(e for e in eids if e not in law.by_eid)
        assert not missing, (f, missing)
        assert all(article[e] == e for e in eids), f


def test_gold_gap_has_no_positive_evidence():
    # a lawyer who finds nothing cannot also cite a provision for the same rule (the statuses and evidence.tsv are
    # one judge's); a later, independent judge may disagree, and each such disagreement is listed in README.md
    own = _judgements(GOLD_DIR / EVIDENCE_FILES[0], SETS)
    positive = {(j.set, j.rule) for j in own if j.relevant}
    assert not [(s.set, s.rule) for s in STATUSES if s.status == "gap" and (s.set, s.rule) in positive]
    later = {(j.set, j.rule) for j in JUDGEMENTS if j.relevant} - positive
    contested = [(s.set, s.rule) for s in STATUSES if s.status == "gap" and (s.set, s.rule) in later]
    assert contested == CONTESTED, contested


# a gap of the status judge for which a later judge found a provision relevant (evidence_heldout.tsv round 7: KG CPC
# 181, a same-sex examination of the victim, "partial"); the status stays as judged
CONTESTED = [("kg_ru", "assistance_gender_sensitive")]


def test_test_split_is_whole_files_with_blind_four_valued_statuses():
    # the test sets hold only test files; every rule is judged once per test set; "not assessed" is used
    assert GOLD.test_sets and GOLD.test_statuses
    for spec in GOLD.test_sets.values():
        assert set(spec["files"]) <= GOLD.test_files
    ids = {r.id for r in load_rules()}
    pairs = [(s.set, s.rule) for s in GOLD.test_statuses]
    assert len(pairs) == len(set(pairs)) == len(GOLD.test_sets) * len(ids)
    assert {s.status for s in GOLD.test_statuses} == {"met", "partial", "gap", "not_assessed"}
    assert all(s.reason.strip() for s in GOLD.test_statuses)


@cache
def _scores() -> dict[tuple[str, str, str], Scores]:
    for spec in (*SETS.values(), *GOLD.test_sets.values()):
        for f in spec["files"]:
            corpus_law(f)  # skips when the corpus is absent
    return {(s.method, s.split, s.language): s for s in evaluate()}


def _measured(split: str, language: str) -> tuple[Scores, Scores]:
    scores = _scores()
    ours, bm25 = scores[("lawgap", split, language)], scores[("bm25", split, language)]
    if ours.judged < MIN_JUDGED or ours.status_total < MIN_STATUS:
        pytest.skip(f"only {ours.judged} evidence and {ours.status_total} status judgements in {split} {language}")
    return ours, bm25


def missed(figures: str):
    return pytest.mark.xfail(strict=True, reason=f"target missed, measured {figures}")


# measured after issue 11's structure, offence reading, subjects, scope, "not assessed" and levels (before:
# 9a93925, tests/gold/README.md)
MARKS: dict[tuple[str, str, str], pytest.MarkDecorator] = {
    (TUNE, "en", "precision"): missed("0.812 (13 of 16)"),
    (TUNE, "en", "status"): missed("0.800: the PK Witness Protection Act's extent and schedule make findings "
    "partial where the gold set, judged before scope was read, says met"),
    (TEST, "ky", "precision"): missed("0.870 (before 0.873)"),
    (TEST, "en", "status"): missed("0.856 (before 0.667)"),
    (TEST, "en", "false_met"): missed("0.033 (3 of 90)"),
}
TARGETS = [
    pytest.param(split, language, target, marks=MARKS.get((split, language, target), ()))
    for split, targets in (
        (TUNE, ("precision", "recall", "status", "gain")),
        (TEST, ("precision", "recall", "status", "false_met")),
    )
    for language in ("ru", "ky", "en")
    for target in targets
]


@pytest.mark.parametrize(("split", "language", "target"), TARGETS)
def test_target(split, language, target):
    ours, bm25 = _measured(split, language)
    if target == "precision":
        assert ours.precision >= PRECISION, ours
    elif target == "recall":
        assert ours.recall >= RECALL, ours
    elif target == "status":
        assert ours.status_accuracy >= (STATUS if split == TUNE else TEST_STATUS), ours
    elif target == "false_met":
        assert ours.false_met_share <= FALSE_MET, ours
    else:
        assert ours.f1 - bm25.f1 >= GAIN, (ours.f1, bm25.f1)


@pytest.mark.parametrize("split", [TUNE, TEST])
@pytest.mark.parametrize("language", ["ru", "ky", "en"])
def test_precision_rests_on_judged_predictions(split, language):
    # precision counts only judged pairs: it means something only if nearly every evidence pair the
    # matcher offers has been judged (tests/gold/evidence_heldout.tsv brought it to all of them)
    ours, _bm25 = _measured(split, language)
    assert ours.predicted_judged >= COVERAGE * ours.predicted, ours
