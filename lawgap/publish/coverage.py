"""The coverage of a country as the public JSON contract (issue 3), CSV rows and a console table.

Reads: a CountryScore. Writes: the public JSON, CSV and the console table.

Issue 11 added, per rule: `level` (the obligation the rule carries for this country: one of vocab.LEVELS, where
"good_practice" means no instrument the country is party to makes it an obligation) and `binding` (the sources
that bind it), `broader` (the finding rests on an offence that requires no means at all), `absent` (the kinds of
law where the rule lives that were not supplied in full: with all of them absent and nothing found, the status
is "not_assessed") and `limitations` (kind and words); per evidence item and element, `read_with` (the provisions,
as "law id:eid", it is read together with). `status` may be "not_assessed".
"""

from __future__ import annotations

from lawgap.assess.findings import CountryScore, Evidence
from lawgap.publish.tabular import csv_text
from lawgap.refs.labels import provision_label


def _evidence(ev: Evidence) -> dict:
    return {
        "law": ev.law,
        "eid": ev.eid,
        "num": ev.num,
        "score": ev.score,
        "excerpt": ev.excerpt,
        "language": ev.language,
        "elements": list(ev.elements),
        "words": list(ev.words),
        "limited_by": list(ev.limited_by),
        "read_through_ocr_noise": ev.fuzzy,
        "cited_by": ev.via,
        "read_with": list(ev.read_with),
    }


def to_json(cs: CountryScore) -> dict:
    return {
        "country": cs.country,
        "laws": [
            {
                "id": x.id,
                "title": x.title,
                "file": x.file,
                "language": x.language,
                "provisions": x.provisions,
                "kind": x.kind,
            }
            for x in cs.laws
        ],
        "rules": [
            {
                "id": f.rule.id,
                "title": f.rule.title_en,
                "title_ru": f.rule.title_ru,
                "category": f.rule.category,
                "obligation": f.rule.obligation,
                "targets": list(f.rule.targets),
                "sources": list(f.rule.sources),
                "status": f.status,
                "score": f.score,
                "elements": [
                    {
                        "id": e.id,
                        "label": e.label,
                        "mandatory": e.mandatory,
                        "found": e.found,
                        "limited_by": list(e.limited_by),
                        "aggravating_only": e.aggravating_only,
                        "through_reference_from": e.via,
                        "read_with": list(e.read_with),
                        "evidence": [_evidence(ev) for ev in e.evidence],
                    }
                    for e in f.elements
                ],
                "evidence": [_evidence(ev) for ev in f.evidence],
                "explanation": f.explanation,
                "level": f.obligation,
                "binding": list(f.binding),
                "broader": f.broader,
                "absent": list(f.absent),
                "limitations": [
                    {"kind": x.kind, "words": x.words, "law": x.law, "eid": x.eid} for x in f.limitations
                ],
            }
            for f in cs.findings
        ],
        "summary": {"by_category": cs.by_category, "overall": cs.overall},
    }


CSV_COLUMNS = ("country", "rule", "category", "obligation", "sources", "status", "score", "evidence", "explanation")


def to_csv(cs: CountryScore) -> str:
    rows: list[tuple] = [CSV_COLUMNS]
    for f in cs.findings:
        where = "; ".join(f"{ev.law} {provision_label(ev.eid)}" for ev in f.evidence[:3])
        rows.append(
            (
                cs.country,
                f.rule.id,
                f.rule.category,
                f.rule.obligation,
                "; ".join(f.rule.sources),
                f.status,
                f.score,
                where,
                f.explanation,
            )
        )
    return csv_text(rows)


def to_table(cs: CountryScore) -> str:
    rows = [("rule", "status", "score", "sources", "evidence")]
    for f in cs.findings:
        ev = f.evidence[0] if f.evidence else None
        where = f"{ev.law} {provision_label(ev.eid)}" if ev else "-"
        rows.append((f.rule.id, f.status, f"{f.score:.2f}", ", ".join(f.rule.sources), where))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.append("")
    lines.append(
        f"{cs.country}: overall {cs.overall:.2f}; " + ", ".join(f"{k} {v:.2f}" for k, v in cs.by_category.items())
    )
    return "\n".join(lines) + "\n"
