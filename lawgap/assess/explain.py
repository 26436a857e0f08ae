"""Why a finding has its status, in words a lawyer reads: the provision, what it provides, what is missing
or limited, and what was not supplied.

Reads: a rule's elements and evidence (lawgap.assess.findings). Writes: the explanation string.
"""

from __future__ import annotations

from lawgap.refs.labels import provision_label
from lawgap.vocab import MET, PARTIAL


def explain(rule, status, elements, evidence, laws) -> str:
    where = ""
    if evidence:
        ev = evidence[0]
        where = f"{ev.law}, {provision_label(ev.eid)}"
    found = [
        f"{e.label} (through {provision_label(e.via)}, which it cites)" if e.via else e.label
        for e in elements
        if e.found
    ]
    missing = [e.label for e in elements if not e.found and e.mandatory]
    limited = sorted({w for e in elements for w in e.limited_by})
    supplied = {law.kind for law in laws}
    absent = [k for k in rule.law_kinds if k not in supplied]
    parts = []
    if status == MET:
        parts.append(f"Met: {where} provides every required element ({'; '.join(found)}).")
    elif status == PARTIAL:
        parts.append(f"Partial: {where} provides {'; '.join(found)}.")
        if missing:
            parts.append(f"Missing: {'; '.join(missing)}.")
        if limited:
            parts.append(f"Limited by: {', '.join(limited)}.")
        aggravating = [e.label for e in elements if e.aggravating_only]
        if aggravating:
            parts.append(f"Found only as an aggravating circumstance of another offence: {'; '.join(aggravating)}.")
    elif found:
        parts.append(
            f"Gap: {where} names only {'; '.join(found)}; the obligation itself is missing ({'; '.join(missing)})."
        )
    else:
        parts.append("Gap: none of the elements was found in the laws supplied.")
    if any(ev.fuzzy for ev in evidence[:1]):
        parts.append("Some words were read through OCR noise in the source: check the page image.")
    if status != MET and absent:
        parts.append(f"Not supplied, where this is usually found: {', '.join(absent)}.")
    return " ".join(parts)


