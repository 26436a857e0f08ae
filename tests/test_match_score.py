"""Matching and scoring on small laws built in memory, one behaviour per case.

The wording imitates the real provisions that motivated each behaviour (cited per case), kept
short; integration tests over the real corpus are in test_findings.py.
"""

from __future__ import annotations

import textwrap

import pytest

from lawgap.assess.score import score_country
from lawgap.model import Law, Provision
from lawgap.rules import load_rules

RULES = textwrap.dedent(
    """
    [[rule]]
    id = "non_punishment"
    title_en = "Victims are not punished for offences they were compelled to commit"
    title_ru = "Жертвы не наказываются за вынужденные деяния"
    category = "non_punishment"
    targets = ["victims"]
    obligation = "mandatory"
    sources = ["COE 26"]
    law_kinds = ["criminal_code"]

    [[rule.elements]]
    id = "victim"
    label_en = "victim of trafficking"
    label_ru = "жертва торговли людьми"
    mandatory = true
    cues.ru = ["жертва торговля человек"]
    cues.ky = ["курмандыг*"]
    cues.en = ["victim"]

    [[rule.elements]]
    id = "exempt"
    label_en = "exempt from liability"
    label_ru = "освобождение от ответственности"
    mandatory = true
    cues.ru = ["освобождаться от ~2 ответственность"]
    cues.ky = ["жоопкерчилик* бошот*"]
    cues.en = ["not ~2 liable"]
    negative.ru = ["не освобождаться"]
    limiting.ru = ["небольшой тяжесть"]
    limiting.en = ["only"]
    """
)


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(RULES, encoding="utf-8")
    return load_rules(path)


def _law(name: str, language: str, provisions: list[tuple[str, str | None, str, str]], kind="criminal_code") -> Law:
    provs = tuple(
        Provision(eid, parent, kind_, eid.rsplit("_", 1)[-1], None, text) for eid, parent, kind_, text in provisions
    )
    style = "common" if language == "en" else "civil"
    return Law(name, language, style, f"/laws/{name}.docx", name.ljust(64, "0"), provs, country="KG", kind=kind)


def _finding(cs, rule_id="non_punishment"):
    return next(f for f in cs.findings if f.rule.id == rule_id)


def test_elements_in_one_article_meet_the_rule(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    # KG Criminal Code, note to art 166: the exemption sits in a note of the trafficking article.
    law = _law(
        "cc",
        "ru",
        [
            ("art_166", None, "article", "Торговля людьми."),
            (
                "art_166__note_nn_1",
                "art_166",
                "note",
                "Жертва торговли людьми освобождается от уголовной ответственности.",
            ),
        ],
    )
    f = _finding(score_country("KG", [law], rules))
    assert f.status == "met" and f.score == 1.0
    assert f.evidence[0].article == "art_166" and f.evidence[0].num == "166"
    assert f.evidence[0].eid == "art_166__note_nn_1"
    assert "освобождается от уголовной ответственности" in f.evidence[0].words


def test_a_limitation_in_the_same_sentence_makes_it_partial_and_is_named(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    # The KG clause covers only offences of lesser gravity ("небольшой тяжести").
    law = _law(
        "cc",
        "ru",
        [
            (
                "art_166",
                None,
                "article",
                "Жертва торговли людьми освобождается от уголовной ответственности за преступления небольшой тяжести.",
            )
        ],
    )
    f = _finding(score_country("KG", [law], rules))
    assert f.status == "partial"
    exempt = next(e for e in f.elements if e.id == "exempt")
    assert exempt.limited_by == ("небольшой тяжести",)  # as printed in the law
    assert "небольшой тяжести" in f.explanation


def test_elements_scattered_over_two_articles_do_not_meet_the_rule(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law(
        "cc",
        "ru",
        [
            ("art_1", None, "article", "Жертва торговли людьми имеет право на помощь."),
            ("art_2", None, "article", "Лицо освобождается от уголовной ответственности в случае примирения."),
        ],
    )
    f = _finding(score_country("KG", [law], rules))
    # half the obligation in each article: neither says it, so it is a gap that names what was seen
    assert (f.status, f.score) == ("gap", 0.0)
    assert "names only" in f.explanation and f.evidence[0].score == 0.5


def test_negated_words_are_not_evidence(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law(
        "cc",
        "ru",
        [("art_9", None, "article", "Жертва торговли людьми не освобождается от уголовной ответственности.")],
    )
    f = _finding(score_country("KG", [law], rules))
    assert f.status == "gap"
    assert not next(e for e in f.elements if e.id == "exempt").found


def test_nothing_found_is_a_gap_that_names_the_missing_law_kind(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    law = _law("cpc", "ru", [("art_1", None, "article", "Суд рассматривает дело.")], kind="criminal_procedure_code")
    f = _finding(score_country("KG", [law], rules))
    assert (f.status, f.score, f.evidence) == ("gap", 0.0, ())
    assert "Criminal Code" in f.explanation  # named in words, never by its id


def test_two_language_versions_count_once_and_show_both_texts(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    ru = _law(
        "cc_ru",
        "ru",
        [("art_166", None, "article", "Жертва торговли людьми освобождается от уголовной ответственности.")],
    )
    ky = _law(
        "cc_ky", "ky", [("art_166", None, "article", "Адам соодалоонун курмандыгы кылмыш жоопкерчилигинен бошотулат.")]
    )
    cs = score_country("KG", [ru, ky], rules)
    f = _finding(cs)
    assert f.status == "met"
    assert [(e.law, e.language, e.article) for e in f.evidence] == [
        ("cc_ru", "ru", "art_166"),
        ("cc_ky", "ky", "art_166"),
    ]


def _cross_law(reference: str) -> Law:
    # The shape of KG CPC art 169, which invites an interpreter "in the cases of part 2 of article 21".
    return _law(
        "cc",
        "ru",
        [
            ("art_1", None, "article", "Общие положения."),
            ("art_1__para_2", "art_1", "paragraph", "Жертва торговли людьми имеет право на защиту."),
            ("art_2", None, "article", f"Лицо, указанное в {reference}, освобождается от уголовной ответственности."),
        ],
    )


def test_an_element_in_the_part_an_article_cites_counts_through_the_reference(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    f = _finding(score_country("KG", [_cross_law("части 2 статьи 1")], rules))
    assert f.status == "met"
    victim = next(e for e in f.elements if e.id == "victim")
    assert victim.via == "art_1__para_2"
    assert [(ev.article, ev.via) for ev in f.evidence[:2]] == [("art_2", None), ("art_1", "art_2")]
    assert "through art. 1(2), which it cites" in f.explanation


def test_a_reference_to_a_whole_article_lends_nothing(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CACHE", str(tmp_path))
    f = _finding(score_country("KG", [_cross_law("статье 1")], rules))
    assert f.status == "gap"
    assert all(e.via is None for e in f.elements)
