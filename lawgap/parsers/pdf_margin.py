"""Marginal notes: the headings a Commonwealth gazette prints in a column beside each section.

Reads: the characters of one PDF page (pdfplumber dicts). Writes: which characters belong to marginal
notes, and those notes' lines grouped note by note; lawgap.parsers.pdf keeps them out of the text and
hands each note to the grammar as a block of its own, just before the section it stands beside.

A marginal note is small type in the outer margin, level with the first line of its section ("Short
title, extent and commencement." beside "1. (1) This Act may be called ..."). Footnotes, mastheads and
running heads are small too, but no body-size text stands beside them on the same rows; a note's lines
below the last row of its section continue the column of its lines above.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

GAP = 8.0  # the least white space between a note's column and the text, in points


def char_key(c: dict) -> tuple[float, float]:
    return round(c["x0"], 2), round(c["top"], 2)


def _runs(small: list[dict]) -> list[list[dict]]:
    """Small characters in runs along their rows; a gap wider than a few spaces ends a run."""
    rows: dict[int, list[dict]] = {}
    for c in sorted(small, key=lambda c: (round(c["top"]), c["x0"])):
        rows.setdefault(round(c["top"]), []).append(c)
    runs: list[list[dict]] = []
    for row in rows.values():
        start = len(runs)
        for c in row:
            if len(runs) > start and c["x0"] - runs[-1][-1]["x1"] < 3 * c["size"]:
                runs[-1].append(c)
            else:
                runs.append([c])
    return runs


def marginal_chars(chars: Sequence[dict], small_size: float) -> set[tuple[float, float]]:
    """The keys (`char_key`) of the characters of marginal notes on a page; characters no larger than
    `small_size` are small type."""
    small = [c for c in chars if c["text"].strip() and c["size"] <= small_size]
    big = [c for c in chars if c["text"].strip() and c["size"] > small_size]
    if not small or not big:
        return set()
    beside, others = [], []
    for run in _runs(small):
        x0, x1 = run[0]["x0"], run[-1]["x1"]
        top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
        row = [c for c in big if c["top"] < bottom and c["bottom"] > top]
        one_side = row and (all(c["x0"] >= x1 + GAP for c in row) or all(c["x1"] <= x0 - GAP for c in row))
        (beside if one_side else others).append((x0, top, bottom, run))
    if not beside:
        return set()
    found = list(beside)
    for x0, top, bottom, run in sorted(others, key=lambda r: r[1]):
        if any(abs(x0 - fx0) < 3 and 0 < top - fbottom < 2 * (bottom - top) for fx0, _, fbottom, _ in found):
            found.append((x0, top, bottom, run))
    return {char_key(c) for *_, run in found for c in run}


class _Line(Protocol):
    x0: float
    top: float
    bottom: float


L = TypeVar("L", bound=_Line)


def notes_of(lines: Sequence[L]) -> list[list[L]]:
    """The margin's lines note by note: a line right under another, in the same column, continues it."""
    notes: list[list[L]] = []
    for ln in sorted(lines, key=lambda ln: ln.top):
        prev = notes[-1][-1] if notes else None
        if prev is not None and abs(ln.x0 - prev.x0) < 3 and ln.top - prev.bottom < 0.8 * (ln.bottom - ln.top):
            notes[-1].append(ln)
        else:
            notes.append([ln])
    return notes
