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


@pytest.fixture
def corpus():
    return corpus_dir()
