"""Scoring speed on the two Kyrgyz codes in both languages, cold and warm, against the BM25 baseline.

Targets (issue 3): all rules against the four files from a warm cache in under 2 s, from cold
(lemmatisation included) under 10 s. Parsing is timed apart: it is the ingest stage's cost.
Everything is measured in this one run, so the ratios hold on a noisy machine.

    python benchmarks/bench_score.py
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
from lawgap.parsers import load_law
from lawgap.rules import load_rules
from lawgap.settings import corpus_dir

FILES = [
    "kg/criminal_code_2021_ru.docx",
    "kg/criminal_code_2021_ky.docx",
    "kg/criminal_procedure_code_2021_ru.docx",
    "kg/criminal_procedure_code_2021_ky.docx",
]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> int:
    paths = [corpus_dir() / f for f in FILES]
    if not all(p.exists() for p in paths):
        print(f"corpus not found under {corpus_dir()} (set LAWGAP_CORPUS)", file=sys.stderr)
        return 1
    rules = load_rules()
    laws, t_parse = timed(lambda: [load_law(p, country="KG") for p in paths])
    chars = sum(len(law.text) for law in laws)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["LAWGAP_CACHE"] = cache
        _, t_cold = timed(lambda: score_country("KG", laws, rules))
        warm = []
        for _ in range(3):
            warm.append(timed(lambda: score_country("KG", laws, rules))[1])
        t_warm = min(warm)

        def bm25_run():
            base = Bm25Baseline([LawIndex(law, analyse_law(law)) for law in laws])
            return [base.assess(r) for r in rules]

        t_bm25 = min(timed(bm25_run)[1] for _ in range(3))
    print(f"files: {len(paths)} ({chars:,} characters of law text), rules: {len(rules)}")
    print(f"parse (not part of scoring):  {t_parse:6.2f} s")
    print(f"score, cold (lemmas computed): {t_cold:6.2f} s   target < 10 s   ratio to target {t_cold / 10:.2f}")
    print(f"score, warm (lemma cache):     {t_warm:6.2f} s   target < 2 s    ratio to target {t_warm / 2:.2f}")
    print(f"BM25 baseline, warm:           {t_bm25:6.2f} s   matcher / BM25 = {t_warm / t_bm25:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
