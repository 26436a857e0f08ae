"""One disk cache for work that is slow to redo and depends only on a file's content: OCR, lemmas, references.

Reads and writes: files under `settings.cache_dir()/<namespace>/`, named by a content key (a law's
sha256, a set of them) and the namespace's version, so a changed file or a changed algorithm never
reads a stale entry. Writes are atomic (a unique temporary file renamed into place), so two
processes filling the same entry never leave half a file. The cache is an accelerator, never a
source of truth: a missing, unreadable or unwritable entry only costs the time to recompute it.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lawgap import settings


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
