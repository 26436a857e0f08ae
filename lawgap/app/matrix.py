"""Coverage matrix: countries by requirements, coloured by status, grouped by category, filterable;

Reads: every country's reviewed score. Writes: the matrix page.

each cell links to its finding. A chart shows each country's profile per category."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lawgap.app import state
from lawgap.app.i18n import category_label, lang, level_label, status_label, t
from lawgap.app.links import anchor
from lawgap.app.render import escape
from lawgap.rules import OBLIGATIONS, TARGETS, Rule
from lawgap.vocab import NOT_ASSESSED, STATUS_BACKGROUND, STATUS_SYMBOL, STATUSES


def _choice(col, label: str, values, show, key: str) -> str:
    """A filter whose options are the shown labels themselves ("all" first), mapped back to values; the key
    carries the language, since the labels change with it."""
    labels = {t("all"): "", **{show(v): v for v in values}}
    return labels[col.selectbox(label, list(labels), key=f"{key}_{lang()}")]


def _filters(all_rules: tuple[Rule, ...], countries: list[str]) -> tuple[list[str], list[Rule]]:
    instruments = sorted({c.code for r in all_rules for c in r.citations})
    cols = st.columns([3, 2, 2, 2])
    chosen = cols[0].multiselect(t("filter_countries"), countries, default=countries, key="mx_countries")
    target = _choice(cols[1], t("filter_targets"), TARGETS, category_label, "mx_t")
    level = _choice(cols[2], t("filter_obligation"), OBLIGATIONS, level_label, "mx_o")
    code = _choice(cols[3], t("filter_instrument"), instruments, str, "mx_i")
    rules = [
        r
        for r in all_rules
        if (not target or target in r.targets)
        and (not level or r.obligation == level)
        and (not code or any(c.code == code for c in r.citations))
    ]
    return [c for c in countries if c in chosen], rules


def matrix_html(countries: list[str], rules: list[Rule]) -> str:
    """The table as HTML: one row per requirement under its category, one linked cell per country."""
    reviewed = state.all_reviewed()
    findings = {c: {f.rule.id: f for f in reviewed[c].score.findings} for c in reviewed}
    cells: dict[str, dict[str, str]] = {c: {} for c in countries}
    for c in countries:
        for r in rules:
            f = findings.get(c, {}).get(r.id)
            cells[c][r.id] = f.status if f is not None else NOT_ASSESSED  # a country with no laws
    language = lang()
    head = "".join(f"<th>{escape(c)}</th>" for c in countries)
    rows = [f'<table class="lawgap-matrix"><thead><tr><th>{escape(t("requirement"))}</th>{head}</tr></thead><tbody>']
    by_cat: dict[str, list[Rule]] = {}
    for r in rules:
        by_cat.setdefault(r.category, []).append(r)
    for cat, rs in by_cat.items():
        cat_scores = "".join(
            f'<td class="cat">{reviewed[c].score.by_category.get(cat, 0):.2f}</td>' if c in reviewed else "<td></td>"
            for c in countries
        )
        rows.append(f'<tr class="cat"><th>{escape(category_label(cat))}</th>{cat_scores}</tr>')
        for r in rs:
            tds = []
            for c in countries:
                s = cells[c][r.id]
                label = f"{c}: {r.title(language)}: {status_label(s)}"
                link = anchor("finding", STATUS_SYMBOL[s], title=label, css=f"cell {s}", country=c, rule=r.id)
                bg = STATUS_BACKGROUND[s]
                tds.append(f'<td style="background:{bg}" data-country="{c}" data-rule="{r.id}">{link}</td>')
            title = f"{escape(r.title(language))} <small>({escape(level_label(r.obligation))})</small>"
            rows.append(f"<tr><td>{title}</td>{''.join(tds)}</tr>")
    for s in STATUSES:
        counts = "".join(f"<td>{sum(v == s for k, v in cells[c].items())}</td>" for c in countries)
        rows.append(f'<tr class="total"><th>{STATUS_SYMBOL[s]} {escape(status_label(s))}</th>{counts}</tr>')
    overall = "".join(f"<td>{reviewed[c].score.overall:.2f}</td>" if c in reviewed else "<td>–</td>" for c in countries)
    rows.append(f'<tr class="total"><th>{escape(t("overall"))}</th>{overall}</tr></tbody></table>')
    return "".join(rows)


STYLE = """<style>
table.lawgap-matrix {border-collapse: collapse; font-size: 0.85em}
table.lawgap-matrix td, table.lawgap-matrix th {border: 1px solid #ddd; padding: 2px 6px}
table.lawgap-matrix td[data-country] {text-align: center}
table.lawgap-matrix td[data-country] a {text-decoration: none; display: block; font-weight: 700}
table.lawgap-matrix a.met {color: #2e7d32} table.lawgap-matrix a.partial {color: #e65100}
table.lawgap-matrix a.gap {color: #c62828} table.lawgap-matrix a.not_assessed {color: #757575}
table.lawgap-matrix tr.cat th, table.lawgap-matrix tr.cat td {background: #eceff1; font-weight: 600}
table.lawgap-matrix tr.total th, table.lawgap-matrix tr.total td {background: #f5f5f5; text-align: center}
</style>"""


def profile(countries: list[str]) -> pd.DataFrame:
    reviewed = state.all_reviewed()
    return pd.DataFrame(
        [
            {"country": c, "category": category_label(cat), "score": s}
            for c in countries
            if c in reviewed
            for cat, s in reviewed[c].score.by_category.items()
        ]
    )


def render() -> None:
    st.header(t("matrix_header"))
    countries = state.countries()
    all_rules = state.rules().rules
    chosen, rules = _filters(all_rules, countries)
    st.caption(t("legend"))
    if not rules or not chosen:
        st.info(t("no_rules"))
        return
    st.markdown(STYLE + matrix_html(chosen, rules), unsafe_allow_html=True)
    st.subheader(t("chart_header"))
    df = profile(chosen)
    if not df.empty:
        st.bar_chart(df, x="category", y="score", color="country", stack=False, horizontal=True, height=520)
