"""Numbers as references print them: lists, ranges and hyphenated numbers read into `Num`s.

Reads: the numbers text of one reference ("5, 6 и 7", "160–165", "71-1", "(1)(a)"). Writes: `Num`s.

"160-165" is a range when the second number is larger, otherwise one number such as 71-1.
"""

from __future__ import annotations

import re

from lawgap.refs import grammar as g
from lawgap.refs.reference import Num
from lawgap.structure.tree import eid_num

# -- numbers -------------------------------------------------------------------------------

_RU_ATOM_RX = re.compile(g.RU_ATOM)
_KY_ATOM_RX = re.compile(r"\d+(?:-\d+)*|«[а-яөүңa-z]»|" + g.KY_ORDINAL + "|" + g.ROMAN)
_EN_ATOM_RX = re.compile(g.EN_ATOM)
_RANGE_SEP = re.compile(r"^\s*(?:[–—]|по|to|-)\s*$")


_ROMAN_LOOKALIKES = str.maketrans("ХІ", "XI")


def _norm_atom(atom: str, language: str) -> str:
    atom = atom.strip().strip('«»"').rstrip(")") if not atom.startswith("(") else atom.strip()
    if re.fullmatch(g.ROMAN, atom):
        atom = atom.translate(_ROMAN_LOOKALIKES)
    if language == "ru" and (v := g.ru_ordinal_value(atom)) is not None:
        return str(v)
    if language == "ky" and (v := g.ky_ordinal_value(atom)) is not None:
        return str(v)
    if language == "en" and (v := g.en_ordinal_value(atom)) is not None:
        return str(v)
    return eid_num(atom.strip("()")) or atom


def _split_hyphen(atom: str) -> Num:
    """'246-249' is a range (249 > 246); '71-1' is one article number."""
    parts = atom.split("-")
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit() and int(parts[1]) > int(parts[0]):
        return Num(parts[0], parts[1], hyphen=True)
    if len(parts) == 4 and all(p.isdigit() for p in parts):  # "71-1-71-3"
        return Num(f"{parts[0]}-{parts[1]}", f"{parts[2]}-{parts[3]}")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        a, b, c = (int(p) for p in parts)
        if b > a:  # "326-332-1": from 326 to 332-1
            return Num(parts[0], f"{parts[1]}-{parts[2]}", hyphen=True)
        if c > b:  # "71-1-3"? read as 71-1 to 71-3 only when the ends say so
            return Num(f"{parts[0]}-{parts[1]}", f"{parts[0]}-{parts[2]}", hyphen=True)
    return Num(atom)


def parse_nums(text: str, language: str) -> tuple[Num, ...]:
    rx = {"ky": _KY_ATOM_RX, "en": _EN_ATOM_RX}.get(language, _RU_ATOM_RX)
    atoms = list(rx.finditer(text))
    out: list[Num] = []
    pending_range = False
    prev_end = 0
    for m in atoms:
        between = text[prev_end : m.start()]
        prev_end = m.end()
        raw = m.group(0)
        if language == "en":
            raw = raw.split("(")[0].strip() or raw  # "3(1)(a)": the section number
        value = _norm_atom(raw, language)
        if out and _RANGE_SEP.match(between):
            pending_range = True
        if pending_range and out and out[-1].last is None:
            out[-1] = Num(out[-1].first, value)
            pending_range = False
            continue
        pending_range = False
        # "127.1", "7.29": a dotted number is one article (RF drafting); only hyphens make ranges
        split = "-" in value and "." not in raw and language != "en"
        out.append(_split_hyphen(value) if split else Num(value))
    return tuple(out)


_EN_SUB_LEVELS = ("paragraph", "point", "subpoint")


def en_sub(nums_text: str, level: str) -> tuple[tuple[str, tuple[Num, ...]], ...]:
    """'3(1)(a)' after 'section': the levels inside the parentheses (subsection 1, clause a)."""
    parens = re.findall(r"\(([0-9a-z]{1,6})\)", nums_text)
    if not parens or re.search(r",|\band\b|\bor\b|\bto\b", nums_text):
        return ()
    if level == "article":
        levels = _EN_SUB_LEVELS
        skip = 0
    else:
        depth = g.LEVEL_ORDER[level]
        levels = tuple(lv for lv in _EN_SUB_LEVELS if g.LEVEL_ORDER[lv] >= depth)
        skip = 1  # the first parenthesis is the noun's own number
    out = []
    for lv, p in zip(levels, parens[skip:], strict=False):
        out.append((lv, (Num(p),)))
    return tuple(out)


