"""One disk cache for work that is slow to redo and depends only on a file's content: OCR, lemmas, references.

Reads and writes: files under `settings.cache_dir()/<namespace>/`, named by a content key (a law's
sha256, a set of them) and the namespace's version, so a changed file or a changed algorithm never
reads a stale entry. Writes are atomic (a unique temporary file renamed into place), so two
processes filling the same entry never leave half a file. The cache is an accelerator, never a
source of truth: a missing, unreadable or unwritable entry only costs the time to recompute it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from lawgap import settings

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class DiskCache:
    """Entries of one kind: `namespace` names the folder, `version` is bumped when their format or the
    algorithm that computes them changes, `suffix` is the file type (".json", ".json.gz")."""

    namespace: str
    version: int
    suffix: str = ".json"

    @property
    def folder(self) -> Path:
        return settings.cache_dir() / self.namespace

    def path(self, key: str) -> Path:
        return self.folder / f"{key}-v{self.version}{self.suffix}"

    def get(self, key: str) -> bytes | None:
        """The stored bytes, or None when there is no readable entry."""
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        """Store atomically; a read-only or full disk is ignored (it only costs speed)."""
        target = self.path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass


class Memo(Generic[K, V]):
    """The last `size` values kept in this process, least recently used first out: what one run asks for again and
    again (a law read against the rules, its lemma index) while checking drafts re-scores a country many times."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        _MEMOS.append(self)

    def clear(self) -> None:
        self._items.clear()

    def get(self, key: K, default: V) -> V:
        if key not in self._items:
            return default
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key: K, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self._size:
            self._items.popitem(last=False)


_MEMOS: list[Memo] = []


def forget_memos() -> None:
    """Empty every Memo of this process, as a new process starts (a benchmark's cold and disk-warm runs)."""
    for memo in _MEMOS:
        memo.clear()


@cache
def code_digest(patterns: tuple[str, ...]) -> str:
    """A digest of the package's source files matching `patterns` (globs under lawgap/): a cache whose entries that
    code computes keys on it, so an entry the code of another day wrote is never read (a version number is bumped
    by hand, and forgotten)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(root.glob(pattern)):
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
