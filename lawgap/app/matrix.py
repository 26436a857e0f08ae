"""Coverage matrix: requirements by country, coloured by status, grouped by category, filtered and sorted;
each cell opens its finding in one click.

Reads: every country's reviewed score (lawgap.app.state). Writes: the matrix page, its XLSX and PDF export
(lawgap.publish), a print view and the per-category chart.

The header row and the requirement column stay in view while the table scrolls; reviewed cells carry a
dashed frame, and who decided and when on hover. A category or country with nothing assessed shows "–",
never 0.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from lawgap.app import nav, state, widgets
from lawgap.app.i18n import (
    category_label,
    country_name,
    instrument_name,
    kind_name,
    lang,
    level_label,
    status_label,
    t,
    target_label,
)
from lawgap.app.names import rule_title
from lawgap.app.render import escape
from lawgap.assess.findings import CountryScore, Finding
from lawgap.review import Reviewed
from lawgap.rules import OBLIGATIONS, TARGETS, Rule
from lawgap.vocab import NOT_ASSESSED, STATUS_BACKGROUND, STATUS_COLOUR, STATUS_SYMBOL, STATUSES

ORDERS = ("rules", "weakest", "strongest")


def _keep(key: str) -> None:
    """A filter's value survives a visit to another page (Streamlit forgets the state of unseen widgets)."""
    if key not in st.session_state and f"_keep{key}" in st.session_state:
        st.session_state[key] = st.session_state[f"_keep{key}"]


def _remember(*keys: str) -> None:
    for key in keys:
        st.session_state[f"_keep{key}"] = st.session_state.get(key)


def _one(col, label: str, values, show, key: str) -> str:
    """A filter with "all" first; the options are values, shown in the page's language."""
    _keep(key)
    return col.selectbox(label, ["", *values], format_func=lambda v: show(v) if v else t("all"), key=key)


def filters(all_rules: tuple[Rule, ...], countries: list[str]) -> tuple[list[str], list[Rule], list[str], str]:
    instruments = sorted({c.code for r in all_rules for c in r.citations})
    top = st.columns([3, 2, 2, 2])
    _keep("mx_countries")
    if "mx_countries" not in st.session_state:
        st.session_state["mx_countries"] = countries
    chosen = top[0].multiselect(t("filter_countries"), countries, format_func=country_name, key="mx_countries")
    target = _one(top[1], t("filter_targets"), TARGETS, target_label, "mx_target")
    level = _one(top[2], t("filter_obligation"), OBLIGATIONS, level_label, "mx_level")
    code = _one(top[3], t("filter_instrument"), instruments, instrument_name, "mx_instrument")
    low = st.columns([3, 2, 4])
    _keep("mx_status")
    statuses = low[0].multiselect(t("filter_status"), list(STATUSES), format_func=status_label, key="mx_status")
    _keep("mx_order")
    order = low[1].selectbox(t("sort_rows"), ORDERS, format_func=lambda o: t(f"sort_{o}"), key="mx_order")
    _remember("mx_countries", "mx_target", "mx_level", "mx_instrument", "mx_status", "mx_order")
    rules = [
        r
        for r in all_rules
        if (not target or target in r.targets)
        and (not level or r.obligation == level)
        and (not code or any(c.code == code for c in r.citations))
    ]
    return [c for c in countries if c in chosen], rules, statuses, order


def table(countries: list[str], rules: list[Rule], statuses: list[str], order: str) -> tuple[list[str], list[Rule]]:
    """The countries by overall score (countries with nothing assessed last) and the rows the filters keep, in
    the chosen order."""
    reviewed = {c: state.reviewed(c) for c in countries}
    overall = {c: state.assessed_scores(reviewed[c].score)[1] for c in countries}
    countries = sorted(countries, key=lambda c: (overall[c] is None, -(overall[c] or 0)))
    found = {c: {f.rule.id: f for f in reviewed[c].score.findings} for c in countries}
    rows = [r for r in rules if not statuses or any(found[c][r.id].status in statuses for c in countries)]
    if order != "rules":

        def mean(r: Rule) -> float:
            scores = [found[c][r.id].score for c in countries if found[c][r.id].status != NOT_ASSESSED]
            return sum(scores) / len(scores) if scores else 2.0  # nothing assessed: last either way

        rows.sort(key=lambda r: mean(r) if order == "weakest" else (mean(r) == 2.0, -mean(r)))
    return countries, rows


def cell(country: str, f: Finding, rv: Reviewed, decided: dict[str, str]) -> str:
    s = f.status
    hover = f"{country_name(country)}: {rule_title(f.rule)}: {status_label(s)}"
    note = decided.get(f.rule.id)
    css = "cell reviewed" if note else "cell"
    if note:
        hover += f" — {note}"
    mark = '<span class="rv">✎</span>' if note else ""
    link = nav.anchor(
        "finding", f"{STATUS_SYMBOL[s]}{mark}", raw_label=True, title=hover, country=country, rule=f.rule.id
    )
    link = link.replace("<a ", f'<a style="color:{STATUS_COLOUR[s]}" ', 1)
    return (
        f'<td class="{css} {s}" style="background:{STATUS_BACKGROUND[s]}" data-country="{country}" '
        f'data-rule="{f.rule.id}" data-status="{s}">{link}</td>'
    )


def review_notes(country: str, rv: Reviewed) -> dict[str, str]:
    """Per rule, who reviewed it and when, in words for the hover."""
    notes: dict[str, list[str]] = {}
    for rule, o in rv.overrides.items():
        notes.setdefault(rule, []).append(t("hover_override", who=o.who, at=o.at[:10], status=status_label(o.status)))
    for d in state.decisions(country).evidence.values():
        notes.setdefault(d.rule, []).append(t(f"hover_{d.verdict}", who=d.who, at=d.at[:10]))
    return {rule: "; ".join(v) for rule, v in notes.items()}


@st.cache_resource(show_spinner=False, max_entries=200)
def _cached_html(countries: tuple[str, ...], rules: tuple[str, ...], lang_: str, version: int, laws: tuple) -> str:
    by_id = state.rules().by_id
    return matrix_html(list(countries), [by_id[r] for r in rules])


def cached_html(countries: list[str], rules: list[Rule]) -> str:
    """The table, built once per choice of rows and columns, language, laws and state of the review."""
    laws = tuple(sorted(x.sha256 for x in state.corpus().laws))
    return _cached_html(tuple(countries), tuple(r.id for r in rules), lang(), state.review_version(), laws)


def matrix_html(countries: list[str], rules: list[Rule]) -> str:
    """The table: one row per requirement under its category, one linked cell per country."""
    reviewed = {c: state.reviewed(c) for c in countries}
    found = {c: {f.rule.id: f for f in reviewed[c].score.findings} for c in countries}
    notes = {c: review_notes(c, reviewed[c]) for c in countries}
    scores = {c: state.assessed_scores(reviewed[c].score) for c in countries}

    def score(x: float | None) -> str:
        return "–" if x is None else f"{x:.2f}"

    head = "".join(f'<th title="{escape(c)}">{escape(country_name(c))}</th>' for c in countries)
    out = [
        f'<div class="lg-scroll"><table class="lg-matrix"><thead><tr><th class="req">{escape(t("requirement"))}'
        f"</th>{head}</tr></thead><tbody>"
    ]
    by_cat: dict[str, list[Rule]] = {}
    for r in rules:
        by_cat.setdefault(r.category, []).append(r)
    for cat, rs in by_cat.items():
        cat_scores = "".join(f"<td>{score(scores[c][0].get(cat))}</td>" for c in countries)
        out.append(f'<tr class="cat"><th class="req">{escape(category_label(cat))}</th>{cat_scores}</tr>')
        for r in rs:
            tds = "".join(cell(c, found[c][r.id], reviewed[c], notes[c]) for c in countries)
            title = f"{escape(rule_title(r))} <small>({escape(level_label(r.obligation))})</small>"
            out.append(f'<tr><th class="req">{title}</th>{tds}</tr>')
    for s in STATUSES:
        counts = "".join(f"<td>{sum(found[c][r.id].status == s for r in rules)}</td>" for c in countries)
        out.append(f'<tr class="total"><th class="req">{STATUS_SYMBOL[s]} {escape(status_label(s))}</th>{counts}</tr>')
    overall = "".join(f"<td>{score(scores[c][1])}</td>" for c in countries)
    out.append(f'<tr class="total"><th class="req">{escape(t("overall"))}</th>{overall}</tr></tbody></table></div>')
    return "".join(out)


def filtered_scores(countries: list[str], rules: list[Rule]) -> list[CountryScore]:
    """The reviewed scores cut to the rows shown, in their order: what the exports hold."""
    out = []
    for c in countries:
        cs = state.reviewed(c).score
        by_id = {f.rule.id: f for f in cs.findings}
        out.append(replace(cs, findings=tuple(by_id[r.id] for r in rules)))
    return out


def exports(countries: list[str], rules: list[Rule]) -> None:
    from lawgap.publish.matrix import to_xlsx
    from lawgap.publish.matrix_pdf import to_pdf

    scores = filtered_scores(countries, rules)
    cols = st.columns([1, 1, 1, 3])
    cols[0].download_button(
        t("export_xlsx"), lambda: to_xlsx(scores), "lawgap-matrix.xlsx", on_click="ignore", key="mx_xlsx"
    )
    cols[1].download_button(
        t("export_pdf"), lambda: to_pdf(scores), "lawgap-matrix.pdf", on_click="ignore", key="mx_pdf"
    )
    cols[2].toggle(t("print_view"), key="mx_print")


def profile(countries: list[str]) -> pd.DataFrame:
    rows = []
    for c in countries:
        cats, _ = state.assessed_scores(state.reviewed(c).score)
        for cat, s in cats.items():
            if s is not None:
                rows.append(
                    {t("chart_country"): country_name(c), t("chart_category"): category_label(cat), t("chart_score"): s}
                )
    return pd.DataFrame(rows)


def to_fetch(countries: list[str]) -> None:
    """For each republic without texts, the laws the catalogue says to fetch, and where."""
    from lawgap.catalogue import load_catalogue
    from lawgap.errors import LawgapError

    missing = [c for c in countries if c not in state.with_laws()]
    if not missing:
        return
    try:
        cat = load_catalogue()
    except LawgapError:
        return
    st.subheader(t("fetch_header"))
    for c in missing:
        with st.expander(t("fetch_country", country=country_name(c))):
            lines = []
            for e in cat.entries_for(c):
                link = e.url or e.portal.url
                title = (e.title_ru or t("fetch_title_unknown")) if lang() == "ru" else e.title_en
                lines.append(f"- **{escape(kind_name(e.kind))}**: {escape(title)} — <{link}>")
            st.markdown("\n".join(lines) or t("fetch_none"), unsafe_allow_html=True)


def render() -> None:
    st.header(t("matrix_header"))
    widgets.country()
    countries = state.countries()
    chosen, rules, statuses, order = filters(state.rules().rules, countries)
    st.caption(t("legend"))
    if not rules or not chosen:
        st.info(t("no_rules"))
        return
    chosen, rows = table(chosen, rules, statuses, order)
    if not rows:
        st.info(t("no_rules"))
        return
    exports(chosen, rows)
    html = cached_html(chosen, rows)
    if st.session_state.get("mx_print"):
        st.markdown(_PRINT, unsafe_allow_html=True)
        st.html(f"<style>{nav.CSS}</style><div class='lg-root'>{html.replace('lg-scroll', 'lg-print')}</div>")
    else:
        nav.show(html, key=f"matrix_{lang()}")
    to_fetch(chosen)
    if not st.toggle(t("chart_header"), key="mx_chart"):
        return
    df = profile(chosen)
    if not df.empty:
        st.bar_chart(
            df,
            x=t("chart_category"),
            y=t("chart_score"),
            color=t("chart_country"),
            stack=False,
            horizontal=True,
            height=520,
            x_label=t("chart_score"),
            y_label=t("chart_category"),
        )


# The print view: no sidebar, toolbar or chrome; the whole table on paper.
_PRINT = """<style>
[data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"] {display: none !important}
@media print { .stButton, .stDownloadButton, [data-testid="stElementToolbar"] {display: none !important} }
</style>"""
