"""The adviser's review: evidence confirmed or rejected, statuses overridden, kept in SQLite and re-applied to scores.

Decisions on evidence are keyed by the law's sha256, the provision's eid and the rule, so they
survive restarts and a re-parse of an unchanged law, and fall away by themselves when the law's
file changes. A status override is keyed by country and rule. Every change is one IMMEDIATE
transaction that writes the decision and its audit row together, in WAL mode with synchronous
FULL: two sessions never lose each other's decisions, and a process killed mid-write leaves the
last committed state, never half of one. `apply_decisions` is pure: scores in, reviewed scores out.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from lawgap.assess.findings import CountryScore, Evidence, Finding, judge, summarise
from lawgap.errors import LawgapError
from lawgap.store import connect, default_path, initialise, transaction
from lawgap.vocab import DECIDABLE_STATUSES as STATUSES

VERDICTS = ("confirmed", "rejected")
# The score an overridden status carries when the computed one does not fit it.
OVERRIDE_SCORE = {"met": 1.0, "partial": 0.5, "gap": 0.0}

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
"""


class ReviewError(LawgapError):
    """A decision that cannot be recorded (bad value, missing reason) or a store that cannot be opened."""


@dataclass(frozen=True)
class EvidenceDecision:
    law_sha256: str
    eid: str
    rule: str
    country: str
    verdict: str
    who: str
    at: str
    reason: str = ""


@dataclass(frozen=True)
class StatusOverride:
    country: str
    rule: str
    status: str
    who: str
    at: str
    reason: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    who: str
    action: str
    country: str
    rule: str
    law_sha256: str
    eid: str
    value: str
    reason: str


@dataclass(frozen=True)
class Decisions:
    """All decisions for one country (or all): evidence by (sha256, eid, rule), overrides by rule."""

    evidence: Mapping[tuple[str, str, str], EvidenceDecision] = field(default_factory=dict)
    overrides: Mapping[str, StatusOverride] = field(default_factory=dict)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class ReviewStore:
    """One SQLite file; each call opens its own connection, so threads and sessions may share a store."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            initialise(self.path, SCHEMA)
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
        if status is not None and status not in STATUSES:
            raise ReviewError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
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


@dataclass(frozen=True)
class Reviewed:
    """A country's scores with the review applied, and what the review changed."""

    score: CountryScore
    original: CountryScore
    verdicts: Mapping[tuple[str, str, str], str]  # (rule, law id, eid) -> confirmed | rejected
    overrides: Mapping[str, StatusOverride]
    changed: frozenset[str]  # rules whose status or score the review changed

    def verdict(self, rule: str, ev: Evidence) -> str | None:
        return self.verdicts.get((rule, ev.law, ev.eid))


def apply_decisions(cs: CountryScore, decisions: Decisions, sha_of: Mapping[str, str]) -> Reviewed:
    """Re-apply the review to a country's score: rejected evidence drops out and the finding is
    re-judged on what is left (as lawgap.assess.score does: every mandatory element in the main article is
    met, more than half is partial, less is a gap); an override sets the status outright."""
    verdicts: dict[tuple[str, str, str], str] = {}
    for f in cs.findings:
        for ev in f.evidence:
            d = decisions.evidence.get((sha_of.get(ev.law, ""), ev.eid, f.rule.id))
            if d is not None:
                verdicts[(f.rule.id, ev.law, ev.eid)] = d.verdict
    findings = []
    changed = set()
    for f in cs.findings:
        g = _reapply(f, verdicts, decisions.overrides.get(f.rule.id))
        if g is not f:
            changed.add(f.rule.id)
        findings.append(g)
    if not changed:
        return Reviewed(cs, cs, verdicts, decisions.overrides, frozenset())
    cats, overall = summarise(findings)
    new = replace(cs, findings=tuple(findings), by_category=cats, overall=overall)
    return Reviewed(new, cs, verdicts, decisions.overrides, frozenset(changed))


def _reapply(f: Finding, verdicts: Mapping[tuple[str, str, str], str], override: StatusOverride | None) -> Finding:
    rejected = [ev for ev in f.evidence if verdicts.get((f.rule.id, ev.law, ev.eid)) == "rejected"]
    if rejected:
        f = _without(f, rejected)
    if override is not None:
        score = f.score if override.status == "partial" and 0 < f.score < 1 else OVERRIDE_SCORE[override.status]
        if override.status == "met":
            score = max(f.score, 1.0)
        note = f"Status set to {override.status} by {override.who} ({override.at[:10]}): {override.reason}."
        f = replace(f, status=override.status, score=round(score, 3), explanation=f"{note} {f.explanation}")
    return f


def _without(f: Finding, rejected: Sequence[Evidence]) -> Finding:
    """The finding judged again without the rejected evidence, on its best remaining article."""
    gone = {(ev.law, ev.eid) for ev in rejected}
    kept = tuple(ev for ev in f.evidence if (ev.law, ev.eid) not in gone)
    main = kept[0].article if kept else None
    found: set[str] = set()
    for ev in kept:
        if ev.article == main or ev.via == main:
            found.update(ev.elements)
    elements = tuple(
        replace(
            e,
            found=e.id in found,
            evidence=tuple(ev for ev in e.evidence if (ev.law, ev.eid) not in gone),
            limited_by=e.limited_by if e.id in found else (),
            aggravating_only=e.aggravating_only and e.id in found,
        )
        for e in f.elements
    )
    status, score = judge(f.rule, elements)
    why = f"{len(rejected)} evidence item(s) rejected by the reviewer; judged again on what remains."
    return replace(
        f, status=status, score=round(score, 3), elements=elements, evidence=kept, explanation=f"{why} {f.explanation}"
    )
