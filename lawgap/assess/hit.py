"""A hit: one place where a cue of a rule element matched, with what limits it.

Reads: nothing. Writes: the frozen `Hit` the matcher (lawgap.assess.match) makes and every later stage reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from lawgap.assess.findings import Limitation


@dataclass(frozen=True)
class Hit:
    """One place where a cue of a rule element matched.

    `field` says whether the words are in the provision's heading or its text; `span` indexes
    that field. `limited_by` lists limiting cues found in the same sentence.
    """

    law: str
    eid: str
    article: str
    rule: str
    element: str
    cue: str
    field: str
    span: tuple[int, int]
    words: str
    sentence: tuple[int, int]
    limited_by: tuple[str, ...] = ()
    fuzzy: bool = False  # read through OCR noise: some matched words were misspelt in the source
    aggravating: bool = False  # a standalone element found in an aggravated part of another offence
    limitations: tuple[Limitation, ...] = ()  # what limits it, each of its kind (`limited_by` are their words)
