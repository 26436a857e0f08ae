"""The command line as a user meets it: the main job, the JSON contracts of parse and score."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import corpus_file

from lawgap.cli import main
from lawgap.rules.citations import parse as parse_citation
from lawgap.vocab import LEVELS, STATUSES

PROVISION_KEYS = {"eid", "parent", "kind", "num", "heading", "text"}
KINDS = {"book", "part", "section", "chapter", "article", "paragraph", "point", "subpoint", "note"}


def test_scan_with_no_files_says_what_to_put_where(tmp_path, capsys):
    (tmp_path / "KG").mkdir()
    assert main(["scan", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "No national law files were found" in out
    for country in ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"):
        assert country in out
    assert "Уголовный кодекс Кыргызской Республики" in out


def test_scan_parses_and_scores_what_it_finds(tmp_path, capsys):
    src = corpus_file("kg/criminal_code_2021_ru.docx")
    (tmp_path / "KG").mkdir()
    shutil.copy(src, tmp_path / "KG" / "cc.docx")
    assert main(["scan", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if "cc.docx" in line)
    assert row.split()[:3] == ["KG", "criminal_code", "ru"]
    assert re.search(r"KG: \d+ requirements: \d+ met, \d+ partial, \d+ gap", out)
    assert "not yet supplied: Criminal Procedure Code" in out


def test_scan_reports_a_bad_file_and_goes_on(tmp_path, capsys):
    src = corpus_file("kg/criminal_code_2021_ru.docx")
    (tmp_path / "KG").mkdir()
    shutil.copy(src, tmp_path / "KG" / "cc.docx")
    (tmp_path / "KG" / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    assert main(["scan", "--no-score", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "broken.docx" in captured.err and "damaged" in captured.err
    assert "cc.docx" in captured.out


def test_parse_json_has_the_public_shape(capsys):
    path = corpus_file("kg/criminal_code_2021_ru.docx")
    assert main(["parse", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert {"title", "country", "language", "kind", "provisions"} <= doc.keys()
    assert (doc["country"], doc["language"], doc["kind"]) == ("KG", "ru", "criminal_code")
    eids = [p["eid"] for p in doc["provisions"]]
    assert len(eids) == len(set(eids))
    seen = set()
    for p in doc["provisions"]:
        assert p.keys() >= PROVISION_KEYS and p["kind"] in KINDS
        assert p["parent"] is None or p["parent"] in seen, "parents come before their children"
        seen.add(p["eid"])
    art = next(p for p in doc["provisions"] if p["eid"] == "art_166")
    assert art["kind"] == "article" and art["num"] == "166" and "людьми" in art["heading"]


def test_score_json_is_the_public_contract(capsys):
    files = [corpus_file("kg/criminal_code_2021_ru.docx"), corpus_file("kg/criminal_procedure_code_2021_ru.docx")]
    assert main(["score", *map(str, files), "--country", "KG", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["country"] == "KG"
    assert [law["id"] for law in doc["laws"]] == ["criminal_code_2021_ru", "criminal_procedure_code_2021_ru"]
    assert all({"id", "title", "file", "language", "provisions"} <= law.keys() for law in doc["laws"])
    for rule in doc["rules"]:
        assert {
            "id",
            "title",
            "category",
            "obligation",
            "sources",
            "status",
            "score",
            "elements",
            "evidence",
        } <= rule.keys()
        assert rule["status"] in STATUSES and 0.0 <= rule["score"] <= 1.0
        assert rule["level"] in LEVELS and isinstance(rule["broader"], bool)
        assert rule["explanation"]
        for cite in rule["sources"]:
            parse_citation(cite)
        scores = [ev["score"] for ev in rule["evidence"]]
        assert scores == sorted(scores, reverse=True), "evidence is ordered best first"
        for ev in rule["evidence"]:
            assert {"law", "eid", "num", "score", "excerpt"} <= ev.keys()
    trafficking = next(r for r in doc["rules"] if r["id"] == "criminalisation_trafficking_offence")
    assert trafficking["status"] == "met" and trafficking["evidence"][0]["num"] == "166"
    assert 0.0 <= doc["summary"]["overall"] <= 1.0 and doc["summary"]["by_category"]


def test_unknown_country_code_is_refused(capsys):
    path = corpus_file("kg/criminal_code_2021_ru.docx")
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(path), "--country", "Kyrgyzstan"])
    assert exc.value.code == 2
    assert "two-letter country code" in capsys.readouterr().err
