"""The one SQLite file that keeps a working group's review decisions, its audit log and draft versions.

Reads and writes: the review database (settings.review_db_path()). Decisions come back as the
frozen types of lawgap.review, drafts as those of lawgap.drafting.

`LAWGAP_REVIEW_DB`, else national_laws/.lawgap-review.sqlite beside the user's laws. WAL lets
the app read while another session writes; synchronous=FULL makes a committed decision or draft
survive a crash; every write is one IMMEDIATE transaction, so concurrent writers queue instead
of overwriting each other.

The file is checked before it is used (`problem`: the SQLite header, PRAGMA quick_check, the
schema version and the shape of lawgap's tables): an empty, damaged or foreign file is never
initialised over, so no decision is lost to it; a copy is written beside the file before any
change of schema. lawgap.publish.review_json moves decisions between databases.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lawgap.drafting.draft import Draft
from lawgap.publish.tabular import csv_text
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
SCHEMA_VERSION = 1  # PRAGMA user_version; 0 is the unversioned file of lawgap before issue 14
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_NAME = 120  # characters of a reviewer's name
MAX_REASON = 4000  # characters of a reason


def default_path() -> Path:
    return review_db_path()


def problem(path: str | Path | None = None) -> str | None:
    """What is wrong with the review database, in words for its owner; None when it can be used (or does not
    exist yet). Reads only: the app shows this on a page of its own; the CLI exits 2 with it."""
    path = Path(path) if path is not None else default_path()
    if not path.exists():
        return None
    fix = "it was left as it is; restore it from a copy (a .bak file beside it) or move it away to start anew"
    if not path.is_file():
        return f"{path}: not a file, so not a review database ({fix})"
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror or exc})"
    if not head:
        return f"{path}: the review database is empty (0 bytes): its decisions are lost or were never saved; {fix}"
    if head != SQLITE_HEADER:
        return f"{path}: not an SQLite database (its first bytes are not the SQLite header); {fix}"
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
        try:
            check = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            columns = _columns(con)
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"{path}: the review database is damaged ({exc}); {fix}"
    if check != ["ok"]:
        return f"{path}: the review database is damaged (quick_check: {'; '.join(check[:3])}); {fix}"
    if version > SCHEMA_VERSION:
        return f"{path}: written by a newer lawgap (schema {version}; this one reads {SCHEMA_VERSION}): update lawgap"
    return _schema_problem(path, columns, fix)


def _columns(con: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: tuple(r[1] for r in con.execute(f"PRAGMA table_info('{t}')")) for t in tables if "'" not in t}


def _expected() -> dict[str, tuple[str, ...]]:
    con = sqlite3.connect(":memory:")
    try:
        con.executescript(SCHEMA)
        return {t: c for t, c in _columns(con).items() if t.startswith("lawgap_")}
    finally:
        con.close()


def _schema_problem(path: Path, columns: dict[str, tuple[str, ...]], fix: str) -> str | None:
    """Tables of other programs may share the file (lawgap's are prefixed); lawgap's own must have its columns."""
    expected = _expected()
    for table, cols in ((t, c) for t, c in columns.items() if t in expected):
        if cols != expected[table]:
            return f"{path}: table {table} has columns ({', '.join(cols)}), not lawgap's; {fix}"
    return None


class StoreError(ReviewError):
    """The review database cannot be opened, read or written: names the file and what to do."""


def initialise(path: Path) -> None:
    """Check the file, then create it or bring its schema up to date, copying it aside first."""
    if not path.exists():
        _create(path)
    trouble = problem(path)
    if trouble:
        raise StoreError(trouble)
    with connect(path) as con:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION and set(_expected()) <= set(_columns(con)):
            return
        backup(path, con, f"v{version}")
        _migrate(con)


def _migrate(con: sqlite3.Connection) -> None:
    con.execute("PRAGMA journal_mode=WAL")
    con.executescript(f"BEGIN IMMEDIATE; {SCHEMA} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")


def _create(path: Path) -> None:
    """A new database, built aside and linked into place: another process never sees it half made (an empty
    file is an error here), and of two creating it at once, one wins and the other opens it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            _migrate(con)
        finally:
            con.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: a rename, which a creator racing us may lose
            if not path.exists():
                os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def backup(path: Path, con: sqlite3.Connection, label: str) -> Path:
    """A consistent copy of the database beside it (SQLite's backup API, WAL included): `NAME.LABEL-TIME.bak`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    copy = sqlite3.connect(target)
    try:
        con.backup(copy)
    finally:
        copy.close()
    return target


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


@contextmanager
def _reported(path: Path, opener) -> Iterator[sqlite3.Connection]:
    """A connection whose SQLite errors (a file damaged or replaced while in use) become one clear StoreError."""
    try:
        with opener(path) as con:
            yield con
    except sqlite3.Error as exc:
        raise StoreError(problem(path) or f"{path}: the review database cannot be used ({exc})") from None


# -- review decisions and their audit log ---------------------------------------------------------

SCHEMA = """
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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ReviewStore:
    """One SQLite file; each call opens its own connection, so threads and sessions may share a store."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            initialise(self.path)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the review database ({exc})") from None

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return _reported(self.path, connect)

    def write(self) -> AbstractContextManager[sqlite3.Connection]:
        return _reported(self.path, transaction)

    def decide_evidence(
        self, country: str, rule: str, law_sha256: str, eid: str, verdict: str | None, who: str, reason: str = ""
    ) -> None:
        """Confirm or reject one evidence item; `verdict=None` withdraws an earlier decision."""
        if verdict is not None and verdict not in VERDICTS:
            raise ReviewError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")
        who, reason = checked_name(who), checked_reason(reason)
        at = now()
        with self.write() as con:
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
        who, reason = checked_name(who), checked_reason(reason)
        at = now()
        with self.write() as con:
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
        """The audit log as CSV (who, when, what, why), for the working group's file; names and reasons as
        entered, neutralised against formula injection (lawgap.publish.tabular)."""
        rows = [["id", "at", "who", "action", "country", "rule", "law_sha256", "eid", "value", "reason"]]
        for e in self.audit(country):
            rows.append([e.id, e.at, e.who, e.action, e.country, e.rule, e.law_sha256, e.eid, e.value, e.reason])
        return csv_text(rows)

    def integrity(self) -> str:
        with self._connect() as con:
            return con.execute("PRAGMA integrity_check").fetchone()[0]


def checked_name(who: str) -> str:
    who = (who or "").strip()
    if not who:
        raise ReviewError("say who decides: the audit log records a name with every decision")
    if len(who) > MAX_NAME:
        raise ReviewError(f"a reviewer's name is at most {MAX_NAME} characters (this one has {len(who)})")
    return who


def checked_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise ReviewError(f"a reason is at most {MAX_REASON} characters (this one has {len(reason)}): shorten it")
    return reason


# -- draft versions -------------------------------------------------------------------------------


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
            initialise(self.path)
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
