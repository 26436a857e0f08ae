"""Parsed laws and computed scores kept on disk between server starts, so a new server is ready in seconds.

Reads and writes: the disk cache (lawgap.cache, namespaces "app-laws" and "app-scores"), keyed by the file's
content (or the laws' sha256s) and a fingerprint of lawgap's own code and data (every .py and .toml outside
lawgap/app/, and model_law/): a changed law, parser, rule or matcher never reads a stale entry. The cache is
an accelerator only: an unreadable entry is recomputed.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from lawgap.assess.findings import CountryScore
from lawgap.cache import DiskCache
from lawgap.model import Law
from lawgap.settings import PROJECT_ROOT, model_law_dir

_LAWS = DiskCache("app-laws", 1, ".pickle")
_SCORES = DiskCache("app-scores", 1, ".pickle")
_GRAPHS = DiskCache("app-graphs", 1, ".pickle")


@cache
def fingerprint() -> str:
    """A hash of the code and data that turn files into scores (the app's own modules excepted)."""
    h = hashlib.sha256()
    package = PROJECT_ROOT / "lawgap"
    files = [p for p in package.rglob("*") if p.suffix in (".py", ".toml") and p.relative_to(package).parts[0] != "app"]
    files += list(model_law_dir().rglob("*.toml"))
    for path in sorted(files):
        h.update(str(path.relative_to(PROJECT_ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _get(store: DiskCache, key: str):
    data = store.get(key)
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # a truncated or foreign entry: recompute
        return None


def law_key(path: Path, country: str) -> str:
    """The file's content, where it is (a law names its file) and the code that reads it."""
    return hashlib.sha256(path.read_bytes() + f"|{path}|{country}|{fingerprint()}".encode()).hexdigest()


def load_law(path: Path, country: str) -> Law:
    """The parsed law, from the disk cache when this content was parsed by this code before."""
    from lawgap.parsers import load_law as parse

    key = law_key(path, country)
    law = _get(_LAWS, key)
    if isinstance(law, Law):
        return law
    law = parse(path, country=country)
    _LAWS.put(key, pickle.dumps(law, protocol=pickle.HIGHEST_PROTOCOL))
    return law


def _of_laws(store: DiskCache, kind: type, country: str, laws: tuple[Law, ...], compute):
    """`compute()` unless a result for the same laws (content and file, since results name laws by their
    file) by the same code is on disk."""
    names = sorted(f"{x.sha256}:{x.source}" for x in laws)
    key = hashlib.sha256("|".join([country, fingerprint(), *names]).encode()).hexdigest()
    found = _get(store, key)
    if isinstance(found, kind):
        return found
    found = compute()
    store.put(key, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    return found


def score(country: str, laws: tuple[Law, ...], compute) -> CountryScore:
    return _of_laws(_SCORES, CountryScore, country, laws, compute)


def graph(country: str, laws: tuple[Law, ...]):
    """The country's reference graph (lawgap.refs.graph)."""
    import networkx as nx

    from lawgap.refs.graph import build_graph

    return _of_laws(_GRAPHS, nx.Graph, country, laws, lambda: build_graph(laws))
