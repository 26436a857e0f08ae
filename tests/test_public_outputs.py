"""The public outputs stay byte-identical unless a change means to alter them (issue 10, the layout step).

`lawgap parse --format json`, the Akoma Ntoso export, `lawgap score --format json` and every command's
`--help` are public interfaces (GUIDE.md). Their sha256 on the KG and KZ corpus was recorded before the
modules moved (commit 4cdb238), in tests/data/public_outputs.sha256; this test recomputes them. A change
that alters one of them on purpose updates its line there and says why in its commit message. Law texts
stay out of the repository: only their outputs' hashes are kept. Paths are given relative to the corpus,
so the hashes do not depend on where the corpus lies.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from pathlib import Path

import pytest

from lawgap.cli import main
from lawgap.settings import corpus_dir

HASHES = Path(__file__).parent / "data" / "public_outputs.sha256"
EXPECTED = {
    key: digest
    for digest, _, key in (
        line.partition("  ") for line in HASHES.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    )
}
KZ_GOLD_SET = (
    "kz/criminal_code_2014_arts1-12_excerpt_ru.md",
    "kz/criminal_code_2014_arts125-135_ru.md",
    "kz/criminal_code_2014_arts303-315_excerpt_ru.md",
    "kz/criminal_code_2014_arts388-402_excerpt_ru.md",
    "kz/criminal_procedure_code_2014_arts69-79_excerpt_ru.md",
    "kz/criminal_procedure_code_2014_arts86-105_excerpt_ru.md",
    "kz/special_social_services_law_2008_ru.md",
    "kz/victim_compensation_fund_law_2018_ru.md",
    "kz/state_protection_participants_criminal_process_2000_ru.md",
)
KG_FILES = (
    "kg/criminal_code_2021_ky.docx",
    "kg/criminal_code_2021_ru.docx",
    "kg/criminal_procedure_code_2021_ky.docx",
    "kg/criminal_procedure_code_2021_ru.docx",
)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _run(argv: list[str]) -> bytes:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()), contextlib.suppress(SystemExit):
        main(argv)
    return out.getvalue().encode()


@pytest.fixture
def in_corpus(monkeypatch):
    root = corpus_dir()
    if not (root / "kg").is_dir() or not (root / "kz").is_dir():
        pytest.skip(f"the KG and KZ corpus is not under {root} (set LAWGAP_CORPUS)")
    monkeypatch.chdir(root)


PARSED = sorted(k.split(" ", 2)[2] for k in EXPECTED if k.startswith("parse json "))


@pytest.mark.corpus
@pytest.mark.parametrize("relpath", PARSED)
def test_parse_json_and_akn_unchanged(in_corpus, relpath):
    from lawgap.parsers import load_law
    from lawgap.publish.akn import to_akn

    assert _sha(_run(["parse", relpath, "--format", "json"])) == EXPECTED[f"parse json {relpath}"]
    assert _sha(to_akn(load_law(relpath), today="2026-01-01")) == EXPECTED[f"parse akn {relpath}"]


@pytest.mark.corpus
@pytest.mark.parametrize(("country", "files"), [("KG", KG_FILES), ("KZ", KZ_GOLD_SET)])
def test_score_json_unchanged(in_corpus, country, files):
    assert _sha(_run(["score", *files, "--country", country, "--format", "json"])) == EXPECTED[f"score json {country}"]


@pytest.mark.parametrize("command", ["", "parse", "score", "scan", "eval", "draft", "report", "aide-memoire"])
def test_cli_flags_unchanged(command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps help to the terminal's width
    argv = [command, "--help"] if command else ["--help"]
    assert _sha(_run(argv)) == EXPECTED[f"help {command}".rstrip() if command else "help "]
