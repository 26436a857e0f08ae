"""Review: the decision controls (a status set with a reason, evidence confirmed or rejected with a reason) and
the audit log in plain words.

Reads: a reviewed finding, the signed-in user (lawgap.app.auth) and the audit log. Writes: decisions, through
lawgap.store, only when the signed-in user may decide for that country; the next run of any page re-applies
them, since the reviewed score is cached per state of the database.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lawgap.app import auth, nav, state, widgets
from lawgap.app.i18n import country_name, lang, status_label, t
from lawgap.app.names import cite_in, law_title
from lawgap.app.render import escape
from lawgap.assess.findings import Evidence, Finding
from lawgap.review import ReviewError
from lawgap.vocab import DECIDABLE_STATUSES


def record(country: str, action, *args) -> bool:
    """Record a decision if the signed-in user may; say why not otherwise. The page reruns after a success."""
    try:
        auth.allowed(auth.current(), country)
        action(*args)
    except auth.NotAllowed as no:
        st.error(t(no.key, **{**no.params, "country": country_name(country)}))
        return False
    except ReviewError as exc:
        st.error(t("review_refused", problem=str(exc)))
        return False
    st.toast(t("saved"))
    st.rerun()
    return True


def who_may(country: str) -> bool:
    """Whether the signed-in user may decide here; otherwise a line saying what is needed."""
    user = auth.current()
    if user is None:
        st.caption(t("auth_sign_in_to_decide"))
        return False
    if not user.may_change(country):
        st.caption(t("auth_not_your_country", country=country_name(country)))
        return False
    return True


def status_form(country: str, finding: Finding, overridden: bool) -> None:
    """Set the status by hand, or return to the computed one: a reason either way."""
    if not who_may(country):
        return
    user = auth.current()
    decidable = list(DECIDABLE_STATUSES)
    with st.form(f"override_{country}_{finding.rule.id}", border=True):
        cols = st.columns([1, 3])
        current = finding.status if finding.status in decidable else decidable[-1]
        new = cols[0].selectbox(
            t("override_status"), decidable, index=decidable.index(current), format_func=status_label, key="ov_status"
        )
        reason = cols[1].text_input(t("override_reason"), key=f"reason_{country}_{finding.rule.id}")
        b = st.columns([1, 1, 3])
        save = b[0].form_submit_button(t("override_save"), type="primary")
        clear = b[1].form_submit_button(t("override_clear"), disabled=not overridden)
    store = state.store()
    if save:
        record(country, store.override_status, country, finding.rule.id, new, user.signature, reason)
    if clear:
        record(country, store.override_status, country, finding.rule.id, None, user.signature, reason)


def evidence_controls(country: str, finding: Finding, ev: Evidence, verdict: str | None, key: str) -> None:
    """Confirm, reject or withdraw one evidence item, each with its reason."""
    sha = state.corpus().sha_of.get(ev.law)
    if sha is None or not who_may(country):
        return
    user = auth.current()
    store = state.store()
    args = (country, finding.rule.id, sha, ev.eid)
    with st.popover(t("decide_evidence"), key=f"{key}_pop"):
        reason = st.text_input(t("decision_reason"), key=f"{key}_why")
        cols = st.columns(3)
        for col, value, label in ((cols[0], "confirmed", "confirm"), (cols[1], "rejected", "reject")):
            if verdict != value and col.button(t(label), key=f"{key}_{value}"):
                if not reason.strip():
                    st.error(t("reason_needed"))
                else:
                    record(country, store.decide_evidence, *args, value, user.signature, reason.strip())
        if verdict and cols[2].button(t("withdraw"), key=f"{key}_undo"):
            record(country, store.decide_evidence, *args, None, user.signature, reason.strip())


def sentence(e) -> str:
    """One audit entry as a sentence: who did what to which finding, when, and why."""
    rule = state.rules().by_id.get(e.rule)
    title = rule.title(lang()) if rule else t("rule_removed")
    when = e.at[:16].replace("T", " ")
    if e.action == "status":
        what = t("audit_withdrawn") if e.value == "withdrawn" else t("audit_status", status=status_label(e.value))
    else:
        law = state.corpus().by_sha.get(e.law_sha256)
        where = f"{cite_in(law, e.eid)}, {law_title(e.law_sha256)}"
        what = t(f"audit_evidence_{e.value}", where=where)
    return t("audit_sentence", who=e.who, when=when, what=what, rule=title, country=country_name(e.country))


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
                    t("audit_when"): e.at[:16].replace("T", " "),
                    t("audit_who"): e.who,
                    t("audit_what"): sentence(e),
                    t("audit_reason"): e.reason,
                }
                for e in reversed(entries)
            ]
        )
        st.dataframe(
            df,
            hide_index=True,
            width="stretch",
            column_config={t("audit_reason"): st.column_config.TextColumn(width="large")},
        )
    st.download_button(
        t("audit_csv"),
        lambda: store.audit_csv(country),
        file_name="lawgap-review-audit.csv",
        mime="text/csv",
        key="audit_csv",
        on_click="ignore",
    )
    st.caption(t("review_db", path=str(store.path)))


def reviewed_list(country: str) -> None:
    """The findings a reviewer has changed, each a link to its page."""
    rv = state.reviewed(country)
    changed = [f for f in rv.score.findings if f.rule.id in rv.changed or f.rule.id in rv.overrides]
    if not changed:
        return
    st.subheader(t("reviewed_findings"))
    items = "".join(
        f"<li>{nav.anchor('finding', f.rule.title(lang()), country=country, rule=f.rule.id)}: "
        f"{escape(status_label(f.status))}</li>"
        for f in changed
    )
    nav.show(f"<ul>{items}</ul>", key=f"reviewed_{country}_{lang()}")


def render() -> None:
    st.header(t("review_header"))
    country = widgets.country()
    st.caption(t("review_intro"))
    if country is None:
        audit_table(None)
        return
    reviewed_list(country)
    audit_table(country)
