"""The app in a real browser (Playwright in Debian's Chromium), on the real corpus, as an adviser uses it.

One server, two checks: every page opens from the sidebar in English and in Russian without an exception;
then the adviser's task (tests/app_driver.py: matrix -> a Kyrgyz gap -> finding -> overrule with a reason ->
the matrix shows the new status with a reviewed mark -> drafting -> the Word download), after which the same
status for that rule appears on the Matrix, Finding, Gaps and Compare pages, in the CSV and XLSX exports and
in the report. A new server process then still shows the decision. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from app_driver import CHROMIUM, CHROMIUM_ARGS, ROOT, environment, no_exception, running_app, settle, task

from lawgap.settings import corpus_dir
from lawgap.vocab import STATUSES

ARTIFACTS = ROOT / "test-artifacts"
REASON = "ст. 40 УПК КР гарантирует помощь без учёта пола: частично"

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

# (the sidebar's link, the page's heading)
SIDEBAR = {
    "en": [
        ("Coverage matrix", "Coverage matrix"),
        ("Finding", "Finding"),
        ("Gaps", "Gaps and partial"),
        ("Compare", "Compare countries"),
        ("Drafting", "Draft amendments"),
        ("Review log", "Review log"),
        ("Laws", "Laws"),
    ],
    "ru": [
        ("Матрица охвата", "Матрица охвата"),
        ("Вывод", "Вывод"),
        ("Пробелы", "Пробелы и частичные"),
        ("Сравнение", "Сравнение стран"),
        ("Проекты поправок", "Проекты поправок"),
        ("Журнал проверки", "Журнал проверки"),
        ("Законы", "Законы"),
    ],
}


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def every_page_from_the_sidebar(page, url: str) -> None:
    for lang, titles in SIDEBAR.items():
        page.goto(f"{url}/?lang={lang}")
        page.locator("td[data-country]").first.wait_for()
        settle(page)
        for title, heading in titles:
            page.locator('[data-testid="stSidebarNav"] a').filter(has_text=title).first.click()
            page.locator("h1, h2").filter(has_text=heading).first.wait_for()
            settle(page)
            no_exception(page)
            shoot(page, f"{lang}-{title}")


def status_on_pages(page, url: str, rule: str) -> dict[str, str]:
    """The status of KG's finding for `rule` as each page and download shows it."""
    from docx import Document
    from openpyxl import load_workbook

    out = {}
    page.goto(f"{url}/?lang=en")
    cell = page.locator(f'td[data-country="KG"][data-rule="{rule}"]')
    out["matrix"] = cell.get_attribute("data-status")
    out["matrix reviewed"] = "reviewed" in (cell.get_attribute("class") or "")
    settle(page)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Export (.xlsx)").click()
    sheet = load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active
    header = next(sheet.iter_rows(values_only=True))
    out["xlsx"] = next(r[header.index("KG status")] for r in sheet.iter_rows(values_only=True) if r[0] == rule)
    page.goto(f"{url}/finding?lang=en&country=KG&rule={rule}")
    out["finding"] = page.locator("span", has_text="partial").first.inner_text()
    page.goto(f"{url}/gaps?lang=en&country=KG")
    out["gaps"] = page.locator(f'div.lg-item[data-rule="{rule}"]').get_attribute("data-status")
    page.goto(f"{url}/compare?lang=en&country=KG&rule={rule}")
    out["compare"] = page.locator(f'p[data-country="KG"][data-rule="{rule}"]').get_attribute("data-status")
    page.goto(f"{url}/drafting?lang=en&country=KG&rule={rule}")
    settle(page)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Coverage (.csv)").click()
    rows = list(csv.reader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    out["csv"] = next(r[rows[0].index("KG status")] for r in rows if r[0] == rule)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Report (.docx)").click()
    cells = [
        [c.text for c in row.cells]
        for t in Document(io.BytesIO(Path(dl.value.path()).read_bytes())).tables
        for row in t.rows
    ]
    # the matrix annex: the rule's row, its status cell (the status words, spaces for underscores)
    out["report"] = next(
        x.replace(" ", "_") for c in cells if c and c[0] == rule for x in c if x.replace(" ", "_") in STATUSES
    )
    return out


def test_every_page_and_the_advisers_task_in_a_real_browser(tmp_path: Path):
    env = environment(tmp_path)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(120_000)
        with running_app(env) as url:
            times = task(page, url, REASON)
            rule = times["_rule"]
            assert Path(times["_docx"]).read_bytes()[:2] == b"PK"  # a Word file
            shoot(page, "task-drafting")
            seen = status_on_pages(page, url, rule)
            assert seen == {
                "matrix": "partial",
                "matrix reviewed": True,
                "xlsx": "partial",
                "finding": "partial",
                "gaps": "partial",
                "compare": "partial",
                "csv": "partial",
                "report": "partial",
            }
            every_page_from_the_sidebar(page, url)
        with running_app(env) as url:  # a new server process: nothing is left in memory
            page.goto(f"{url}/finding?lang=en&country=KG&rule={rule}")
            page.get_by_text("status set by the reviewer").first.wait_for()
            page.get_by_text(REASON).first.wait_for()
            shoot(page, "finding-after-restart")
        browser.close()
