"""Drafts saved and versioned in SQLite, in the review store's database file but in their own table.

The file is the one the review store uses (env LAWGAP_REVIEW_DB, default
national_laws/.lawgap-review.sqlite), so one file holds a working group's decisions and drafts.
Journal mode WAL lets the app read while another session writes; every save is one IMMEDIATE
transaction that reads the last version and inserts the next, so two writers never get the same
version number and a failed save leaves nothing behind. Versions are never overwritten.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lawgap.drafting.draft import Draft
from lawgap.errors import LawgapError
from lawgap.store import connect, default_path, initialise, transaction

SCHEMA = """
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
            initialise(self.path, SCHEMA)
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
