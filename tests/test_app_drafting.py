"""The drafting page (moved here from test_draft.py with the app's sign-in): it drafts from the app's own
workspace of the chosen country, and only a signed-in reviewer of that country saves a version."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lawgap.app import auth, state
from lawgap.settings import corpus_dir
from lawgap.store import DraftStore

KG_FOLDER = corpus_dir() / "kg"


@pytest.fixture
def kg_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    if not (KG_FOLDER / "criminal_code_2021_ru.docx").exists():
        pytest.skip(f"the Kyrgyz codes are not under {corpus_dir()} (set LAWGAP_CORPUS)")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "kg").symlink_to(KG_FOLDER)
    monkeypatch.setenv("LAWGAP_CORPUS", str(tmp_path / "corpus"))
    monkeypatch.setenv("LAWGAP_LAWS_DIR", str(tmp_path / "laws"))
    monkeypatch.setenv("LAWGAP_REVIEW_DB", str(tmp_path / "review.sqlite"))
    state.refresh()


def drafting(user: auth.User | None, **params: str) -> AppTest:
    at = AppTest.from_string("from lawgap.app.drafting import render\nrender()", default_timeout=300)
    for k, v in params.items():
        at.query_params[k] = v
    if user is not None:
        at.session_state[auth.SESSION_KEY] = user
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_reviewer_of_the_country_edits_saves_and_a_broken_edit_is_refused(kg_only):
    at = drafting(auth.User("bek", "Бек Асанов", auth.NATIONAL_REVIEWER, "KG"), country="KG")
    assert at.selectbox(key="pick_country").value == "KG"
    assert any("reads the instruction back as" in s.value for s in at.success)
    at.button(key="draft_save").click().run()
    assert any(s.value == "Saved version 1." for s in at.success)
    rule = at.selectbox(key="draft_rule").value
    saved = DraftStore().latest("KG", rule, "ru")
    assert (saved.version, saved.author) == (1, "Бек Асанов (bek)")
    # a broken edit (number removed) is refused before it can be saved
    at.text_area(key=f"ins_{rule}_ru_generated").set_value("текст без номера").run()
    assert at.error and at.button(key="draft_save").disabled


@pytest.mark.parametrize(
    "user", [None, auth.User("v", "Виктор", auth.VIEWER), auth.User("a", "Айгуль", auth.NATIONAL_REVIEWER, "KZ")]
)
def test_a_viewer_or_another_countrys_reviewer_cannot_save(kg_only, user):
    at = drafting(user, country="KG")
    assert at.button(key="draft_save").disabled
    assert any("to save a version" in c.value for c in at.caption)


def test_a_gaps_link_preselects_its_finding(kg_only):
    at = drafting(None, country="KG", rule="assistance_gender_sensitive")
    assert at.selectbox(key="draft_rule").value == "assistance_gender_sensitive"
    assert at.header[0].value == "Draft amendments"


@pytest.mark.parametrize("rule", ["definition_means_payments", "non_punishment_victims"])
def test_a_draft_adding_or_striking_words_opens_and_reads_back(kg_only, rule):
    # words added to part 1 of art 166, the note's limit struck: no quoted provision, and the page once crashed
    at = drafting(auth.User("bek", "Бек Асанов", auth.NATIONAL_REVIEWER, "KG"), country="KG", rule=rule)
    assert at.selectbox(key="draft_rule").value == rule
    assert any("reads the instruction back as" in s.value for s in at.success)
    assert not at.button(key="draft_save").disabled


def test_drafting_without_laws_says_so_and_does_not_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("LAWGAP_CORPUS", str(tmp_path / "none"))
    monkeypatch.setenv("LAWGAP_LAWS_DIR", str(tmp_path / "laws"))
    state.refresh()
    at = drafting(None)
    assert at.info
