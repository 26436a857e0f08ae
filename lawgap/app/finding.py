"""Finding: one requirement in one country, from the instrument's words to the law's words.

Reads: one reviewed finding, its rule's sources (model_law) and the law text. Writes: the page.

Shows the requirement (our wording, obligation level, the model_law paraphrase of each source),
the status and why, the elements found and missing, and every evidence item: its text with the
matched words marked, its place in the law, the references to and from it, and the parallel
Kyrgyz/Russian text where both versions were supplied. Review controls sit beside each item.
"""

from __future__ import annotations

import streamlit as st

from lawgap.app import review_page, state
from lawgap.app.i18n import category_label, lang, level_label, status_label, t
from lawgap.app.links import anchor
from lawgap.app.render import badge, escape, law_block
from lawgap.app.widgets import pick
from lawgap.assess.findings import Evidence, Finding
from lawgap.model import Law
from lawgap.refs.labels import provision_label
from lawgap.rules import Rule


def requirement(rule: Rule) -> None:
    """The requirement in our words with each source's paraphrase from model_law/."""
    st.subheader(rule.title(lang()))
    targets = ", ".join(category_label(x) for x in rule.targets)
    st.markdown(
        f"**{escape(t('obligation'))}:** {escape(level_label(rule.obligation))} · "
        f"**{escape(t('targets'))}:** {escape(targets)} · {escape(category_label(rule.category))}",
        unsafe_allow_html=True,
    )
    model = state.instruments()
    lines = []
    for cite in rule.sources:
        found = model.find(cite) if model is not None else None
        if found is None:
            lines.append(f"- **{escape(cite)}**: {escape(t('paraphrase_missing', cite=cite))}")
            continue
        ob = found.obligation
        summary = (ob.summary_ru if lang() == "ru" and ob.summary_ru else ob.summary) if ob else ""
        lines.append(f"- **{escape(cite)}**, {escape(found.title)}: {escape(summary)}")
    st.markdown(f"**{escape(t('sources'))}:**\n" + "\n".join(lines), unsafe_allow_html=True)


def status(finding: Finding, overridden: bool) -> None:
    s = finding.status
    note = f" · {escape(t('overridden'))}" if overridden else ""
    st.markdown(
        f"{badge(s, status_label(s))} **{escape(t('score'))}:** {finding.score:.2f}{note}", unsafe_allow_html=True
    )
    st.markdown(f"**{escape(t('explanation'))}:** {escape(finding.explanation)}", unsafe_allow_html=True)
    rows = []
    labels = {el.id: el.label(lang()) for el in finding.rule.elements}
    for e in finding.elements:
        mark = "✓ " + t("found") if e.found else "✗ " + t("missing")
        via = f" ({t('through', label=provision_label(e.via, lang()))})" if e.via else ""
        kind = t("mandatory") if e.mandatory else t("optional_el")
        rows.append(f"- {mark}: {escape(labels.get(e.id, e.label))} <small>({escape(kind)})</small>{escape(via)}")
    st.markdown(f"**{escape(t('elements'))}:**\n" + "\n".join(rows), unsafe_allow_html=True)


def place(law: Law, eid: str) -> str:
    """Chapter, article, part: the provision's ancestors then itself, as the law prints them."""
    if eid not in law.by_eid:
        return provision_label(eid, lang())
    chain = [*law.ancestors(eid), law.by_eid[eid]]
    parts = []
    for p in chain:
        bit = " ".join(x for x in (p.kind, p.num) if x)
        parts.append(f"{bit} «{p.heading}»" if p.heading and p.kind not in ("paragraph", "point") else bit)
    return " › ".join(parts)


def references(country: str, law: Law, article: str) -> str:
    """Provisions this article cites and those citing it, through the country's reference graph."""
    try:
        out_refs, in_refs = state.references(country, law.sha256, article)
    except Exception:  # the graph is optional help: a failure there must not hide the evidence
        return ""
    titles = {x.sha256: x for x in state.corpus().by_country.get(country, ())}

    def name(sha: str | None, eid: str) -> str:
        other = titles.get(sha or "")
        where = "" if sha == law.sha256 or other is None else f" ({other.title[:40]})"
        return provision_label(eid, lang()) + where

    cited = sorted({name(sha, e) for sha, e in out_refs if not (sha == law.sha256 and _within(e, article))})
    citing = sorted({name(sha, e) for sha, e in in_refs if not (sha == law.sha256 and _within(e, article))})
    none = t("no_refs")
    return (
        f"**{escape(t('refs_from'))}:** {escape(', '.join(cited[:30]) or none)}  \n"
        f"**{escape(t('refs_to'))}:** {escape(', '.join(citing[:30]) or none)}"
    )


def _within(eid: str, article: str) -> bool:
    return eid == article or eid.startswith(article + "__")


def _parallel(country: str, law: Law, article: str) -> list[Law]:
    """The other language versions of the same code that have this article."""
    return [
        x
        for x in state.corpus().by_country.get(country, ())
        if x.sha256 != law.sha256
        and x.kind == law.kind
        and x.kind
        and x.language != law.language
        and article in x.by_eid
    ]


def evidence_item(country: str, finding: Finding, items: list[Evidence], reviewed, key: str) -> None:
    """One article's evidence, side by side in each language the law was supplied in."""
    corpus = state.corpus()
    first = items[0]
    law = corpus.by_id.get(first.law)
    if law is None:
        return
    shown = {ev.law for ev in items}
    extra = [x for x in _parallel(country, law, first.article) if state.law_id(x) not in shown]
    st.markdown(
        f"**{escape(provision_label(first.eid, lang()))}** · {escape(law.title)}  \n"
        f"<small>{escape(t('place'))}: {escape(place(law, first.eid))}</small>",
        unsafe_allow_html=True,
    )
    cols = st.columns(len(items) + len(extra))
    for col, ev in zip(cols, items, strict=False):
        with col:
            verdict = reviewed.verdict(finding.rule.id, ev)
            mark = f" · **{escape(t('verdict_' + verdict))}**" if verdict else ""
            via = f" · {escape(t('through', label=provision_label(ev.via, lang())))}" if ev.via else ""
            st.markdown(f"<small>{escape(ev.language)}</small>{mark}{via}", unsafe_allow_html=True)
            st.markdown(law_block(ev.excerpt, ev.words, ev.language), unsafe_allow_html=True)
            if ev.limited_by:
                st.caption(f"{t('limited_by')}: {', '.join(ev.limited_by)}")
            if ev.fuzzy:
                st.caption(t("fuzzy"))
            ev_law = corpus.by_id.get(ev.law)
            if ev_law is not None and ev.article in ev_law.by_eid:
                with st.expander(t("full_provision")):
                    st.markdown(law_block(ev_law.full_text(ev.article), ev.words, ev.language), unsafe_allow_html=True)
            review_page.evidence_controls(country, finding, ev, verdict, key=f"{key}_{ev.law}")
    for col, other in zip(cols[len(items) :], extra, strict=False):
        with col:
            st.markdown(f"<small>{escape(other.language)} · {escape(t('parallel'))}</small>", unsafe_allow_html=True)
            st.markdown(law_block(other.full_text(first.article), (), other.language), unsafe_allow_html=True)
    refs = references(country, law, first.article)
    if refs:
        st.markdown(refs, unsafe_allow_html=True)


def render() -> None:
    st.header(t("finding_header"))
    country, rule = pick()
    if country is None or rule is None:
        return
    rv = state.reviewed(country)
    finding = next(f for f in rv.score.findings if f.rule.id == rule.id)
    original = next(f for f in rv.original.findings if f.rule.id == rule.id)
    requirement(rule)
    status(finding, rule.id in rv.overrides)
    st.markdown(anchor("review", t("review_this"), country=country, rule=rule.id), unsafe_allow_html=True)
    st.subheader(t("evidence"))
    if not original.evidence:
        st.info(t("no_evidence"))
        return
    groups: dict[tuple[str, str | None], list[Evidence]] = {}
    corpus = state.corpus()
    for ev in original.evidence:
        law = corpus.by_id.get(ev.law)
        groups.setdefault((ev.article, law.kind if law else ev.law), []).append(ev)
    for n, items in enumerate(groups.values()):
        with st.container(border=True):
            evidence_item(country, finding, items, rv, key=f"ev{n}")
