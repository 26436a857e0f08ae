"""Writing an export file all at once: a temp file in the same folder, then os.replace.

Reads: the bytes to write. Writes: the file, whole or not at all.

A failed export (unwritable folder, full disk, a renderer error) leaves no partial file behind
and raises `ExportError` naming the path and the reason in one line. A file the rename could not
replace in place is never replaced silently: a read-only file is refused, a symbolic link is
written through (its target is replaced, the link kept), a special file (/dev/stdout) is written to.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from lawgap.errors import LawgapError


class ExportError(LawgapError):
    """An export that could not be written: `path: reason`."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        super().__init__(f"{path}: cannot write the export: {reason}")


def _mode(path: Path) -> int:
    """The mode the file would get from open(): the old file's, else 0o666 less the umask (mkstemp gives 0o600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _target(path: Path) -> Path:
    """The file an export replaces: a link's target (the link stays), never a read-only file."""
    if path.is_symlink():
        path = path.resolve()
    try:
        mode = path.stat().st_mode
    except OSError:
        return path
    if stat.S_ISREG(mode) and not mode & 0o222:
        raise ExportError(path, "the file is read-only and was not replaced (make it writable or choose another name)")
    return path


def _write_special(path: Path, data: bytes | str | Callable[[Path], None]) -> Path:
    """A device or pipe (-o /dev/stdout) cannot be renamed over: written in place."""
    if callable(data):
        raise ExportError(path, "not a regular file: this export needs a file it can rename into place")
    try:
        with open(path, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise ExportError(path, exc.strerror or str(exc)) from None
    return path


def write_atomic(path: str | Path, data: bytes | str | Callable[[Path], None]) -> Path:
    """Write bytes, text (UTF-8) or, through a callback that writes to the temp path, a whole file."""
    path = _target(Path(path))
    if path.exists() and not path.is_file():
        return _write_special(path, data)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(path, f"folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(path, f"folder {folder} is not writable")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ExportError(path, exc.strerror or str(exc)) from None
    tmp_path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, str):
                fh.write(data.encode("utf-8"))
            elif isinstance(data, bytes):
                fh.write(data)
        if callable(data):
            data(tmp_path)
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, _mode(path))
        os.replace(tmp_path, path)
    except ExportError:
        tmp_path.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise ExportError(path, exc.strerror or str(exc)) from None
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return path
