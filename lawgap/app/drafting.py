"""The drafting page: pick a country and a gap or partial finding, edit its draft, save versions, export.

Reads: the country's workspace (lawgap.app.state -> lawgap.workspace: its laws and the reviewed score,

as every other page). Writes: draft versions in the review database (lawgap.store); an edited draft is
checked with our own parser before it is saved, so a version never breaks its own numbering.
"""

from __future__ import annotations

import io

import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import t
from lawgap.app.links import param
from lawgap.vocab import MET, STATUS_SYMBOL


def render() -> None:
    from lawgap.drafting.draft import DraftError, edit_draft, inserted_text, make_draft, parse_back
    from lawgap.drafting.redline import to_html
    from lawgap.store import DraftStore, StoreError

    st.header("Draft amendments")
    countries = list(state.corpus().by_country)
    if not countries:
        st.info(t("no_laws"))
        return
    country = st.selectbox(
        t("pick_country"), countries, index=countries.index(param("country", countries)), key="draft_country"
    )
    st.query_params["country"] = country
    rule = st.query_params.get("rule")
    if rule and st.session_state.get("_draft_rule_from_link") != (country, rule):
        # a Gaps link names the finding: preselect it once, then leave the picker to the user
        st.session_state["_draft_rule_from_link"] = (country, rule)
        st.session_state["draft_rule"] = rule
    ws = state.workspace(country)
    laws, score = ws.laws, ws.score
    open_findings = [f for f in score.findings if f.status != MET]
    if not open_findings:
        st.success("Every requirement is met: there is nothing to draft.")
        return
    lang = st.radio("Language", ("ru", "en"), horizontal=True, key="draft_lang")
    labels = {f.rule.id: f"{STATUS_SYMBOL[f.status]} {f.rule.title_en} ({f.rule.id})" for f in open_findings}
    rule_id = st.selectbox("Finding", list(labels), format_func=labels.get, key="draft_rule")
    finding = next(f for f in open_findings if f.rule.id == rule_id)
    try:
        store = DraftStore()
    except StoreError as exc:
        st.error(str(exc))
        return
    try:
        generated = make_draft(country, finding, laws, lang)
    except DraftError as exc:
        st.error(str(exc))
        return
    options = {"generated": generated}
    for v in reversed(store.versions(country, rule_id, lang)):
        options[f"v{v.version} — {v.created_at} {v.author}".strip()] = v.draft
    choice = st.selectbox("Version", list(options), key=f"draft_version_{rule_id}_{lang}")
    draft = options[choice]

    st.markdown(f"**{draft.law_name}** — {draft.target}")
    st.caption(draft.placement_basis)
    st.subheader("Amending instruction")
    st.code(draft.instruction, language=None)
    new_text = st.text_area(
        "Text of the new provision", draft.inserted, height=160, key=f"ins_{rule_id}_{lang}_{choice}"
    )
    new_just = st.text_area("Justification", draft.justification, height=160, key=f"just_{rule_id}_{lang}_{choice}")
    author = st.text_input("Your name", key="draft_author")
    note = st.text_input("Note on this version", key="draft_note")
    edited = edit_draft(draft, inserted=new_text, justification=new_just)
    check = parse_back(edited)
    ok = check.provision is not None and check.text.strip() == inserted_text(edited).strip()
    if ok:
        st.success(f"Our parser reads the instruction back as {edited.new_eid}.")
    else:
        st.error(f"Our parser does not read the edited text back as {edited.new_eid}: keep the number and layout.")
    if st.button("Save as new version", disabled=not ok, key="draft_save"):
        v = store.save(edited, author=author, note=note)
        st.success(f"Saved version {v}.")
    st.subheader("Text after the amendment")
    st.markdown(
        f"<div style='font-family:serif;line-height:1.4'>{to_html(edited.redline)}</div>", unsafe_allow_html=True
    )

    st.subheader("Export")
    saved = {s.draft.rule_id: s.draft for s in store.all_latest(country, lang)}
    pick = st.multiselect("Drafts to export", list(labels), default=[rule_id], format_func=labels.get, key="draft_pick")
    chosen = [
        saved.get(r) or make_draft(country, next(f for f in open_findings if f.rule.id == r), laws, lang) for r in pick
    ]
    chosen = [edited if d.rule_id == rule_id else d for d in chosen]
    if chosen:
        _downloads(chosen, country, lang)
    from lawgap.publish.matrix import to_csv, to_xlsx

    m1, m2 = st.columns(2)
    m1.download_button(
        "Coverage matrix (.csv)", to_csv([score]).encode("utf-8"), f"coverage_{country}.csv", key="dl_csv"
    )
    m2.download_button("Coverage matrix (.xlsx)", to_xlsx([score]), f"coverage_{country}.xlsx", key="dl_xlsx")


def _downloads(drafts, country: str, lang: str) -> None:
    from lawgap.publish.amendment_akn import to_amendment_akn
    from lawgap.publish.docx import docx_document
    from lawgap.publish.markdown import to_markdown_doc

    buf = io.BytesIO()
    docx_document(drafts).save(buf)
    c1, c2, c3 = st.columns(3)
    c1.download_button("Word (.docx)", buf.getvalue(), f"drafts_{country}_{lang}.docx", key="dl_docx")
    c2.download_button("Markdown", to_markdown_doc(drafts).encode("utf-8"), f"drafts_{country}_{lang}.md", key="dl_md")
    c3.download_button("Akoma Ntoso", to_amendment_akn(drafts), f"drafts_{country}_{lang}.xml", key="dl_akn")
