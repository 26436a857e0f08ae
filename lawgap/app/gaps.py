"""Gaps: per country, the gap and partial findings ranked (mandatory before optional, victims and children
first), each with the model requirement and links to its finding and to drafting.

Reads: a country's reviewed score (lawgap.app.state). Writes: the ranked list.
"""

from __future__ import annotations

import streamlit as st

from lawgap.app import nav, state, widgets
from lawgap.app.i18n import category_label, country_name, lang, level_label, status_label, t
from lawgap.app.names import explanation, rule_title
from lawgap.app.render import escape
from lawgap.assess.findings import Finding
from lawgap.vocab import GAP, LEVELS, PARTIAL, STATUS_COLOUR, STATUS_SYMBOL

PRIORITY_TARGETS = ("victims", "children")


def rank_key(f: Finding) -> tuple:
    """Mandatory first, then rules protecting victims or children, then gaps before partials, then the least
    covered; the rule file's order settles the rest."""
    return (
        LEVELS.index(f.obligation),
        not any(x in f.rule.targets for x in PRIORITY_TARGETS),
        f.status != GAP,
        f.score,
    )


def ranked(country: str) -> list[Finding]:
    """Gaps and partial findings of the reviewed score; a finding not assessed is neither."""
    return sorted((f for f in state.reviewed(country).score.findings if f.status in (GAP, PARTIAL)), key=rank_key)


def model_requirement(f: Finding) -> str:
    model = state.instruments()
    out = []
    for cite in f.rule.sources:
        found = model.find(cite) if model is not None else None
        ob = found.obligation if found else None
        if ob is not None:
            text = ob.summary_ru if lang() == "ru" else ob.summary
            if text:
                out.append(f"<b>{escape(cite)}</b>: {escape(text)}")
    return "<br>".join(out) or escape(", ".join(f.rule.sources))


def item(n: int, country: str, f: Finding) -> str:
    links = nav.anchor("finding", t("page_finding"), country=country, rule=f.rule.id)
    links += " · " + nav.anchor("drafting", t("to_drafting"), country=country, rule=f.rule.id)
    return (
        f'<div class="lg-item" data-rule="{f.rule.id}" data-status="{f.status}">{n}. '
        f'<b style="color:{STATUS_COLOUR[f.status]}">{STATUS_SYMBOL[f.status]}</b> '
        f"<b>{escape(rule_title(f.rule))}</b> · {escape(status_label(f.status))} · "
        f"{escape(level_label(f.obligation))} · {escape(category_label(f.rule.category))}<br>"
        f"{escape(explanation(f))}<br><i>{escape(t('model_requirement'))}:</i> {model_requirement(f)}<br>{links}</div>"
    )


def render() -> None:
    st.header(t("gaps_header"))
    country = widgets.country()
    if country is None:
        return
    items = ranked(country)
    if not items:
        st.success(t("gaps_none", country=country_name(country)))
        return
    st.caption(t("gaps_count", n=len(items), country=country_name(country)))
    nav.show("".join(item(n, country, f) for n, f in enumerate(items, 1)), key=f"gaps_{country}_{lang()}")
