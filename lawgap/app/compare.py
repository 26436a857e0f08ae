"""Compare: two to five countries side by side for one requirement or one category, their evidence

Reads: the reviewed scores of the chosen countries (lawgap.app.state). Writes: the page.

texts aligned and the differences named."""

from __future__ import annotations

import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import category_label, lang, status_label, t
from lawgap.app.links import anchor, param
from lawgap.app.render import escape, law_block
from lawgap.assess.findings import Finding
from lawgap.rules import Rule
from lawgap.vocab import STATUS_SYMBOL


def _central_asia() -> tuple[str, ...]:
    """The catalogue's countries (the ones this tool is for) come first among the defaults."""
    try:
        from lawgap.catalogue import load_catalogue

        return load_catalogue().codes
    except Exception:
        return ()


def differences(rules: list[Rule], findings: dict[str, dict[str, Finding]]) -> list[str]:
    """A sentence per requirement whose status differs, and per element one country lacks and another has."""
    out = []
    countries = list(findings)
    for r in rules:
        statuses = {c: findings[c][r.id].status for c in countries}
        if len(set(statuses.values())) > 1:
            parts = ", ".join(f"{c} {status_label(s)}" for c, s in statuses.items())
            out.append(t("diff_status", rule=r.title(lang()), parts=parts))
        found = {c: {e.id for e in findings[c][r.id].elements if e.found} for c in countries}
        anywhere = set().union(*found.values())
        for c in countries:
            lacking = [e.label for e in findings[c][r.id].elements if e.id in anywhere - found[c]]
            if lacking and len(set(statuses.values())) > 1:
                out.append(t("diff_elements", country=c, missing="; ".join(lacking)))
    return out


def render() -> None:
    st.header(t("compare_header"))
    available = list(state.corpus().by_country)
    preferred = [c for c in state.countries() if c in available and c in _central_asia()] or available
    chosen = st.multiselect(t("compare_pick"), available, default=preferred[:2], max_selections=5, key="cmp_c")
    if not 2 <= len(chosen) <= 5:
        st.info(t("compare_need"))
        return
    rules = state.rules()
    mode = st.radio(
        t("compare_mode"), ("rule", "category"), horizontal=True, format_func=lambda m: t(f"compare_{m}"), key="cmp_m"
    )
    if mode == "rule":
        ids = [r.id for r in rules]
        rule_id = st.selectbox(
            t("pick_rule"),
            ids,
            index=ids.index(param("rule", ids)),
            format_func=lambda i: rules.by_id[i].title(lang()),
            key="cmp_r",
        )
        selected = [rules.by_id[rule_id]]
    else:
        cat = st.selectbox(t("filter_category"), list(rules.by_category), format_func=category_label, key="cmp_cat")
        selected = list(rules.by_category[cat])
    findings = {c: {f.rule.id: f for f in state.reviewed(c).score.findings} for c in chosen}
    cols = st.columns(len(chosen))
    for col, c in zip(cols, chosen, strict=True):
        with col:
            st.subheader(c)
            for r in selected:
                f = findings[c][r.id]
                st.markdown(
                    f"{STATUS_SYMBOL[f.status]} "
                    + anchor("finding", r.title(lang()), country=c, rule=r.id)
                    + f" ({f.score:.2f})",
                    unsafe_allow_html=True,
                )
                if len(selected) == 1 and f.evidence:
                    ev = f.evidence[0]
                    st.caption(f"{ev.law}, {ev.eid}")
                    st.markdown(law_block(ev.excerpt, ev.words, ev.language), unsafe_allow_html=True)
    st.subheader(t("differences"))
    diffs = differences(selected, findings)
    st.markdown("\n".join(f"- {escape(d)}" for d in diffs) if diffs else escape(t("diff_none")), unsafe_allow_html=True)
