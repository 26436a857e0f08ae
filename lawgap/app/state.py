"""What every page reads: the laws found at start, each country's score, and the review applied to it.

Reads: the law folders, the rule set, the review database. Writes: cached laws, scores and workspaces.

Laws are read from the corpus folder (`LAWGAP_CORPUS`, treaties excepted) and from the user's
folder (`LAWGAP_LAWS_DIR`, default national_laws/<CC>/). Each file is parsed once per content
(the cache key is path, size and mtime), each country is scored once per set of laws, and the
review decisions are re-read and re-applied on every run, which costs milliseconds.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import streamlit as st

from lawgap import settings
from lawgap.assess.findings import CountryScore, law_id
from lawgap.assess.score import score_country
from lawgap.errors import LawgapError
from lawgap.model import Law
from lawgap.review import Reviewed
from lawgap.rules import RuleSet, load_rules
from lawgap.settings import corpus_dir, laws_dir
from lawgap.store import ReviewStore
from lawgap.workspace import Workspace, assess

# Corpus folders that hold no national law of a country (the treaties themselves).
NOT_NATIONAL = {"international"}
_CODE = re.compile(r"[A-Z]{2}")


def _hint(folder: str) -> str | None:
    """A two-letter folder (kg, KZ) names the country; others (html, akn) leave it to the text."""
    return folder.upper() if _CODE.fullmatch(folder.upper()) else None


def discover() -> list[tuple[Path, str | None]]:
    """Law files and the country their folder names, corpus first, then the user's folder."""
    from lawgap.parsers import find_law_files

    out: list[tuple[Path, str | None]] = []
    root = corpus_dir()
    if root.is_dir():
        for sub in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in NOT_NATIONAL):
            out.extend((f, _hint(sub.name)) for f in find_law_files([sub]))
    user = laws_dir()
    if user.is_dir():
        for sub in sorted(p for p in user.iterdir() if p.is_dir() and _CODE.fullmatch(p.name)):
            out.extend((f, sub.name) for f in find_law_files([sub]))
    return out


@st.cache_resource(show_spinner=False, max_entries=1000)
def _read(path: str, country: str | None, mtime_ns: int, size: int) -> tuple[Law | None, str | None]:
    from lawgap.parsers import load_law

    try:
        return load_law(Path(path), country=country), None
    except LawgapError as exc:
        return None, str(exc)
    except Exception as exc:  # a parser bug must not take the other laws down with it
        return None, f"{path}: {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class Corpus:
    laws: tuple[Law, ...]
    failures: tuple[tuple[str, str], ...]

    @cached_property
    def by_country(self) -> dict[str, tuple[Law, ...]]:
        out: dict[str, list[Law]] = {}
        for law in self.laws:
            out.setdefault(law.country or "??", []).append(law)
        return {c: tuple(v) for c, v in sorted(out.items())}

    @cached_property
    def sha_of(self) -> dict[str, str]:
        return {law_id(law): law.sha256 for law in self.laws}

    @cached_property
    def by_id(self) -> dict[str, Law]:
        return {law_id(law): law for law in self.laws}


@st.cache_resource(show_spinner=False, max_entries=20)
def _corpus(key: tuple[tuple[str, str | None, int, int], ...]) -> Corpus:
    laws, failures = [], []
    for path, country, mtime, size in key:
        law, error = _read(path, country, mtime, size)
        if law is not None:
            laws.append(law)
        else:
            failures.append((path, error or "unreadable"))
    return Corpus(tuple(laws), tuple(failures))


_RECENT: list[tuple[float, tuple[Path, Path], Corpus]] = []
FRESH_SECONDS = 2.0


def corpus() -> Corpus:
    """The laws as they are on disk now (a file added or changed since the last run is read); the
    folders are looked at again at most every FRESH_SECONDS, since a page asks many times per run."""
    now = time.monotonic()
    where = (corpus_dir(), laws_dir())
    if _RECENT and _RECENT[0][1] == where and now - _RECENT[0][0] < FRESH_SECONDS:
        return _RECENT[0][2]
    key = []
    for path, country in discover():
        try:
            s = path.stat()
        except OSError:
            continue
        key.append((str(path), country, s.st_mtime_ns, s.st_size))
    found = _corpus(tuple(key))
    _RECENT[:] = [(now, where, found)]
    return found


def refresh() -> None:
    """Forget the last look at the folders (after an upload)."""
    _RECENT.clear()


@st.cache_resource(show_spinner=False)
def rules() -> RuleSet:
    return load_rules()


@st.cache_resource(show_spinner=False, max_entries=50)
def _score(country: str, shas: tuple[str, ...], _laws: tuple[Law, ...]) -> CountryScore:
    return score_country(country, _laws, rules())


def score(country: str) -> CountryScore:
    laws = corpus().by_country.get(country, ())
    return _score(country, tuple(law.sha256 for law in laws), laws)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> ReviewStore:
    return ReviewStore(path)


def store() -> ReviewStore:
    from lawgap.store import default_path

    return _store(str(default_path()))


def workspace(country: str) -> Workspace:
    """The country's laws, its cached score and every recorded decision applied (re-read on each run):
    lawgap.workspace, the path the CLI and the report take too."""
    laws = corpus().by_country.get(country, ())
    return assess(country, laws, store().decisions(country), score=score(country))


def reviewed(country: str) -> Reviewed:
    """The country's score with every recorded decision applied."""
    return workspace(country).review


def all_reviewed() -> dict[str, Reviewed]:
    """Every country with laws, its decisions applied."""
    return {country: reviewed(country) for country in corpus().by_country}


def countries() -> list[str]:
    """Countries with laws, then the catalogue's countries still without any (all not assessed)."""
    have = list(corpus().by_country)
    try:
        from lawgap.catalogue import load_catalogue

        extra = [c for c in load_catalogue().codes if c not in have]
    except LawgapError:
        extra = []
    return have + extra


@st.cache_resource(show_spinner=False)
def instruments():
    from lawgap.rules.instruments import load_instruments

    try:
        return load_instruments()
    except LawgapError:
        return None


@st.cache_resource(show_spinner=False, max_entries=20)
def _graph(country: str, shas: tuple[str, ...], _laws: tuple[Law, ...]):
    from lawgap.refs.graph import build_graph

    return build_graph(_laws)


def graph(country: str):
    laws = corpus().by_country.get(country, ())
    return _graph(country, tuple(law.sha256 for law in laws), laws)


@st.cache_resource(show_spinner=False, max_entries=5000)
def _references(country: str, shas: tuple[str, ...], law: str, article: str):
    from lawgap.refs.graph import references_from, references_to

    g = graph(country)
    cited = {(r.target_law, e) for r in references_from(g, law, article, subtree=True) for e in (r.resolved or ())}
    citing = {(r.law, r.eid) for r in references_to(g, law, article, subtree=True)}
    return tuple(sorted(cited, key=str)), tuple(sorted(citing, key=str))


def references(country: str, law: str, article: str) -> tuple[tuple[tuple[str | None, str], ...], ...]:
    """(law sha256, eid) pairs the article (with its parts) cites, and those citing it, from lawgap.refs.graph."""
    laws = corpus().by_country.get(country, ())
    return _references(country, tuple(x.sha256 for x in laws), law, article)


def who() -> str:
    """The reviewer's name: the sidebar entry, else LAWGAP_REVIEWER, else the login name."""
    name = st.session_state.get("who")
    if name:
        return name
    return settings.reviewer()


class UploadProblem(Exception):
    """An upload refused: an i18n key and its parameters, for a message in the user's language."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(key)


def add_upload(name: str, data: bytes, country: str) -> Law:
    """Check, parse and only then store an uploaded law in laws_dir()/<CC>/; on any failure nothing
    is written and earlier data stays as it was."""
    from lawgap.parsers import SUFFIXES, load_law
    from lawgap.settings import max_bytes

    country = country.strip().upper()
    if not _CODE.fullmatch(country):
        raise UploadProblem("upload_bad_country")
    name = Path(name).name
    suffix = "".join(Path(name).suffixes[-2:]).lower() if name.lower().endswith(".akn.xml") else Path(name).suffix
    if Path(name).suffix.lower() not in SUFFIXES:
        allowed = ", ".join(sorted(SUFFIXES))
        raise UploadProblem("upload_bad_type", name=name, suffix=suffix or "?", allowed=allowed)
    limit = max_bytes()
    if len(data) > limit:
        raise UploadProblem("upload_too_big", name=name, size=len(data) / 1048576, mb=round(limit / 1048576))
    folder = laws_dir() / country
    target = folder / name
    if target.exists():
        raise UploadProblem("upload_exists", name=name, folder=str(folder))
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        trial.write_bytes(data)
        try:
            law = load_law(trial, country=country)
        except LawgapError as exc:
            raise UploadProblem("upload_failed", name=name, problem=getattr(exc, "problem", str(exc))) from exc
        except Exception as exc:
            raise UploadProblem("upload_failed", name=name, problem=f"{type(exc).__name__}: {exc}") from exc
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}.part"
    partial.write_bytes(data)
    os.replace(partial, target)
    refresh()
    return law
