"""Hostile files for the budget tests, built small on disk (issue 14), and a runner that measures a read.

`measure(path)` reads the file in a fresh interpreter, as `lawgap parse` would, and reports the
problem, the seconds taken and the peak RSS of that process (resource.getrusage), so one case's
memory never hides in another's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx(path: Path, document: bytes | Iterable[bytes], numbering: bytes | Iterable[bytes] | None = None) -> Path:
    """A .docx whose parts are written in pieces, so a part of hundreds of MB never sits in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CT)
        for name, parts in (("word/document.xml", document), ("word/numbering.xml", numbering)):
            if parts is None:
                continue
            with z.open(name, "w", force_zip64=True) as fh:
                for part in [parts] if isinstance(parts, bytes) else parts:
                    fh.write(part)
    return path


def repeated(head: bytes, body: bytes, times: int, tail: bytes, chunk: int = 10_000) -> Iterator[bytes]:
    """head + body * times + tail, made piece by piece (`chunk` repeats each) as the zip writer takes them."""
    yield head
    while times > 0:
        n = min(chunk, times)
        yield body * n
        times -= n
    yield tail


def document_of(paragraphs: list[bytes] | bytes) -> bytes:
    body = paragraphs if isinstance(paragraphs, bytes) else b"".join(paragraphs)
    return b"<w:document " + _W.encode() + b"><w:body>" + body + b"</w:body></w:document>"


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file with a correct cross-reference table around the given object bodies (1-based)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def blank_pages_pdf(pages: int, box: str = "0 0 612 792") -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [" + box.encode() + b"] >>"] * pages
    return pdf(objs)


def deflate_bomb_pdf(megabytes: int) -> bytes:
    """One page whose content stream inflates to `megabytes` MB of spaces."""
    co = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    packed = b"".join(co.compress(chunk) for _ in range(megabytes)) + co.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    return pdf(objs)


_READ = """
import json, sys, time
t = time.monotonic()
from lawgap.errors import InputError
from lawgap.parsers import load_law
problem = None
try:
    load_law(sys.argv[1])
except InputError as exc:
    problem = exc.problem
print(json.dumps({"problem": problem, "seconds": time.monotonic() - t}))
"""

# getrusage(RUSAGE_SELF) of a child reports its parent's peak too (Linux keeps ru_maxrss across fork and exec):
# a small launcher runs the reader and reports RUSAGE_CHILDREN, which is the reader's own.
_LAUNCH = """
import json, resource, subprocess, sys
run = subprocess.run([sys.executable, "-c", sys.argv[1], sys.argv[2]], capture_output=True, text=True)
if run.returncode:
    sys.exit(run.stderr[-2000:])
got = json.loads(run.stdout.strip().splitlines()[-1])
use = resource.getrusage(resource.RUSAGE_CHILDREN)
got.update(cpu=use.ru_utime + use.ru_stime, rss_mb=use.ru_maxrss / 1024)
print(json.dumps(got))
"""


def measure(path: Path, env: dict[str, str] | None = None, timeout: float = 60) -> dict:
    """Read `path` in a fresh interpreter: {"problem": InputError text or None, "seconds" (wall clock), "cpu"
    (its own CPU seconds: what the file cost, whatever else the machine runs), "rss_mb" (its peak RSS)}.
    Anything but an InputError (a traceback) fails the calling test with the reader's stderr."""
    run = subprocess.run(
        [sys.executable, "-c", _LAUNCH, _READ, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])
