"""How a page names what it shows, in the page's language: laws by their title, provisions in the national
citation style, rules by their title, explanations rendered from their parts. Never an internal id.

Reads: the laws loaded (lawgap.app.state), a finding's parts (lawgap.assess.explain). Writes: text.
"""

from __future__ import annotations

from lawgap.app import state
from lawgap.app.i18n import lang, t
from lawgap.assess.explain import CONTEXT_KEYS, render
from lawgap.assess.findings import Evidence, Finding
from lawgap.model import Law
from lawgap.refs.labels import cite
from lawgap.rules import Rule
from lawgap.vocab import NOT_ASSESSED


def law_title(law_id_or_sha: str | None) -> str:
    """A law's title from its id (as scores name it) or its sha256."""
    corpus = state.corpus()
    law = corpus.by_id.get(law_id_or_sha or "") or corpus.by_sha.get(law_id_or_sha or "")
    return law.title if law is not None else t("law_not_loaded")


def law_of(ev: Evidence) -> Law | None:
    return state.corpus().by_id.get(ev.law)


def cite_in(law: Law | None, eid: str) -> str:
    """ "ч. 4 ст. 112 УПК КР" / "Art. 112(4) CPC"; a law that is not a code adds nothing."""
    if law is None:
        return cite(eid, lang())
    return cite(eid, lang(), kind=law.kind, country=law.country)


def cite_evidence(ev: Evidence) -> str:
    return cite_in(law_of(ev), ev.eid)


def where(ev: Evidence) -> str:
    """The provision and the law it is in: "ст. 40 УПК КР · Уголовно-процессуальный кодекс ..."."""
    law = law_of(ev)
    return f"{cite_in(law, ev.eid)} · {law.title if law else t('law_not_loaded')}"


def rule_title(rule: Rule) -> str:
    return rule.title(lang())


def element_label(rule: Rule, element_id: str, fallback: str) -> str:
    for el in rule.elements:
        if el.id == element_id:
            return el.label(lang())
    return fallback


def explanation(f: Finding) -> str:
    """Why the finding has its status, in the page's language, laws named by their title."""
    parts = f.why
    if f.status == NOT_ASSESSED:  # the computed gap is no finding: only what was not supplied is said
        parts = tuple(p for p in parts if p.key in CONTEXT_KEYS)
    return render(f.rule, f.elements, parts, lang(), law_name=law_title)
