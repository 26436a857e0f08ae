"""Shared fixtures: the real corpus, read in place, and parsed laws cached per session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lawgap.model import Law
from lawgap.settings import corpus_dir


def corpus_file(relpath: str) -> Path:
    """A corpus file, or skip the test with the reason when the corpus is not on this machine."""
    path = corpus_dir() / relpath
    if not path.exists():
        pytest.skip(f"corpus file {relpath} not found under {corpus_dir()} (set LAWGAP_CORPUS)")
    return path


@cache
def _load(relpath: str) -> Law:
    from lawgap.parsers import load_law

    return load_law(corpus_dir() / relpath)


def corpus_law(relpath: str) -> Law:
    """A parsed corpus law, parsed once per test session."""
    corpus_file(relpath)
    return _load(relpath)


FIXTURE_LAWS = Path(__file__).parent / "fixtures" / "laws"


@cache
def blind_findings(round_dir: str, country: str, files: tuple[str, ...]) -> dict:
    """The findings on the invented laws of one blind round (tests/fixtures/laws/<round_dir>), by rule id, scored
    once per test session."""
    from lawgap.assess.score import score_country
    from lawgap.parsers import load_law
    from lawgap.rules import load_rules

    laws = [load_law(FIXTURE_LAWS / round_dir / f, country=country) for f in files]
    return {f.rule.id: f for f in score_country(country, laws, load_rules()).findings}


@pytest.fixture
def corpus():
    return corpus_dir()
