"""Excerpts: a file that holds only some articles of a law, and the title it is shown under.

Reads: the provisions a grammar built (lawgap.structure.tree.Structured) and the catalogue of national
laws (lawgap.catalogue). Writes: whether the file is an excerpt, and the title to show when its text
prints none.

A file is an excerpt when it says so ("(извлечение)", "(үзүндү)", "(extract)"), when it starts in the
middle of a sentence (the Kazakh excerpts are runs of whole pages of the law bank's file), when it
ends in the middle of a word or sentence, or when its first article-level unit is not the first
(articles 125-135 of a code). Its title is then never its file name: the catalogue's title for its
country and kind, marked as an excerpt with the articles it holds ("Уголовный кодекс Республики
Казахстан (извлечение: ст. 125-135)"); with no catalogue entry, the file name stays, since a title
must never be invented.
"""

from __future__ import annotations

import re

from lawgap.errors import InputError
from lawgap.model import Provision
from lawgap.structure.tree import Structured

_LEADING_NUMBER = re.compile(r"\d+")
# A last line cut off in a word or a sentence: "правонаруш", "и иных лиц,", "с лишением права зани".
_CUT_OFF = re.compile(r"(?:[^\W\d_](?<![A-ZА-ЯЁ])|[,\-–(])$")
# A leading block that opens in lower case without being cut off: the place and date of adoption printed under the
# title ("г. Бишкек, от 14 апреля 2008 года № 73", "от 5 июля 2000 года").
_PLACE_OR_DATE = re.compile(r"(?:[a-zа-яё]{1,3}\.\s?[A-ZА-ЯЁ]|(?:от|of|dated)\s+\d|№)")
_MARK = {
    "ru": "извлечение: ст. {first}-{last}",
    "ky": "үзүндү: {first}-{last}-беренелер",
    "en": "excerpt: arts {first}-{last}",
}


def _article_level(provisions: tuple[Provision, ...], style: str) -> list[Provision]:
    kinds = ("article", "section") if style == "common" else ("article",)
    return [p for p in provisions if p.kind in kinds]


def is_excerpt(structured: Structured, style: str, noisy: bool = False) -> bool:
    """Whether the text holds only some articles of its law (see the module docstring). In OCR text only
    the file's own words count: a misread first line or a lost section number proves nothing."""
    if structured.excerpt:
        return True
    if noisy:
        return False
    provisions = structured.provisions
    articles = _article_level(provisions, style)
    if not provisions or not articles:
        return False
    first = provisions[0]
    if first.parent is None and first.num is None and first.text[:1].islower() and not _PLACE_OR_DATE.match(first.text):
        return True  # the leading block of a file that starts mid-sentence ("ьмисот часов ...")
    if _CUT_OFF.search(provisions[-1].text.rstrip()):
        return True  # it stops mid-word: "1. Неоднократностью уголовных правонаруш"
    head = _LEADING_NUMBER.match(articles[0].num or "")
    return head is not None and int(head.group()) > 1


def catalogue_title(
    country: str | None, kind: str | None, language: str, provisions: tuple[Provision, ...], style: str, excerpt: bool
) -> str | None:
    """The catalogue's title for this country and kind in the text's language, marked as an excerpt with
    its first and last article; None when the catalogue has no such law."""
    if not country or not kind:
        return None
    from lawgap.catalogue import entries_for

    try:
        entries = entries_for(country)  # the catalogue is read once per process
    except InputError:  # a damaged catalogue is reported where it is read; the law is still read
        return None
    entry = next((e for e in entries if e.kind == kind), None)
    if entry is None:
        return None
    if language == "en":
        title = entry.title_en
    elif language == "ky":
        title = entry.title_local or entry.title_ru
    else:
        title = entry.title_ru or entry.title_local
    if not title:
        return None
    articles = _article_level(provisions, style)
    if not excerpt or not articles:
        return title
    mark = _MARK.get(language, _MARK["ru"]).format(first=articles[0].num, last=articles[-1].num)
    return f"{title} ({mark})"
