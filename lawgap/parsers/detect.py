"""Guesses what the user did not say: language, drafting style, country and kind of law.

Reads: the first part of a law's text. Writes: language, style, country, kind and date guesses.

Each guess is a plain heuristic over the first part of the text; the CLI flags override it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lawgap.vocab import (
    ANTI_TRAFFICKING,
    CRIMINAL_CODE,
    CRIMINAL_PROCEDURE_CODE,
    MIGRATION,
    VICTIM_SUPPORT,
    WITNESS_PROTECTION,
)

_KYRGYZ_LETTERS = re.compile(r"[ңөүҢӨҮ]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


_CYRILLIC_LETTERS = "".join(map(chr, range(ord("А"), ord("я") + 1))) + "Ёё"
_LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _count(letters: str, text: str) -> int:
    return sum(map(text.count, letters))


def detect_language(text: str) -> str:
    """'ky' when Kyrgyz letters are frequent, 'ru' for other Cyrillic, else 'en'."""
    sample = text[:200_000]
    # str.count per letter: no list of one-letter strings (findall on a code took 20 MB)
    cyr = _count(_CYRILLIC_LETTERS, sample)
    lat = _count(_LATIN_LETTERS, sample)
    if cyr == 0 and lat == 0:
        return "en"
    if cyr >= lat:
        ky = _count("ңөүҢӨҮ", sample)
        # Kyrgyz prose uses ң, ө, ү in roughly 3% of letters; Russian text never does.
        return "ky" if ky > 0.005 * cyr else "ru"
    return "en"


# "Article 135. Trafficking in Persons", "Article 1", "ARTICLE 5 - SCOPE": a civil-law article heading.
_CIVIL_ARTICLE = re.compile(r"^Article\s+\d+(?:[-.]\d+)*\.?(?:\s*[-–—]?\s*[A-Z\"“(].{0,200})?$", re.IGNORECASE)
# "1. Short title, extent and commencement.—(1) ...": a common-law section with its title and dash.
_COMMON_SECTION = re.compile(r"^(?:Section\s+)?\d{1,3}[A-Z]{0,2}\.\s+[A-Z][^.;]{0,150}[.:,]\s*[-–—]")


def detect_style(language: str, lines: Iterable[str]) -> str:
    """The drafting grammar a text is written in, from what it contains, not from its language alone.

    Russian and Kyrgyz texts are civil-law. An English text is read as civil-law when it is built of
    "Article N." headings (a translation of a code of the region, a treaty) more than of common-law
    sections "N. Title.—"; otherwise it is a common-law Act.
    """
    if language != "en":
        return "civil"
    articles = sections = 0
    for t in lines:
        articles += bool(_CIVIL_ARTICLE.match(t))
        sections += bool(_COMMON_SECTION.match(t))
    return "civil" if articles >= 2 and articles > sections else "common"


_COUNTRY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("KG", re.compile(r"Кыргызск\w* Республик|Кыргыз Республикасы|Kyrgyz", re.I)),
    ("KZ", re.compile(r"Республик\w* Казахстан|\bРК\b|Kazakhstan", re.I)),
    ("TJ", re.compile(r"Республик\w* Таджикистан|Tajikistan", re.I)),
    ("TM", re.compile(r"Туркменистан|Turkmenistan", re.I)),
    ("UZ", re.compile(r"Республик\w* Узбекистан|Uzbekistan", re.I)),
    ("RU", re.compile(r"Российской Федерации|Russian Federation", re.I)),
    ("PK", re.compile(r"Pakistan|Islamabad|Punjab|Majlis-e-Shoora", re.I)),
    ("GB", re.compile(r"United Kingdom|Her Majesty|Parliament of the United Kingdom|\bUK\b")),
    ("IT", re.compile(r"Repubblica italiana|Gazzetta Ufficiale", re.I)),
)


def detect_country(text: str) -> str | None:
    """The country named most often near the top of the law, as an ISO 3166 alpha-2 code."""
    head = text[:20_000]
    counts = {cc: len(rx.findall(head)) for cc, rx in _COUNTRY_CUES}
    best = max(counts, key=lambda cc: counts[cc])
    return best if counts[best] else None


# Order matters: the procedure code's title contains the word for criminal code.
_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        CRIMINAL_PROCEDURE_CODE,
        re.compile(r"уголовно-процессуальн|жазык-процесстик|кылмыш-жаза процесс|criminal procedure", re.I),
    ),
    (CRIMINAL_CODE, re.compile(r"уголовн\w* кодекс|жазык кодекс|кылмыш-жаза кодекс|criminal code|penal code", re.I)),
    (
        ANTI_TRAFFICKING,
        re.compile(
            r"торговл\w* людьми|адам сатуу|trafficking in (?:persons|human beings)|human trafficking"
            r"|trafficked (?:persons|children|women)|bonded labour",
            re.I,
        ),
    ),
    # "защите потерпевших, свидетелей и иных участников ..." (Turkmenistan's title) names victims first, as does
    # "On State Protection of Victims, Witnesses and Other Participants in Criminal Proceedings".
    (
        WITNESS_PROTECTION,
        re.compile(
            r"защит\w* (?:потерпевш\w*(?:,| и) )?(?:свидетел|лиц, участвующих|участник)|witness protection"
            r"|protection of (?:victims,? (?:and )?)?(?:witnesses|participants|persons participating)",
            re.I,
        ),
    ),
    (MIGRATION, re.compile(r"миграци|migration|foreigners|иностранн\w* граждан", re.I)),
    # a law on social services ("О социальных услугах", "социалдык кызмат көрсөтүү", "On Social Services") is where
    # help for persons in a difficult life situation, trafficking victims among them, lives
    (
        VICTIM_SUPPORT,
        re.compile(
            r"социальн\w* услуг|социальн\w* обслуживани|социалдык кызмат|social services?\b|компенсаци\w* потерпевш"
            r"|victim",
            re.I,
        ),
    ),
)


# A law on (domestic) violence and the support of those who suffered from it ("бытового насилия", "үй-бүлөлүк
# зомбулуктан коргоо", "domestic violence") is a victim-support law, unless its title names trafficking as well: one
# that also supports trafficking victims is where the anti-trafficking rules live.
VIOLENCE = re.compile(r"насили|зомбулук|violence", re.I)


def detect_kind(title: str) -> str | None:
    """The kind of law named by its title (criminal_code, criminal_procedure_code, ...).

    The head of the title decides: "О защите потерпевших и свидетелей по уголовным делам о торговле
    людьми" protects witnesses (its first cue), it does not combat trafficking.
    """
    best: tuple[int, str] | None = None
    for kind, rx in _KIND_CUES:
        m = rx.search(title)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    if best is None and VIOLENCE.search(title):
        return VICTIM_SUPPORT
    return best[1] if best else None


# What a code says of itself and what an offence article prints: enough to tell the two codes apart in
# an excerpt that has lost its title (articles 125-135 of a criminal code, 69-79 of a procedure code).
_SELF_CODE = re.compile(r"настоящ\w*\s+Кодекс|[Уу]шул\s+Кодекс|this\s+Code\b")
_SELF_LAW = re.compile(r"настоящ\w*\s+Закон|[Уу]шул\s+[Мм]ыйзам|this\s+(?:Law|Act)\b")
_SANCTIONS = re.compile(r"наказыва(?:ет|ют)ся|лишени\w+\s+свободы\s+на\s+срок|жазаланат|shall\s+be\s+punished", re.I)
_PROCEDURE = re.compile(
    r"подозреваем\w*|обвиняем\w*|следовател\w*|досудебн\w*|орган\w*,?\s+ведущ\w*\s+уголовн\w*\s+процесс"
    r"|уголовн\w+\s+дел[ауо]\w*|шектүү|айыпталуучу|тергөөчү|suspect|accused|investigator",
    re.I,
)
# The file's name, the last hint: "criminal_procedure_code_2014_arts69-79_excerpt_ru.md", "УК_РК.docx".
_NAME_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (CRIMINAL_PROCEDURE_CODE, re.compile(r"criminal[_\- ]?procedure|(?<![a-zа-я])(?:cpc|упк)(?![a-zа-я])", re.I)),
    (CRIMINAL_CODE, re.compile(r"criminal[_\- ]?code|penal[_\- ]?code|(?<![a-zа-я])(?:cc|ук|ppc)(?![a-zа-я])", re.I)),
    (ANTI_TRAFFICKING, re.compile(r"traffick|торговл", re.I)),
    (WITNESS_PROTECTION, re.compile(r"witness|свидетел", re.I)),
    (MIGRATION, re.compile(r"migration|миграц", re.I)),
)


# A title that names a code of another kind ("Кодекс о детях", "Балдар жөнүндө кодекси", "Family Code"): its kind is
# none of ours, and its words of procedure (a child victim's interview) must not make it a procedure code.
_A_CODE = re.compile(r"кодекс|code\b", re.I)


def names_another_code(title: str | None) -> bool:
    """Whether the printed title names a code that `detect_kind` does not know."""
    return bool(title) and bool(_A_CODE.search(title or "")) and detect_kind(title or "") is None


def kind_from_text(text: str) -> str | None:
    """A code's kind read from its own words when no title names it: many sanctions and no procedure
    make a criminal code; the words of procedure, in a text that calls itself a code, a procedure code."""
    code, law = len(_SELF_CODE.findall(text)), len(_SELF_LAW.findall(text))
    sanctions, procedure = len(_SANCTIONS.findall(text)), len(_PROCEDURE.findall(text))
    if sanctions >= 3 and sanctions >= 3 * procedure and law <= code:
        return CRIMINAL_CODE
    if procedure >= 10 and procedure >= 3 * sanctions and code > law:
        return CRIMINAL_PROCEDURE_CODE
    return None


def kind_from_name(name: str) -> str | None:
    """The kind a file's (or its folder's) name suggests; used only when neither title nor text says."""
    for kind, rx in _NAME_CUES:
        if rx.search(name):
            return kind
    return None


_MONTHS_RU = {
    m: i + 1
    for i, m in enumerate(
        ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
    )
}
_MONTHS_KY = {
    m: i + 1
    for i, m in enumerate(
        ("январ", "феврал", "март", "апрел", "май", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
    )
}
_MONTHS_EN = {
    m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_NUMBER = r"(?:№|N|No\.?)\s*(?P<num>[\w\-/]+)"
# "от 28 октября 2021 года № 127" (KG, RU), "от 5 июля 2000 года N 325" (KZ)
_RU_DATE = re.compile(rf"(?:\bот\s+)?(?P<d>\d{{1,2}})\s+(?P<m>[а-я]+)\s+(?P<y>\d{{4}})\s+года(?:\s*{_NUMBER})?", re.I)
# "2021-жылдын 28-октябры № 127"
_KY_DATE = re.compile(rf"(?P<y>\d{{4}})-жылдын\s+(?P<d>\d{{1,2}})-(?P<m>[а-яөүң]+)(?:\s*{_NUMBER})?", re.I)
# "[17th May, 2018]" or "dated the 3rd March, 1992"
# "(III of 1992) [17th March, 1992]": Pakistani Acts print their number and assent date so
_EN_ACT = re.compile(
    r"\(?(?:Act\s+)?(?P<num>[IVXLCDM]+ of \d{4})\)?\s*"
    r"\[(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9}),?\s+(?P<y>\d{4})"
)
_EN_DATE = re.compile(
    r"(?:(?:of|dated)\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})"
    r"(?:,?\s*No\.?\s*(?P<num>[\w-]+(?:\s+(?:ZRK|ZRU|ZRT))?))?"  # "No. 118-VIII ZRK": Kazakh law numbers
)


def _month(word: str, table: dict[str, int]) -> int | None:
    word = word.lower()
    best = max((k for k in table if word.startswith(k)), key=len, default=None)
    return table[best] if best else None


def detect_date(lines: list[str]) -> tuple[str | None, str | None]:
    """The adoption date (ISO) and number of a law from the lines under its title, if printed there.

    Only a line that is a date and nothing more counts ("от 28 октября 2021 года № 127",
    "[17th March, 1992]"): dates inside sentences belong to amending laws.
    """
    for line in lines:
        bare = line.strip(" \t[]().,")
        for rx, months in (
            (_RU_DATE, _MONTHS_RU),
            (_KY_DATE, _MONTHS_KY),
            (_EN_ACT, _MONTHS_EN),
            (_EN_DATE, _MONTHS_EN),
        ):
            m = rx.match(bare)
            if not m or len(bare) - m.end() > 2:
                continue
            month = _month(m.group("m"), months)
            day, year = int(m.group("d")), int(m.group("y"))
            if month and 1 <= day <= 31 and 1800 <= year <= 2100:
                number = m.groupdict().get("num")
                return f"{year:04d}-{month:02d}-{day:02d}", number
    return None, None
