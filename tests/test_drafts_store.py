"""The drafts store: versions in their own table of the review database, WAL, atomic saves."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace

from lawgap.store import DraftStore
from tests.test_draft import kg


def _draft():
    _, _, drafts = kg()
    return next(d for d in drafts if d.rule_id == "assistance_housing" and d.lang == "ru")


def test_versions_are_numbered_and_round_trip(tmp_path):
    store = DraftStore(tmp_path / "review.sqlite")
    d = _draft()
    assert store.save(d, author="A") == 1
    edited = replace(d, justification="Обоснование рабочей группы.")
    assert store.save(edited, author="B", note="edited") == 2
    vs = store.versions("KG", d.rule_id, "ru")
    assert [v.version for v in vs] == [1, 2]
    assert vs[0].draft == d and vs[1].draft == edited
    assert store.latest("KG", d.rule_id, "ru").author == "B"
    assert store.get("KG", d.rule_id, "ru", 1).draft == d
    assert [s.draft for s in store.all_latest("KG")] == [edited]


def test_same_file_as_the_review_store_without_touching_its_tables(tmp_path, monkeypatch):
    db = tmp_path / "review.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE decisions (rule TEXT, status TEXT)")
    con.execute("INSERT INTO decisions VALUES ('assistance_housing', 'confirmed')")
    con.commit()
    con.close()
    monkeypatch.setenv("LAWGAP_REVIEW_DB", str(db))
    store = DraftStore()
    assert store.path == db
    store.save(_draft())
    con = sqlite3.connect(db)
    assert con.execute("SELECT * FROM decisions").fetchall() == [("assistance_housing", "confirmed")]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_concurrent_saves_get_distinct_versions(tmp_path):
    path = tmp_path / "review.sqlite"
    DraftStore(path)
    d = _draft()
    got: list[int] = []

    def worker():
        store = DraftStore(path)
        for _ in range(5):
            got.append(store.save(d))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == list(range(1, 21))
