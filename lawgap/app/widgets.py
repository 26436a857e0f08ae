"""Pickers every page shares: the country (in the sidebar, remembered for the session) and the requirement,
both kept in the URL so a page can be bookmarked.

Reads: the countries with laws (lawgap.app.state), the query parameters. Writes: the choice, back into the URL.
"""

from __future__ import annotations

import streamlit as st

from lawgap.app import nav, state
from lawgap.app.i18n import country_name, t
from lawgap.app.names import rule_title
from lawgap.rules import Rule
from lawgap.vocab import PROJECT_COUNTRIES

KEEP_COUNTRY = "_keep_country"
KEEP_RULE = "_keep_rule"


def default_country(options: list[str]) -> str:
    return next((c for c in PROJECT_COUNTRIES if c in options), options[0])


def linked(param: str) -> str | None:
    """What a link asked for: the parameters of an in-app switch (lawgap.app.nav), else the URL on the first run
    of a browser session (a bookmark, a new tab); None once the user has picked for themselves."""
    pending = st.session_state.get(nav.PENDING) or {}
    if param in pending:
        return pending.pop(param)
    seen = st.session_state.setdefault("_url_read", set())
    if param in seen:
        return None
    seen.add(param)
    return st.query_params.get(param)


def _choose(key: str, keep: str, options: list[str], param: str, default: str) -> str:
    current = st.session_state.get(key)
    kept = current if current in options else st.session_state.get(keep)
    asked = linked(param)
    if asked in options:
        kept = asked
    if kept not in options:
        kept = default
    if current != kept:
        st.session_state[key] = kept
    return kept


def country() -> str | None:
    """The country the page shows: only countries with laws can be picked, so no page opens on an empty one.
    A link decides once; after that the sidebar choice is remembered across pages."""
    options = state.with_laws()
    if not options:
        st.info(t("no_laws"))
        return None
    _choose("pick_country", KEEP_COUNTRY, options, "country", default_country(options))
    chosen = st.sidebar.selectbox(t("pick_country"), options, format_func=country_name, key="pick_country")
    st.session_state[KEEP_COUNTRY] = chosen
    st.query_params["country"] = chosen
    return chosen


def rule(rules: tuple[Rule, ...] | None = None, key: str = "pick_rule") -> Rule:
    """The requirement: a link decides once, then the picker (rules by title, never by id)."""
    rules = rules or state.rules().rules
    ids = [r.id for r in rules]
    by_id = {r.id: r for r in rules}
    _choose(key, KEEP_RULE, ids, "rule", ids[0])
    chosen = st.selectbox(t("pick_rule"), ids, format_func=lambda i: rule_title(by_id[i]), key=key)
    st.session_state[KEEP_RULE] = chosen
    st.query_params["rule"] = chosen
    return by_id[chosen]
