"""Cross-references between provisions: find them in the text, then resolve them to eids.

Reads: a Law's provisions. Writes: `Reference`s with their targets, not yet resolved.

Two separate steps, as in eyecite:
- `find_in_text(text, language)` reads one provision's words and returns `Found` items: the
  character span, the matched words and a structured `Target` (which law, which levels and
  numbers, or which level of the citing provision itself: "настоящей статьи", "this section").
  `find_references(law)` runs it over every provision of a law and returns `Reference`s.
- `resolve(references, laws)` turns each target into eids of the citing law or of another
  loaded law named by the reference ("Уголовного кодекса" -> the loaded law whose kind is
  criminal_code, same country, preferably the same language).

Nothing is dropped. A reference that cannot be resolved keeps `resolved=None` and a `reason`
("law not loaded: criminal_code", "article 999 not found"). When the article exists but a
deeper level does not (part 5 of a four-part article), the reference resolves to the deepest
provision that exists, with `exact=False` and the reason saying what was missing: the article
is still the right place for a reader to look, and the flag keeps the miss visible.

Conventions read from Russian, Kyrgyz and common-law drafting (the patterns are in
`lawgap.refs.grammar`):
- Russian and English cite from the smallest unit outwards ("пункта 2 части 1 статьи 27",
  "clause (b) of sub-section (1)"); Kyrgyz cites from the law inwards ("ушул Кодекстин
  346-беренесинин 1-бөлүгүнүн 1, 2, 4-пункттарында").
- In a coordinated list the levels a member leaves out are those of its neighbour on the outer
  side ("пунктами 5, 6 и 7, подпунктом «б» пункта 8 части 2 и частью 3 настоящей статьи": the
  points are points of part 2 of this article); likewise the named law.
- A chain with no article and no law ("частью 2", "sub-section (1)") is read relative to the
  citing provision: the level above its first noun is the citing provision's own.
- A chain with an article and no law is a reference within the citing law.
- A bare chain ("подпункту 12)") whose number is not found where it was written is left
  unresolved: it cites an article the text does not name, and a guess would mislead.
- Laws name their levels differently (Kazakh "пункт 1." / "подпункт 1)" are KG "часть" /
  "пункт"; an Akoma Ntoso "paragraph (a)"): a number not found at its level is looked for one
  level up or down, and the reason says so.
- "160-165" with a hyphen is a range when the second number is larger, otherwise one article
  number such as 71-1; at resolution, if the cited law has an article numbered "160-165"
  itself, that article wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lawgap.model import Law
from lawgap.refs import grammar as g
from lawgap.refs.numbers import (
    en_sub,
    parse_nums,
)
from lawgap.refs.reference import (
    Found,
    Num,
    Reference,
    Target,
)

# ============================================================================================
# Find
# ============================================================================================


@dataclass(frozen=True)
class _Tok:
    kind: str  # "elem", "this", "law", "sep", "of"
    start: int
    end: int
    level: str | None = None
    nums: tuple[Num, ...] = ()
    law: str | None = None
    law_name: str | None = None
    sub: tuple[tuple[str, tuple[Num, ...]], ...] = ()  # "3(1)(a)": levels inside one number


def _alt(pairs: Sequence[tuple[str, str]], prefix: str) -> str:
    return "|".join(f"(?P<{prefix}{i}>{rx})" for i, (_, rx) in enumerate(pairs))


def _which(m: re.Match[str], pairs: Sequence[tuple[str, str]], prefix: str) -> str:
    for i, (name, _) in enumerate(pairs):
        if m.group(f"{prefix}{i}") is not None:
            return name
    raise AssertionError("no alternative matched")


@dataclass(frozen=True)
class _Lang:
    """The compiled patterns of one language."""

    name: str
    elem: re.Pattern[str]
    elem_next: re.Pattern[str]  # an element after the first token of a group (may be looser)
    this: re.Pattern[str]
    law: re.Pattern[str]
    sep: re.Pattern[str]
    of: re.Pattern[str] | None
    start: re.Pattern[str]
    outward: bool  # True when chains go from the smallest unit out (Russian, English)


_B = r"(?<![\w.\-])"  # no letter, digit, dot or hyphen just before a noun
_E = r"(?![\w])"


@cache
def _lang(language: str) -> _Lang:
    if language == "ky":
        nouns = _alt(g.KY_NOUNS, "n")
        words = rf"|(?P<wnums>{g.KY_NUMS_WORD})\s+(?:{_alt(g.KY_NOUNS, 'w')})"
        elem = rf"(?P<nums>{g.KY_NUMS_HYPHEN})-(?:{nouns}){words}"
        # after "ушул Кодекстин 27-беренесинин" a slip such as "3 бөлүгүндө" or "3- бөлүгүндө" is
        # still a part; at the start of a group "2 бөлүктөн турат" ("consists of 2 parts") is not
        elem_next = rf"(?P<nums>{g.KY_NUMS_HYPHEN})(?:-\s?|\s)(?:{nouns}){words}"
        this = _alt(g.KY_THIS, "t")
        law = _alt(g.KY_LAWS, "l")
        sep = r"\s*,\s*|\s+(?:жана|же|ошондой\s+эле|ошондой\s+эле\s+ушул)\s+"
        return _Lang(
            "ky",
            re.compile(rf"(?:{elem}){_E}"),
            re.compile(rf"(?:{elem_next}){_E}"),
            re.compile(rf"(?:{this}){_E}"),
            re.compile(rf"(?:{law}){_E}"),
            re.compile(sep),
            None,
            re.compile(rf"{_B}(?:{elem}|{this}|{law}){_E}"),
            outward=False,
        )
    if language == "en":
        nouns = _alt(g.EN_NOUNS, "n")
        elem = rf"(?:{nouns})\s*(?P<nums>{g.EN_NUMS})"
        this = _alt(g.EN_THIS, "t")
        law = _alt(g.EN_LAWS, "l")
        return _Lang(
            "en",
            re.compile(rf"{_B}(?:{elem})(?![\w(])"),
            re.compile(rf"{_B}(?:{elem})(?![\w(])"),
            re.compile(rf"(?:{this}){_E}"),
            re.compile(rf"(?:{law}){_E}"),
            re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+"),
            re.compile(r"\s+of\s+|\s*,\s*|\s+"),
            re.compile(rf"{_B}(?:{elem})(?![\w(])|{_B}(?:{this}){_E}"),
            outward=True,
        )
    nouns = _alt(g.RU_NOUNS, "n")
    elem = rf"(?:{nouns})\s*(?P<nums>{g.RU_NUMS})"
    this = _alt(g.RU_THIS, "t")
    law = _alt(g.RU_LAWS, "l")
    return _Lang(
        "ru",
        re.compile(rf"{_B}(?i:{elem}){_E}"),
        re.compile(rf"{_B}(?i:{elem}){_E}"),
        re.compile(rf"(?:{this}){_E}"),
        re.compile(rf"(?:{law}){_E}"),
        re.compile(r"\s*,\s*(?:(?:а\s+также|и|или|либо)\s+)?|\s+(?:и\s*\(или\)|и|или|либо|а\s+также)\s+"),
        None,
        re.compile(rf"{_B}(?i:{elem}){_E}|{_B}(?:{this}){_E}"),
        outward=True,
    )

# -- tokens --------------------------------------------------------------------------------


def _token(lang: _Lang, text: str, pos: int, first: bool = False) -> _Tok | None:
    """The token starting exactly at `pos`, if any."""
    m = lang.this.match(text, pos)
    if m:
        pairs = {"ky": g.KY_THIS, "en": g.EN_THIS}.get(lang.name, g.RU_THIS)
        return _Tok("this", m.start(), m.end(), level=_which(m, pairs, "t"))
    if not first or not lang.outward:  # Kyrgyz names the law before the article
        m = lang.law.match(text, pos)
        if m:
            pairs = {"ky": g.KY_LAWS, "en": g.EN_LAWS}.get(lang.name, g.RU_LAWS)
            kind = _which(m, pairs, "l")
            return _Tok("law", m.start(), m.end(), law=kind, law_name=m.group(0))
    m = (lang.elem if first else lang.elem_next).match(text, pos)
    if m:
        if lang.name == "ky":
            if m.group("nums") is not None:
                level, nums_text = _which(m, g.KY_NOUNS, "n"), m.group("nums")
            else:
                level, nums_text = _which(m, g.KY_NOUNS, "w"), m.group("wnums")
                if not _ky_word_nums_fit(level, nums_text, first):
                    return None
        else:
            pairs = g.EN_NOUNS if lang.name == "en" else g.RU_NOUNS
            level, nums_text = _which(m, pairs, "n"), m.group("nums")
        end = m.end()
        if lang.name == "ru" and nums_text.endswith(")") and text.rfind("(", 0, pos) > text.rfind(")", 0, pos):
            # "(статьи 246-249)": the bracket closes the parenthesis, it is not an item's "1)"
            end, nums_text = end - 1, nums_text[:-1]
        nums = parse_nums(nums_text, lang.name)
        if not nums:
            return None
        sub = en_sub(nums_text, level) if lang.name == "en" else ()
        return _Tok("elem", m.start(), end, level=level, nums=nums, sub=sub)
    return None


def _ky_word_nums_fit(level: str, nums_text: str, first: bool) -> bool:
    """Kyrgyz numbers in words fit one level each: «а» sub-items, ordinals indents, Roman sections.

    An ordinal numbers a part only after the article it belongs to ("ушул берененин биринчи
    бөлүгүндө"); alone, "биринчи бөлүгү" is "the first part" of a speech (art. 379 of the
    Criminal Procedure Code), not a reference.
    """
    if "«" in nums_text:
        return level == "subpoint"
    if re.search(g.KY_ORDINAL, nums_text):
        return level == "indent" or (level == "paragraph" and not first)
    return level == "section"


def _group(lang: _Lang, text: str, start: int) -> list[_Tok]:
    """Tokens of one coordinated group starting at `start`: elements, qualifiers, separators."""
    toks: list[_Tok] = []
    pos = start
    while True:
        tok = _token(lang, text, pos, first=not toks)
        if tok is None:
            break
        toks.append(tok)
        pos = tok.end
        # a separator or connector is kept only when a token follows it
        for rx in (lang.sep, lang.of, re.compile(r"\s+")):
            if rx is None:
                continue
            m = rx.match(text, pos)
            if m and m.end() > pos:
                nxt = _token(lang, text, m.end())
                if nxt is not None:
                    kind = "sep" if rx is lang.sep else "of"
                    if kind == "sep" and nxt.kind == "law":
                        # "статьями 80 и 118, Уголовного кодекса": a stray comma before the law
                        if toks[-1].kind != "elem" or m.group(0).strip() != ",":
                            continue
                        kind = "of"
                    toks.append(_Tok(kind, pos, m.end()))
                    pos = m.end()
                    break
        else:
            break
        if toks[-1].kind not in ("sep", "of"):
            break
    while toks and toks[-1].kind in ("sep", "of"):
        toks.pop()
    return toks


def _starts_new(lang: _Lang, cur: list[_Tok], t: _Tok) -> bool:
    """Whether token `t` opens a new chain after the tokens `cur` of the current one."""
    if not cur:
        return False
    last = cur[-1]
    both_elems = last.kind == "elem" and t.kind == "elem"
    if lang.outward:
        # a chain ends with its qualifiers; an element not wider than the last starts anew
        if last.kind in ("this", "law") and t.kind == "elem":
            return True
        return both_elems and g.LEVEL_ORDER[t.level] >= g.LEVEL_ORDER[last.level]
    # Kyrgyz: qualifiers open a chain; an element not deeper than the last starts anew
    if t.kind in ("this", "law") and any(x.kind == "elem" for x in cur):
        return True
    return both_elems and g.LEVEL_ORDER[t.level] <= g.LEVEL_ORDER[last.level]


def _chains(lang: _Lang, toks: list[_Tok]) -> list[list[_Tok]]:
    """Split a group into chains: one reference each."""
    chains: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in toks:
        if t.kind == "sep":
            if cur:
                chains.append(cur)
            cur = []
            continue
        if t.kind == "of":
            continue
        if _starts_new(lang, cur, t):
            chains.append(cur)
            cur = []
        cur.append(t)
    if cur:
        chains.append(cur)
    return chains


@dataclass
class _Ctx:
    levels: dict[str, tuple[Num, ...]]
    relative: str | None
    law: str | None
    law_name: str | None
    self_law: bool  # "настоящего Кодекса": explicitly the citing law


def _ctx(chain: list[_Tok]) -> _Ctx:
    levels: dict[str, tuple[Num, ...]] = {}
    relative = law = law_name = None
    self_law = False
    for t in chain:
        if t.kind == "elem":
            levels.setdefault(t.level, t.nums)
            for lv, nums in t.sub:
                levels.setdefault(lv, nums)
        elif t.kind == "this":
            if t.level == "law":
                self_law = True
            elif relative is None:
                relative = t.level
        elif t.kind == "law" and law is None:
            law, law_name = t.law, t.law_name
    return _Ctx(levels, relative, law, law_name, self_law)


def _top(ctx: _Ctx) -> int:
    """The order of the outermost level the chain names (its relative anchor counts)."""
    orders = [g.LEVEL_ORDER[lv] for lv in ctx.levels]
    if ctx.relative is not None:
        orders.append(g.LEVEL_ORDER[ctx.relative])
    return min(orders) if orders else 99


def _inherit(ctx: _Ctx, outer: _Ctx | None) -> _Ctx:
    """Fill what a list member leaves out from its outer neighbour (see module docstring)."""
    if outer is None:
        return ctx
    has_law = ctx.law is not None or ctx.self_law
    if not has_law and ctx.relative is None:
        top = _top(ctx)
        for lv, nums in outer.levels.items():
            if g.LEVEL_ORDER[lv] < top:
                ctx.levels.setdefault(lv, nums)
        if outer.relative is not None and g.LEVEL_ORDER[outer.relative] < top:
            ctx.relative = outer.relative
    if not has_law:
        ctx.law, ctx.law_name, ctx.self_law = outer.law, outer.law_name, outer.self_law
    return ctx


def _target(ctx: _Ctx) -> Target:
    levels = tuple(sorted(ctx.levels.items(), key=lambda kv: g.LEVEL_ORDER[kv[0]]))
    relative, implicit = ctx.relative, False
    top = _top(ctx)
    if relative is None and ctx.law is None and not ctx.self_law and top > g.LEVEL_ORDER["article"]:
        # "частью 2", "sub-section (1)": the level above the first noun is the citing one's
        above = [lv for lv, o in g.LEVEL_ORDER.items() if o < top and o >= g.LEVEL_ORDER["article"]]
        relative, implicit = above[-1], True
    return Target(
        law=ctx.law if not ctx.self_law else None,
        law_name=ctx.law_name if not ctx.self_law else None,
        levels=levels,
        relative=relative,
        implicit=implicit,
    )


def _language_of(language: str | None) -> str:
    if language in ("ky", "en"):
        return language
    return "ru"


# Kyrgyz "ушул/бул бөлүк", "ушул пункт" are references only before a number (Kyrgyz uses
# "бөлүк" for any part of anything: art. 245, 291 of the Criminal Procedure Code).
_KY_QUALIFIER_ONLY = ("paragraph", "point", "subpoint")


def find_in_text(text: str, language: str = "ru") -> tuple[Found, ...]:
    """All references in one provision's text, in order of appearance."""
    lang = _lang(_language_of(language))
    out: list[Found] = []
    pos = 0
    while True:
        m = lang.start.search(text, pos)
        if m is None:
            break
        toks = _group(lang, text, m.start())
        if not toks:
            pos = m.end()
            continue
        chains = _chains(lang, toks)
        ctxs = [_ctx(c) for c in chains]
        order = range(len(chains) - 1, -1, -1) if lang.outward else range(len(chains))
        outer: _Ctx | None = None
        done: dict[int, _Ctx] = {}
        for i in order:
            done[i] = _inherit(ctxs[i], outer)
            outer = done[i]
        for i, chain in enumerate(chains):
            ctx = done[i]
            if not ctx.levels and ctx.relative is None:
                continue  # "настоящим Кодексом" alone: the whole law, not a provision
            if lang.name == "ky" and not ctx.levels and ctx.relative in _KY_QUALIFIER_ONLY:
                continue  # "ушул бөлүгүнө" alone is "this part (of the trial)", not a reference
            start, end = chain[0].start, chain[-1].end
            out.append(Found((start, end), text[start:end], _target(ctx)))
        pos = toks[-1].end
    return tuple(out)


def find_references(law: Law) -> tuple[Reference, ...]:
    """Every reference in every provision of a law (unresolved)."""
    out: list[Reference] = []
    for p in law.provisions:
        if not p.text:
            continue
        for f in find_in_text(p.text, law.language):
            out.append(Reference(law.sha256, p.eid, f.span, f.text, f.target))
    return tuple(out)


