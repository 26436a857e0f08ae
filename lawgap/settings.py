"""Every setting lawgap reads from the environment, with its default: the one place to look them up.

Reads: the environment. Writes: paths and limits. README's "Settings" table lists the same names.
"""

from __future__ import annotations

import getpass
import math
import os
from dataclasses import dataclass
from pathlib import Path

from lawgap.errors import SettingsError

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


def positive(env: str, default: float) -> float:
    """A numeric setting: finite and above zero, else a SettingsError naming the variable (never the law file)."""
    raw = os.environ.get(env)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise SettingsError(f"{env}={raw!r} is not a finite number above zero (unset it to use {default:g})")
    return value


def max_bytes() -> int:
    """The largest law file accepted, `LAWGAP_MAX_FILE_MB` megabytes (default 100): laws are far smaller."""
    return int(positive(MAX_FILE_ENV, DEFAULT_MAX_MB) * 1024 * 1024)


@dataclass(frozen=True)
class Budget:
    """One resource limit of the readers: the variable that raises it, its default and its unit."""

    env: str
    default: float
    unit: str
    what: str

    def value(self) -> int:
        scale = 1024 * 1024 if self.unit == "MB" else 1_000_000 if self.unit == "million" else 1
        return max(1, int(positive(self.env, self.default) * scale))


# What a hostile file may cost before a reader gives up; the largest real code uses a tenth of each or less.
EXPANSION = Budget("LAWGAP_MAX_EXPANSION", 20, "x", "times the archive's size, unpacked")
EXPANDED = Budget("LAWGAP_MAX_EXPANDED_MB", 512, "MB", "unpacked from one archive")
TEXT_CHARS = Budget("LAWGAP_MAX_TEXT_MCHARS", 20, "million", "characters of text in one law")
XML_NODES = Budget("LAWGAP_MAX_XML_NODES", 1_000_000, "", "tags in an XML or HTML document")
XML_DEPTH = Budget("LAWGAP_MAX_XML_DEPTH", 512, "", "levels of nesting in an XML or HTML document")
PDF_STREAM = Budget("LAWGAP_MAX_PDF_STREAM_MB", 128, "MB", "bytes inflated from one PDF stream")
PDF_PAGES = Budget("LAWGAP_MAX_PDF_PAGES", 5000, "", "pages in one PDF")
OCR_PAGES = Budget("LAWGAP_MAX_OCR_PAGES", 500, "", "pages OCRed in one PDF")
OCR_PIXELS = Budget("LAWGAP_MAX_OCR_MEGAPIXELS", 12, "million", "pixels of one page rendered for OCR")
BUDGETS = (EXPANSION, EXPANDED, TEXT_CHARS, XML_NODES, XML_DEPTH, PDF_STREAM, PDF_PAGES, OCR_PAGES, OCR_PIXELS)


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
