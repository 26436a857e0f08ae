"""Adding, replacing and deleting the user's law files, and the review decisions a change leaves behind.

Reads: an uploaded file's bytes, the laws already loaded, the review database. Writes: law files under
laws_dir()/<CC>/ (checked and parsed first; written under a unique hidden name, then linked into place so that
two uploads of the same name at once both keep their file), deleted files moved to laws_dir()/.deleted/.
A replaced law's evidence decisions follow it to the new file where the provision still exists; the others
stay in the database and are listed as orphaned.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

from lawgap.app import state
from lawgap.errors import LawgapError
from lawgap.model import Law
from lawgap.review import EvidenceDecision
from lawgap.settings import laws_dir, max_bytes

DELETED = ".deleted"


class UploadProblem(Exception):
    """An upload refused: an i18n key and its parameters, for a message in the user's language."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(key)


def _check(name: str, data: bytes, country: str) -> tuple[str, str]:
    from lawgap.parsers import SUFFIXES

    country = country.strip().upper()
    if not state.CODE.fullmatch(country):
        raise UploadProblem("upload_bad_country")
    name = Path(name).name
    if Path(name).suffix.lower() not in SUFFIXES or name.startswith("."):
        allowed = ", ".join(sorted(SUFFIXES))
        raise UploadProblem("upload_bad_type", name=name, suffix=Path(name).suffix or "?", allowed=allowed)
    limit = max_bytes()
    if len(data) > limit:
        raise UploadProblem("upload_too_big", name=name, size=len(data) / 1048576, mb=round(limit / 1048576))
    return name, country


def duplicate_of(data: bytes, folder: Path) -> Law | Path | None:
    """A loaded law, or a file in the target folder, with exactly these bytes."""
    sha = hashlib.sha256(data).hexdigest()
    law = state.corpus().by_sha.get(sha)
    if law is not None:
        return law
    if folder.is_dir():
        for other in folder.iterdir():
            if (
                other.is_file()
                and other.stat().st_size == len(data)
                and hashlib.sha256(other.read_bytes()).hexdigest() == sha
            ):
                return other
    return None


def _parse(name: str, data: bytes, country: str) -> Law:
    from lawgap.parsers import load_law

    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        trial.write_bytes(data)
        try:
            return load_law(trial, country=country)
        except LawgapError as exc:
            raise UploadProblem("upload_failed", name=name, problem=getattr(exc, "problem", str(exc))) from exc
        except Exception as exc:
            raise UploadProblem("upload_failed", name=name, problem=f"{type(exc).__name__}: {exc}") from exc


def _place(name: str, data: bytes, folder: Path) -> Path:
    """Write under a unique hidden name, then link it to the first free name ("law.docx", "law (2).docx"):
    a link never overwrites, so a second file of the same name arriving at once gets the next name."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        stem, suffix = Path(name).stem, Path(name).suffix
        for n in range(1, 1000):
            target = folder / (name if n == 1 else f"{stem} ({n}){suffix}")
            try:
                os.link(tmp, target)
                return target
            except FileExistsError:
                continue
        raise UploadProblem("upload_exists", name=name, folder=str(folder))
    finally:
        os.unlink(tmp)


def add_upload(name: str, data: bytes, country: str) -> tuple[Law, Path]:
    """Check, parse and only then store an uploaded law; on any failure nothing is written."""
    name, country = _check(name, data, country)
    folder = laws_dir() / country
    same = duplicate_of(data, folder)
    if same is not None:
        shown = same.title if isinstance(same, Law) else same.name
        raise UploadProblem("upload_duplicate", name=name, other=shown)
    law = _parse(name, data, country)
    target = _place(name, data, folder)
    state.refresh()
    return law, target


def user_file(law: Law) -> Path | None:
    """The law's file when it is one of the user's (the shared corpus is read-only)."""
    path = Path(law.source).resolve()
    root = laws_dir().resolve()
    return path if root in path.parents and path.exists() else None


def delete(law: Law) -> Path:
    """Move the law's file to laws_dir()/.deleted/ (kept, not destroyed); its decisions stay in the database."""
    path = user_file(law)
    if path is None:
        raise UploadProblem("delete_corpus", name=Path(law.source).name)
    bin_ = laws_dir() / DELETED
    bin_.mkdir(parents=True, exist_ok=True)
    # the content hash keeps two deletions in the same second (a replace, then a delete) apart
    target = bin_ / f"{time.strftime('%Y%m%d-%H%M%S')}-{law.sha256[:12]}-{path.parent.name}-{path.name}"
    os.replace(path, target)
    state.refresh()
    return target


def replace_law(old: Law, name: str, data: bytes, who: str) -> tuple[Law, int]:
    """Put a new file in the old one's place; the old file's evidence decisions are recorded again for the new
    file where the provision still exists (with their own reasons). Returns the new law and how many moved."""
    if user_file(old) is None:
        raise UploadProblem("delete_corpus", name=Path(old.source).name)
    name, country = _check(name, data, old.country or "")
    if hashlib.sha256(data).hexdigest() == old.sha256:
        raise UploadProblem("upload_duplicate", name=name, other=old.title)
    new = _parse(name, data, country)
    delete(old)
    _place(name, data, laws_dir() / country)
    store = state.store()
    moved = 0
    for (sha, eid, rule), d in store.decisions(country).evidence.items():
        if sha == old.sha256 and eid in new.by_eid:
            store.decide_evidence(country, rule, new.sha256, eid, d.verdict, who, d.reason)
            moved += 1
    state.refresh()
    return new, moved


def orphaned() -> list[EvidenceDecision]:
    """Evidence decisions whose law is no longer loaded or whose provision is gone from it."""
    laws = state.corpus().by_sha
    out = []
    for d in state.store().decisions().evidence.values():
        law = laws.get(d.law_sha256)
        if law is None or d.eid not in law.by_eid:
            out.append(d)
    return out
