"""Every setting lawgap reads from the environment, with its default: the one place to look them up.

Reads: the environment. Writes: paths and limits. README's "Settings" table lists the same names.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

CORPUS_ENV = "LAWGAP_CORPUS"
CACHE_ENV = "LAWGAP_CACHE"
MAX_FILE_ENV = "LAWGAP_MAX_FILE_MB"
DEBUG_ENV = "LAWGAP_DEBUG"
LAWS_DIR_ENV = "LAWGAP_LAWS_DIR"
REVIEW_DB_ENV = "LAWGAP_REVIEW_DB"
REVIEWER_ENV = "LAWGAP_REVIEWER"
CATALOGUE_ENV = "LAWGAP_CATALOGUE"
MODEL_LAW_ENV = "LAWGAP_MODEL_LAW"
ACCOUNTS_ENV = "LAWGAP_ACCOUNTS"

DEFAULT_MAX_MB = 100
LAWS_DIR = "national_laws"
CATALOGUE_NAME = "catalogue.toml"
REVIEW_DB_NAME = ".lawgap-review.sqlite"
ACCOUNTS_NAME = ".lawgap-accounts.yaml"


def _path(env: str) -> Path | None:
    value = os.environ.get(env)
    return Path(value).expanduser() if value else None


def corpus_dir() -> Path:
    """The shared corpus of real laws (tests, benchmarks): `LAWGAP_CORPUS`, else ../shared/corpus.
    It may not exist on a machine without the shared data."""
    env = _path(CORPUS_ENV)
    return env.resolve() if env else (PROJECT_ROOT.parent / "shared" / "corpus").resolve()


def cache_dir() -> Path:
    """Where OCR results, lemmas and references are kept between runs: `LAWGAP_CACHE`, else ~/.cache/lawgap."""
    return _path(CACHE_ENV) or Path.home() / ".cache" / "lawgap"


def max_bytes() -> int:
    """The largest law file accepted, `LAWGAP_MAX_FILE_MB` megabytes (default 100): laws are far smaller."""
    try:
        mb = float(os.environ.get(MAX_FILE_ENV, DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def debug() -> bool:
    """`LAWGAP_DEBUG` set: show the traceback of an unexpected failure instead of one line."""
    return bool(os.environ.get(DEBUG_ENV))


def laws_dir() -> Path:
    """The user's laws, one folder per country code: `LAWGAP_LAWS_DIR`, else national_laws/."""
    return _path(LAWS_DIR_ENV) or PROJECT_ROOT / LAWS_DIR


def review_db_path() -> Path:
    """The review database: `LAWGAP_REVIEW_DB`, else national_laws/.lawgap-review.sqlite."""
    return _path(REVIEW_DB_ENV) or PROJECT_ROOT / LAWS_DIR / REVIEW_DB_NAME


def reviewer() -> str:
    """The name recorded with a decision when none is given: `LAWGAP_REVIEWER`, else the login name."""
    try:
        return os.environ.get(REVIEWER_ENV) or getpass.getuser()
    except (KeyError, OSError):
        return ""


def catalogue_path() -> Path:
    """`LAWGAP_CATALOGUE`, else national_laws/catalogue.toml beside the package, else in the working folder."""
    env = _path(CATALOGUE_ENV)
    if env:
        return env
    beside = PROJECT_ROOT / LAWS_DIR / CATALOGUE_NAME
    if beside.exists():
        return beside
    return Path.cwd() / LAWS_DIR / CATALOGUE_NAME


def model_law_dir() -> Path:
    """The folder of model_law/*.toml: `LAWGAP_MODEL_LAW`, else model_law/ at the repository root."""
    env = _path(MODEL_LAW_ENV)
    return env.resolve() if env else (PROJECT_ROOT / "model_law").resolve()


def accounts_path() -> Path:
    """The reviewers' accounts (streamlit-authenticator's YAML, bcrypt-hashed passwords, roles):
    `LAWGAP_ACCOUNTS`, else national_laws/.lawgap-accounts.yaml. Without it the app is read-only."""
    return _path(ACCOUNTS_ENV) or PROJECT_ROOT / LAWS_DIR / ACCOUNTS_NAME
