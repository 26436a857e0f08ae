"""The review store: decisions persist, are re-applied to scores, survive concurrent writers and a kill."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from lawgap.assess.findings import CountryScore, ElementResult, Evidence, Finding
from lawgap.review import Decisions, ReviewError, apply_decisions
from lawgap.rules import load_rules
from lawgap.store import ReviewStore
from tests.conftest import corpus_law

SHA = {"criminal_procedure_code_2021_ru": "a" * 64, "criminal_code_2021_ru": "b" * 64}


def _ev(law: str, eid: str, elements: tuple[str, ...]) -> Evidence:
    return Evidence(law, eid, eid.split("__")[0], eid.split("__")[0][4:], 1.0, "text", "ru", elements, ("w",))


def _score() -> CountryScore:
    """compensation_possibility as KG's codes give it: CPC art. 40 holds both mandatory elements
    (compensation, victim), CC art. 69(7) only compensation."""
    rule = load_rules().by_id["compensation_possibility"]
    main = _ev("criminal_procedure_code_2021_ru", "art_40__para_1", ("compensation", "victim"))
    other = _ev("criminal_code_2021_ru", "art_69__para_7", ("compensation",))
    elements = tuple(ElementResult(e.id, e.label_en, e.mandatory, True, (), (main,)) for e in rule.elements)
    f = Finding(rule, "met", 1.0, elements, (main, other), "Met.")
    return CountryScore("KG", (), (f,), {"compensation": 1.0}, 1.0)


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    return ReviewStore(tmp_path / "review.sqlite")


def test_decisions_persist_across_reopen(tmp_path: Path):
    path = tmp_path / "review.sqlite"
    ReviewStore(path).decide_evidence("KG", "compensation_possibility", "a" * 64, "art_40__para_1", "confirmed", "ann")
    again = ReviewStore(path).decisions("KG")
    d = again.evidence[("a" * 64, "art_40__para_1", "compensation_possibility")]
    assert (d.verdict, d.who, d.country) == ("confirmed", "ann", "KG")
    assert ReviewStore(path).decisions("KZ").evidence == {}


@pytest.mark.parametrize(
    ("rejected", "status", "score"),
    [
        # nothing rejected: the finding stands as scored
        ((), "met", 1.0),
        # CC art. 69(7) rejected: CPC art. 40 still holds both elements
        ((("criminal_code_2021_ru", "art_69__para_7"),), "met", 1.0),
        # CPC art. 40 rejected: art. 69(7) names compensation but not the victim, one of two mandatory: a gap
        ((("criminal_procedure_code_2021_ru", "art_40__para_1"),), "gap", 0.0),
    ],
)
def test_rejected_evidence_rejudges_the_finding(store: ReviewStore, rejected, status, score):
    for law, eid in rejected:
        store.decide_evidence("KG", "compensation_possibility", SHA[law], eid, "rejected", "ann")
    rv = apply_decisions(_score(), store.decisions("KG"), SHA)
    f = rv.score.findings[0]
    assert (f.status, f.score) == (status, score)
    assert len(f.evidence) == 2 - len(rejected)
    assert rv.score.overall == score
    assert rv.original.findings[0].status == "met"


def test_override_sets_status_and_needs_a_reason(store: ReviewStore):
    with pytest.raises(ReviewError, match="reason"):
        store.override_status("KG", "compensation_possibility", "partial", "ann", "  ")
    store.override_status("KG", "compensation_possibility", "partial", "ann", "art. 40 covers only the CPC victim")
    f = apply_decisions(_score(), store.decisions("KG"), SHA).score.findings[0]
    assert f.status == "partial"
    assert "art. 40 covers only the CPC victim" in f.explanation
    store.override_status("KG", "compensation_possibility", None, "ann", "agreed after discussion")
    assert apply_decisions(_score(), store.decisions("KG"), SHA).score.findings[0].status == "met"


def test_withdrawn_decision_restores_the_score_and_audit_keeps_every_step(store: ReviewStore):
    args = ("KG", "compensation_possibility", SHA["criminal_procedure_code_2021_ru"], "art_40__para_1")
    store.decide_evidence(*args, "rejected", "ann", "cites the wrong victim")
    store.decide_evidence(*args, None, "bob")
    assert apply_decisions(_score(), store.decisions("KG"), SHA).score.findings[0].status == "met"
    log = store.audit("KG")
    assert [(e.who, e.value) for e in log] == [("ann", "rejected"), ("bob", "withdrawn")]
    csv_lines = store.audit_csv("KG").splitlines()
    assert csv_lines[0].startswith("id,at,who,action")
    assert "cites the wrong victim" in csv_lines[1]


def test_bad_verdict_and_anonymous_decision_are_refused(store: ReviewStore):
    with pytest.raises(ReviewError, match="verdict"):
        store.decide_evidence("KG", "r", "a", "art_1", "maybe", "ann")
    with pytest.raises(ReviewError, match="who"):
        store.decide_evidence("KG", "r", "a", "art_1", "confirmed", " ")
    assert store.audit() == ()


def test_two_writers_lose_nothing(tmp_path: Path):
    """Two sessions (threads, each with its own store object) write at once: every decision lands."""
    path = tmp_path / "review.sqlite"
    ReviewStore(path)

    def write(who: str) -> None:
        s = ReviewStore(path)
        for i in range(60):
            s.decide_evidence("KG", "rule", "a" * 64, f"art_{i}_{who}", "confirmed", who)
            s.decide_evidence("KG", "shared", "a" * 64, f"art_{i}", "rejected" if who == "ann" else "confirmed", who)

    threads = [threading.Thread(target=write, args=(w,)) for w in ("ann", "bob")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    s = ReviewStore(path)
    own = [k for k in s.decisions("KG").evidence if k[2] == "rule"]
    assert len(own) == 120
    assert len([k for k in s.decisions("KG").evidence if k[2] == "shared"]) == 60
    assert len(s.audit("KG")) == 240


WRITER = textwrap.dedent(
    """
    import sys
    from lawgap.store import ReviewStore
    s = ReviewStore(sys.argv[1])
    i = 0
    while True:
        s.decide_evidence("KG", "rule", "a" * 64, f"art_{i}", "confirmed", "writer", "x" * 2000)
        print(i, flush=True)
        i += 1
    """
)


def test_store_survives_being_killed_mid_write(tmp_path: Path):
    """A writer killed with SIGKILL while writing leaves a sound file holding every committed decision."""
    path = tmp_path / "review.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    committed = -1
    deadline = time.monotonic() + 60
    while committed < 150 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed = int(line)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert committed >= 150, "the writer did not get going"
    s = ReviewStore(path)
    assert s.integrity() == "ok"
    decisions = s.decisions("KG").evidence
    audit = s.audit("KG")
    assert len(decisions) >= committed + 1
    # each decision and its audit row were written in one transaction: never one without the other
    assert {e.eid for e in audit} == {k[1] for k in decisions}
    s.decide_evidence("KG", "rule", "a" * 64, "after_kill", "rejected", "ann")
    assert s.decisions("KG").evidence[("a" * 64, "after_kill", "rule")].verdict == "rejected"


def test_decision_on_real_kg_evidence_changes_the_real_score(tmp_path: Path):
    """On the Kyrgyz codes: rejecting every evidence item of a met finding leaves a gap."""
    from lawgap.assess.findings import law_id
    from lawgap.assess.score import score_country

    laws = [
        corpus_law(f"kg/{name}.docx")
        for name in ("criminal_code_2021_ru", "criminal_code_2021_ky", "criminal_procedure_code_2021_ru")
    ]
    cs = score_country("KG", laws)
    sha_of = {law_id(x): x.sha256 for x in laws}
    f = next(f for f in cs.findings if f.rule.id == "compensation_possibility")
    assert f.status == "met"
    s = ReviewStore(tmp_path / "r.sqlite")
    for ev in f.evidence:
        s.decide_evidence("KG", f.rule.id, sha_of[ev.law], ev.eid, "rejected", "ann")
    rv = apply_decisions(cs, s.decisions("KG"), sha_of)
    g = next(x for x in rv.score.findings if x.rule.id == "compensation_possibility")
    assert (g.status, g.evidence) == ("gap", ())
    assert rv.score.overall < cs.overall
    assert apply_decisions(cs, Decisions(), sha_of).score is cs


def test_review_judges_with_the_scorer_s_status_function(store: ReviewStore):
    """One status function (lawgap.assess.findings.judge): evidence left after a rejection that holds the
    obligation but not what it is about (the anchor: the victim) is a gap, as the scorer says, not partial."""
    rule = load_rules().by_id["non_punishment_status_offences"]
    main = _ev("criminal_code_2021_ru", "art_166__note_nn_1", ("no_liability", "status_offence", "victim"))
    other = _ev("criminal_code_2021_ru", "art_352", ("no_liability", "status_offence"))
    elements = tuple(ElementResult(e.id, e.label_en, e.mandatory, True, (), (main,)) for e in rule.elements)
    finding = Finding(rule, "met", 1.0, elements, (main, other), "Met.")
    cs = CountryScore("KG", (), (finding,), {rule.category: 1.0}, 1.0)
    store.decide_evidence("KG", rule.id, SHA["criminal_code_2021_ru"], "art_166__note_nn_1", "rejected", "ann")
    f = apply_decisions(cs, store.decisions("KG"), SHA).score.findings[0]
    assert (f.status, f.score) == ("gap", 0.0)
    assert {e.id for e in f.elements if e.found} == {"no_liability", "status_offence"}
