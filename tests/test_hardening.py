"""Issue 14's smaller holes, one test each: formula cells, archives that broke `scan`, arguments and
settings, `-o` over a file it cannot replace in place, the PDF converter's process group, Markdown
that copied a title's HTML, and the report and draft following a reviewer's override.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import stat
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import html as lhtml

from lawgap.cli import main
from lawgap.errors import InputError
from lawgap.parsers import load_law
from lawgap.publish.atomic import ExportError, write_atomic
from lawgap.publish.tabular import safe_cell
from lawgap.store import ReviewStore
from lawgap.vocab import GAP, MET
from tests.hostile import ROOT

LAWS = ROOT / "tests" / "fixtures" / "laws"
KG_LAW = str(LAWS / "kg_style_cc_ru.txt")
FORMULAS = ["=2+2", "+SUM(A1)", "-1+cmd|' /C calc'!A0", "@SUM(1)", "\t=2+2", "\r=2+2"]


# -- formula injection ------------------------------------------------------------------------------
@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_cell_is_neutralised(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Статья 166") == "Статья 166" and safe_cell(0.5) == 0.5


def _kg_score(law_id: str):
    from lawgap.assess.score import score_country

    law = replace(load_law(KG_LAW, country="KG"), source=f"/uploads/{law_id}.txt")
    return score_country("KG", [law])


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_audit_score_and_matrix_exports_carry_no_formula(tmp_path):
    from openpyxl import load_workbook

    from lawgap.publish import coverage, matrix

    store = ReviewStore(tmp_path / "review.sqlite")
    for i, value in enumerate(FORMULAS):
        store.override_status("KG", f"rule_{i}", MET, value.strip() or "x", value + " reason")
        store.decide_evidence("KG", f"rule_{i}", "sha", "art_1", "rejected", "@" + str(i), "\t=HYPERLINK(1)")
    cs = _kg_score("=HYPERLINK(evil)")
    assert cs.laws[0].id == "=HYPERLINK(evil)"  # law ids come from file names
    assert any(f.evidence for f in cs.findings)
    exports = {
        "audit": _cells(store.audit_csv()),
        "score": _cells(coverage.to_csv(cs)),
        "matrix csv": _cells(matrix.to_csv([cs])),
    }
    sheet = load_workbook(io.BytesIO(matrix.to_xlsx([cs]))).active
    exports["matrix xlsx"] = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    for name, cells in exports.items():
        bad = [c for c in cells if isinstance(c, str) and c and c[0] in "=+-@\t\r"]
        assert not bad, (name, bad[:3])
    assert any(c.startswith("'=") for c in exports["audit"])


# -- archives that stopped `lawgap scan` -------------------------------------------------------------
def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body/></w:document>")
    return buf.getvalue()


def _patched(data: bytes, old: bytes, new: bytes) -> bytes:
    assert data.count(old) >= 1
    return data.replace(old, new)


def _unsupported_method() -> bytes:
    data = _docx_bytes()  # method 8 (deflate) -> 97 (WavPack) in the local and central headers
    return data.replace(b"\x14\x00\x00\x00\x08\x00", b"\x14\x00\x00\x00\x61\x00")


def _bad_name() -> bytes:
    data = _docx_bytes()  # the UTF-8 flag on a name that is not UTF-8
    data = data.replace(b"\x14\x00\x00\x00\x08\x00", b"\x14\x00\x00\x08\x08\x00")
    return data.replace(b"word/document.xml", b"word/docum\xffnt.xml")


def _encrypted() -> bytes:
    return _docx_bytes().replace(b"\x14\x00\x00\x00\x08\x00", b"\x14\x00\x01\x00\x08\x00")


ARCHIVES = [
    ("unsupported compression", _unsupported_method, "does not support"),
    ("member name not UTF-8", _bad_name, "not valid UTF-8"),
    ("encrypted member", _encrypted, "encrypted"),
]


@pytest.mark.parametrize(("case", "make", "words"), ARCHIVES, ids=[c[0] for c in ARCHIVES])
def test_a_bad_archive_is_one_failed_row_and_the_scan_goes_on(tmp_path, capsys, case, make, words):
    folder = tmp_path / "national_laws" / "KG"
    folder.mkdir(parents=True)
    bad = folder / "bad.docx"
    bad.write_bytes(make())
    with pytest.raises(InputError, match=words):
        load_law(bad)
    shutil.copy(KG_LAW, folder / "cc.txt")
    assert main(["scan", str(tmp_path / "national_laws"), "--no-score"]) == 0
    out, err = capsys.readouterr()
    assert "FAILED" in out and str(bad) in out and "cc.txt" in out
    assert words in err and "Traceback" not in err


def test_score_over_several_files_scores_those_it_could_read(tmp_path, capsys):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_encrypted())
    assert main(["score", str(bad), KG_LAW, "--country", "KG", "--format", "csv"]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("country,rule") and f"{bad}: encrypted" in err


# -- arguments and settings ---------------------------------------------------------------------------
@pytest.mark.parametrize(("code", "ok"), [("kg", True), ("UZ", True), ("FR", True), ("XX", False), ("КГ", False)])
def test_country_codes_come_from_the_catalogue_or_iso_3166(capsys, code, ok):
    with pytest.raises(SystemExit) as exit_:
        main(["parse", "--country", code, "--help" if ok else KG_LAW])
    assert exit_.value.code == (0 if ok else 2)
    if not ok:
        assert "not a two-letter country code of ISO 3166" in capsys.readouterr().err


def test_a_leading_dash_file_name_gets_a_hint(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copy(KG_LAW, tmp_path / "-law.txt")
    monkeypatch.setattr(sys, "argv", ["lawgap", "parse", "-law.txt"])
    with pytest.raises(SystemExit):
        main(["parse", "-law.txt"])
    assert "./-law.txt" in capsys.readouterr().err
    assert main(["parse", "--format", "text", "--", "-law.txt"]) == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_stdout_is_not_blamed_on_the_input(capsys, monkeypatch):
    with open("/dev/full", "w") as full:
        monkeypatch.setattr(sys, "stdout", full)
        assert main(["parse", KG_LAW]) == 2
    err = capsys.readouterr().err
    assert "standard output" in err and "No space left" in err and KG_LAW not in err


def test_o_never_replaces_a_read_only_file_and_writes_through_a_link(tmp_path):
    locked = tmp_path / "locked.md"
    locked.write_text("the user's own text")
    locked.chmod(stat.S_IRUSR)
    with pytest.raises(ExportError, match="read-only"):
        write_atomic(locked, "new")
    assert locked.read_text() == "the user's own text"
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


# -- the PDF converter -------------------------------------------------------------------------------
_FAKE_SOFFICE = """#!/bin/sh
# forks a child that would outlive its parent, as soffice.bin does, and writes into its profile folder
sleep 300 &
echo $! > "{pids}"
sleep 300
"""


def test_a_timed_out_conversion_stops_libreoffice_and_removes_its_files(tmp_path, monkeypatch):
    from lawgap.publish import convert

    pids = tmp_path / "child.pid"
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(_FAKE_SOFFICE.format(pids=pids))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(convert, "GRACE", 1)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    src = tmp_path / "report.docx"
    src.write_bytes(b"PK")
    with pytest.raises(ExportError, match="did not finish within 1 s"):
        convert.docx_to_pdf(src, tmp_path / "report.pdf", timeout=1)
    child = int(pids.read_text())
    for _ in range(50):
        if not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the forked child of LibreOffice is still running")
    assert not list(tmp_path.glob("lawgap-soffice-*")), "the temporary folder was left behind"
    assert not (tmp_path / "report.pdf").exists()


# -- Markdown --------------------------------------------------------------------------------------------
def test_markdown_drafts_show_law_text_not_markup():
    from lawgap.drafting.draft import drafts_for_country
    from lawgap.publish.markdown import to_markdown_doc

    law = load_law(KG_LAW, country="KG")
    law = replace(law, title='<img src=x onerror="alert(1)"> Кодекс [ссылка](javascript:alert(1))')
    drafts = drafts_for_country("KG", [law], ("ru",))
    drafts = [replace(d, law_name=law.title) for d in drafts[:1]]
    text = to_markdown_doc(drafts)
    assert "<img" not in text and "&lt;img" in text
    assert not re.search(r"(?<!\\)\]\(javascript", text) and "\\](javascript" in text


# -- the reviewed score in the report and the drafts (point 7) ----------------------------------------------
def test_an_override_to_met_is_reported_and_drafted_as_met(tmp_path, monkeypatch, capsys):
    from lawgap.publish.report_content import T

    monkeypatch.setenv("LAWGAP_REVIEW_DB", str(tmp_path / "review.sqlite"))
    assert main(["score", KG_LAW, "--country", "KG", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    rule = next(r["rule"] for r in rows if r["status"] == GAP)
    ReviewStore().override_status("KG", rule, MET, "Айгуль", "art. 124 covers it, read with art. 3")
    assert main(["report", KG_LAW, "--country", "KG"]) == 0
    page = lhtml.fromstring(capsys.readouterr().out)
    table = page.xpath(f"//h2[.='{T['en']['matrix']}']/following-sibling::table[1]")[0]
    status = {tr.xpath("./td")[0].text_content(): tr.xpath("./td")[1].text_content() for tr in table.xpath(".//tr")[1:]}
    assert status[rule].replace(" ", "_") == MET
    assert main(["draft", KG_LAW, "--country", "KG", "--rule", "all", "--lang", "en"]) == 0
    drafted = capsys.readouterr().out
    other = next(r["rule"] for r in rows if r["status"] == GAP and r["rule"] != rule)
    from lawgap.rules import load_rules

    titles = {r.id: r.title_en for r in load_rules().rules}
    assert titles[other] in drafted and titles[rule] not in drafted
