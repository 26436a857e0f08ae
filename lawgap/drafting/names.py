"""The country's own names a draft uses: its government, and the official name of the law it amends.

Reads: the catalogue (lawgap.catalogue) and, where supplied, the parsed law. Writes: frozen
`CountryTerm`s and `LawName`s, each with the source it rests on. Nothing is guessed: a title,
number or date that neither the catalogue nor the law's own file gives is a visible blank the
drafter fills ("№ ____"). Sources in brackets are the keys of shared/DRAFTING.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawgap.catalogue import CatalogueEntry, entries_for, format_date
from lawgap.model import Law
from lawgap.vocab import CODES, COUNTRY_NAMES, KIND_NAMES

BLANK = "________"
_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


@dataclass(frozen=True)
class CountryTerm:
    """A body named in a draft, in the cases templates need, with its source."""

    nom: str
    gen: str
    dat: str
    ins: str
    en: str
    source: str


# The executive that adopts by-laws: KG "Кабинет Министров" since the 2021 Constitution [K1, K4];
# KZ "Правительство" [Z1, Z5]. A country without a checked entry gets a blank, never a guess.
GOVERNMENT = {
    "KG": CountryTerm(
        "Кабинет Министров Кыргызской Республики",
        "Кабинета Министров Кыргызской Республики",
        "Кабинету Министров Кыргызской Республики",
        "Кабинетом Министров Кыргызской Республики",
        "the Cabinet of Ministers of the Kyrgyz Republic",
        "DRAFTING.md §1 [K1, K4]: Закон КР от 14 ноября 2025 года № 257; постановление Кабинета Министров 2022",
    ),
    "KZ": CountryTerm(
        "Правительство Республики Казахстан",
        "Правительства Республики Казахстан",
        "Правительству Республики Казахстан",
        "Правительством Республики Казахстан",
        "the Government of the Republic of Kazakhstan",
        "DRAFTING.md §2 [Z1, Z5]: Закон РК «О правовых актах» 06.04.2016 № 480-V; постановление Правительства",
    ),
}


def government(country: str) -> CountryTerm:
    """The government's name for `country`, or a blank to fill where none was checked."""
    if country in GOVERNMENT:
        return GOVERNMENT[country]
    blank = f"{BLANK} (уполномоченный орган)"
    return CountryTerm(blank, blank, blank, blank, f"{BLANK} (competent body)", "no checked source: to be filled")


@dataclass(frozen=True)
class LawName:
    """How a bill names the law it amends: its kind and title, number, date, and whether its text was supplied."""

    country: str
    kind: str
    title_ru: str  # "Уголовный кодекс Кыргызской Республики" / "О предупреждении и борьбе с торговлей людьми"
    title_en: str
    number: str
    date_ru: str  # "28 октября 2021 года", or a blank
    date_en: str
    supplied: bool
    source: str

    @property
    def is_code(self) -> bool:
        return self.kind in CODES

    def full(self, lang: str) -> str:
        """'Уголовный кодекс Кыргызской Республики от 28 октября 2021 года № 127' /
        'Закон Кыргызской Республики «О …» от 17 марта 2005 года № 55'."""
        country = COUNTRY_NAMES.get(self.country)
        if lang == "en":
            return f"{self.title_en} of {self.date_en}, No. {self.number}"
        if self.is_code:
            head = self.title_ru
        else:
            head = f"Закон {country.of_ru if country else ''} «{self.title_ru}»".replace("  ", " ")
        return f"{head} от {self.date_ru} № {self.number}"

    def short(self, lang: str) -> str:
        """The name a bill's title uses: without date and number."""
        if lang == "en":
            return self.title_en
        if self.is_code:
            return self.title_ru
        country = COUNTRY_NAMES.get(self.country)
        return f"Закон {country.of_ru if country else ''} «{self.title_ru}»".replace("  ", " ")


def date_ru(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {_MONTHS_RU[m - 1]} {y} года"


def _entry(country: str, kind: str, stem: str = "") -> CatalogueEntry | None:
    """The catalogue's entry for the law: the one whose corpus files include `stem` (a supplied law's file), else
    the only entry of its kind. Two laws of one kind (KZ: two victim-support laws) are never confused."""
    entries = [e for e in entries_for(country) if e.kind == kind]
    if stem:
        hit = next((e for e in entries if any(Path(f).stem == stem for f in e.in_corpus)), None)
        if hit is not None:
            return hit
    return entries[0] if len(entries) == 1 or (entries and not stem) else None


def law_name(country: str, kind: str, law: Law | None = None, stem: str = "") -> LawName:
    """The law's official name from the catalogue (checked facts), else from its own file, else blanks.
    `stem`: the supplied law's id (file stem), to find its own entry when its Law is not at hand."""
    stem = stem or (Path(law.source).stem if law is not None else "")
    entry = _entry(country, kind, stem)
    names = KIND_NAMES.get(kind)
    cn = COUNTRY_NAMES.get(country)
    title_ru = (entry.title_ru if entry else None) or ""
    if not title_ru and law is not None and law.language == "ru" and law.title:
        title_ru = " ".join(law.title.split())
        title_ru = title_ru[:1] + title_ru[1:].lower() if title_ru.isupper() else title_ru
    if not title_ru:
        title_ru = f"{BLANK} (официальное название на русском языке уточнить)"
    title_en = (entry.title_en if entry else None) or (
        f"{names.name_en} {cn.of_en}" if names and cn else f"{BLANK} (title to be confirmed)"
    )
    number = (entry.number if entry else None) or (law.number if law is not None and law.number else "") or BLANK
    when = entry.date.isoformat() if entry and entry.date else (law.date if law is not None and law.date else "")
    source = "; ".join(entry.source_of_facts) if entry else ("the law's own file" if law else "none")
    return LawName(
        country, kind, title_ru, title_en, number,
        date_ru(when) if when else BLANK, format_date(entry.date) if entry and entry.date else (when or BLANK),
        law is not None, source,
    )  # fmt: skip
