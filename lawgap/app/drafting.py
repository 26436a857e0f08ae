"""The drafting page in the navigation: lawgap.app.draft_page, given the country from the URL and our cached,
reviewed score, so drafting starts from the findings the adviser sees."""

from __future__ import annotations

import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import t
from lawgap.app.links import param


def render() -> None:
    from lawgap.app.draft_page import render as draft

    countries = list(state.corpus().by_country)
    country = param("country", countries)
    if country is None:
        st.info(t("no_laws"))
        return
    rule = st.query_params.get("rule")
    if rule and st.session_state.get("_draft_rule_from_link") != (country, rule):
        # a Gaps link names the finding: preselect it once, then leave the picker to the user
        st.session_state["_draft_rule_from_link"] = (country, rule)
        st.session_state["draft_rule"] = rule
    draft(country, state.corpus().by_country[country], state.reviewed(country).score)
