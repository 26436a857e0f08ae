"""The one SQLite file that keeps a working group's review decisions, its audit log and draft versions.

Reads and writes: the review database (settings.review_db_path()). Decisions come back as the
frozen types of lawgap.review, drafts as those of lawgap.drafting.

`LAWGAP_REVIEW_DB`, else national_laws/.lawgap-review.sqlite beside the user's laws. WAL lets
the app read while another session writes; synchronous=FULL makes a committed decision or draft
survive a crash; every write is one IMMEDIATE transaction, so concurrent writers queue instead
of overwriting each other.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lawgap.drafting.draft import Draft
from lawgap.errors import LawgapError
from lawgap.review import (
    VERDICTS,
    AuditEntry,
    Decisions,
    EvidenceDecision,
    ReviewError,
    StatusOverride,
)
from lawgap.settings import review_db_path
from lawgap.vocab import DECIDABLE_STATUSES

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


# -- review decisions and their audit log ---------------------------------------------------------

REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS lawgap_review_evidence (
    law_sha256 TEXT NOT NULL,
    eid TEXT NOT NULL,
    rule TEXT NOT NULL,
    country TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected')),
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (law_sha256, eid, rule)
);
CREATE TABLE IF NOT EXISTS lawgap_review_status (
    country TEXT NOT NULL,
    rule TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('met', 'partial', 'gap')),
    who TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (country, rule)
);
CREATE TABLE IF NOT EXISTS lawgap_review_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    country TEXT NOT NULL,
    rule TEXT NOT NULL,
    law_sha256 TEXT NOT NULL DEFAULT '',
    eid TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ReviewStore:
    """One SQLite file; each call opens its own connection, so threads and sessions may share a store."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            initialise(self.path, REVIEW_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ReviewError(f"{self.path}: cannot open the review database ({exc})") from exc

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path)

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return transaction(self.path)

    def decide_evidence(
        self, country: str, rule: str, law_sha256: str, eid: str, verdict: str | None, who: str, reason: str = ""
    ) -> None:
        """Confirm or reject one evidence item; `verdict=None` withdraws an earlier decision."""
        if verdict is not None and verdict not in VERDICTS:
            raise ReviewError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")
        who = _who(who)
        at = _now()
        with self._write() as con:
            if verdict is None:
                con.execute(
                    "DELETE FROM lawgap_review_evidence WHERE law_sha256=? AND eid=? AND rule=?",
                    (law_sha256, eid, rule),
                )
            else:
                con.execute(
                    "INSERT INTO lawgap_review_evidence VALUES (?,?,?,?,?,?,?,?) "
                    "ON CONFLICT (law_sha256, eid, rule) DO UPDATE SET verdict=excluded.verdict, "
                    "who=excluded.who, at=excluded.at, reason=excluded.reason, country=excluded.country",
                    (law_sha256, eid, rule, country, verdict, who, at, reason),
                )
            con.execute(
                "INSERT INTO lawgap_review_audit (at, who, action, country, rule, law_sha256, eid, value, reason) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (at, who, "evidence", country, rule, law_sha256, eid, verdict or "withdrawn", reason),
            )

    def override_status(self, country: str, rule: str, status: str | None, who: str, reason: str) -> None:
        """Set a finding's status by hand (a reason is required); `status=None` returns it to the computed one."""
        if status is not None and status not in DECIDABLE_STATUSES:
            raise ReviewError(f"unknown status {status!r}; use one of {', '.join(DECIDABLE_STATUSES)}")
        if not reason.strip():
            raise ReviewError("an override needs a reason: say why the computed status is wrong")
        who = _who(who)
        at = _now()
        with self._write() as con:
            if status is None:
                con.execute("DELETE FROM lawgap_review_status WHERE country=? AND rule=?", (country, rule))
            else:
                con.execute(
                    "INSERT INTO lawgap_review_status VALUES (?,?,?,?,?,?) ON CONFLICT (country, rule) DO UPDATE "
                    "SET status=excluded.status, who=excluded.who, at=excluded.at, reason=excluded.reason",
                    (country, rule, status, who, at, reason.strip()),
                )
            con.execute(
                "INSERT INTO lawgap_review_audit (at, who, action, country, rule, value, reason) "
                "VALUES (?,?,?,?,?,?,?)",
                (at, who, "status", country, rule, status or "withdrawn", reason.strip()),
            )

    def decisions(self, country: str | None = None) -> Decisions:
        where, args = ("WHERE country=?", (country,)) if country else ("", ())
        with self._connect() as con:
            ev = con.execute(f"SELECT * FROM lawgap_review_evidence {where}", args).fetchall()
            st = con.execute(f"SELECT * FROM lawgap_review_status {where}", args).fetchall()
        evidence = {(r[0], r[1], r[2]): EvidenceDecision(*r) for r in ev}
        overrides = {r[1]: StatusOverride(*r) for r in st}
        return Decisions(evidence, overrides)

    def audit(self, country: str | None = None) -> tuple[AuditEntry, ...]:
        where, args = ("WHERE country=?", (country,)) if country else ("", ())
        with self._connect() as con:
            rows = con.execute(f"SELECT * FROM lawgap_review_audit {where} ORDER BY id", args).fetchall()
        return tuple(AuditEntry(*r) for r in rows)

    def audit_csv(self, country: str | None = None) -> str:
        """The audit log as CSV (who, when, what, why), for the working group's file."""
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["id", "at", "who", "action", "country", "rule", "law_sha256", "eid", "value", "reason"])
        for e in self.audit(country):
            w.writerow([e.id, e.at, e.who, e.action, e.country, e.rule, e.law_sha256, e.eid, e.value, e.reason])
        return out.getvalue()

    def integrity(self) -> str:
        with self._connect() as con:
            return con.execute("PRAGMA integrity_check").fetchone()[0]


def _who(who: str) -> str:
    who = (who or "").strip()
    if not who:
        raise ReviewError("say who decides: the audit log records a name with every decision")
    return who


# -- draft versions -------------------------------------------------------------------------------

DRAFTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS lawgap_draft_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    country TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    lang TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    UNIQUE (country, rule_id, lang, version)
);
CREATE INDEX IF NOT EXISTS lawgap_draft_versions_key ON lawgap_draft_versions (country, rule_id, lang);
"""


class StoreError(LawgapError):
    """The drafts store cannot be opened or written: names the file."""


@dataclass(frozen=True)
class StoredDraft:
    version: int
    created_at: str
    author: str
    note: str
    draft: Draft


class DraftStore:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        try:
            initialise(self.path, DRAFTS_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the drafts store: {exc}") from None

    def save(self, draft: Draft, author: str = "", note: str = "") -> int:
        """Save a new version of the draft; returns its version number (1, 2, ...)."""
        data = json.dumps(draft.to_dict(), ensure_ascii=False)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with transaction(self.path) as con:
                row = con.execute(
                    "SELECT COALESCE(MAX(version), 0) FROM lawgap_draft_versions "
                    "WHERE country=? AND rule_id=? AND lang=?",
                    (draft.country, draft.rule_id, draft.lang),
                ).fetchone()
                version = row[0] + 1
                con.execute(
                    "INSERT INTO lawgap_draft_versions "
                    "(country, rule_id, lang, version, created_at, author, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (draft.country, draft.rule_id, draft.lang, version, now, author, note, data),
                )
            return version
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot save the draft: {exc}") from None

    def _rows(self, sql: str, args: tuple) -> list[StoredDraft]:
        try:
            with connect(self.path) as con:
                rows = con.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read drafts: {exc}") from None
        return [StoredDraft(v, c, a, n, Draft.from_dict(json.loads(d))) for v, c, a, n, d in rows]

    def versions(self, country: str, rule_id: str, lang: str) -> list[StoredDraft]:
        return self._rows(
            "SELECT version, created_at, author, note, data FROM lawgap_draft_versions "
            "WHERE country=? AND rule_id=? AND lang=? ORDER BY version",
            (country, rule_id, lang),
        )

    def latest(self, country: str, rule_id: str, lang: str) -> StoredDraft | None:
        vs = self.versions(country, rule_id, lang)
        return vs[-1] if vs else None

    def get(self, country: str, rule_id: str, lang: str, version: int) -> StoredDraft | None:
        return next((v for v in self.versions(country, rule_id, lang) if v.version == version), None)

    def all_latest(self, country: str, lang: str | None = None) -> list[StoredDraft]:
        """The newest version of every saved draft of a country (and language)."""
        sql = (
            "SELECT d.version, d.created_at, d.author, d.note, d.data FROM lawgap_draft_versions d "
            "JOIN (SELECT country, rule_id, lang, MAX(version) v FROM lawgap_draft_versions GROUP BY 1, 2, 3) m "
            "ON d.country=m.country AND d.rule_id=m.rule_id AND d.lang=m.lang AND d.version=m.v "
            "WHERE d.country=?" + (" AND d.lang=?" if lang else "") + " ORDER BY d.rule_id, d.lang"
        )
        return self._rows(sql, (country, lang) if lang else (country,))
