"""The obligation level a requirement carries FOR ONE COUNTRY: only instruments it is party to bind it.

Reads: model_law/parties/parties.toml (which instrument binds which country, with sources) and the
instruments' levels (lawgap.rules.instruments). Writes: `Binding`s. A finding that already carries
its country's level (`Finding.level`, set by the assessment) keeps it; otherwise the level is the
strongest level among the rule's sources whose instrument the country is party to, and good
practice when none is (the Council of Europe Convention for the Central Asian republics; the
Model Law, which binds nobody). "unconfirmed" party status never makes an obligation.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from lawgap.assess.findings import Finding
from lawgap.settings import model_law_dir
from lawgap.vocab import GOOD_PRACTICE, OBLIGATIONS


@dataclass(frozen=True)
class Party:
    country: str
    instrument: str
    status: str
    act: str
    sources: tuple[str, ...]


@lru_cache(maxsize=2)
def parties() -> dict[tuple[str, str], Party]:
    """(country, instrument code) -> its party status, as parties.toml records it."""
    with open(model_law_dir() / "parties" / "parties.toml", "rb") as fh:
        raw = tomllib.load(fh)
    return {
        (p["country"], p["instrument"]): Party(
            p["country"], p["instrument"], p["status"], p.get("act", ""), tuple(p.get("sources", ()))
        )
        for p in raw.get("party", [])
    }


def is_party(country: str, instrument: str) -> bool:
    p = parties().get((country, instrument))
    return p is not None and p.status == "party"


@dataclass(frozen=True)
class Binding:
    """The level for the country and the sources that carry it (empty: good practice only)."""

    level: str
    binding: tuple[str, ...]


def binding(finding: Finding, country: str) -> Binding:
    """The finding's level for `country`: its own when the assessment set one, else from the parties."""
    from lawgap.rules.instruments import find

    if finding.level:
        return Binding(finding.level, finding.binding)
    found: list[tuple[int, str]] = []
    for cite in finding.rule.sources:
        hit = find(cite)
        if hit is None or hit.obligation is None or not is_party(country, hit.obligation.code):
            continue
        level = hit.obligation.obligation
        found.append((OBLIGATIONS.index(level) if level in OBLIGATIONS else len(OBLIGATIONS), cite))
    if not found:
        return Binding(GOOD_PRACTICE, ())
    best = min(rank for rank, _ in found)
    return Binding(OBLIGATIONS[best], tuple(c for rank, c in found if rank == best))
