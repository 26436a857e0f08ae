"""A law read against the rules is kept on disk and read back only for the same text, rule and code."""

from __future__ import annotations

import dataclasses

import pytest

from lawgap.assess import reading
from lawgap.assess.reading import read_law
from lawgap.cache import Memo
from lawgap.model import Law, Provision
from lawgap.rules import compile_cue, load_rules


def _law(text: str) -> Law:
    # KG CC note to art 166, shortened: the victim's exemption
    provs = (
        Provision("art_166", None, "article", "166", "Торговля людьми", ""),
        Provision("art_166__note_nn_1", "art_166", "note", None, None, text),
    )
    return Law("УК", "ru", "civil", "/laws/cc.docx", "cd" * 32, provs, kind="criminal_code", country="KG")


NOTE = ("Лицо, ставшее жертвой торговли людьми, освобождается от уголовной ответственности за деяния, "
        "совершенные в результате вовлечения его в торговлю людьми.")


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch):
    """Each test starts as a new process would: nothing read yet in memory (lawgap.assess.reading._READ)."""
    monkeypatch.setattr(reading, "_READ", Memo(8))


def _rules():
    return [load_rules().by_id["non_punishment_victims"]]


def test_a_second_reading_comes_from_disk_and_equals_the_first(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law, rules = _law(NOTE), _rules()
    first = read_law(law, rules)
    assert first["non_punishment_victims"][0], "no hit: nothing to keep"
    assert list((tmp_path / "hits").iterdir())
    built = []
    monkeypatch.setattr(reading, "LawIndex", lambda *a, **k: built.append(1))
    monkeypatch.setattr(reading, "_READ", Memo(8))  # a new process: nothing kept in memory
    assert read_law(law, rules) == first
    assert not built  # read back, not matched again


def test_another_text_or_a_changed_rule_is_read_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    rules = _rules()
    read_law(_law(NOTE), rules)
    # the same file sha256 with another text (a law built in memory) reads its own words
    other = read_law(_law("Лицо освобождается от уголовной ответственности."), rules)
    assert not [h for h in other["non_punishment_victims"][0] if h.element == "victim"]
    # a rule whose cue changed is matched again
    rule = rules[0]
    victim = next(e for e in rule.elements if e.id == "victim")
    cues = dataclasses.replace(victim.cues, ru=(compile_cue("жертва ~1 пытка", "ru"),))
    narrower = dataclasses.replace(victim, cues=cues)
    changed = dataclasses.replace(rule, elements=tuple(narrower if e.id == "victim" else e for e in rule.elements))
    hits = read_law(_law(NOTE), [changed])["non_punishment_victims"][0]
    assert not [h for h in hits if h.element == "victim"]


def test_a_damaged_entry_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law, rules = _law(NOTE), _rules()
    first = read_law(law, rules)
    for f in (tmp_path / "hits").iterdir():
        f.write_bytes(b"not gzip")
    monkeypatch.setattr(reading, "_READ", Memo(8))
    assert read_law(law, rules) == first


def test_a_law_read_again_in_the_same_process_is_not_decoded_again(tmp_path, monkeypatch):
    # checking drafts re-scores a country once per draft: the unchanged laws' readings stay in memory
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law, rules = _law(NOTE), _rules()
    first = read_law(law, rules)
    monkeypatch.setattr(reading, "_load", lambda data: pytest.fail("decoded from disk again"))
    assert read_law(law, rules) == first


def test_the_memo_keeps_the_last_used():
    memo: Memo[str, int] = Memo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a", 0) == 1  # "a" is now the last used
    memo.put("c", 3)
    assert (memo.get("a", 0), memo.get("b", 0), memo.get("c", 0)) == (1, 0, 3)


def test_a_part_found_qualified_by_a_newer_parser_is_read_again():
    # the same words, but the structure stage now knows part 2 aggravates part 1: the old reading must not be kept
    law = _law(NOTE)
    marked = dataclasses.replace(
        law, provisions=tuple(dataclasses.replace(p, qualified=p.kind == "note") for p in law.provisions)
    )
    assert reading.law_digest(law, ()) != reading.law_digest(marked, ())
