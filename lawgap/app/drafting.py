"""The drafting page: pick a gap or partial finding of the chosen country, edit its draft, save versions,
download the drafts, the coverage matrix and the report.

Reads: the country's workspace (lawgap.app.state -> lawgap.workspace: its laws and the reviewed score, as every
other page). Writes: draft versions in the review database (lawgap.store), only for a signed-in reviewer of
that country; an edited draft is checked with our own parser before it is saved, so a version never breaks
its own numbering.
"""

from __future__ import annotations

import io

import streamlit as st

from lawgap.app import auth, state, widgets
from lawgap.app.i18n import country_name, lang, status_label, t
from lawgap.app.names import cite_in, rule_title
from lawgap.app.render import escape
from lawgap.vocab import GAP, PARTIAL, STATUS_SYMBOL

DRAFT_LANGS = ("ru", "en")


@st.cache_resource(show_spinner=False, max_entries=500)
def _draft(country: str, rule_id: str, lang_: str, shas: tuple[str, ...], finding_key: tuple):
    """The generated draft for one finding of the reviewed score, made once per state of the laws and of
    that finding (a decision on another finding does not make it again)."""
    from lawgap.drafting.draft import make_draft
    from lawgap.drafting.offer import beyond_scope

    ws = state.workspace(country)
    finding = next(f for f in ws.score.findings if f.rule.id == rule_id)
    beyond = beyond_scope(country, finding, ws.laws, ws.computed)  # as in the bill: one draft everywhere
    return make_draft(country, finding, ws.laws, lang_, beyond=beyond)


def generated(country: str, rule_id: str, lang_: str):
    laws = state.corpus().by_country.get(country, ())
    f = state.finding(country, rule_id)
    finding_key = (f.status, f.score, tuple((ev.law, ev.eid) for ev in f.evidence))
    return _draft(country, rule_id, lang_, tuple(x.sha256 for x in laws), finding_key)


@st.cache_resource(show_spinner=False, max_entries=500)
def _reads_back(draft) -> bool:
    """Whether our parser reads the draft's text back as the provision it inserts (a parse per edit)."""
    from lawgap.drafting.draft import reads_back

    return reads_back(draft)


def _editor(store, draft, key: str):
    """The text and justification, editable; the edit read back by our parser before it may be saved."""
    from lawgap.drafting.draft import DraftError, edit_draft

    new_text = st.text_area(t("draft_text"), draft.inserted, height=160, key=f"ins_{key}")
    new_just = st.text_area(t("draft_justification"), draft.justification, height=160, key=f"just_{key}")
    try:
        edited = edit_draft(draft, inserted=new_text, justification=new_just)
    except DraftError as exc:  # an empty text, or words typed into a deletion: say so, keep the draft as made
        st.error(t("draft_failed", problem=str(exc)))
        edited = draft
    ok = _reads_back(edited)
    where = cite_in(state.corpus().by_id.get(edited.law_id), edited.new_eid)
    if ok:
        st.success(t("draft_reads_back", eid=where))
    else:
        st.error(t("draft_does_not_read_back", eid=where))
    user = auth.current()
    may = user is not None and user.may_change(draft.country)
    note = st.text_input(t("draft_note"), key="draft_note", disabled=not may)
    if st.button(t("draft_save"), disabled=not ok or not may, key="draft_save"):
        try:
            auth.allowed(user, draft.country)
        except auth.NotAllowed as no:
            st.error(t(no.key, **{**no.params, "country": country_name(draft.country)}))
        else:
            st.success(t("draft_saved", version=store.save(edited, author=user.signature, note=note)))
    if not may:
        st.caption(t("auth_sign_in_to_save"))
    return edited


def render() -> None:
    from lawgap.drafting.draft import DraftError
    from lawgap.drafting.redline import to_html
    from lawgap.store import DraftStore, StoreError

    st.header(t("drafting_header"))
    country = widgets.country()
    if country is None:
        return
    ws = state.workspace(country)
    open_findings = [f for f in ws.score.findings if f.status in (GAP, PARTIAL)]
    if not open_findings:
        st.success(t("drafting_nothing"))
        _exports(ws, country, [])
        return
    by_id = {f.rule.id: f for f in open_findings}
    asked = widgets.linked("rule")
    if asked in by_id:
        st.session_state["draft_rule"] = asked
    draft_lang = st.radio(
        t("draft_language"), DRAFT_LANGS, horizontal=True, format_func=lambda x: t(f"lang_{x}"), key="draft_lang"
    )
    rule_id = st.selectbox(
        t("draft_finding"),
        list(by_id),
        format_func=lambda i: (
            f"{STATUS_SYMBOL[by_id[i].status]} {rule_title(by_id[i].rule)} · {status_label(by_id[i].status)}"
        ),
        key="draft_rule",
    )
    st.query_params["rule"] = rule_id
    try:
        store = DraftStore()
        made = generated(country, rule_id, draft_lang)
    except (StoreError, DraftError) as exc:
        st.error(t("draft_failed", problem=str(exc)))
        return
    options = {"generated": made}
    labels = {"generated": t("draft_generated")}
    for v in reversed(store.versions(country, rule_id, draft_lang)):
        options[f"v{v.version}"] = v.draft
        labels[f"v{v.version}"] = t("draft_version", version=v.version, at=v.created_at, who=v.author)
    choice = st.selectbox(t("draft_versions"), list(options), format_func=labels.get, key=f"ver_{rule_id}_{draft_lang}")
    draft = options[choice]
    st.markdown(f"**{escape(draft.law_name)}** — {escape(draft.target)}", unsafe_allow_html=True)
    if lang() == "en":
        st.caption(draft.placement_basis)
    st.subheader(t("draft_instruction"))
    st.code(draft.instruction, language=None)
    edited = _editor(store, draft, f"{rule_id}_{draft_lang}_{choice}")
    st.subheader(t("draft_after"))
    st.markdown(
        f"<div class='lawgap-law' style='font-family:serif;line-height:1.4'>{to_html(edited.redline)}</div>",
        unsafe_allow_html=True,
    )
    saved = {s.draft.rule_id: s.draft for s in store.all_latest(country, draft_lang)}
    pick = st.multiselect(
        t("draft_export_pick"),
        list(by_id),
        default=[rule_id],
        format_func=lambda i: rule_title(by_id[i].rule),
        key="draft_pick",
    )

    def chosen() -> list:
        out = [saved.get(r) or generated(country, r, draft_lang) for r in pick]
        return [edited if d.rule_id == rule_id else d for d in out]

    _exports(ws, country, chosen, draft_lang)


def _exports(ws, country: str, drafts, draft_lang: str = "ru") -> None:
    """Downloads, each built only when clicked: the drafts, the country's matrix and its report."""
    from lawgap.drafting.offer import checked_for
    from lawgap.publish.amendment_akn import to_amendment_akn
    from lawgap.publish.docx import docx_document
    from lawgap.publish.markdown import to_markdown_doc
    from lawgap.publish.matrix import to_csv, to_xlsx
    from lawgap.publish.report import docx_report
    from lawgap.publish.report_content import build_report

    report_lang = "ru" if lang() in ("ru", "ky") else "en"

    st.subheader(t("exports"))

    def docx(doc_of) -> bytes:
        buf = io.BytesIO()
        doc_of().save(buf)
        return buf.getvalue()

    c = st.columns(3)
    if drafts:
        c[0].download_button(
            t("dl_docx"),
            lambda: docx(lambda: docx_document(drafts())),
            f"drafts_{country}_{draft_lang}.docx",
            on_click="ignore",
            key="dl_docx",
        )
        c[1].download_button(
            t("dl_md"),
            lambda: to_markdown_doc(drafts()).encode("utf-8"),
            f"drafts_{country}_{draft_lang}.md",
            on_click="ignore",
            key="dl_md",
        )
        c[2].download_button(
            t("dl_akn"),
            lambda: to_amendment_akn(drafts()),
            f"drafts_{country}_{draft_lang}.xml",
            on_click="ignore",
            key="dl_akn",
        )
    m = st.columns(3)
    m[0].download_button(
        t("dl_csv"),
        lambda: to_csv([ws.score]).encode("utf-8"),
        f"coverage_{country}.csv",
        on_click="ignore",
        key="dl_csv",
    )
    m[1].download_button(
        t("dl_xlsx"), lambda: to_xlsx([ws.score]), f"coverage_{country}.xlsx", on_click="ignore", key="dl_xlsx"
    )
    m[2].download_button(
        t("dl_report"),
        lambda: docx(lambda: docx_report(build_report(ws, checked_for(ws, "all", report_lang), report_lang))),
        f"report_{country}.docx",
        on_click="ignore",
        key="dl_report",
    )
