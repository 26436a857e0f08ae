"""Benchmark (issue 2): parsing a Word code against the floor of merely reading its XML.

    python benchmarks/bench_parse_docx.py [FILE.docx] [--repeats N]

The floor is what any .docx reader must do: unzip word/document.xml, parse it with lxml and
join the paragraph texts. The parse is lawgap's whole path to a Law (reader, grammar,
provisions) and, separately, the Word reader alone. Both are timed in the same run, best of
N repeats (time.perf_counter), and the ratios printed; the target is a full parse under 3x
the floor. Peak memory is measured twice against the size of the law's text (UTF-8 bytes;
target under 10x): tracemalloc's peak over one full parse (Python allocations only), and the
growth of the resident set of a fresh process across one parse (everything, lxml's C memory
included; the document XML is streamed, so it never holds the whole tree).
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lawgap.parsers import load_law  # noqa: E402
from lawgap.parsers.docx import extract  # noqa: E402
from lawgap.settings import corpus_dir  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DEFAULT = "kg/criminal_procedure_code_2021_ru.docx"


def floor(path: Path) -> str:
    """Unzip, parse document.xml with lxml, join the paragraph texts: the least any reader does."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return "\n".join("".join(p.itertext(f"{W}t")) for p in root.iter(f"{W}p"))


def best_of(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


# VmHWM, the peak resident set of this process image; ru_maxrss would carry over the parent's
# peak through fork and exec.
_RSS_PROBE = """
import sys
from lawgap.parsers import load_law
import lawgap.parsers.docx, lawgap.structure.civil
if sys.argv[1] != "-":
    law = load_law(sys.argv[1])
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(int(hwm.split()[1]) * 1024)
"""


def rss_growth(path: Path) -> int:
    """Peak resident set of a fresh process that parses `path`, less that of one that only imports."""

    def peak(arg: str) -> int:
        out = subprocess.run([sys.executable, "-c", _RSS_PROBE, arg], capture_output=True, text=True, check=True)
        return int(out.stdout.strip())

    return min(peak(str(path)) for _ in range(3)) - min(peak("-") for _ in range(3))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", help=f"a .docx file (default: the corpus {DEFAULT})")
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args(argv)
    path = Path(args.file) if args.file else corpus_dir() / DEFAULT
    if not path.exists():
        print(f"{path}: not found (set LAWGAP_CORPUS or pass a .docx file)", file=sys.stderr)
        return 2

    data = path.read_bytes()
    law = load_law(path)  # warm-up: imports, regex compilation
    chars = len(law.text)
    floor_chars = len(floor(path))

    t_floor = best_of(lambda: floor(path), args.repeats)
    t_reader = best_of(lambda: extract(path, data), args.repeats)
    t_full = best_of(lambda: load_law(path), args.repeats)

    gc.collect()
    tracemalloc.start()
    load_law(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"file: {path.name} ({len(data) / 1e6:.2f} MB .docx, {floor_chars:,} characters of paragraph text)")
    print(f"law: {len(law.articles())} articles, {len(law.provisions)} provisions, {chars:,} characters of text")
    print(f"floor  (unzip + lxml parse + join texts): {t_floor * 1000:8.1f} ms")
    print(f"reader (lawgap.parsers.docx.extract):     {t_reader * 1000:8.1f} ms  ratio {t_reader / t_floor:.2f}x")
    print(f"parse  (load_law: reader + grammar + Law): {t_full * 1000:7.1f} ms  ratio {t_full / t_floor:.2f}x"
          f"  (target < 3x)")  # fmt: skip
    utf8 = len(law.text.encode())
    print(f"peak traced memory of one parse: {peak / 1e6:.1f} MB = {peak / utf8:.1f}x the text's "
          f"{utf8 / 1e6:.2f} MB in UTF-8 (target < 10x); {peak / chars:.1f} bytes per character")  # fmt: skip
    rss = rss_growth(path)
    print(f"peak resident set, parsing process less importing process: {rss / 1e6:.1f} MB = {rss / utf8:.1f}x the text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
