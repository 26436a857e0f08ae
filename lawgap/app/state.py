"""What every page reads: the laws found, and one reviewed score per country through lawgap.workspace.

Reads: the law folders, the rule set, the review database. Writes: cached laws, scores and workspaces.

Laws come from the corpus folder (`LAWGAP_CORPUS`), only from its folders named after a republic of the
project (kg, kz: format fixtures such as the UK and Italian Akoma Ntoso files are never countries), and
from the user's folder (`LAWGAP_LAWS_DIR`, one folder per country code). Each file is parsed once per
content, each country scored once per set of laws, and its reviewed score is kept until the review
database changes, so a click re-renders the page without recomputing anything.
"""

from __future__ import annotations

import gc
import importlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import streamlit as st

from lawgap.app import snapshot
from lawgap.app.i18n import per_run
from lawgap.assess.findings import CountryScore, Finding, law_id, summarise
from lawgap.assess.score import score_country
from lawgap.errors import LawgapError
from lawgap.model import Law
from lawgap.review import Decisions, Reviewed
from lawgap.rules import RuleSet, load_rules
from lawgap.settings import corpus_dir, laws_dir
from lawgap.store import ReviewStore, connect
from lawgap.vocab import NOT_ASSESSED, PROJECT_COUNTRIES
from lawgap.workspace import Workspace, assess

CODE = re.compile(r"[A-Z]{2}")


def discover() -> list[tuple[Path, str]]:
    """Law files and their country: the corpus's folders of the project's republics, then the user's folders.
    Hidden files and folders (uploads in progress, deleted laws) are not laws."""
    from lawgap.parsers import find_law_files

    out: list[tuple[Path, str]] = []
    root = corpus_dir()
    if root.is_dir():
        for sub in sorted(p for p in root.iterdir() if p.is_dir() and p.name.upper() in PROJECT_COUNTRIES):
            out.extend((f, sub.name.upper()) for f in find_law_files([sub]) if not _hidden(f, sub))
    user = laws_dir()
    if user.is_dir():
        for sub in sorted(p for p in user.iterdir() if p.is_dir() and CODE.fullmatch(p.name)):
            out.extend((f, sub.name) for f in find_law_files([sub]) if not _hidden(f, sub))
    return out


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


@st.cache_resource(show_spinner=False, max_entries=1000)
def _read(path: str, country: str, mtime_ns: int, size: int) -> tuple[Law | None, str | None]:
    try:
        return snapshot.load_law(Path(path), country), None
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
            out.setdefault(law.country or "", []).append(law)
        return {c: tuple(v) for c, v in sorted(out.items())}

    @cached_property
    def sha_of(self) -> dict[str, str]:
        return {law_id(law): law.sha256 for law in self.laws}

    @cached_property
    def by_id(self) -> dict[str, Law]:
        return {law_id(law): law for law in self.laws}

    @cached_property
    def by_sha(self) -> dict[str, Law]:
        return {law.sha256: law for law in self.laws}


Key = tuple[tuple[str, str, int, int], ...]


def _key() -> Key:
    key = []
    for path, country in discover():
        try:
            s = path.stat()
        except OSError:
            continue
        key.append((str(path), country, s.st_mtime_ns, s.st_size))
    return tuple(key)


@st.cache_resource(show_spinner=False, max_entries=20)
def _corpus(key: Key) -> Corpus:
    laws, failures = [], []
    for path, country, mtime, size in key:
        law, error = _read(path, country, mtime, size)
        if law is not None:
            laws.append(law)
        else:
            failures.append((path, error or "unreadable"))
    return Corpus(tuple(laws), tuple(failures))


_RECENT: list[tuple[float, tuple[Path, Path], Key]] = []
FRESH_SECONDS = 2.0


def _current_key() -> Key:
    """The folders are looked at again at most every FRESH_SECONDS, since a page asks many times per run."""
    now = time.monotonic()
    where = (corpus_dir(), laws_dir())
    if _RECENT and _RECENT[0][1] == where and now - _RECENT[0][0] < FRESH_SECONDS:
        return _RECENT[0][2]
    key = _key()
    _RECENT[:] = [(now, where, key)]
    return key


def corpus() -> Corpus:
    """The laws as they are on disk now (a file added or changed since the last run is read)."""
    return _corpus(_current_key())


def refresh() -> None:
    """Forget the last look at the folders (after an upload or a deletion)."""
    _RECENT.clear()


_WARMED: set[Key] = set()


_LATER_MODULES = (
    "lawgap.drafting.draft",
    "lawgap.drafting.offer",
    "lawgap.drafting.redline",
    "lawgap.publish.amendment_akn",
    "lawgap.publish.docx",
    "lawgap.publish.markdown",
    "lawgap.publish.matrix",
    "lawgap.publish.matrix_pdf",
    "lawgap.publish.report",
    "lawgap.publish.report_content",
)


def warm(progress: Callable[[float, str, str], None]) -> None:
    """Read every law and score every country, telling `progress(share, "law" | "country", name)` before each
    step, so the first start of a server shows which law it reads; a server that has done it already skips it."""
    key = _current_key()
    if key in _WARMED:
        return
    countries = sorted({c for _, c, _, _ in key})
    total = len(key) + len(countries)
    for n, (path, country, mtime, size) in enumerate(key):
        progress(n / total, "law", Path(path).name)
        _read(path, country, mtime, size)
    for n, country in enumerate(countries, len(key)):
        progress(n / total, "country", country)
        score(country)
        laws = corpus().by_country.get(country, ())
        _graph(country, tuple(law.sha256 for law in laws), laws)
    _WARMED.add(key)
    # the modules the drafting page and the exports import when first used (python-docx, openpyxl):
    # loaded here, during the start that shows its progress, and not on an adviser's first click
    for name in _LATER_MODULES:
        importlib.import_module(name)
    # The laws and scores now live as long as the server: keep the garbage collector from walking their
    # millions of objects on every collection (a pause of a second per click otherwise).
    gc.collect()
    gc.freeze()


def is_warm() -> bool:
    return _current_key() in _WARMED


@st.cache_resource(show_spinner=False)
def rules() -> RuleSet:
    return load_rules()


@st.cache_resource(show_spinner=False, max_entries=50)
def _score(country: str, shas: tuple[str, ...], _laws: tuple[Law, ...]) -> CountryScore:
    return snapshot.score(country, _laws, lambda: score_country(country, _laws, rules()))


def score(country: str) -> CountryScore:
    laws = corpus().by_country.get(country, ())
    return _score(country, tuple(law.sha256 for law in laws), laws)


def assessed_scores(cs: CountryScore) -> tuple[dict[str, float | None], float | None]:
    """Scores per category and overall over the findings that were assessed: a category with none is None
    ("–" on the page), never 0."""
    findings = [f for f in cs.findings if f.status != NOT_ASSESSED]
    cats, overall = summarise(findings)
    every = {f.rule.category: cats.get(f.rule.category) for f in cs.findings}
    return every, (overall if findings else None)


@st.cache_resource(show_spinner=False)
def _store(path: str) -> ReviewStore:
    return ReviewStore(path)


def store() -> ReviewStore:
    from lawgap.store import default_path

    return _store(str(default_path()))


@per_run
def review_version() -> int:
    """The last entry of the audit log: any decision recorded anywhere changes it."""
    with connect(store().path) as con:
        return con.execute("SELECT COALESCE(MAX(id), 0) FROM lawgap_review_audit").fetchone()[0]


@st.cache_resource(show_spinner=False, max_entries=100)
def _workspace(country: str, shas: tuple[str, ...], version: int, _laws: tuple[Law, ...]) -> Workspace:
    return assess(country, _laws, decisions(country), score=score(country))


def workspace(country: str) -> Workspace:
    """The country's laws, its cached score and every recorded decision applied: lawgap.workspace, the path
    the CLI and the report take too. Recomputed only when a law or a decision changed."""
    laws = corpus().by_country.get(country, ())
    return _workspace(country, tuple(law.sha256 for law in laws), review_version(), laws)


@st.cache_resource(show_spinner=False, max_entries=100)
def _decisions(country: str, version: int) -> Decisions:
    return store().decisions(country)


def decisions(country: str) -> Decisions:
    """The decisions recorded for a country (who, when, why), re-read only when the database changed."""
    return _decisions(country, review_version())


def reviewed(country: str) -> Reviewed:
    return workspace(country).review


def finding(country: str, rule_id: str) -> Finding:
    return next(f for f in reviewed(country).score.findings if f.rule.id == rule_id)


def with_laws() -> list[str]:
    """Countries with at least one law read: the only ones a page may open on."""
    return [c for c, laws in corpus().by_country.items() if laws and c]


def countries() -> list[str]:
    """The five republics always, then any other country whose laws the user loaded."""
    return [*PROJECT_COUNTRIES, *(c for c in with_laws() if c not in PROJECT_COUNTRIES)]


@st.cache_resource(show_spinner=False)
def instruments():
    from lawgap.rules.instruments import load_instruments

    try:
        return load_instruments()
    except LawgapError:
        return None


@st.cache_resource(show_spinner=False, max_entries=20)
def _graph(country: str, shas: tuple[str, ...], _laws: tuple[Law, ...]):
    return snapshot.graph(country, _laws)


@st.cache_resource(show_spinner=False, max_entries=5000)
def _references(country: str, shas: tuple[str, ...], law: str, article: str):
    from lawgap.refs.graph import references_from, references_to

    laws = corpus().by_country.get(country, ())
    g = _graph(country, shas, laws)
    cited = {(r.target_law, e) for r in references_from(g, law, article, subtree=True) for e in (r.resolved or ())}
    citing = {(r.law, r.eid) for r in references_to(g, law, article, subtree=True)}
    return tuple(sorted(cited, key=str)), tuple(sorted(citing, key=str))


def references(country: str, law: str, article: str) -> tuple[tuple[tuple[str | None, str], ...], ...]:
    """(law sha256, eid) pairs the article (with its parts) cites, and those citing it, from lawgap.refs.graph."""
    laws = corpus().by_country.get(country, ())
    return _references(country, tuple(x.sha256 for x in laws), law, article)
