"""Pickers every page shares: the country, and the requirement, kept in the URL so a page can be bookmarked.

Reads: the laws found (lawgap.app.state) and the query parameters. Writes: the choice, back into the URL.
"""

from __future__ import annotations

import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import lang, t
from lawgap.app.links import param
from lawgap.rules import Rule


def pick() -> tuple[str | None, Rule | None]:
    """Country and requirement from the URL (a matrix click) or from the pickers."""
    countries = list(state.corpus().by_country)
    rules = state.rules()
    ids = [r.id for r in rules]
    if not countries:
        st.info(t("no_laws"))
        return None, None
    cols = st.columns([1, 4])
    country = cols[0].selectbox(
        t("pick_country"), countries, index=countries.index(param("country", countries)), key="f_country"
    )
    rule_id = cols[1].selectbox(
        t("pick_rule"),
        ids,
        index=ids.index(param("rule", ids)),
        format_func=lambda i: f"{rules.by_id[i].title(lang())} ({i})",
        key="f_rule",
    )
    st.query_params["country"] = country
    st.query_params["rule"] = rule_id
    return country, rules.by_id[rule_id]
