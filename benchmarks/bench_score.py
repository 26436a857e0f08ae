"""Scoring speed on the two Kyrgyz codes, cold and warm, against the BM25 baseline.

Targets: the Russian pair (issue 11) from a warm cache in at most 1 s, from cold (lemmas, references and
rule readings computed) in at most 5 s; the four files in both languages (issue 3) under 2 s and 10 s.
Parsing is timed apart: it is the ingest stage's cost. Every figure is measured in this one run, with CPU
time beside wall time: on a machine other jobs load, CPU time is the steadier figure.

    PYTHONPATH=. python3 benchmarks/bench_score.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from lawgap.assess.baseline import Bm25Baseline
from lawgap.assess.index import LawIndex
from lawgap.assess.nlp import analyse_law
from lawgap.assess.score import score_country
from lawgap.cache import forget_memos
from lawgap.parsers import load_law
from lawgap.rules import load_rules
from lawgap.settings import corpus_dir

PAIR = ["kg/criminal_code_2021_ru.docx", "kg/criminal_procedure_code_2021_ru.docx"]
FILES = [*PAIR, "kg/criminal_code_2021_ky.docx", "kg/criminal_procedure_code_2021_ky.docx"]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def cold_and_warm(laws, rules) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """(wall, CPU) seconds of one score from an empty cache, of the best of three from a warm disk cache as a new
    process finds it (nothing kept in memory), and of the best of three again in the same process (the readings and
    indexes it keeps, lawgap.cache.Memo)."""

    def run(fresh_process: bool):
        if fresh_process:
            forget_memos()
        wall, cpu = time.perf_counter(), time.process_time()
        score_country("KG", laws, rules)
        return time.perf_counter() - wall, time.process_time() - cpu

    with tempfile.TemporaryDirectory() as cache:
        os.environ["LAWGAP_CACHE"] = cache
        cold = run(True)
        warm = min(run(True) for _ in range(3))
        again = min(run(False) for _ in range(3))
    return cold, warm, again


def main() -> int:
    paths = [corpus_dir() / f for f in FILES]
    if not all(p.exists() for p in paths):
        print(f"corpus not found under {corpus_dir()} (set LAWGAP_CORPUS)", file=sys.stderr)
        return 1
    rules = load_rules()
    laws, t_parse = timed(lambda: [load_law(p, country="KG") for p in paths])
    chars = sum(len(law.text) for law in laws)
    print(f"files: {len(paths)} ({chars:,} characters of law text), rules: {len(rules)}")
    print(f"parse (not part of scoring):  {t_parse:6.2f} s")
    for name, subset, (cold_target, warm_target) in (
        ("KG Russian pair", laws[:2], (5, 1)),
        ("four files", laws, (10, 2)),
    ):
        (cold, cold_cpu), (warm, warm_cpu), (again, again_cpu) = cold_and_warm(subset, rules)
        print(f"{name}: score, cold {cold:6.2f} s (CPU {cold_cpu:5.2f})  target <= {cold_target} s"
              f"  ratio {cold / cold_target:.2f}")
        print(f"{name}: score, warm {warm:6.2f} s (CPU {warm_cpu:5.2f})  target <= {warm_target} s"
              f"  ratio {warm / warm_target:.2f}")
        print(f"{name}: score, again in the same process {again:6.2f} s (CPU {again_cpu:5.2f})")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["LAWGAP_CACHE"] = cache

        def bm25_run():
            base = Bm25Baseline([LawIndex(law, analyse_law(law)) for law in laws])
            return [base.assess(r) for r in rules]

        bm25_run()
        t_bm25 = min(timed(bm25_run)[1] for _ in range(3))
    print(f"BM25 baseline on the four files, warm: {t_bm25:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
