"""Word to PDF with LibreOffice (headless), in a process group of its own that is stopped with its files.

Reads: a .docx. Writes: the PDF, atomically (lawgap.publish.atomic).

soffice forks a second process that outlives a plain kill of the first; a stopped or timed-out export
used to leave it running with its profile and copies in /tmp. Here soffice starts a new session, its
files live in one temporary folder, and on a timeout, an error, Ctrl-C or SIGTERM the whole group is
terminated (then killed) before the folder is removed. A SIGKILL of lawgap itself cannot be caught.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from lawgap.publish.atomic import ExportError, write_atomic

TIMEOUT = 300
GRACE = 5  # seconds between SIGTERM and SIGKILL of the group


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def stop_group(proc: subprocess.Popen) -> None:
    """Terminate the process group (soffice and what it forked), then kill what is left."""
    for sig, wait in ((signal.SIGTERM, GRACE), (signal.SIGKILL, GRACE)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue
    with suppress(ProcessLookupError):  # the leader has exited; a child of its may still hold the group
        os.killpg(proc.pid, signal.SIGKILL)


@contextmanager
def _sigterm_raises():
    """In the main thread, SIGTERM raises SystemExit while a conversion runs, so its cleanup happens."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    old = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def run_group(cmd: Sequence[str], timeout: float, target: str | Path) -> None:
    """Run a command in its own process group; stop the whole group on timeout or any interruption."""
    with _sigterm_raises():
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop_group(proc)
            raise ExportError(target, f"LibreOffice did not finish within {timeout:g} s and was stopped") from None
        except BaseException:
            stop_group(proc)
            raise
        stop_group(proc)  # a forked child that outlived a finished leader
    if proc.returncode:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        raise ExportError(target, f"LibreOffice failed (exit {proc.returncode}{': ' + detail[0] if detail else ''})")


def docx_to_pdf(docx_path: str | Path, pdf_path: str | Path, timeout: float = TIMEOUT) -> Path:
    """Convert with LibreOffice headless, then move the PDF into place atomically."""
    exe = soffice()
    if exe is None:
        raise ExportError(pdf_path, "PDF needs LibreOffice (soffice), which is not installed")
    with tempfile.TemporaryDirectory(prefix="lawgap-soffice-") as tmp:
        profile = Path(tmp) / "profile"
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(docx_path),
        ]
        run_group(cmd, timeout, pdf_path)
        out = Path(tmp) / (Path(docx_path).stem + ".pdf")
        if not out.exists():
            raise ExportError(pdf_path, "LibreOffice produced no PDF")
        return write_atomic(pdf_path, out.read_bytes())
