"""Human labels for provision ids: `art_166__para_4` reads "art. 166(4)", `sec_3` "s. 3".

Reads: an eid. Writes: the label a lawyer reads.
"""

from __future__ import annotations

from lawgap.vocab import CODES, COUNTRY_NAMES, KIND_NAMES

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


# The words of a civil-law citation, innermost first ("п. 2 ч. 1 ст. 77"). In a code a numbered part is a
# "часть"; in a Kazakh-style law the same level is a "пункт" and an item a "подпункт" (DRAFTING.md).
_RU_LEVELS = {"para": "ч.", "point": "п.", "subpoint": "пп."}
_RU_LAW_LEVELS = {"para": "п.", "point": "пп.", "subpoint": "пп."}


def law_abbreviation(kind: str | None, country: str | None, lang: str) -> str:
    """"УПК КР" / "CPC" for a code; "" for a law, which a citation names by its title instead."""
    names = KIND_NAMES.get(kind or "")
    if names is None or not names.abbr_en:
        return ""
    if lang in ("ru", "ky"):
        where = COUNTRY_NAMES.get((country or "").upper())
        return f"{names.abbr_ru} {where.abbr_ru}".strip() if where else names.abbr_ru
    return names.abbr_en


def cite(eid: str, lang: str = "en", *, kind: str | None = None, country: str | None = None) -> str:
    """A provision cited the way the law's own lawyers cite it: "ч. 4 ст. 112 УПК КР", "п. 2 примечания к
    ст. 166 УК КР", "Art. 112(4) CPC", "s. 3(1)(a)". `kind` and `country` add the code's abbreviation."""
    head, *rest = eid.split("__")
    alias, _, num = head.partition("_")
    if alias != "art" or not num or num.startswith("nn") or lang not in ("ru", "ky"):
        label = provision_label(eid, lang)
        if lang not in ("ru", "ky") and label.startswith("art. "):
            label = "Art. " + label[5:]
        abbr = law_abbreviation(kind, country, lang)
        return f"{label} {abbr}".strip() if abbr else label
    levels = _RU_LEVELS if kind in CODES or kind is None else _RU_LAW_LEVELS
    words: list[str] = []
    note = False
    for piece in rest:
        p_alias, _, p_num = piece.partition("_")
        if p_alias == "note":
            note = True
            continue
        if p_num and not p_num.startswith("nn"):
            shown = f"«{p_num}»" if len(p_num) == 1 and p_num.isalpha() else p_num  # п. «а» ч. 2
            words.insert(0, f"{levels.get(p_alias, p_alias)} {shown}")
    article = f"ст. {num}"
    abbr = law_abbreviation(kind, country, lang)
    if note:
        text = " ".join([*words, "примечания к" if words else "примечание к", article])
    else:
        text = " ".join([*words, article])
    return f"{text} {abbr}".strip() if abbr else text
