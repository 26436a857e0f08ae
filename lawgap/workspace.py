"""A country's laws -> its score -> the reviewer's decisions applied -> drafts: the one path the CLI, the app
and the report all take, so every page, export and document shows the same status for a rule.

Reads: law files (lawgap.parsers), the rule set (lawgap.rules), the review database (lawgap.store).

Writes: a frozen `Workspace`. Nothing here caches: the app keeps workspaces in its own cache and
re-applies the decisions on every run, which costs milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lawgap.assess.findings import CountryScore, law_id
from lawgap.assess.score import score_country
from lawgap.errors import InputError
from lawgap.model import Law
from lawgap.review import Decisions, Reviewed, apply_decisions
from lawgap.rules import RuleSet, load_rules
from lawgap.vocab import MET


@dataclass(frozen=True)
class LoadFailure:
    """A file that could not be read as a law: one row of a scan, never the end of it."""

    path: str
    problem: str


def read_laws(
    files: Iterable[str | Path], country: str | None = None
) -> tuple[tuple[Law, ...], tuple[LoadFailure, ...]]:
    """Every file parsed; a file that cannot be read is a failure row and the others go on."""
    from lawgap.parsers import load_law

    laws: list[Law] = []
    failures: list[LoadFailure] = []
    for path in files:
        try:
            laws.append(load_law(path, country=country))
        except InputError as exc:
            failures.append(LoadFailure(str(path), exc.problem if exc.path else str(exc)))
    return tuple(laws), tuple(failures)


def sha_of(laws: Sequence[Law]) -> dict[str, str]:
    """Each law's id (as scores name it) -> the sha256 of its file, which review decisions are keyed by."""
    return {law_id(law): law.sha256 for law in laws}


@dataclass(frozen=True)
class Workspace:
    """One country: its laws, the computed score and the score with the review applied."""

    country: str
    laws: tuple[Law, ...]
    review: Reviewed

    @property
    def computed(self) -> CountryScore:
        return self.review.original

    @property
    def score(self) -> CountryScore:
        """The reviewed score: what every page, export and document shows."""
        return self.review.score

    @property
    def confirmed(self) -> tuple[str, ...]:
        """Rules a reviewer set to met."""
        return tuple(rule for rule, o in self.review.overrides.items() if o.status == MET)

    def drafts(self, langs: Sequence[str]) -> list:
        """Drafts for every finding the reviewed score leaves short of met, in each language."""
        from lawgap.drafting.draft import drafts_for_country

        return drafts_for_country(self.country, self.laws, langs, score=self.score)


def assess(
    country: str,
    laws: Sequence[Law],
    decisions: Decisions | None = None,
    rules: RuleSet | None = None,
    score: CountryScore | None = None,
) -> Workspace:
    """Score the country's laws (unless `score` is given) and apply the decisions (none: the computed score)."""
    laws = tuple(laws)
    if score is None:
        score = score_country(country, laws, rules if rules is not None else load_rules())
    return Workspace(country, laws, apply_decisions(score, decisions or Decisions(), sha_of(laws)))


def stored_decisions(country: str, store_path: str | Path | None = None) -> Decisions:
    """The decisions recorded for a country in the review database (lawgap.store)."""
    from lawgap.store import ReviewStore

    return ReviewStore(store_path).decisions(country)
