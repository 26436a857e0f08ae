"""Gaps: per country, the gap and partial findings ranked (mandatory before optional, victims and

Reads: a country's reviewed score. Writes: the ranked list, with links to drafting.

children first), each with the model requirement and a link to drafting."""

from __future__ import annotations

import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import category_label, lang, level_label, status_label, t
from lawgap.app.links import anchor, param
from lawgap.app.render import escape
from lawgap.assess.findings import Finding
from lawgap.vocab import LEVELS, STATUS_SYMBOL

PRIORITY_TARGETS = ("victims", "children")


def rank_key(f: Finding) -> tuple:
    """Mandatory first, then rules protecting victims or children, then gaps before partials, then
    the least covered; the rule file's order settles the rest."""
    return (
        LEVELS.index(f.obligation),
        not any(x in f.rule.targets for x in PRIORITY_TARGETS),
        f.status != "gap",
        f.score,
    )


def ranked(country: str) -> list[Finding]:
    open_ = [f for f in state.reviewed(country).score.findings if f.status in ("gap", "partial")]
    return sorted(open_, key=rank_key)


def model_requirement(f: Finding) -> str:
    model = state.instruments()
    out = []
    for cite in f.rule.sources:
        found = model.find(cite) if model is not None else None
        ob = found.obligation if found else None
        if ob is not None:
            out.append(
                f"**{escape(cite)}**: {escape(ob.summary_ru if lang() == 'ru' and ob.summary_ru else ob.summary)}"
            )
    return "  \n".join(out) or escape(t("paraphrase_missing", cite=", ".join(f.rule.sources)))


def render() -> None:
    st.header(t("gaps_header"))
    countries = list(state.corpus().by_country)
    if not countries:
        st.info(t("no_laws"))
        return
    country = st.selectbox(t("pick_country"), countries, index=countries.index(param("country", countries)), key="g_c")
    items = ranked(country)
    if not items:
        st.success(t("gaps_none", country=country))
        return
    for n, f in enumerate(items, 1):
        with st.container(border=True):
            st.markdown(
                f"{n}. {STATUS_SYMBOL[f.status]} **{escape(f.rule.title(lang()))}** · {escape(status_label(f.status))}"
                f" · {escape(level_label(f.rule.obligation))} · {escape(category_label(f.rule.category))}  \n"
                f"{escape(f.explanation)}  \n"
                f"*{escape(t('model_requirement'))}:* {model_requirement(f)}  \n"
                + anchor("finding", t("page_finding"), country=country, rule=f.rule.id)
                + " · "
                + anchor("drafting", t("to_drafting"), country=country, rule=f.rule.id),
                unsafe_allow_html=True,
            )
