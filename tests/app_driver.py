"""Driving the real app in a browser: `streamlit run app.py` on a free port, Playwright in Debian's Chromium.

Used by tests/test_app_e2e.py and benchmarks/bench_app_browser.py, so the test and the benchmark run the same
task: matrix -> a Kyrgyz gap -> its finding -> overrule it with a reason -> the matrix shows the new status with
a reviewed mark -> drafting -> the Word download. Every step returns how long the click took to render.
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

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "adviser-pass-1"
SETTLED = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(tmp: Path) -> dict[str, str]:
    """A fresh review database, laws folder and accounts file with one adviser, under tmp."""
    env = dict(os.environ)
    env.update(
        LAWGAP_REVIEW_DB=str(tmp / "review.sqlite"),
        LAWGAP_LAWS_DIR=str(tmp / "laws"),
        LAWGAP_ACCOUNTS=str(tmp / "accounts.yaml"),
        LAWGAP_TEST_LOG=str(tmp / "streamlit.log"),
    )
    cmd = [sys.executable, "-m", "lawgap.app.accounts", "add", "ada", "--role", "adviser", "--name", "Ada Adviser"]
    subprocess.run(
        [*cmd, "--password-stdin"], input=PASSWORD + "\n", text=True, env=env, cwd=ROOT, check=True, capture_output=True
    )
    return env


@contextmanager
def running_app(env: dict[str, str]):
    """`streamlit run app.py` until it answers its health check; stopped (by its own pid) afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    log = open(env["LAWGAP_TEST_LOG"], "ab")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
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
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def settle(page) -> None:
    """Wait until the script run has finished (Streamlit's running indicator is gone)."""
    page.wait_for_function(SETTLED, timeout=180_000)


def timed(page, action, ready) -> float:
    """Seconds from the action (a click) until `ready()` returns (the new content is in the page)."""
    t = time.perf_counter()
    action()
    ready()
    return time.perf_counter() - t


def no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator(
        '[data-testid="stException"]'
    ).first.inner_text()


def sign_in(page) -> None:
    page.get_by_role("button", name="Sign in").first.click()
    page.get_by_label("User name").fill("ada")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").last.click()
    page.get_by_text("Signed in").first.wait_for()
    settle(page)


def cell(page, country: str, rule: str):
    return page.locator(f'td[data-country="{country}"][data-rule="{rule}"]')


def task(page, url: str, reason: str) -> dict[str, float]:
    """The adviser's task; returns the seconds each step took to render. The page is signed in first."""
    times: dict[str, float] = {}
    times["first matrix"] = timed(
        page, lambda: page.goto(url + "/"), lambda: page.locator("td[data-country]").first.wait_for()
    )
    settle(page)
    sign_in(page)
    gap = page.locator('td[data-country="KG"][data-status="gap"]').first
    gap.wait_for()
    rule = gap.get_attribute("data-rule")
    times["matrix -> finding"] = timed(
        page, lambda: gap.locator("a").click(), lambda: page.get_by_text("Set the status").first.wait_for()
    )
    assert rule in page.url
    settle(page)
    page.get_by_label("Reason (required)").first.fill(reason)
    page.get_by_role("combobox", name="Status").click()
    page.get_by_role("option", name="partial").click()
    times["overrule"] = timed(
        page,
        lambda: page.get_by_role("button", name="Set the status").click(),
        lambda: page.get_by_text("status set by the reviewer").first.wait_for(),
    )
    settle(page)
    times["finding -> matrix"] = timed(
        page,
        lambda: page.get_by_text("Back to the matrix").click(),
        lambda: page.locator(f'td.reviewed[data-country="KG"][data-rule="{rule}"]').wait_for(),
    )
    settle(page)
    times["matrix -> finding again"] = timed(
        page,
        lambda: cell(page, "KG", rule).locator("a").click(),
        lambda: page.get_by_text("Draft an amendment").first.wait_for(),
    )
    settle(page)
    times["finding -> drafting"] = timed(
        page,
        lambda: page.get_by_text("Draft an amendment").first.click(),
        lambda: page.get_by_role("button", name="Drafts (.docx)").wait_for(),
    )
    settle(page)
    with page.expect_download() as dl:
        times["docx download"] = timed(
            page, lambda: page.get_by_role("button", name="Drafts (.docx)").click(), lambda: dl.value
        )
    times["_rule"] = rule  # type: ignore[assignment]
    times["_docx"] = dl.value.path()  # type: ignore[assignment]
    return times
