"""Qualified parts: the parts of an offence article that state an aggravated form of its basic offence.

Reads: provisions. Writes: the same provisions, `qualified` set on those parts.

"Те же деяния, совершенные: ... а) группой лиц" does not define the offence, it aggravates the offence
of part one; what such a part lists (a means, a victim) is an aggravating circumstance, never an
element of the basic offence. A part is qualified when it is not the article's first and
- it opens with "the same act": "Те же деяния", "То же деяние", "Ошол эле жосундар" (or, in Kyrgyz
  word order, "Төмөнкүдөй жасалган ошол эле жосун"), "The same acts";
- or its subject is the act of an earlier part of the same article: "Деяния, предусмотренные частями
  первой или второй настоящей статьи, совершенные ...", "Незаконная охота, предусмотренная частью
  первой настоящей статьи, ...", "Ушул берененин 1-бөлүгүндө каралган жосун ...", "The acts provided
  for in (by) parts one or two of this Article";
- or it restates the article's offence by its heading with the aggravating words ("Кража,
  совершенная: ...", "Изнасилование: ...");
and it carries a sanction of its own. A later part that defines another form of the offence on its
own terms (trafficking in a child without any means, with a lighter sanction) is not qualified.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from lawgap.model import Provision

# Opening words matched at the start of a part: "Те же деяния", "Деяния, предусмотренные частью ...", "The same
# acts". The subject (at most three words) is the act of an earlier part: the participle agrees with it in the
# nominative, so "Убийство лиц, указанных в части 1" (other persons) and "участие в деятельности группы,
# указанной в части 1" (another act) do not count.
OPENS = re.compile(
    r"(?:Те|То|Та)\s+же\s+(?:деяни|действи|преступлени|правонарушени|нарушени)"
    r"|[А-ЯЁ][\w-]*(?:\s+[\w-]+){0,2}(?:\s*\([^)]*\))?,\s+(?:предусмотренн|указанн)(?:ое|ая|ый|ые)\s+(?:в\s+)?"
    r"(?:част|ч\.)(?:(?!стать)[^:;]){0,80}?настоящей\s+статьи"
    r"|The\s+same\s+(?:acts?|deeds?|offences?|actions?|crimes?)\b"
    r"|The\s+(?:acts?|deeds?|actions?|offences?)\s+(?:provided\s+for|specified|referred\s+to|set\s+out)\s+(?:in|by)\s+"
    r"parts?\s+[^,:;]{0,60}?of\s+this\s+[Aa]rticle"
)
# Kyrgyz puts what aggravates before the act ("Күнөөлүүгө ... көз каранды болгон адамга карата жасалган ошол эле
# жосундар"): the words may stand anywhere in the opening clause.
_KY_CLAUSE = re.compile(r"[^.:;\n]{0,600}")
KY_OPENS = re.compile(
    r"(?<![\w-])(?:[Оо]шол|[Уу]шундай|[Уу]шул)\s+эле\s+(?:жосун|аракет|кылмыш)"
    r"|[Уу]шул\s+берене\w*\s+[^.:;]{0,40}?бөлү[гк]\w*\s+(?:каралган|көрсөтүлгөн)[^.:;]{0,200}?(?<![\w-])"
    r"(?:жосун|аракет|кылмыш)"
)
# A form the offender earns by his own act ("если виновный добровольно освободил похищенного") is privileged.
MITIGATED = re.compile(r"добровольно|өз\s+ыктыяры\s+менен|ыктыярдуу|voluntarily", re.IGNORECASE)
# "shall be punished", "punishable by"; not "the inevitability of punishment" or "the menace of any punishment"
SANCTIONS = ("наказыва", "Наказыва", "жазалан", "punished", "Punished", "punishable", "Punishable", "liable to")


def _restates_heading(text: str, heading: str | None) -> bool:
    """The offence named again by the article's heading with what aggravates it: "Кража, совершенная: ...",
    "Изнасилование: ...", in Kyrgyz "Олуттуу өлчөмдө жасалган мал уурдоо"."""
    if not heading:
        return False
    name = heading.split(".")[0].strip()
    if len(name) < 4:
        return False
    if text.startswith(name) and re.match(r"\s*(?::|,\s*(?:совершенн|committed))", text[len(name) :]):
        return True
    if "жасалган" not in text[:600]:
        return False
    clause = text[: _KY_CLAUSE.match(text).end()]
    return clause.lower().rstrip(" ,-–—").endswith(f"жасалган {name.lower()}")


def is_qualified(text: str, heading: str | None = None) -> bool:
    """Whether a part's own words (after its number) open an aggravated form of the article's offence."""
    text = text.lstrip()
    if not any(word in text for word in SANCTIONS):
        return False  # every aggravated form carries its own sanction (and most parts of a code none)
    opens = OPENS.match(text) or _restates_heading(text, heading)
    if not opens and ("эле" in text[:600] or "берене" in text[:600]):  # a fast test before the Kyrgyz patterns
        opens = KY_OPENS.search(text, 0, _KY_CLAUSE.match(text).end())
    return bool(opens) and not MITIGATED.search(text[:300])


def mark_qualified(provisions: Sequence[Provision]) -> tuple[Provision, ...]:
    """The provisions with `qualified` set on every part after an article's first that is an aggravated form.

    A part's sanction may come after its items ("Те же деяния, совершенные: 1) ...; 2) ..., –
    наказываются ..."), which the parser gives the part, or stay on its last item ("кайталап жасалса, —
    ... жазаланат"): the part is read with its items.
    """
    below: dict[str, list[str]] = {}  # a provision's eid -> its children's, in order
    for p in provisions:
        if p.parent is not None:
            below.setdefault(p.parent, []).append(p.eid)
    texts = {p.eid: p.text for p in provisions}

    def with_items(eid: str) -> str:
        return " ".join([texts[eid], *(with_items(child) for child in below.get(eid, ()))])

    out = []
    article: Provision | None = None  # the article whose parts come next (document order)
    first_seen = False
    for p in provisions:
        if p.kind == "article":
            article, first_seen = p, False
        elif p.kind == "paragraph" and article is not None and p.parent == article.eid:
            if first_seen and is_qualified(with_items(p.eid), article.heading):
                p = replace(p, qualified=True)
            first_seen = True
        out.append(p)
    return tuple(out)
