"""Finding: one requirement in one country, from the instrument's words to the law's words.

Reads: one reviewed finding (lawgap.app.state), its rule's sources (model_law) and the law text. Writes: the page.

Top first: the requirement, its status and why, and the reviewer's decision form; then the sources, the
elements found and missing, and every evidence item: its text with the matched words marked, its place in
the law, the references to and from it, and the parallel Kyrgyz/Russian text where both were supplied.
"""

from __future__ import annotations

import streamlit as st

from lawgap.app import nav, review_page, state, widgets
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
from lawgap.app.names import cite_in, element_label, explanation, rule_title, where
from lawgap.app.render import badge, escape, law_block
from lawgap.assess.findings import Evidence, Finding
from lawgap.model import Law
from lawgap.rules import Rule
from lawgap.vocab import NOT_ASSESSED

SHOWN = 8  # evidence groups shown before "show all"


def sources(rule: Rule) -> None:
    """Each source's paraphrase from model_law/, in the page's language."""
    model = state.instruments()
    lines = []
    for cite in rule.sources:
        found = model.find(cite) if model is not None else None
        code = cite.split(" ")[0]
        if found is None or found.obligation is None:
            lines.append(f"- **{escape(cite)}** ({escape(instrument_name(code))}): {escape(t('paraphrase_missing'))}")
            continue
        ob = found.obligation
        text = (ob.summary_ru or t("paraphrase_ru_missing")) if lang() == "ru" else f"{ob.title}. {ob.summary}"
        lines.append(f"- **{escape(cite)}** ({escape(instrument_name(code))}): {escape(text)}")
    st.markdown(f"**{escape(t('sources'))}:**\n" + "\n".join(lines), unsafe_allow_html=True)


def head(country: str, f: Finding, overridden: bool) -> None:
    rule = f.rule
    st.subheader(rule_title(rule))
    targets = ", ".join(target_label(x) for x in rule.targets)
    note = f" · {escape(t('overridden'))}" if overridden else ""
    score = "" if f.status == NOT_ASSESSED else f" · **{escape(t('score'))}:** {f.score:.2f}"
    st.markdown(
        f"{badge(f.status, status_label(f.status))}{score}{note} · {escape(country_name(country))}  \n"
        f"**{escape(t('obligation'))}:** {escape(level_label(f.obligation))} · **{escape(t('targets'))}:** "
        f"{escape(targets)} · {escape(category_label(rule.category))}",
        unsafe_allow_html=True,
    )
    why = explanation(f)
    if why:
        st.markdown(f"**{escape(t('explanation'))}:** {escape(why)}", unsafe_allow_html=True)


def elements(f: Finding) -> None:
    if f.status == NOT_ASSESSED:
        kinds = ", ".join(kind_name(k) for k in f.rule.law_kinds)
        st.info(t("not_assessed_why", kinds=kinds))
        return
    rows = []
    for e in f.elements:
        mark = "✓ " + t("found") if e.found else "✗ " + t("missing")
        if e.found and not e.evidence and not f.evidence:  # the scorer kept no article for it: say so
            mark = "· " + t("found_without_article")
        via = ""
        if e.via:
            via = " (" + t("through", label=cite_in(None, e.via)) + ")"
        kind = t("mandatory") if e.mandatory else t("optional_el")
        label = element_label(f.rule, e.id, e.label)
        rows.append(f"- {mark}: {escape(label)} <small>({escape(kind)})</small>{escape(via)}")
    st.markdown(f"**{escape(t('elements'))}:**\n" + "\n".join(rows), unsafe_allow_html=True)


def place(law: Law, eid: str) -> str:
    """Chapter, article, part: the provision's ancestors then itself, named in the page's language."""
    if eid not in law.by_eid:
        return cite_in(law, eid)
    parts = []
    for p in [*law.ancestors(eid), law.by_eid[eid]]:
        bit = " ".join(x for x in (t(f"prov_{p.kind}"), p.num) if x)
        parts.append(f"{bit} «{p.heading}»" if p.heading and p.kind not in ("paragraph", "point") else bit)
    return " › ".join(parts)


def references(country: str, law: Law, article: str) -> str:
    """Provisions this article cites and those citing it, through the country's reference graph."""
    try:
        out_refs, in_refs = state.references(country, law.sha256, article)
    except Exception:  # the graph is optional help: a failure there must not hide the evidence
        return ""
    laws = state.corpus().by_sha

    def name(sha: str | None, eid: str) -> str:
        other = laws.get(sha or "")
        return cite_in(other or law, eid) + ("" if other is None or other is law else f" ({other.title[:50]})")

    def inside(eid: str) -> bool:
        return eid == article or eid.startswith(article + "__")

    cited = sorted({name(sha, e) for sha, e in out_refs if not (sha == law.sha256 and inside(e))})
    citing = sorted({name(sha, e) for sha, e in in_refs if not (sha == law.sha256 and inside(e))})
    none = t("no_refs")
    return (
        f"**{escape(t('refs_from'))}:** {escape(', '.join(cited[:30]) or none)}  \n"
        f"**{escape(t('refs_to'))}:** {escape(', '.join(citing[:30]) or none)}"
    )


def _parallel(country: str, law: Law, article: str, shown: set[str]) -> list[Law]:
    """The other language versions of the same code that have this article."""
    return [
        x
        for x in state.corpus().by_country.get(country, ())
        if x.sha256 != law.sha256
        and x.kind == law.kind
        and x.kind
        and x.language != law.language
        and article in x.by_eid
        and state.law_id(x) not in shown
    ]


def evidence_item(country: str, finding: Finding, items: list[Evidence], key: str) -> None:
    """One article's evidence, side by side in each language the law was supplied in."""
    corpus = state.corpus()
    rv = state.reviewed(country)
    first = items[0]
    law = corpus.by_id.get(first.law)
    if law is None:
        return
    extra = _parallel(country, law, first.article, {ev.law for ev in items})
    st.markdown(
        f"**{escape(where(first))}**  \n<small>{escape(t('place'))}: {escape(place(law, first.eid))}</small>",
        unsafe_allow_html=True,
    )
    nav.show(nav.anchor("laws", t("open_in_law"), law=first.law, eid=first.article), key=f"{key}_{lang()}_read")
    cols = st.columns(len(items) + len(extra))
    for col, ev in zip(cols, items, strict=False):
        with col:
            verdict = rv.verdict(finding.rule.id, ev)
            mark = f" · **{escape(t('verdict_' + verdict))}**" if verdict else ""
            st.markdown(f"<small>{escape(t('lang_' + ev.language))}</small>{mark}", unsafe_allow_html=True)
            st.markdown(law_block(ev.excerpt, ev.words, ev.language), unsafe_allow_html=True)
            if ev.limited_by:
                st.caption(f"{t('limited_by')}: «{'», «'.join(ev.limited_by)}»")
            if ev.fuzzy:
                st.caption(t("fuzzy"))
            ev_law = corpus.by_id.get(ev.law)
            if ev_law is not None and ev.article in ev_law.by_eid:
                with st.expander(t("full_provision")):
                    st.markdown(law_block(ev_law.full_text(ev.article), ev.words, ev.language), unsafe_allow_html=True)
            review_page.evidence_controls(country, finding, ev, verdict, key=f"{key}_{ev.law}")
    for col, other in zip(cols[len(items) :], extra, strict=False):
        with col:
            st.markdown(
                f"<small>{escape(t('lang_' + other.language))} · {escape(t('parallel'))}</small>",
                unsafe_allow_html=True,
            )
            st.markdown(law_block(other.full_text(first.article), (), other.language), unsafe_allow_html=True)
    refs = references(country, law, first.article)
    if refs:
        st.markdown(refs, unsafe_allow_html=True)


def render() -> None:
    st.header(t("finding_header"))
    country = widgets.country()
    if country is None:
        return
    rule = widgets.rule()
    rv = state.reviewed(country)
    finding = next(f for f in rv.score.findings if f.rule.id == rule.id)
    original = next(f for f in rv.original.findings if f.rule.id == rule.id)
    head(country, finding, rule.id in rv.overrides)
    review_page.status_form(country, finding, rule.id in rv.overrides)
    nav.show(
        nav.anchor("drafting", t("to_drafting"), country=country, rule=rule.id)
        + " · "
        + nav.anchor("matrix", t("back_to_matrix")),
        key=f"finding_links_{lang()}",
    )
    sources(rule)
    elements(finding)
    st.subheader(t("evidence"))
    evidence = list(original.evidence)
    if not evidence:  # a gap that names only the context: show where those words are, and say so
        seen = set()
        for e in original.elements:
            for ev in e.evidence if e.found else ():
                if (ev.law, ev.eid) not in seen:
                    seen.add((ev.law, ev.eid))
                    evidence.append(ev)
        if not evidence:
            st.info(t("no_evidence"))
            return
        st.info(t("evidence_context_only"))
    groups: dict[tuple[str, str | None], list[Evidence]] = {}
    for ev in evidence:
        law = state.corpus().by_id.get(ev.law)
        groups.setdefault((ev.article, law.kind if law else ev.law), []).append(ev)
    items = list(groups.values())
    show_all = len(items) <= SHOWN or st.toggle(t("show_all_evidence", n=len(items)), key="ev_all")
    for n, group in enumerate(items if show_all else items[:SHOWN]):
        with st.container(border=True):
            evidence_item(country, finding, group, key=f"ev{n}")
