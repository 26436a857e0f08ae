"""Lemmas and sentence spans: the ground every rule cue is matched on."""

from __future__ import annotations

import pytest

from lawgap.assess.nlp import analyse_law, analyse_text, lemmatiser
from lawgap.model import Law, Provision

LEMMAS = [
    # (language, text, expected (form, lemma) pairs) — wording as in the KG Criminal Code's note to art 166
    (
        "ru",
        "Лицо, являющееся потерпевшим от торговли людьми, освобождается от уголовной ответственности",
        [("потерпевшим", "потерпевший"), ("освобождается", "освобождаться"), ("уголовной", "уголовный")],
    ),
    ("ru", "Ёлки", [("Ёлки", "ёлка")]),  # pymorphy3 normal forms keep ё; cues are written the same way
    # English: the Pakistani Prevention of Trafficking in Persons Act 2018 speaks of "victims"
    (
        "en",
        "victims were trafficked by organised criminal groups",
        [("victims", "victim"), ("were", "be"), ("groups", "group")],
    ),
    # Kyrgyz has no lemmatiser here: the lemma is the lower-cased form, rules match by stem.
    ("ky", "Жабырлануучуга мамлекеттик коргоо", [("Жабырлануучуга", "жабырлануучуга")]),
]


@pytest.mark.parametrize(("lang", "text", "pairs"), LEMMAS)
def test_lemmas(lang, text, pairs):
    tokens, _ = analyse_text(text, lang)
    got = {t.text: t.lemma for t in tokens}
    for form, lemma in pairs:
        assert got[form] == lemma
    for t in tokens:
        assert text[t.start : t.end] == t.text


def test_punctuation_is_not_a_token_and_sentences_are_spans():
    text = "Первое предложение. Второе предложение!"
    tokens, sents = analyse_text(text, "ru")
    assert [t.text for t in tokens] == ["Первое", "предложение", "Второе", "предложение"]
    assert [text[a:b].strip() for a, b in sents] == ["Первое предложение.", "Второе предложение!"]


def _law(sha: str) -> Law:
    provs = (
        Provision("art_1", None, "article", "1", "Защита потерпевших", "Потерпевшему обеспечивается защита."),
        Provision("art_1__para_1", "art_1", "paragraph", "1", None, "Суд вправе провести закрытое заседание."),
    )
    return Law("Закон", "ru", "civil", "mem", sha, provs)


def test_cache_gives_back_exactly_what_was_computed(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law("ab" * 32)
    fresh = analyse_law(law)
    assert list(tmp_path.rglob("*.json.gz")), "the analysis was not cached"
    again = analyse_law(law)
    assert again == fresh
    assert [t.lemma for t in again["art_1"].heading] == ["защита", "потерпевший"]


def test_damaged_cache_is_recomputed(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law("cd" * 32)
    fresh = analyse_law(law)
    for f in tmp_path.rglob("*.json.gz"):
        f.write_bytes(b"not gzip")
    assert analyse_law(law) == fresh


@pytest.mark.parametrize("form", ["потерпевший", "потерпевшего", "потерпевшему", "потерпевшим", "Потерпевшему"])
def test_every_case_of_the_victim_is_the_noun(form):
    # pymorphy reads the dative alone as the verb's participle ("потерпеть"): a victim cue missed "вред, причиненный
    # потерпевшему"
    assert lemmatiser("ru")(form) == "потерпевший"
