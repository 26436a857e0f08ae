"""Review decisions as a JSON file, to move them between review databases (`lawgap review export/import`).

Reads: a ReviewStore, or an export file. Writes: the export's JSON, or its decisions into a ReviewStore.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from lawgap.errors import InputError
from lawgap.review import VERDICTS, ReviewError
from lawgap.store import SCHEMA_VERSION, ReviewStore, checked_name, checked_reason, now
from lawgap.vocab import DECIDABLE_STATUSES

EXPORT_FORMAT = "lawgap-review"
_EVIDENCE_FIELDS = ("law_sha256", "eid", "rule", "country", "verdict", "who", "at", "reason")
_STATUS_FIELDS = ("country", "rule", "status", "who", "at", "reason")


def export_json(store: ReviewStore, country: str | None = None) -> str:
    """Every decision (of one country, or all) as JSON, with who took it, when and why."""
    d = store.decisions(country)
    doc = {
        "format": EXPORT_FORMAT,
        "version": SCHEMA_VERSION,
        "exported_at": now(),
        "country": country,
        "evidence": [{k: getattr(e, k) for k in _EVIDENCE_FIELDS} for e in d.evidence.values()],
        "status": [{k: getattr(o, k) for k in _STATUS_FIELDS} for o in d.overrides.values()],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _rows(source: str, doc: object, key: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    rows = doc.get(key, []) if isinstance(doc, dict) else None
    if not isinstance(rows, list):
        raise InputError(source, f"not a lawgap review export: '{key}' is not a list")
    for i, row in enumerate(rows, 1):
        if not isinstance(row, dict) or any(not isinstance(row.get(k), str) for k in fields):
            raise InputError(source, f"{key} decision {i}: needs the text fields {', '.join(fields)}")
    return [{k: row[k] for k in fields} for row in rows]


def import_json(store: ReviewStore, text: str, source: str) -> tuple[int, int]:
    """Record the decisions of an export; where both hold a decision, the later one stays. Every row is
    checked before any is written, and all are written in one transaction with an audit entry each.
    Returns (recorded, kept because the database's own decision was as recent or later)."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise InputError(source, f"not JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise InputError(source, f'not a lawgap review export (no "format": "{EXPORT_FORMAT}")')
    evidence = _rows(source, doc, "evidence", _EVIDENCE_FIELDS)
    status = _rows(source, doc, "status", _STATUS_FIELDS)
    for i, row in enumerate(evidence, 1):
        if row["verdict"] not in VERDICTS:
            raise InputError(source, f"evidence decision {i}: unknown verdict {row['verdict']!r}")
    for i, row in enumerate(status, 1):
        if row["status"] not in DECIDABLE_STATUSES or not row["reason"].strip():
            raise InputError(source, f"status decision {i}: needs a status of {DECIDABLE_STATUSES} and a reason")
    for row in evidence + status:
        try:
            row["who"], row["reason"] = checked_name(row["who"]), checked_reason(row["reason"])
        except ReviewError as exc:
            raise InputError(source, str(exc)) from None
    recorded = kept = 0
    with store.write() as con:
        for row in evidence:
            old = con.execute(
                "SELECT at FROM lawgap_review_evidence WHERE law_sha256=? AND eid=? AND rule=?",
                (row["law_sha256"], row["eid"], row["rule"]),
            ).fetchone()
            if old and old[0] >= row["at"]:
                kept += 1
                continue
            con.execute(
                "INSERT OR REPLACE INTO lawgap_review_evidence VALUES (?,?,?,?,?,?,?,?)",
                tuple(row[k] for k in _EVIDENCE_FIELDS),
            )
            _audit(con, row, "evidence", row["verdict"], source)
            recorded += 1
        for row in status:
            old = con.execute(
                "SELECT at FROM lawgap_review_status WHERE country=? AND rule=?", (row["country"], row["rule"])
            ).fetchone()
            if old and old[0] >= row["at"]:
                kept += 1
                continue
            con.execute(
                "INSERT OR REPLACE INTO lawgap_review_status VALUES (?,?,?,?,?,?)",
                tuple(row[k] for k in _STATUS_FIELDS),
            )
            _audit(con, row, "status", row["status"], source)
            recorded += 1
    return recorded, kept


def _audit(con: sqlite3.Connection, row: dict[str, str], action: str, value: str, source: str) -> None:
    con.execute(
        "INSERT INTO lawgap_review_audit (at, who, action, country, rule, law_sha256, eid, value, reason) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        (
            row["at"],
            row["who"],
            action,
            row["country"],
            row["rule"],
            row.get("law_sha256", ""),
            row.get("eid", ""),
            value,
            f"imported from {Path(source).name}" + (f": {row['reason']}" if row["reason"] else ""),
        ),
    )
