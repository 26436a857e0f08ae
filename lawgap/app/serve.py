"""Start the app on the laws it finds: `python3 -m lawgap.app.serve [--port 8501]`.

Reads: the law folders (the corpus's republics and national_laws/<CC>/). Writes: the OCR and lemma disk caches
(lawgap.cache), one line per law read, then runs `streamlit run app.py` and prints the address to open. With the
caches filled here, the server's own first reading takes seconds, not minutes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from lawgap.settings import PROJECT_ROOT


def fill_caches() -> None:
    """Parse every law, score every country and build its reference graph once, into the disk caches (OCR
    pages, lemmas, and the app's snapshot of laws, scores and graphs)."""
    from lawgap.app import snapshot
    from lawgap.app.state import discover
    from lawgap.assess.score import score_country
    from lawgap.errors import LawgapError
    from lawgap.rules import load_rules

    found = discover()
    if not found:
        print("No law files found yet: the app opens empty; add laws on its Laws page or under national_laws/<CC>/.")
        return
    by_country: dict[str, list] = {}
    for n, (path, country) in enumerate(found, 1):
        t = time.perf_counter()
        try:
            law = snapshot.load_law(path, country)
        except LawgapError as exc:
            print(f"[{n}/{len(found)}] {country} {path.name}: not read: {exc}", flush=True)
            continue
        by_country.setdefault(country, []).append(law)
        print(f"[{n}/{len(found)}] {country} {path.name}: {len(law.articles())} articles "
              f"({time.perf_counter() - t:.1f} s)", flush=True)
    rules = load_rules()
    for country, laws in by_country.items():
        t = time.perf_counter()
        laws = tuple(laws)
        snapshot.score(country, laws, lambda: score_country(country, laws, rules))  # noqa: B023
        snapshot.graph(country, laws)
        print(f"{country}: {len(rules.rules)} requirements assessed ({time.perf_counter() - t:.1f} s)", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m lawgap.app.serve", description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8501)
    ap.add_argument("--no-cache-fill", action="store_true", help="start at once; the server reads the laws itself")
    args = ap.parse_args(argv)
    if not args.no_cache_fill:
        fill_caches()
    print(f"\nlawgap is starting: open http://localhost:{args.port} in your browser (Ctrl+C stops it).\n", flush=True)
    cmd = [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.port", str(args.port)]
    os.chdir(PROJECT_ROOT)  # .streamlit/config.toml is read from here
    os.execv(sys.executable, cmd)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main())
