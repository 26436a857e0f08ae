"""Review: confirm or reject evidence, override a status with a reason, read and export the audit log.

Reads: a reviewed finding and the audit log. Writes: decisions, through lawgap.store.

The decisions go to lawgap.review's SQLite store; the next run of any page re-applies them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import lang, status_label, t
from lawgap.app.render import escape, law_block
from lawgap.app.widgets import pick
from lawgap.assess.findings import Evidence, Finding
from lawgap.refs.labels import provision_label
from lawgap.review import ReviewError
from lawgap.vocab import DECIDABLE_STATUSES as STATUSES


def _record(action, *args) -> None:
    try:
        action(*args)
    except ReviewError as exc:
        st.error(str(exc))
        return
    st.toast(t("saved"))
    st.rerun()


def evidence_controls(country: str, finding: Finding, ev: Evidence, verdict: str | None, key: str) -> None:
    """Confirm / reject / withdraw buttons for one evidence item."""
    sha = state.corpus().sha_of.get(ev.law)
    if sha is None:
        return
    who = state.who()
    cols = st.columns([1, 1, 1, 2])
    store = state.store()
    args = (country, finding.rule.id, sha, ev.eid)
    if verdict != "confirmed" and cols[0].button(t("confirm"), key=f"{key}_ok", disabled=not who):
        _record(store.decide_evidence, *args, "confirmed", who)
    if verdict != "rejected" and cols[1].button(t("reject"), key=f"{key}_no", disabled=not who):
        _record(store.decide_evidence, *args, "rejected", who)
    if verdict and cols[2].button(t("withdraw"), key=f"{key}_undo", disabled=not who):
        _record(store.decide_evidence, *args, None, who)


def override_form(country: str, finding: Finding, overridden: bool) -> None:
    with st.form(f"override_{country}_{finding.rule.id}"):
        st.markdown(f"**{escape(t('override'))}**", unsafe_allow_html=True)
        new = st.selectbox(
            t("override_status"), STATUSES, index=STATUSES.index(finding.status), format_func=status_label
        )
        reason = st.text_area(t("override_reason"), key=f"reason_{country}_{finding.rule.id}")
        cols = st.columns(2)
        save = cols[0].form_submit_button(t("override_save"))
        clear = cols[1].form_submit_button(t("override_clear"), disabled=not overridden)
    store = state.store()
    if save:
        _record(store.override_status, country, finding.rule.id, new, state.who(), reason)
    if clear:
        _record(store.override_status, country, finding.rule.id, None, state.who(), reason or "withdrawn")


def audit_table(country: str | None) -> None:
    store = state.store()
    entries = store.audit(country)
    st.subheader(t("audit"))
    if not entries:
        st.info(t("audit_empty"))
    else:
        df = pd.DataFrame(
            [
                {
                    "at": e.at,
                    "who": e.who,
                    "country": e.country,
                    "rule": e.rule,
                    "action": e.action,
                    "provision": provision_label(e.eid, lang()) if e.eid else "",
                    "value": e.value,
                    "reason": e.reason,
                }
                for e in reversed(entries)
            ]
        )
        st.dataframe(df, hide_index=True, width="stretch")
    st.download_button(
        t("audit_csv"), store.audit_csv(country), file_name="lawgap-review-audit.csv", mime="text/csv", key="audit_csv"
    )
    st.caption(t("review_db", path=str(store.path)))


def render() -> None:
    st.header(t("review_header"))
    if not state.who():
        st.warning(t("review_who_needed"))
    country, rule = pick()
    if country is None or rule is None:
        audit_table(None)
        return
    rv = state.reviewed(country)
    finding = next(f for f in rv.score.findings if f.rule.id == rule.id)
    original = next(f for f in rv.original.findings if f.rule.id == rule.id)
    st.markdown(
        f"**{escape(rule.title(lang()))}**: {escape(status_label(finding.status))} ({finding.score:.2f})  \n"
        f"{escape(finding.explanation)}",
        unsafe_allow_html=True,
    )
    for n, ev in enumerate(original.evidence):
        verdict = rv.verdict(rule.id, ev)
        with st.container(border=True):
            mark = f" · **{escape(t('verdict_' + verdict))}**" if verdict else ""
            st.markdown(
                f"**{escape(provision_label(ev.eid, lang()))}** · {escape(ev.law)} ({escape(ev.language)}){mark}",
                unsafe_allow_html=True,
            )
            st.markdown(law_block(ev.excerpt, ev.words, ev.language), unsafe_allow_html=True)
            evidence_controls(country, finding, ev, verdict, key=f"rv{n}")
    override_form(country, finding, rule.id in rv.overrides)
    audit_table(country)
