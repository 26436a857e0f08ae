"""The one SQLite file that keeps a working group's review decisions and drafts.

`LAWGAP_REVIEW_DB`, else national_laws/.lawgap-review.sqlite beside the user's laws. WAL lets
the app read while another session writes; synchronous=FULL makes a committed decision or draft
survive a crash; every write is one IMMEDIATE transaction, so concurrent writers queue instead
of overwriting each other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lawgap.settings import review_db_path

BUSY_SECONDS = 30


def default_path() -> Path:
    return review_db_path()


def initialise(path: Path, schema: str) -> None:
    """Create the folder, switch the file to WAL and create the tables if they are missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with connect(path) as con:
        con.execute("PRAGMA journal_mode=WAL")
        con.executescript(schema)


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection of its own per call, so threads and sessions may share one file."""
    con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        con.execute("PRAGMA synchronous=FULL")
        con.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
        yield con
    finally:
        con.close()


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """One IMMEDIATE transaction: the write lock is taken first, so no writer reads a stale row."""
    with connect(path) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
