"""What binds whom: the obligation level a rule carries for one country.

Reads: model_law/parties/parties.toml (which country is party to UNTOC, TIP, SOM, COE, with sources) and the
levels of model_law/*.toml. Writes: a frozen `Level` per (rule, country).

A rule cites its sources in the instruments ("TIP 6(2)", "COE 24(b)", "ML 9"). A source binds a country
only when the country is party to its instrument; the Model Law is no treaty and binds nobody. The rule's
level for the country is the strongest level among the sources that bind it (each source's level is the
one model_law/ gives its paragraph); a rule with no binding source is good practice for that country, not
an obligation. "unconfirmed" in parties.toml means "check the UN Treaty Collection first": it never
counts as party, and the level says which sources it left out, so the explanation can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lawgap.errors import InputError
from lawgap.rules.citations import CODES
from lawgap.rules.instruments import load_instruments
from lawgap.rules.schema import Rule
from lawgap.rules.strict_toml import Strict, Text, one_of, read_toml, validate
from lawgap.settings import model_law_dir
from lawgap.vocab import GOOD_PRACTICE, OBLIGATIONS

PARTY, SIGNATORY, NOT_PARTY, UNCONFIRMED = "party", "signatory", "not_party", "unconfirmed"
PARTY_STATUSES = (PARTY, SIGNATORY, NOT_PARTY, UNCONFIRMED)
TREATIES = tuple(c for c in CODES if c != "ML")  # the Model Law binds nobody


class PartiesError(InputError):
    """parties.toml that cannot be trusted: names the entry and the field."""


@dataclass(frozen=True)
class Party:
    country: str
    instrument: str
    status: str
    date: str = ""
    act: str = ""


@dataclass(frozen=True)
class Level:
    """A rule's obligation for one country: `level` one of vocab.LEVELS, `binding` the sources that bind the
    country, `unconfirmed` the sources whose instrument the country may be party to but no source confirmed."""

    level: str
    binding: tuple[str, ...]
    unconfirmed: tuple[str, ...] = ()


class _Party(Strict):
    country: Text
    instrument: one_of(TREATIES)
    status: one_of(PARTY_STATUSES)
    how: str
    date: str
    act: str
    sources: list[str]
    notes: str = ""


def parties_path() -> Path:
    return model_law_dir() / "parties" / "parties.toml"


@lru_cache(maxsize=4)
def load_parties(path: Path | None = None) -> dict[tuple[str, str], Party]:
    """(country, instrument) -> Party, checked on load; a malformed entry stops loading with one error."""
    path = path or parties_path()
    data = read_toml(path, lambda problem: PartiesError(path, problem))
    out: dict[tuple[str, str], Party] = {}
    for i, table in enumerate(data.get("party", [])):

        def fail(problem, i=i):
            return PartiesError(path, f"party #{i + 1}: field {problem.field()!r}: {problem.message}")

        p = validate(_Party, table, fail)
        key = (p.country, p.instrument)
        if key in out:
            raise PartiesError(path, f"party #{i + 1}: {p.country} / {p.instrument} is listed twice")
        out[key] = Party(p.country, p.instrument, p.status, p.date, p.act)
    return out


@lru_cache(maxsize=512)
def _source_level(cite: str) -> str | None:
    """The level model_law/ gives a cited paragraph (for a whole article: the strongest of its entries)."""
    found = load_instruments().find(cite)
    if found is None:
        return None
    if found.obligation is not None:
        return found.obligation.obligation
    levels = [o.obligation for o in found.covered]
    return min(levels, key=OBLIGATIONS.index) if levels else None


def rule_level(rule: Rule, country: str) -> Level | None:
    """The rule's level for the country; None when parties.toml records nothing for that country (the rule's
    own level then stands, and nothing is claimed about what binds it)."""
    parties = load_parties()
    if not any(c == country for c, _ in parties):
        return None
    binding, unconfirmed, levels = [], [], []
    for cite in rule.sources:
        code = cite.split()[0]
        status = parties.get((country, code))
        if status is None or status.status != PARTY:
            if status is not None and status.status == UNCONFIRMED:
                unconfirmed.append(cite)
            continue
        binding.append(cite)
        levels.append(_source_level(cite) or rule.obligation)
    if not levels:
        return Level(GOOD_PRACTICE, (), tuple(unconfirmed))
    return Level(min(levels, key=OBLIGATIONS.index), tuple(binding), tuple(unconfirmed))
