"""What an article does, read from its heading: whether it frames the law rather than grants or punishes anything.

Reads: an article's heading as printed. Writes: its framing role, or "" for an article that may itself state
what a rule asks. A lawyer does not cite "Основные понятия", "Финансирование", "Цели настоящего Закона" or
"Государственный контроль" as the law that gives a victim shelter: the definitions article says what a word
means, the others say who pays, why, or who checks, and the right itself is granted in another article. Such
an article is evidence only when the law says the thing nowhere else (lawgap.assess.score ranks it last).
Competence articles are not framing: in the region's laws "местные исполнительные органы ... обеспечивают
предоставление временного жилья" is often the very grant.
"""

from __future__ import annotations

import re
from functools import lru_cache

DEFINITIONS = "definitions"
FRAMING_ROLES = {
    DEFINITIONS: re.compile(r"(?i)понят|термин|определени|түшүнүк|concept|definition|interpretation|meaning"),
    "financing": re.compile(r"(?i)финансирован|каржылоо|financing|funding"),
    "control": re.compile(
        r"(?i)^\W*((государственный|общественный|ведомственный)\s+)?(контроль|надзор|мониторинг)"
        r"|көзөмөл|^\W*(supervision|monitoring|oversight)\b"
    ),
    "purpose": re.compile(r"(?i)^\W*(цели|цель|задачи)\b|максат|^\W*(purpose|purposes|objectives?|aims?)\b"),
    "legislation": re.compile(r"(?i)^\W*законодательств|мыйзамдары\W*$|^\W*legislation\b"),
}


@lru_cache(maxsize=8192)
def framing_role(heading: str | None) -> str:
    """The framing role an article's heading names, or "" when it names none (asked for every article a rule
    finds anything in, so kept per heading)."""
    for role, pattern in FRAMING_ROLES.items():
        if heading and pattern.search(heading):
            return role
    return ""
