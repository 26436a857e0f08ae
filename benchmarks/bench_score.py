"""Scoring speed on the Kyrgyz codes, cold and warm, against the BM25 baseline.

Two cases: the Russian pair (CC + CPC), what a user of one language loads (issue 11 targets: warm <= 1 s,
cold <= 5 s), and the two codes in both languages (issue 3 targets: warm < 2 s, cold < 10 s). Parsing is
timed apart: it is the ingest stage's cost. Everything is measured in this one run, so the ratios hold on a
noisy machine.

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

RU_PAIR = ["kg/criminal_code_2021_ru.docx", "kg/criminal_procedure_code_2021_ru.docx"]
FILES = [*RU_PAIR, "kg/criminal_code_2021_ky.docx", "kg/criminal_procedure_code_2021_ky.docx"]
# (case, files, cold target s, warm target s)
CASES = [("KG Russian pair", RU_PAIR, 5.0, 1.0), ("KG both languages", FILES, 10.0, 2.0)]


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def main() -> int:
    paths = {f: corpus_dir() / f for f in FILES}
    if not all(p.exists() for p in paths.values()):
        print(f"corpus not found under {corpus_dir()} (set LAWGAP_CORPUS)", file=sys.stderr)
        return 1
    rules = load_rules()
    parsed, t_parse = timed(lambda: {f: load_law(p, country="KG") for f, p in paths.items()})
    print(f"rules: {len(rules)}; parse of {len(paths)} files (not part of scoring): {t_parse:.2f} s")
    for name, files, cold_target, warm_target in CASES:
        laws = [parsed[f] for f in files]
        chars = sum(len(law.text) for law in laws)
        with tempfile.TemporaryDirectory() as cache:
            os.environ["LAWGAP_CACHE"] = cache
            _, t_cold = timed(lambda laws=laws: score_country("KG", laws, rules))
            t_warm = min(timed(lambda laws=laws: score_country("KG", laws, rules))[1] for _ in range(3))

            def bm25_run(laws=laws):
                base = Bm25Baseline([LawIndex(law, analyse_law(law)) for law in laws])
                return [base.assess(r) for r in rules]

            t_bm25 = min(timed(bm25_run)[1] for _ in range(3))
        print(f"{name}: {len(files)} files ({chars:,} characters of law text)")
        print(f"  score, cold (lemmas computed): {t_cold:6.2f} s   target <= {cold_target:g} s"
              f"   ratio to target {t_cold / cold_target:.2f}")
        print(f"  score, warm (lemma cache):     {t_warm:6.2f} s   target <= {warm_target:g} s"
              f"   ratio to target {t_warm / warm_target:.2f}")
        print(f"  BM25 baseline, warm:           {t_bm25:6.2f} s   matcher / BM25 = {t_warm / t_bm25:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
