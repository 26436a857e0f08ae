"""Human labels for provision ids: `art_166__para_4` reads "art. 166(4)", `sec_3` "s. 3".

Reads: an eid. Writes: the label a lawyer reads.
"""

from __future__ import annotations

_NAMES = {
    "en": {"art": "art.", "sec": "s.", "chp": "chapter", "part": "part", "annex": "annex", "sched": "schedule"},
    "ru": {
        "art": "ст.",
        "sec": "s.",
        "chp": "глава",
        "part": "часть",
        "annex": "приложение",
        "sched": "приложение",
    },
}


def provision_label(eid: str, language: str = "en") -> str:
    """A short citation a lawyer reads: the article-level unit, then its parts in brackets."""
    names = _NAMES["ru" if language in ("ru", "ky") else "en"]
    head, *rest = eid.split("__")
    alias, _, num = head.partition("_")
    label = f"{names.get(alias, alias)} {num}".strip() if num and not num.startswith("nn") else head
    subs = [part.partition("_")[2] for part in rest if not part.partition("_")[2].startswith("nn")]
    notes = [part for part in rest if part.startswith("note")]
    label += "".join(f"({s})" for s in subs if s and not s.startswith("nn"))
    if notes:
        label += ", note" if language not in ("ru", "ky") else ", примечание"
    return label
