"""The app in a real browser: `streamlit run app.py` on a free port, driven by Playwright in Debian's chromium.

Open the matrix, click a Kyrgyz cell, read the evidence, confirm it, restart the app, and find
the decision still there. A screenshot of each page goes to test-artifacts/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from lawgap.settings import PROJECT_ROOT, corpus_dir

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent (apt-get install -y chromium)"),
    pytest.mark.skipif(
        not (corpus_dir() / "kg" / "criminal_procedure_code_2021_ky.docx").exists(),
        reason=f"the real corpus is not under {corpus_dir()} (set LAWGAP_CORPUS)",
    ),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is absent (pip install playwright)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(env: dict[str, str]):
    """`streamlit run app.py` until it answers its health check; stopped (by its own pid) afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    log = open(env["LAWGAP_TEST_LOG"], "ab")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert proc.poll() is None, "streamlit exited at start; see " + env["LAWGAP_TEST_LOG"]
            assert time.monotonic() < deadline, "streamlit did not answer within 120 s"
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def settle(page) -> None:
    """Wait until the script has finished its run (Streamlit's running indicator is gone)."""
    page.wait_for_timeout(500)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=180_000)


def test_matrix_click_evidence_review_survives_restart(tmp_path: Path):
    env = dict(os.environ)
    env.update(
        LAWGAP_REVIEW_DB=str(tmp_path / "review.sqlite"),
        LAWGAP_LAWS_DIR=str(tmp_path / "laws"),
        LAWGAP_REVIEWER="e2e adviser",
        LAWGAP_TEST_LOG=str(tmp_path / "streamlit.log"),
    )
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(120_000)
        with running_app(env) as url:
            page.goto(url + "/")
            cell = page.locator('td[data-country="KG"][data-rule="compensation_possibility"] a')
            cell.wait_for()
            settle(page)
            shoot(page, "matrix")
            cell.click()
            page.wait_for_url("**/finding?*")
            # the Kyrgyz text of CPC art. 40, the victim's right to compensation, with its words marked
            page.locator("mark", has_text="Жабырлануучуга").first.wait_for()
            page.locator("mark", has_text="Потерпевший").first.wait_for()
            settle(page)
            shoot(page, "finding")
            page.get_by_role("button", name="Confirm").first.click()
            page.get_by_text("confirmed by the reviewer").first.wait_for()
            settle(page)
            shoot(page, "finding-confirmed")
            page.goto(url + "/?lang=ru")
            page.get_by_text("Матрица охвата").first.wait_for()
            settle(page)
            shoot(page, "matrix-ru")
            for name in ("laws", "compare", "gaps", "review", "drafting"):
                page.goto(f"{url}/{name}?country=KG&rule=compensation_possibility")
                page.locator("h1, h2").first.wait_for()
                settle(page)
                shoot(page, name)
        with running_app(env) as url:  # a new server process: nothing is left in memory
            page.goto(f"{url}/finding?country=KG&rule=compensation_possibility")
            page.get_by_text("confirmed by the reviewer").first.wait_for()
            page.goto(f"{url}/review?country=KG&rule=compensation_possibility")
            page.get_by_text("confirmed by the reviewer").first.wait_for()
            settle(page)
            shoot(page, "review-after-restart")
        browser.close()
