"""Benchmark (issue 14): what the readers' resource budgets cost on the Kyrgyz codes.

    python benchmarks/bench_budget.py [--repeats N]

Each KG code (the four .docx of the corpus) is read by the Word reader with the budget checks of
lawgap.parsers.budget replaced by pass-throughs (the archive opened without its checks, member streams
unmetered, characters uncounted): the bare time. The checks are then timed on their own, on the same
file: open_zip less a plain ZipFile, the member streams read through Metered less read plainly (from
memory, in the 32 KB reads lxml makes), and TextMeter.add once per block. Best of N repeats
(time.perf_counter). The cost is checks / bare, per file and in total; target under 5% of the reader's
time (load_law, grammar included, takes several times longer, so the share there is smaller still).
An A/B of the whole reader with and without the checks is printed too, but on a loaded machine its
noise (about 10%) is larger than what it measures.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lawgap.parsers.docx as docx  # noqa: E402
from lawgap.settings import corpus_dir  # noqa: E402

FILES = (
    "kg/criminal_code_2021_ru.docx",
    "kg/criminal_code_2021_ky.docx",
    "kg/criminal_procedure_code_2021_ru.docx",
    "kg/criminal_procedure_code_2021_ky.docx",
)


class _Bare:
    """A member stream as the reader had it before the budgets: read() and nothing counted."""

    def __init__(self, path, name, raw) -> None:
        self.read = raw.read


def _bare():
    stack = ExitStack()
    stack.enter_context(mock.patch.object(docx, "open_zip", lambda path, data: zipfile.ZipFile(io.BytesIO(data))))
    stack.enter_context(mock.patch.object(docx, "Metered", _Bare))
    stack.enter_context(mock.patch.object(docx.TextMeter, "add", lambda self, n: None))
    return stack


def once(path: Path, data: bytes, bare: bool) -> float:
    with _bare() if bare else ExitStack():
        t = time.perf_counter()
        docx.extract(path, data)
        return time.perf_counter() - t


def best(path: Path, data: bytes, repeats: int) -> tuple[float, float]:
    """Best bare and best budgeted time, the two runs alternating so that load on the machine hits both."""
    runs = [(once(path, data, True), once(path, data, False)) for _ in range(repeats)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def _min_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def checks_time(path: Path, data: bytes, repeats: int) -> float:
    """The budget checks alone: what open_zip, Metered and TextMeter add to the reader's own work."""
    from lawgap.parsers.budget import Metered, TextMeter, open_zip

    zf = zipfile.ZipFile(io.BytesIO(data))
    parts = [zf.read(n) for n in ("word/document.xml", "word/numbering.xml") if n in zf.namelist()]
    blocks = docx.extract(path, data).blocks

    def drain(make):
        for part in parts:
            stream = make(io.BytesIO(part))
            while stream.read(32768):
                pass

    def count_text():
        meter = TextMeter(path)
        for b in blocks:
            meter.add(len(b.text))

    opening = _min_time(lambda: open_zip(path, data), repeats) - _min_time(
        lambda: zipfile.ZipFile(io.BytesIO(data)), repeats
    )
    metering = _min_time(lambda: drain(lambda raw: Metered(path, "part", raw)), repeats) - _min_time(
        lambda: drain(lambda raw: raw), repeats
    )
    return max(opening, 0.0) + max(metering, 0.0) + _min_time(count_text, repeats)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=9)
    args = ap.parse_args()
    total_budget = total_bare = total_checks = 0.0
    print(f"{'file':42} {'bare s':>8} {'checks ms':>10} {'cost':>6}   A/B: {'budgeted s':>10} {'diff':>6}")
    for rel in FILES:
        path = corpus_dir() / rel
        if not path.exists():
            print(f"{rel}: not found under {corpus_dir()} (set LAWGAP_CORPUS)")
            continue
        data = path.read_bytes()
        once(path, data, False)  # warm imports and caches
        bare, budgeted = best(path, data, args.repeats)
        checks = checks_time(path, data, args.repeats)
        total_bare += bare
        total_budget += budgeted
        total_checks += checks
        print(
            f"{rel:42} {bare:8.3f} {checks * 1000:10.2f} {checks / bare:6.2%}   "
            f"     {budgeted:10.3f} {(budgeted - bare) / bare:6.1%}"
        )
    if not total_bare:
        return 1
    ratio = total_checks / total_bare
    ab = (total_budget - total_bare) / total_bare
    print(f"budget checks cost {ratio:.2%} of the Word reader's time on the KG codes (target < 5%); A/B {ab:+.1%}")
    return 0 if ratio < 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
