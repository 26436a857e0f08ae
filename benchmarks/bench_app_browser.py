"""Benchmark (issue 13): the app as an adviser meets it, timed in a real browser (Playwright, Debian's Chromium).

    python3 benchmarks/bench_app_browser.py [--repeats N]

Starts `streamlit run app.py` on the whole corpus with an empty in-memory state (the disk caches of OCR and
lemmas as they are: `bash .ci/install` builds them) and times:
- cold start: from opening the first page of a fresh server until the matrix is on screen (the page shows
  which law it reads meanwhile); target <= 15 s;
- first matrix, warm: a new browser session on the running server until the matrix is on screen; target <= 2 s;
- each click of the adviser's task (tests/app_driver.py: matrix -> a Kyrgyz gap -> finding -> overrule with a
  reason -> matrix with the reviewed mark -> finding -> drafting -> Word download) until its result is on
  screen; target <= 300 ms per click, median and max over N runs of the task.
Every figure is printed with its ratio to the target (under 1.0 meets it), and the machine's load average,
since a busy machine slows a browser more than anything in the app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

TARGETS = {"cold start": 15.0, "first matrix (warm)": 2.0, "click": 0.3}


def line(name: str, seconds: float, target: float) -> str:
    return f"{name:<28} {seconds * 1000:8.0f} ms   target {target * 1000:6.0f} ms   ratio {seconds / target:5.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3, help="runs of the task (each on a fresh browser page)")
    args = ap.parse_args(argv)

    from app_driver import CHROMIUM, CHROMIUM_ARGS, environment, running_app, settle, task
    from playwright.sync_api import sync_playwright

    from lawgap.settings import corpus_dir

    if not (corpus_dir() / "kg").is_dir() or not Path(CHROMIUM).exists():
        print(f"needs the corpus under {corpus_dir()} and {CHROMIUM}")
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="lawgap-bench-browser-"))
    env = environment(tmp)
    clicks: dict[str, list[float]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with running_app(env) as url:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(180_000)
            t = time.perf_counter()
            page.goto(url + "/")
            page.locator("td[data-country]").first.wait_for()
            cold = time.perf_counter() - t
            settle(page)
            page.close()
            warm = []
            for n in range(args.repeats):
                page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
                page.set_default_timeout(60_000)
                times = task(page, url, f"benchmark run {n + 1}: partial on reading")
                warm.append(times.pop("first matrix"))
                for step, seconds in times.items():
                    if not step.startswith("_"):
                        clicks.setdefault(step, []).append(seconds)
                page.close()
        browser.close()
    every = [s for v in clicks.values() for s in v]
    print(f"lawgap app in Chromium, {args.repeats} runs of the task; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    print(line("cold start", cold, TARGETS["cold start"]))
    print(line("first matrix (warm), median", statistics.median(warm), TARGETS["first matrix (warm)"]))
    for step, values in clicks.items():
        print(line(f"{step}, median", statistics.median(values), TARGETS["click"]))
    print(line("click, median of all", statistics.median(every), TARGETS["click"]))
    print(line("click, max of all", max(every), TARGETS["click"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
