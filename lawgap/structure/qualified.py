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
  for in parts one or two of this Article";
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

# Kyrgyz puts what aggravates before the act: "Күнөөлүүгө ... көз каранды болгон адамга карата жасалган ошол
# эле жосундар", so the words may close a long first clause.
SAME_ACT = re.compile(
    r"^(?:Те|То|Та)\s+же\s+(?:деяни|действи|преступлени|правонарушени|нарушени)"
    r"|^[^.:;]{0,600}?(?<![\w-])(?:[Оо]шол|[Уу]шундай)\s+эле\s+(?:жосун|аракет|кылмыш)"
    r"|^The\s+same\s+(?:acts?|deeds?|offences?|actions?|crimes?)\b"
)
# The subject (at most three words) is the act of an earlier part: the participle agrees with it in the
# nominative ("Деяния, предусмотренные частью ..."), so "Убийство лиц, указанных в части 1" (other
# persons) and "участие в деятельности группы, указанной в части 1" (another act) do not count.
EARLIER_PART = re.compile(
    r"^[А-ЯЁ][\w-]*(?:\s+[\w-]+){0,2}(?:\s*\([^)]*\))?,\s+(?:предусмотренн|указанн)(?:ое|ая|ый|ые)\s+(?:в\s+)?"
    r"(?:част|ч\.)(?:(?!стать)[^:;]){0,80}?настоящей\s+статьи"
    r"|^[^.:;]{0,300}?[Уу]шул\s+берене\w*\s+[^.:;]{0,40}?бөлү[гк]\w*\s+(?:каралган|көрсөтүлгөн)"
    r"[^.:;]{0,200}?(?<![\w-])(?:жосун|аракет|кылмыш)"
    r"|^The\s+(?:acts?|deeds?|actions?|offences?)\s+(?:provided\s+for|specified|referred\s+to|set\s+out)\s+in\s+"
    r"parts?\s+[^,:;]{0,60}?of\s+this\s+Article"
)
# A form the offender earns by his own act ("если виновный добровольно освободил похищенного") is privileged.
MITIGATED = re.compile(r"добровольно|өз\s+ыктыяры\s+менен|ыктыярдуу|voluntarily", re.IGNORECASE)
SANCTIONED = re.compile(r"наказыва|жазалан|\bpunish|\bliable\s+to", re.IGNORECASE)
_FIRST_CLAUSE = re.compile(r"^[^:;]*?(?=\s*[-–—]\s*$|\s*[-–—]\s*\n|:|;|\n|$)")


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
    clause = _FIRST_CLAUSE.match(text)
    return bool(clause) and clause.group().lower().rstrip(" ,").endswith(f"жасалган {name.lower()}")


def is_qualified(text: str, heading: str | None = None) -> bool:
    """Whether a part's own words (after its number) open an aggravated form of the article's offence."""
    text = text.lstrip()
    if not SANCTIONED.search(text) or MITIGATED.search(text[:300]):
        return False
    return bool(SAME_ACT.match(text) or EARLIER_PART.match(text) or _restates_heading(text, heading))


def mark_qualified(provisions: Sequence[Provision], language: str = "") -> tuple[Provision, ...]:
    """The provisions with `qualified` set on every part after an article's first that is an aggravated form.

    A part's sanction may come after its items ("Те же деяния, совершенные: 1) ...; 2) ..., –
    наказываются ..."), so its own text holds both the lead-in and the sanction.
    """
    by_eid = {p.eid: p for p in provisions}
    seen_first: set[str] = set()
    out = []
    for p in provisions:
        parent = by_eid.get(p.parent or "")
        if p.kind == "paragraph" and parent is not None and parent.kind == "article":
            if parent.eid in seen_first and is_qualified(p.text, parent.heading):
                p = replace(p, qualified=True)
            seen_first.add(parent.eid)
        out.append(p)
    return tuple(out)
