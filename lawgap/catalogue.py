"""The catalogue of national laws a gap analysis needs, per Central Asian republic.

Reads: national_laws/catalogue.toml. Writes: the laws each country needs, and what to fetch.

`national_laws/catalogue.toml` is data a lawyer reads and edits: which laws each country must
supply (criminal code, criminal procedure code, anti-trafficking, witness-protection and
migration laws), their official titles, numbers and dates where confirmed, and where they are
published. This module loads it strictly (the models below, read by the shared strict reader in
lawgap/rules/strict_toml.py: a typo must not silently drop a law), answers which laws a country
still lacks, and writes the instructions the main job prints when the user has not supplied any
law yet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator, model_validator

from lawgap.errors import InputError
from lawgap.parsers.formats import SUFFIXES
from lawgap.rules.strict_toml import FieldError, Problem, Strict, Text, Texts, one_of, read_toml, validate
from lawgap.settings import LAWS_DIR, catalogue_path
from lawgap.vocab import KIND_NAMES, LAW_KINDS, PROJECT_COUNTRIES, REQUIRED_KINDS

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"https?://\S+")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class CatalogueError(InputError):
    """A catalogue that cannot be trusted: names the file, the entry and the field at fault."""

    def __init__(self, path: str | Path, where: str, field: str | None, problem: str):
        self.where = where
        self.field = field
        detail = f"{where}, field '{field}': {problem}" if field else f"{where}: {problem}"
        super().__init__(path, detail)


@dataclass(frozen=True)
class Portal:
    """Where a country publishes its laws (or one law's own page)."""

    name: str
    url: str


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_ru: str
    portal: Portal
    other_sources: tuple[Portal, ...] = ()


@dataclass(frozen=True)
class CatalogueEntry:
    """One law a country must (or may) supply, with only the facts that were checked."""

    country: str
    kind: str
    title_en: str
    portal: Portal
    title_ru: str | None = None
    title_local: str | None = None
    number: str | None = None
    date: date | None = None
    url: str | None = None
    status: str | None = None
    in_corpus: tuple[str, ...] = ()
    source_of_facts: tuple[str, ...] = ()
    verify: bool = False
    verify_note: str | None = None
    expected_file: str | None = None

    @property
    def required(self) -> bool:
        return self.kind in REQUIRED_KINDS

    @property
    def title(self) -> str:
        """The best title to show: the official Russian one, else the state-language one."""
        return self.title_ru or self.title_local or self.title_en

    def citation(self) -> str:
        """'No. 127 of 28 October 2021', or as much of it as is known ('' when nothing is)."""
        parts = []
        if self.number:
            parts.append(f"No. {self.number}")
        if self.date:
            parts.append(f"of {format_date(self.date)}")
        return " ".join(parts)


@dataclass(frozen=True)
class Catalogue:
    """The countries and their laws, in file order, with the file they were read from."""

    path: Path
    countries: tuple[Country, ...]
    entries: tuple[CatalogueEntry, ...]

    def country(self, code: str) -> Country:
        for c in self.countries:
            if c.code == code:
                return c
        raise ValueError(f"unknown country code {code!r}; the catalogue has {', '.join(self.codes)}")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.countries)

    def entries_for(self, country: str) -> tuple[CatalogueEntry, ...]:
        """The laws listed for one country, in catalogue order; none for a country it does not cover."""
        return tuple(e for e in self.entries if e.country == country)

    def missing_for(self, country: str, found_kinds: Iterable[str | None]) -> tuple[CatalogueEntry, ...]:
        """The required laws of `country` whose kind is not among the kinds found in the user's files."""
        found = set(found_kinds)
        return tuple(e for e in self.entries_for(country) if e.required and e.kind not in found)


def format_date(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def default_path() -> Path:
    return catalogue_path()


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read and check the catalogue; any problem raises CatalogueError (an InputError)."""
    path = Path(path) if path is not None else default_path()
    if not path.is_file():
        raise InputError(path, "catalogue of national laws not found (set LAWGAP_CATALOGUE to its path)")
    raw = read_toml(path, lambda problem: InputError(path, problem))
    model = validate(_File, raw, lambda problem: _error(path, raw, problem))
    countries = tuple(c.country(code) for code, c in model.countries.items())
    portals = {c.code: c.portal for c in countries}
    entries = tuple(law.entry(portals[law.country]) for law in model.laws)
    return Catalogue(path=path, countries=countries, entries=entries)


@lru_cache(maxsize=1)
def _default_catalogue() -> Catalogue:
    return load_catalogue()


def entries_for(country: str, catalogue: Catalogue | None = None) -> tuple[CatalogueEntry, ...]:
    return (catalogue or _default_catalogue()).entries_for(country)


def missing_for(
    country: str, found_kinds: Iterable[str | None], catalogue: Catalogue | None = None
) -> tuple[CatalogueEntry, ...]:
    return (catalogue or _default_catalogue()).missing_for(country, found_kinds)


# --- the models: what the catalogue may say, checked as it is read ------------------------------


def _url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise ValueError(f"{value!r} is not an http(s) address")
    return value


def _relative(paths: tuple[str, ...]) -> tuple[str, ...]:
    for rel in paths:
        p = PurePosixPath(rel)
        if p.is_absolute() or ".." in p.parts or "\\" in rel:
            raise ValueError(f"{rel!r} must be a relative path under the corpus")
    return paths


Url = Annotated[Text, AfterValidator(_url)]
CountryCode = one_of(PROJECT_COUNTRIES)
Kind = one_of(LAW_KINDS)
CorpusPaths = Annotated[Texts, AfterValidator(_relative)]


class _Portal(Strict):
    not_a_table = "must be a table { name = ..., url = ... }"
    name: Text
    url: Url

    def portal(self) -> Portal:
        return Portal(name=self.name, url=self.url)


class _Country(Strict):
    name_en: Text
    name_ru: Text
    portal: _Portal
    other_sources: list[_Portal] = []

    def country(self, code: str) -> Country:
        others = tuple(o.portal() for o in self.other_sources)
        return Country(code, self.name_en, self.name_ru, self.portal.portal(), others)


class _Law(Strict):
    not_a_table = "must be a [[laws]] table"
    country: CountryCode
    kind: Kind
    title_ru: Text | None = None
    title_local: Text | None = None
    title_en: Text
    number: Text | None = None
    date: dt.date | None = None
    url: Url | None = None
    portal: _Portal | None = None
    status: Text | None = None
    in_corpus: CorpusPaths = ()
    source_of_facts: Texts = ()
    verify: bool = False
    verify_note: Text | None = None
    expected_file: Text | None = None

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: object) -> object:
        if not isinstance(value, str):
            raise ValueError(f'write the number as a string ("127"), found {value!r}')
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> dt.date:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as exc:
                raise ValueError(f"{value!r} is not a real date ({exc})") from None
        raise ValueError(f"{value!r} is not an ISO date such as 2021-10-28")

    @model_validator(mode="after")
    def _facts_have_sources(self) -> _Law:
        sources = self.source_of_facts
        if (self.number is not None or self.date is not None) and not sources:
            raise FieldError("a number or date needs the source it was checked in", "source_of_facts")
        if self.verify and not self.verify_note:
            raise FieldError("missing", "verify_note")
        if self.verify_note and not self.verify:
            raise FieldError("given but verify is not true", "verify_note")
        if self.title_ru is None and not self.verify:
            raise FieldError("missing: give the official title, or set verify = true", "title_ru")
        if self.title_ru is None and self.title_local is None and not sources:
            raise FieldError("a law with no confirmed title needs at least one lead", "source_of_facts")
        if self.expected_file is not None:
            p = PurePosixPath(self.expected_file)
            if p.parts[:2] != (LAWS_DIR, self.country) or len(p.parts) != 3:
                problem = f"{self.expected_file!r} must be {LAWS_DIR}/{self.country}/<file name>"
                raise FieldError(problem, "expected_file")
            if p.suffix.lower() not in SUFFIXES:
                raise FieldError(f"{p.suffix or 'no suffix'} is not an accepted format", "expected_file")
        return self

    def entry(self, country_portal: Portal) -> CatalogueEntry:
        return CatalogueEntry(
            country=self.country,
            kind=self.kind,
            title_en=self.title_en,
            portal=self.portal.portal() if self.portal else country_portal,
            title_ru=self.title_ru,
            title_local=self.title_local,
            number=self.number,
            date=self.date,
            url=self.url,
            status=self.status,
            in_corpus=self.in_corpus,
            source_of_facts=self.source_of_facts,
            verify=self.verify,
            verify_note=self.verify_note,
            expected_file=self.expected_file,
        )


def _not_empty(what: str):
    def check(value: dict | list) -> dict | list:
        if not value:
            raise ValueError(f"missing: {what}")
        return value

    return AfterValidator(check)


class _File(Strict):
    schema_: int = Field(alias="schema")
    countries: Annotated[dict[CountryCode, _Country], _not_empty("add a [countries.XX] table per country")] = Field(
        default={}, validate_default=True
    )
    laws: Annotated[list[_Law], _not_empty("add one [[laws]] table per law")] = Field(
        default=[], validate_default=True
    )

    @field_validator("schema_", mode="before")
    @classmethod
    def _version(cls, value: object) -> object:
        if value != 1 or isinstance(value, bool):
            raise ValueError(f"expected 1, found {value!r}")
        return value

    @model_validator(mode="after")
    def _laws_fit_the_countries(self) -> _File:
        seen: set[tuple[str, str]] = set()
        for i, law in enumerate(self.laws):
            if law.country not in self.countries:
                raise FieldError(f"{law.country} has no [countries.{law.country}] table", "laws", i, "country")
            # One law per required kind, or "which law is missing" has no single answer.
            if law.kind in REQUIRED_KINDS and (law.country, law.kind) in seen:
                raise FieldError("a second entry of this kind", "laws", i, "kind")
            seen.add((law.country, law.kind))
        return self


def _error(path: Path, raw: dict, problem: Problem) -> CatalogueError:
    """Name the entry as a reader finds it ("[countries.KG]", "laws[0] (KG criminal_code)"); a nested
    table joins the entry ("laws[0] (KG criminal_code), portal"), and the last key is the field."""
    loc = problem.loc
    if len(loc) >= 2 and loc[0] == "countries":
        where, rest = f"[countries.{loc[1]}]", loc[2:]
        if rest == ("[key]",):
            return CatalogueError(path, where, "code", problem.message)
    elif len(loc) >= 2 and loc[0] == "laws":
        law = raw["laws"][loc[1]]
        where, rest = f"laws[{loc[1]}]", loc[2:]
        if isinstance(law, dict):
            where += f" ({law.get('country') or '?'} {law.get('kind') or '?'})"
    else:
        where, rest = "top level", loc
    keys = [str(k) for k in rest if isinstance(k, str)]
    return CatalogueError(path, ", ".join([where, *keys[:-1]]), keys[-1] if keys else None, problem.message)


_FORMATS = (
    "Word .docx",
    "PDF .pdf (scanned pages are read with OCR)",
    "web page .html or .htm, saved from the official portal",
    "plain text .txt",
    "Markdown .md",
    "Akoma Ntoso XML .xml or .akn",
)


def instructions(folder: Path, catalogue: Catalogue | None = None) -> str:
    """What the main job prints when no law files are present: what to put where, and from where."""
    cat = catalogue or _default_catalogue()
    folder = Path(folder)
    lines = [
        f"No national law files were found in {folder}.",
        "",
        "lawgap compares national law with the UN Protocols on trafficking in persons and on the",
        "smuggling of migrants. Download the laws below from the official portals and save one",
        "file per law in the folder of its country. File names are free: lawgap recognises the",
        "kind of law from its title (a name such as the suggested one helps a human reader).",
        "",
        "Accepted formats:",
        *(f"  - {f}" for f in _FORMATS),
        "Other formats (for example .rtf or .doc) are not read: open them in a word processor",
        "and save them as .docx.",
        "lawgap reads Russian, Kyrgyz and English texts: take the Russian version where the",
        "portal offers the state language and Russian. Use the current consolidated text (with",
        "all amendments) where the portal offers one.",
    ]
    for country in cat.countries:
        cfolder = folder / country.code
        state = "" if cfolder.is_dir() else "  (create this folder)"
        lines += ["", f"{country.name_en} ({country.code}): put the files in {cfolder}{state}"]
        lines.append(f"  Official source: {country.portal.name}, {country.portal.url}")
        for other in country.other_sources:
            lines.append(f"  Also: {other.name}, {other.url}")
        for n, entry in enumerate(cat.entries_for(country.code), start=1):
            lines += _entry_lines(n, entry, country, cfolder)
    unverified = sum(e.verify for e in cat.entries)
    lines += [
        "",
        f"Entries marked 'To check' ({unverified} of {len(cat.entries)}) have facts that could not be confirmed;",
        f"the catalogue, {cat.path}, says where each fact was checked.",
        "When the files are in place, run the same command again.",
    ]
    return "\n".join(lines) + "\n"


def _entry_lines(n: int, entry: CatalogueEntry, country: Country, cfolder: Path) -> list[str]:
    head = f"  {n}. {KIND_NAMES[entry.kind].label_en}: {entry.title}"
    cite = entry.citation()
    lines = [head + (f", {cite}" if cite else "")]
    if entry.title != entry.title_en:
        lines.append(f"     ({entry.title_en})")
    if entry.title_ru and entry.title_local:
        lines.append(f"     State-language title: {entry.title_local}")
    if entry.url:
        lines.append(f"     Download: {entry.url}")
    elif entry.portal != country.portal:
        lines.append(f"     Download: {entry.portal.name}, {entry.portal.url}")
    if entry.expected_file:
        lines.append(f"     Save as, for example: {cfolder / PurePosixPath(entry.expected_file).name}")
    if entry.verify:
        lines.append(f"     To check: {entry.verify_note}")
    return lines
