"""Where the shared corpus of real laws lives: `LAWGAP_CORPUS`, else ../shared/corpus."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    """The corpus folder (it may not exist on a machine without the shared data)."""
    env = os.environ.get("LAWGAP_CORPUS")
    if env:
        return Path(env).expanduser().resolve()
    return (PROJECT_ROOT.parent / "shared" / "corpus").resolve()
