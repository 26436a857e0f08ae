"""The review database is checked before use and never replaced: no decision is lost (issue 14, point 3).

A 0-byte file used to be initialised over (every decision gone, the CLI exiting 0); a damaged one
showed sqlite3 tracebacks. Each case below is a file a user could really have: clear error, the
file's bytes untouched, a copy written before any schema change, decisions movable as JSON.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from lawgap.cli import main
from lawgap.errors import InputError
from lawgap.publish.review_json import export_json, import_json
from lawgap.review import ReviewError
from lawgap.store import MAX_NAME, MAX_REASON, SCHEMA_VERSION, DraftStore, ReviewStore, StoreError, problem
from tests.hostile import ROOT

KG_LAW = str(ROOT / "tests" / "fixtures" / "laws" / "kg_style_cc_ru.txt")


def _with_decisions(path):
    store = ReviewStore(path)
    for i in range(40):
        store.override_status("KG", f"rule_{i}", "met", "Айгуль", f"reason {i} " + "x" * 200)
    store.decide_evidence("KG", "rule_0", "sha", "art_1", "rejected", "Айгуль", "not about victims")
    return store


def _truncated(tmp_path):
    path = tmp_path / "review.sqlite"
    _with_decisions(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _bad_header(tmp_path):
    path = tmp_path / "review.sqlite"
    _with_decisions(path)
    data = bytearray(path.read_bytes())
    data[:16] = b"not a database!\x00"
    path.write_bytes(bytes(data))
    return path


def _empty(tmp_path):
    path = tmp_path / "review.sqlite"
    path.write_bytes(b"")
    return path


def _wrong_schema(tmp_path):
    path = tmp_path / "review.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE lawgap_review_status (country TEXT, rule TEXT, verdict TEXT)")
    con.execute("INSERT INTO lawgap_review_status VALUES ('KG', 'r', 'met')")
    con.commit()
    con.close()
    return path


def _newer(tmp_path):
    path = tmp_path / "review.sqlite"
    _with_decisions(path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    con.close()
    return path


CASES = [
    ("0-byte file", _empty, "empty (0 bytes)"),
    ("truncated", _truncated, "damaged"),
    ("bad header", _bad_header, "not an SQLite database"),
    ("wrong schema", _wrong_schema, "not lawgap's"),
    ("newer schema", _newer, "newer lawgap"),
]


@pytest.mark.parametrize(("case", "make", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_review_database_is_named_and_left_as_it_is(tmp_path, monkeypatch, capsys, case, make, words):
    path = make(tmp_path)
    before = path.read_bytes()
    said = problem(path)
    assert said and str(path) in said and words in said
    with pytest.raises(StoreError, match="review|SQLite|lawgap"):
        ReviewStore(path)
    with pytest.raises(StoreError):
        DraftStore(path)
    monkeypatch.setenv("LAWGAP_REVIEW_DB", str(path))
    assert main(["report", KG_LAW, "--country", "KG"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and words in err and KG_LAW not in err and "Traceback" not in err
    assert path.read_bytes() == before, "the file must not be replaced or repaired behind the user's back"


def test_a_sound_database_has_no_problem_and_a_missing_one_is_created(tmp_path):
    path = tmp_path / "new" / "review.sqlite"
    assert problem(path) is None
    _with_decisions(path)
    assert problem(path) is None
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()
    assert not list(path.parent.glob("*.bak")), "a new file needs no copy"


def test_a_copy_is_written_before_the_schema_changes(tmp_path):
    # an unversioned file of lawgap before issue 14, with the review tables only
    path = tmp_path / "review.sqlite"
    store = _with_decisions(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=0")
    con.execute("DROP TABLE lawgap_draft_versions")
    con.close()
    expected = store.decisions("KG")
    ReviewStore(path)  # migrates
    backups = list(tmp_path.glob("review.sqlite.v0-*.bak"))
    assert len(backups) == 1
    assert ReviewStore(path).decisions("KG") == expected
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT count(*) FROM lawgap_review_status").fetchone()[0] == 40
    assert old.execute("PRAGMA user_version").fetchone()[0] == 0
    old.close()
    ReviewStore(path)
    assert len(list(tmp_path.glob("*.bak"))) == 1, "an up-to-date file is not copied again"


_WRITER = """
import sys
from lawgap.store import ReviewStore
store = ReviewStore(sys.argv[1])
for i in range(100000):
    store.override_status("KG", f"rule_{i}", "gap", "writer", "killed mid-way")
    print(i, flush=True)
"""


def test_decisions_committed_before_a_kill_survive_it(tmp_path):
    path = tmp_path / "review.sqlite"
    ReviewStore(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    done = -1
    deadline = time.monotonic() + 30
    while done < 50 and time.monotonic() < deadline:
        done = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert problem(path) is None
    rules = ReviewStore(path).decisions("KG").overrides
    assert all(f"rule_{i}" in rules for i in range(done + 1))
    assert ReviewStore(path).integrity() == "ok"


def test_decisions_move_between_databases_as_json(tmp_path, capsys, monkeypatch):
    source = _with_decisions(tmp_path / "a.sqlite")
    text = export_json(source, "KG")
    doc = json.loads(text)
    assert len(doc["status"]) == 40 and doc["evidence"][0]["reason"] == "not about victims"
    target = ReviewStore(tmp_path / "b.sqlite")
    target.override_status("KG", "rule_1", "gap", "Бакыт", "a later view")
    assert import_json(target, text, "a.json") == (40, 1)  # rule_1: the target's own decision is later
    got = target.decisions("KG")
    assert got.overrides["rule_0"].who == "Айгуль" and got.overrides["rule_1"].status == "gap"
    assert got.evidence == source.decisions("KG").evidence
    assert any(e.reason.startswith("imported from a.json") for e in target.audit("KG"))
    # the same through the CLI
    monkeypatch.setenv("LAWGAP_REVIEW_DB", str(tmp_path / "c.sqlite"))
    export = tmp_path / "kg.json"
    export.write_text(text, encoding="utf-8")
    assert main(["review", "import", str(export)]) == 0
    assert "41 decisions recorded" in capsys.readouterr().out
    assert main(["review", "export", "--country", "KG"]) == 0
    assert len(json.loads(capsys.readouterr().out)["status"]) == 40


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[1, 2]", "not a lawgap review export"),
        ('{"format": "lawgap-review", "status": [{"country": "KG"}]}', "status decision 1"),
        (
            '{"format": "lawgap-review", "status": [], "evidence": [{"law_sha256": "s", "eid": "e", "rule": "r", '
            '"country": "KG", "verdict": "maybe", "who": "A", "at": "t", "reason": ""}]}',
            "unknown verdict",
        ),
        ("{not json", "not JSON"),
    ],
)
def test_a_bad_export_is_refused_before_anything_is_written(tmp_path, text, words):
    store = ReviewStore(tmp_path / "review.sqlite")
    with pytest.raises(InputError, match=words):
        import_json(store, text, "bad.json")
    assert store.audit() == ()


def test_names_and_reasons_have_a_length_cap(tmp_path):
    store = ReviewStore(tmp_path / "review.sqlite")
    with pytest.raises(ReviewError, match="name is at most"):
        store.override_status("KG", "r", "met", "x" * (MAX_NAME + 1), "why")
    with pytest.raises(ReviewError, match="reason is at most"):
        store.decide_evidence("KG", "r", "sha", "art_1", "confirmed", "A", "y" * (MAX_REASON + 1))
    assert store.audit() == ()


def test_sessions_creating_the_database_at_once_all_open_it(tmp_path):
    # an empty file is an error here, so a new database must never be seen half made
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "fresh" / "review.sqlite"
    with ThreadPoolExecutor(8) as pool:
        stores = list(pool.map(lambda _: ReviewStore(path), range(8)))
    assert len(stores) == 8 and problem(path) is None
    assert not list(path.parent.glob(".*.new")), "no temporary file is left behind"
