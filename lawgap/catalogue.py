"""The catalogue of national laws a gap analysis needs, per Central Asian republic.

Reads: national_laws/catalogue.toml. Writes: the laws each country needs, and what to fetch.

`national_laws/catalogue.toml` is data a lawyer reads and edits: which laws each country must
supply (criminal code, criminal procedure code, anti-trafficking, witness-protection and
migration laws), their official titles, numbers and dates where confirmed, and where they are
published. This module loads it strictly (a typo must not silently drop a law), answers which
laws a country still lacks, and writes the instructions the main job prints when the user has
not supplied any law yet.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

from lawgap.errors import InputError
from lawgap.parsers import SUFFIXES
from lawgap.settings import LAWS_DIR, catalogue_path
from lawgap.vocab import KIND_NAMES, LAW_KINDS, PROJECT_COUNTRIES, REQUIRED_KINDS

_TOP_FIELDS = frozenset({"schema", "countries", "laws"})
_COUNTRY_FIELDS = frozenset({"name_en", "name_ru", "portal", "other_sources"})
_PORTAL_FIELDS = frozenset({"name", "url"})
_ENTRY_FIELDS = frozenset(
    {
        "country",
        "kind",
        "title_ru",
        "title_local",
        "title_en",
        "number",
        "date",
        "url",
        "portal",
        "status",
        "in_corpus",
        "source_of_facts",
        "verify",
        "verify_note",
        "expected_file",
    }
)
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
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"not valid TOML: {exc}") from None
    return _Reader(path).catalogue(raw)


@lru_cache(maxsize=1)
def _default_catalogue() -> Catalogue:
    return load_catalogue()


def entries_for(country: str, catalogue: Catalogue | None = None) -> tuple[CatalogueEntry, ...]:
    return (catalogue or _default_catalogue()).entries_for(country)


def missing_for(
    country: str, found_kinds: Iterable[str | None], catalogue: Catalogue | None = None
) -> tuple[CatalogueEntry, ...]:
    return (catalogue or _default_catalogue()).missing_for(country, found_kinds)


class _Reader:
    """Turns the parsed TOML into dataclasses, checking each field where it is read."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, field: str | None, problem: str) -> CatalogueError:
        return CatalogueError(self.path, where, field, problem)

    def catalogue(self, raw: Mapping) -> Catalogue:
        self._no_unknown(raw, _TOP_FIELDS, "top level")
        if raw.get("schema") != 1:
            raise self.fail("top level", "schema", f"expected 1, found {raw.get('schema')!r}")
        countries_raw = raw.get("countries")
        if not isinstance(countries_raw, dict) or not countries_raw:
            raise self.fail("top level", "countries", "missing: add a [countries.XX] table per country")
        countries = tuple(self._country(code, value) for code, value in countries_raw.items())
        by_code = {c.code: c for c in countries}
        laws = raw.get("laws")
        if not isinstance(laws, list) or not laws:
            raise self.fail("top level", "laws", "missing: add one [[laws]] table per law")
        entries = tuple(self._entry(i, value, by_code) for i, value in enumerate(laws))
        seen: set[tuple[str, str]] = set()
        for i, e in enumerate(entries):
            # One law per required kind, or "which law is missing" has no single answer.
            if e.required and (e.country, e.kind) in seen:
                raise self.fail(f"laws[{i}] ({e.country} {e.kind})", "kind", "a second entry of this kind")
            seen.add((e.country, e.kind))
        return Catalogue(path=self.path, countries=countries, entries=entries)

    def _no_unknown(self, table: Mapping, allowed: frozenset[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(where, key, f"unknown field (allowed: {', '.join(sorted(allowed))})")

    def _code(self, value: object, where: str, field: str) -> str:
        if value not in PROJECT_COUNTRIES:
            raise self.fail(where, field, f"{value!r} is not one of {', '.join(PROJECT_COUNTRIES)}")
        return str(value)

    def _text(self, table: Mapping, field: str, where: str, *, required: bool = False) -> str | None:
        value = table.get(field)
        if value is None:
            if required:
                raise self.fail(where, field, "missing")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, field, f"must be a non-empty string, found {value!r}")
        return value.strip()

    def _url(self, table: Mapping, field: str, where: str, *, required: bool = False) -> str | None:
        value = self._text(table, field, where, required=required)
        if value is not None and not _URL.fullmatch(value):
            raise self.fail(where, field, f"{value!r} is not an http(s) address")
        return value

    def _portal(self, value: object, where: str, field: str) -> Portal:
        if not isinstance(value, dict):
            raise self.fail(where, field, "must be a table { name = ..., url = ... }")
        self._no_unknown(value, _PORTAL_FIELDS, f"{where}, {field}")
        name = self._text(value, "name", f"{where}, {field}", required=True)
        url = self._url(value, "url", f"{where}, {field}", required=True)
        return Portal(name=name, url=url)

    def _country(self, code: str, value: object) -> Country:
        where = f"[countries.{code}]"
        code = self._code(code, where, "code")
        if not isinstance(value, dict):
            raise self.fail(where, None, "must be a table")
        self._no_unknown(value, _COUNTRY_FIELDS, where)
        others = value.get("other_sources", [])
        if not isinstance(others, list):
            raise self.fail(where, "other_sources", "must be a list of { name, url } tables")
        return Country(
            code=code,
            name_en=self._text(value, "name_en", where, required=True),
            name_ru=self._text(value, "name_ru", where, required=True),
            portal=self._portal(value.get("portal"), where, "portal"),
            other_sources=tuple(self._portal(o, where, "other_sources") for o in others),
        )

    def _strings(self, table: Mapping, field: str, where: str) -> tuple[str, ...]:
        value = table.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, field, "must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def _date(self, value: object, where: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError as exc:
                raise self.fail(where, "date", f"{value!r} is not a real date ({exc})") from None
        raise self.fail(where, "date", f"{value!r} is not an ISO date such as 2021-10-28")

    def _entry(self, index: int, value: object, countries: Mapping[str, Country]) -> CatalogueEntry:
        where = f"laws[{index}]"
        if not isinstance(value, dict):
            raise self.fail(where, None, "must be a [[laws]] table")
        # Name the entry by what it is as soon as that is known, so errors point a reader at it.
        country_raw, kind_raw = value.get("country"), value.get("kind")
        where = f"laws[{index}] ({country_raw or '?'} {kind_raw or '?'})"
        self._no_unknown(value, _ENTRY_FIELDS, where)
        country = self._code(country_raw, where, "country")
        if country not in countries:
            raise self.fail(where, "country", f"{country} has no [countries.{country}] table")
        if kind_raw not in LAW_KINDS:
            raise self.fail(where, "kind", f"{kind_raw!r} is not one of {', '.join(LAW_KINDS)}")
        kind = str(kind_raw)

        number = value.get("number")
        if number is not None and (not isinstance(number, str) or not number.strip()):
            raise self.fail(where, "number", f'write the number as a string ("127"), found {number!r}')
        when = self._date(value.get("date"), where)
        sources = self._strings(value, "source_of_facts", where)
        if (number is not None or when is not None) and not sources:
            raise self.fail(where, "source_of_facts", "a number or date needs the source it was checked in")

        verify = value.get("verify", False)
        if not isinstance(verify, bool):
            raise self.fail(where, "verify", f"must be true or false, found {verify!r}")
        note = self._text(value, "verify_note", where, required=verify)
        if note and not verify:
            raise self.fail(where, "verify_note", "given but verify is not true")
        title_ru = self._text(value, "title_ru", where)
        title_local = self._text(value, "title_local", where)
        if title_ru is None and not verify:
            raise self.fail(where, "title_ru", "missing: give the official title, or set verify = true")
        if title_ru is None and title_local is None and not sources:
            raise self.fail(where, "source_of_facts", "a law with no confirmed title needs at least one lead")

        in_corpus = self._strings(value, "in_corpus", where)
        for rel in in_corpus:
            p = PurePosixPath(rel)
            if p.is_absolute() or ".." in p.parts or "\\" in rel:
                raise self.fail(where, "in_corpus", f"{rel!r} must be a relative path under the corpus")
        expected = self._text(value, "expected_file", where)
        if expected is not None:
            p = PurePosixPath(expected)
            if p.parts[:2] != (LAWS_DIR, country) or len(p.parts) != 3:
                raise self.fail(where, "expected_file", f"{expected!r} must be {LAWS_DIR}/{country}/<file name>")
            if p.suffix.lower() not in SUFFIXES:
                raise self.fail(where, "expected_file", f"{p.suffix or 'no suffix'} is not an accepted format")

        portal = countries[country].portal
        if "portal" in value:
            portal = self._portal(value["portal"], where, "portal")
        return CatalogueEntry(
            country=country,
            kind=kind,
            title_en=self._text(value, "title_en", where, required=True),
            portal=portal,
            title_ru=title_ru,
            title_local=title_local,
            number=number.strip() if number else None,
            date=when,
            url=self._url(value, "url", where),
            status=self._text(value, "status", where),
            in_corpus=in_corpus,
            source_of_facts=sources,
            verify=verify,
            verify_note=note,
            expected_file=expected,
        )


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
