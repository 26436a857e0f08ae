"""Akoma Ntoso 3.0 `amendment` documents for drafts: one amendmentContent per draft, with the

Reads: Drafts. Writes: Akoma Ntoso amendment XML.

inserted provision as a quotedStructure inside a `mod`, and one `textualMod` (type insertion) per
draft in meta/analysis/activeModifications pointing from the mod to the destination eId in the
target law's work URI. Validates against the strict OASIS schema (lawgap.publish.akn.validate).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as _date

from lxml import etree

from lawgap.drafting.draft import Draft
from lawgap.parsers.akn import AKN_NS, LAWGAP_NS
from lawgap.publish.akn import LANG3, _a, _sub, frbr_uri, validate  # noqa: F401  (validate re-exported for callers)

_NSMAP = {None: AKN_NS, "lg": LAWGAP_NS}
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_ELEMENT = {"article": "article", "part": "paragraph", "restate": "article", "item": "point"}
TITLE = {"ru": "Проект изменений", "en": "Draft amendments"}


def _work(country: str, today: str, kind: str | None) -> str:
    """The work the change is made to, as the destination of a textual modification."""
    return frbr_uri(country, "act", today, _SAFE.sub("-", kind or "law"), "").work_uri(work_component=False)


def _identification(meta: etree._Element, country: str, lang: str, today: str, number: str) -> None:
    uri = frbr_uri(country, "bill", today, number, lang)
    work, expr, manifestation = uri.work_uri(False), uri.expression_uri(False), uri.manifestation_uri()
    ident = _sub(meta, _a("identification"), source="#lawgap")
    w = _sub(ident, _a("FRBRWork"))
    _sub(w, _a("FRBRthis"), value=f"{work}/!main")
    _sub(w, _a("FRBRuri"), value=work)
    _sub(w, _a("FRBRdate"), date=today, name="Generation")
    _sub(w, _a("FRBRauthor"), href="#lawgap")
    _sub(w, _a("FRBRcountry"), value=country.lower())
    e = _sub(ident, _a("FRBRExpression"))
    _sub(e, _a("FRBRthis"), value=f"{expr}/!main")
    _sub(e, _a("FRBRuri"), value=expr)
    _sub(e, _a("FRBRdate"), date=today, name="Generation")
    _sub(e, _a("FRBRauthor"), href="#lawgap")
    _sub(e, _a("FRBRlanguage"), language=LANG3.get(lang, "und"))
    m = _sub(ident, _a("FRBRManifestation"))
    _sub(m, _a("FRBRthis"), value=manifestation)
    _sub(m, _a("FRBRuri"), value=manifestation)
    _sub(m, _a("FRBRdate"), date=today, name="Generation")
    _sub(m, _a("FRBRauthor"), href="#lawgap")


def _quoted(parent: etree._Element, d: Draft, prefix: str) -> None:
    """The inserted provision as structure: article with parts, a part, or an item."""
    lines = d.inserted.split("\n")
    tag = _ELEMENT[d.unit]
    if d.unit in ("article", "restate"):
        head = lines[0]
        m = re.match(r"^\S+\s+([\w-]+)\.\s*(.*)$", head)
        num, heading = (m.group(1), m.group(2)) if m else (d.num, head)
        art = _sub(parent, _a(tag), eId=f"{prefix}__art_{num}")
        _sub(art, _a("num"), num)
        if heading:
            _sub(art, _a("heading"), heading)
        body = lines[1:]
        numbered = [re.match(r"^([\w-]+)\.\s(.*)$", ln) for ln in body]
        if len(body) > 1 and all(numbered):
            for mm in numbered:
                para = _sub(art, _a("paragraph"), eId=f"{prefix}__art_{num}__para_{mm.group(1)}")
                _sub(para, _a("num"), f"{mm.group(1)}.")
                _sub(_sub(para, _a("content")), _a("p"), mm.group(2))
        else:
            content = _sub(art, _a("content"))
            for ln in body or [""]:
                _sub(content, _a("p"), ln)
        return
    m = re.match(r"^([\w-]+)([.)])\s(.*)$", d.inserted, re.S)
    num, mark, text = (m.group(1), m.group(2), m.group(3)) if m else (d.num, ".", d.inserted)
    el = _sub(parent, _a(tag), eId=f"{prefix}__{'point' if tag == 'point' else 'para'}_{num}")
    _sub(el, _a("num"), f"{num}{mark}")
    _sub(_sub(el, _a("content")), _a("p"), text)


def to_amendment_akn(drafts: Sequence[Draft], *, today: str | None = None) -> bytes:
    """An AKN amendment document holding the drafts (one country, one language)."""
    if not drafts:
        raise ValueError("no drafts to export")
    today = today or _date.today().isoformat()
    country, lang = drafts[0].country, drafts[0].lang
    root = etree.Element(_a("akomaNtoso"), nsmap=_NSMAP)
    doc = _sub(root, _a("amendment"), name="amendment")
    meta = _sub(doc, _a("meta"))
    _identification(meta, country, lang, today, f"lawgap-drafts-{lang}")
    analysis = _sub(meta, _a("analysis"), source="#lawgap")
    mods = _sub(analysis, _a("activeModifications"))
    refs = _sub(meta, _a("references"), source="#lawgap")
    _sub(refs, _a("TLCOrganization"), eId="lawgap", href="/ontology/organization/lawgap", showAs="lawgap")
    preface = _sub(doc, _a("preface"))
    _sub(_sub(preface, _a("p"), **{"class": "title"}), _a("docTitle"), f"{TITLE.get(lang, TITLE['en'])}: {country}")
    body = _sub(doc, _a("amendmentBody"))
    for i, d in enumerate(drafts, 1):
        dft = f"dft_{i}"
        heading = _sub(body, _a("amendmentHeading"), eId=f"{dft}__hdg")
        _sub(heading, _a("p"), f"{d.law_name}: {d.target} — {d.rule_title} ({', '.join(d.sources)})")
        content = _sub(body, _a("amendmentContent"), eId=dft)
        first, _, _ = d.instruction.partition("\n")
        p = _sub(content, _a("p"))
        mod = _sub(p, _a("mod"), eId=f"{dft}__mod")
        if d.unit == "words":  # words struck or added inside a provision that stays: quotedText, not structure
            mod.text = d.instruction
            tm = _sub(mods, _a("textualMod"), eId=f"{dft}__tmod", type="substitution")
            _sub(tm, _a("source"), href=f"#{dft}__mod")
            _sub(tm, _a("destination"), href=f"{_work(country, today, d.law_kind)}/~{d.target_eid}")
            just = _sub(body, _a("amendmentJustification"), eId=f"{dft}__just")
            for line in d.justification.split("\n"):
                _sub(just, _a("p"), line)
            continue
        mod.text = first + " "
        qs = _sub(
            mod,
            _a("quotedStructure"),
            eId=f"{dft}__qstr",
            startQuote="«" if lang == "ru" else "“",
            endQuote="»" if lang == "ru" else "”",
        )
        _quoted(qs, d, dft)
        tm = _sub(mods, _a("textualMod"), eId=f"{dft}__tmod", type="insertion")
        _sub(tm, _a("source"), href=f"#{dft}__mod")
        _sub(tm, _a("destination"), href=f"{_work(country, today, d.law_kind)}/~{d.new_eid}")
        _sub(tm, _a("new"), href=f"#{dft}__qstr")
        just = _sub(body, _a("amendmentJustification"), eId=f"{dft}__just")
        for line in d.justification.split("\n"):
            _sub(just, _a("p"), line)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
