"""Errors a user can act on: each names the file and the problem in one line.

Reads: nothing. Writes: the error types the CLI and the app report in one line.
"""

from __future__ import annotations

from pathlib import Path


class LawgapError(Exception):
    """Base class for errors that the CLI and the app report without a traceback."""


class InputError(LawgapError):
    """A file that cannot be read as a law: names the file and what is wrong with it."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class SettingsError(LawgapError):
    """An environment variable with a value lawgap cannot use: names the variable, never a law file."""
