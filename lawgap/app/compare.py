"""Compare: two to five countries side by side for one requirement or one category, their evidence texts
aligned and the differences named.

Reads: the reviewed scores of the chosen countries (lawgap.app.state). Writes: the page.
"""

from __future__ import annotations

import streamlit as st

from lawgap.app import nav, state, widgets
from lawgap.app.i18n import category_label, country_name, lang, status_label, t
from lawgap.app.names import element_label, rule_title, where
from lawgap.app.render import escape, law_block
from lawgap.assess.findings import Finding
from lawgap.rules import Rule
from lawgap.vocab import STATUS_COLOUR, STATUS_SYMBOL


def differences(rules: list[Rule], findings: dict[str, dict[str, Finding]]) -> list[str]:
    """A sentence per requirement whose status differs, and per element one country lacks and another has."""
    out = []
    countries = list(findings)
    for r in rules:
        statuses = {c: findings[c][r.id].status for c in countries}
        if len(set(statuses.values())) < 2:
            continue
        parts = ", ".join(f"{country_name(c)}: {status_label(s)}" for c, s in statuses.items())
        out.append(t("diff_status", rule=rule_title(r), parts=parts))
        found = {c: {e.id for e in findings[c][r.id].elements if e.found} for c in countries}
        anywhere = set().union(*found.values())
        for c in countries:
            lacking = [
                element_label(r, e.id, e.label) for e in findings[c][r.id].elements if e.id in anywhere - found[c]
            ]
            if lacking:
                out.append(t("diff_elements", country=country_name(c), missing="; ".join(lacking)))
    return out


def render() -> None:
    st.header(t("compare_header"))
    first = widgets.country()
    available = state.with_laws()
    if first is None or len(available) < 2:
        st.info(t("compare_need"))
        return
    if "cmp_c" not in st.session_state:
        st.session_state["cmp_c"] = st.session_state.get("_keep_cmp_c") or [
            first,
            *[c for c in available if c != first][:1],
        ]
    chosen = st.multiselect(t("compare_pick"), available, format_func=country_name, max_selections=5, key="cmp_c")
    st.session_state["_keep_cmp_c"] = chosen
    if not 2 <= len(chosen) <= 5:
        st.info(t("compare_need"))
        return
    rules = state.rules()
    mode = st.radio(
        t("compare_mode"), ("rule", "category"), horizontal=True, format_func=lambda m: t(f"compare_{m}"), key="cmp_m"
    )
    if mode == "rule":
        selected = [widgets.rule(key="cmp_r")]
    else:
        cat = st.selectbox(t("filter_category"), list(rules.by_category), format_func=category_label, key="cmp_cat")
        selected = list(rules.by_category[cat])
    findings = {c: {f.rule.id: f for f in state.reviewed(c).score.findings} for c in chosen}
    cols = st.columns(len(chosen))
    for col, c in zip(cols, chosen, strict=True):
        with col:
            st.subheader(country_name(c))
            html = []
            for r in selected:
                f = findings[c][r.id]
                symbol = f'<b style="color:{STATUS_COLOUR[f.status]}">{STATUS_SYMBOL[f.status]}</b>'
                link = nav.anchor("finding", rule_title(r), country=c, rule=r.id)
                html.append(
                    f'<p data-country="{c}" data-rule="{r.id}" data-status="{f.status}">{symbol} {link} · '
                    f"{escape(status_label(f.status))}</p>"
                )
            nav.show("".join(html), key=f"cmp_{c}_{lang()}")
            if len(selected) == 1:
                f = findings[c][selected[0].id]
                if f.evidence:
                    ev = f.evidence[0]
                    st.caption(where(ev))
                    st.markdown(law_block(ev.excerpt, ev.words, ev.language), unsafe_allow_html=True)
    st.subheader(t("differences"))
    diffs = differences(selected, findings)
    st.markdown("\n".join(f"- {escape(d)}" for d in diffs) if diffs else escape(t("diff_none")), unsafe_allow_html=True)
