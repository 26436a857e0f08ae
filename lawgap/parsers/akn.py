"""Akoma Ntoso reader: an AKN 3.0 (or older 2.0-style) XML file -> a Law with the document's own tree.

Reads: Akoma Ntoso XML. Writes: a Law with the document's own eIds.

Unlike the other readers this one produces provisions directly: the file already says what
is a part, a section or a paragraph, and its eIds are kept as they are (`section-1-1` in a
legislation.gov.uk export, `art_1-bis__para_1` in a Normattiva one); an element without an
eId/id is named by the GUIDE.md convention. Kinds are mapped so that the lawgap stages see
one vocabulary:

- above the article-level unit: book/tome -> book, part/subpart/title -> part,
  chapter/subchapter -> chapter, section -> section (civil), division -> section or chapter;
  hcontainers: "schedule(s)"/"annex" -> book, "note" -> note, others (crossheadings) -> chapter;
- the article-level unit: `article` (style "civil") or `section` when the document has no
  articles (style "common");
- inside it (or inside a schedule), by depth: paragraph, point, subpoint.

Files written by `lawgap.publish.akn` carry a proprietary block and a `lg:kind` attribute on
each provision; for those the kinds, numbers, headings and text are read back exactly, so
that parse -> AKN -> parse gives the same tree.

Parsing is locked down: no DTD loading, no entity resolution, no network, no huge trees. A
file with an external entity is read without it (the entity stays an unresolved node).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lawgap.errors import InputError
from lawgap.model import Law, Provision
from lawgap.parsers.akn_xml import (  # noqa: F401 (the names writers of AKN import from here)
    AKN_NS,
    KIND_ATTR,
    LAWGAP_NS,
    NOTE_FOR_ATTR,
    PRINTED_ATTR,
    QUALIFIED_CLASS,
    clean,
    local,
    parse_xml,
    secure_parser,
)
from lawgap.parsers.budget import deep_recursion
from lawgap.parsers.detect import detect_kind
from lawgap.structure.tree import DocumentText, eid_num, unique_eid

# Hierarchical elements of AKN 3.0 (cobalt.schemas.AkomaNtoso30.hier_elements) plus hcontainer.
_HIER_NAMES = (
    "alinea article book chapter clause division indent level list paragraph part point proviso rule "
    "section subchapter subclause subdivision sublist subparagraph subpart subrule subsection "
    "subtitle title tome transitional hcontainer"
)
HIER = frozenset(_HIER_NAMES.split())
_CONTAINER_KIND = {
    "book": "book",
    "tome": "book",
    "part": "part",
    "subpart": "part",
    "title": "part",
    "subtitle": "part",
    "chapter": "chapter",
    "subchapter": "chapter",
}
_BOOK_HCONTAINERS = frozenset({"schedules", "schedule", "annex", "annexes", "attachment", "attachments", "appendix"})
_SUB_KINDS = ("paragraph", "point", "subpoint")
# Short forms for eIds the file does not give (AKN naming convention).
_ALIAS = {
    "article": "art",
    "chapter": "chp",
    "section": "sec",
    "subsection": "subsec",
    "paragraph": "para",
    "subparagraph": "subpara",
    "division": "dvs",
    "subdivision": "subdvs",
    "alinea": "al",
}
# Block-level wrappers whose text lines belong to the enclosing provision.
_TEXT_PARTS = frozenset({"intro", "content", "wrapUp", "crossHeading"})
# Inline-level containers: one line of text each.
_LINE = frozenset({"p", "listIntroduction", "listWrapUp", "heading", "subheading", "num", "caption", "docTitle"})
_SPACED = frozenset({"p", "item", "tr", "td", "th", "num", "heading", "subheading", "intro", "content", "wrapUp"})
_SKIP_INLINE = frozenset({"authorialNote", "noteRef", "del", "remark", "eol", "eop", "marker"})
_LANG3 = {
    "eng": "en",
    "rus": "ru",
    "kir": "ky",
    "kaz": "kk",
    "uzb": "uz",
    "tgk": "tg",
    "tuk": "tk",
    "ita": "it",
    "fra": "fr",
    "fre": "fr",
    "deu": "de",
    "ger": "de",
    "spa": "es",
    "por": "pt",
    "nld": "nl",
    "dut": "nl",
}
_NUM_LABEL = re.compile(
    r"^(?:(?:article|articolo|section|part|chapter|capo|titolo|book|libro|schedule|статья|глава|раздел)\s+"
    r"|(?:art|sec|s)\.\s*)",
    re.I,
)




def clean_num(num: str) -> str:
    """'Art. 1-bis.' -> '1-bis', '(a)' -> 'a', 'Part I' -> 'I': the number as lawgap stores it."""
    num = _NUM_LABEL.sub("", clean(num))
    num = num.strip().rstrip(".").strip()
    if len(num) > 2 and num[0] in "([" and num[-1] in ")]":
        num = num[1:-1].strip()
    return num.rstrip(")").strip() if num.count(")") > num.count("(") else num


QUOTED_NOTE = "quoted in an amendment: text of another provision, not a provision of this act in force"


# -- text ----------------------------------------------------------------------------------
def inline_text(el: etree._Element, *, exact: bool = False) -> str:
    """The words of an inline container, without notes, note markers and deleted text."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        for child in e:
            name = local(child)
            if name and name not in _SKIP_INLINE:
                if child.text:
                    parts.append(child.text)
                walk(child)
                if name in _SPACED and not exact:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    if el.text:
        parts.append(el.text)
    walk(el)
    text = "".join(parts)
    return text if exact else clean(text)


def text_lines(el: etree._Element) -> list[str]:
    """The lines of a block wrapper (content, intro, wrapUp, blockList ...): one per p or item."""
    name = local(el)
    if name in _LINE:
        line = inline_text(el)
        return [line] if line else []
    if name == "item":
        lines: list[str] = []
        label = ""
        for child in el:
            if local(child) == "num":
                label = child.get("title") or inline_text(child)
            elif local(child):
                lines.extend(text_lines(child))
        if label:
            lines = [f"{label} {lines[0]}" if lines else label, *lines[1:]]
        return lines
    if name == "tr":
        cells = [inline_text(c) for c in el if local(c) in ("td", "th")]
        line = " | ".join(c for c in cells if c)
        return [line] if line else []
    if name in _SKIP_INLINE or name in HIER:
        return []
    out: list[str] = []
    if el.text and el.text.strip():
        out.append(clean(el.text))
    for child in el:
        if local(child):
            out.extend(text_lines(child))
        if child.tail and child.tail.strip():
            out.append(clean(child.tail))
    return out


def notes_of(el: etree._Element, meta_notes: dict[str, str]) -> list[str]:
    """Authorial notes and the commentary that note markers point at, in the provision's own text."""
    out: list[str] = []
    for part in el:
        if local(part) not in _TEXT_PARTS | {"heading", "num"}:
            continue
        for e in part.iter():
            name = local(e)
            if name == "authorialNote":
                out.append(clean(" ".join(text_lines(e)) or inline_text(e)))
            elif name == "noteRef":
                target = (e.get("href") or "").lstrip("#")
                if target in meta_notes:
                    out.append(meta_notes[target])
    return [n for n in dict.fromkeys(out) if n]


# -- metadata ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Meta:
    title: str | None
    date: str | None
    country: str | None
    language: str | None
    lawgap: dict[str, str] = field(default_factory=dict)
    law_notes: tuple[str, ...] = ()


def _first(doc: etree._Element, xpath: str) -> etree._Element | None:
    found = doc.xpath(xpath)
    return found[0] if found else None


def read_meta(doc: etree._Element) -> Meta:
    """Title, date, country and language from the preface and the FRBR identification."""
    title = None
    for name in ("shortTitle", "docTitle"):
        el = _first(doc, f"./*[local-name()='preface']//*[local-name()='{name}']")
        if el is None:
            el = _first(doc, f".//*[local-name()='{name}']")
        if el is not None and inline_text(el):
            title = inline_text(el)
            break
    work = _first(doc, "./*[local-name()='meta']/*[local-name()='identification']/*[local-name()='FRBRWork']")
    expr = _first(doc, "./*[local-name()='meta']/*[local-name()='identification']/*[local-name()='FRBRExpression']")
    date = country = language = None
    if work is not None:
        if title is None:
            for xp in ("./*[local-name()='FRBRalias'][@name='title']", "./*[local-name()='FRBRname']"):
                el = _first(work, xp)
                if el is not None and el.get("value"):
                    title = clean(el.get("value", ""))
                    break
        el = _first(work, "./*[local-name()='FRBRdate']")
        date = (el.get("date") or None) if el is not None else None
        el = _first(work, "./*[local-name()='FRBRcountry']")
        if el is not None and el.get("value"):
            country = el.get("value", "").split("-")[0].upper() or None
    if expr is not None:
        el = _first(expr, "./*[local-name()='FRBRlanguage']")
        if el is not None and el.get("language"):
            code = el.get("language", "").lower()
            language = _LANG3.get(code, code[:2] if len(code) == 2 else code)
    lawgap: dict[str, str] = {}
    law_notes: list[str] = []
    block = _first(doc, f"./*[local-name()='meta']/*[local-name()='proprietary']/*[namespace-uri()='{LAWGAP_NS}']")
    if block is not None:
        for child in block:
            name = local(child)
            if name == "note":
                law_notes.append(child.text or "")
            elif name:
                lawgap[name] = child.text or ""
    return Meta(title, date, country, language, lawgap, tuple(law_notes))


def meta_notes(doc: etree._Element) -> dict[str, str]:
    """meta/notes/note by eId (legislation.gov.uk commentary the text's noteRefs point at)."""
    out: dict[str, str] = {}
    for note in doc.xpath("./*[local-name()='meta']/*[local-name()='notes']/*[local-name()='note']"):
        key = note.get("eId") or note.get("id")
        if key:
            out[key] = clean(" ".join(text_lines(note)))
    return out


def lawgap_notes(doc: etree._Element) -> dict[str, list[str]]:
    """Provision notes written by lawgap's exporter: meta/notes/note[@lg:for], exact text."""
    out: dict[str, list[str]] = {}
    for note in doc.xpath("./*[local-name()='meta']/*[local-name()='notes']/*[local-name()='note']"):
        target = note.get(NOTE_FOR_ATTR)
        if target is not None:
            ps = [p for p in note if local(p) == "p"]
            out.setdefault(target, []).append(inline_text(ps[0], exact=True) if ps else "")
    return out


# -- the tree ------------------------------------------------------------------------------
class _Reader:
    def __init__(self, style: str, exact: bool, notes: dict[str, str], lg_notes: dict[str, list[str]]):
        self.style = style
        self.exact = exact
        self.unit = "section" if style == "common" else "article"
        self.meta_notes = notes
        self.lg_notes = lg_notes
        self.provisions: list[Provision] = []
        self.eids: set[str] = set()
        self.unnumbered: dict[tuple[str | None, str], int] = {}
        self.doc = DocumentText()
        self.warnings: list[str] = []

    def _append(self, text: str) -> tuple[int, int]:
        return self.doc.append(text)

    def kind_of(self, el: etree._Element, name: str, depth: int | None) -> tuple[str, int | None]:
        """The lawgap kind and the depth below the article-level unit for its children."""
        if self.exact and el.get(KIND_ATTR):
            kind = el.get(KIND_ATTR, "")
            if kind == "article" or (kind == "section" and self.style == "common"):  # Law.is_article_level
                return kind, 0
            return kind, (depth + 1 if depth is not None else None)
        if name == "hcontainer" and (el.get("name") or "").lower() == "note":
            return "note", depth
        if depth is not None:
            return _SUB_KINDS[min(depth, len(_SUB_KINDS) - 1)], depth + 1
        if name == self.unit:
            return ("section" if self.unit == "section" else "article"), 0
        if name in _CONTAINER_KIND:
            return _CONTAINER_KIND[name], None
        if name == "section":  # a section in a document whose unit is the article
            return "section", None
        if name in ("division", "subdivision"):
            return ("chapter" if self.style == "common" else "section"), None
        if name == "hcontainer":
            hname = (el.get("name") or "").lower()
            return ("book" if hname in _BOOK_HCONTAINERS else "chapter"), None
        # paragraph-like units outside any article (schedule paragraphs): by depth from here.
        return _SUB_KINDS[0], 1

    def is_container(self, p: Provision) -> bool:
        """Above the article-level unit: its children are named on their own, not prefixed."""
        return p.kind in ("book", "part", "chapter") or (p.kind == "section" and self.unit == "article")

    def eid_for(self, el: etree._Element, name: str, num: str | None, parent: Provision | None) -> str:
        given = el.get("eId") or el.get("id")
        if given and not re.search(r"\s", given):
            eid = given
        else:
            scope = parent.eid if parent is not None and not self.is_container(parent) else None
            alias = _ALIAS.get(name, name)
            if num and eid_num(num):
                local_id = f"{alias}_{eid_num(num)}"
            else:
                key = (scope, alias)
                self.unnumbered[key] = self.unnumbered.get(key, 0) + 1
                local_id = f"{alias}_nn_{self.unnumbered[key]}"
            eid = f"{scope}__{local_id}" if scope else local_id
        unique = unique_eid(eid, self.eids)
        if unique != eid:
            self.warnings.append(f"duplicate eId {eid} renamed {unique}")
        return unique

    def walk(self, container: etree._Element, parent: Provision | None, depth: int | None) -> None:
        for el in container:
            name = local(el)
            if name not in HIER:
                continue
            self.provision(el, name, parent, depth)

    def _child_text(self, el: etree._Element, child_name: str) -> str | None:
        for c in el:
            if local(c) == child_name:
                return inline_text(c, exact=self.exact)
        return None

    def provision(
        self, el: etree._Element, name: str, parent: Provision | None, depth: int | None, quoted: bool = False
    ) -> None:
        kind, child_depth = self.kind_of(el, name, depth)
        raw_num = self._child_text(el, "num")
        num = raw_num if self.exact else (clean_num(raw_num) if raw_num else None) or None
        heading = self._child_text(el, "heading")
        if not self.exact and heading is not None:
            heading = heading or None
        lines: list[str] = []
        for part in el:
            if local(part) in _TEXT_PARTS:
                if self.exact:
                    lines.extend(inline_text(p, exact=True) for p in part if local(p) == "p")
                else:
                    lines.extend(line for line in text_lines(part) if line)
        eid = self.eid_for(el, name, num, parent)
        label = " ".join(x for x in (raw_num and clean(raw_num), heading and clean(heading)) if x)
        start = end = None
        for line in ([label] if label else []) + lines:
            s, end = self._append(line)
            start = s if start is None else start
        span = (start, end) if start is not None and end is not None else (self.doc.pos, self.doc.pos)
        notes = self.lg_notes.get(eid, []) if self.exact else notes_of(el, self.meta_notes)
        if quoted and not self.exact:
            notes = [QUOTED_NOTE, *notes]
        prov = Provision(
            eid=eid,
            parent=parent.eid if parent is not None else None,
            kind=kind,
            num=num,
            heading=heading,
            text="\n".join(lines),
            span=span,
            notes=tuple(notes),
            qualified=QUALIFIED_CLASS in (el.get("class") or "").split(),
            printed=el.get(PRINTED_ATTR) != "false",
        )
        self.provisions.append(prov)
        self.walk(el, prov, child_depth)
        self.walk_quoted(el, prov)

    def walk_quoted(self, el: etree._Element, prov: Provision) -> None:
        """Provisions quoted inside an amendment (a section restated or inserted elsewhere) stay in the
        tree under the provision that quotes them, with their own eIds, marked by a note."""
        for part in el:
            if local(part) not in _TEXT_PARTS:
                continue
            for q in part.iter():
                if local(q) != "quotedStructure" or _inside_quoted(q, part):
                    continue
                for child in q:
                    name = local(child)
                    if name in HIER:
                        self.provision(child, name, prov, None, quoted=True)


def _inside_quoted(q: etree._Element, stop: etree._Element) -> bool:
    """True when `q` is nested in another quotedStructure below `stop` (that one is walked instead)."""
    node = q.getparent()
    while node is not None and node is not stop:
        if local(node) == "quotedStructure":
            return True
        node = node.getparent()
    return False


def _style(body: etree._Element, meta: Meta) -> str:
    """'common' when the article-level unit is the section (no <article> anywhere), else 'civil'."""
    if meta.lawgap.get("style") in ("civil", "common"):
        return meta.lawgap["style"]
    if body.xpath(".//*[local-name()='article']"):
        return "civil"
    if body.xpath(".//*[local-name()='section']"):
        return "common"
    return "civil"


def read_law(path: Path, data: bytes) -> Law:
    """The Law an Akoma Ntoso file describes, with its own structure and eIds."""
    root = parse_xml(path, data)
    docs = [c for c in root if local(c)]
    if not docs:
        raise InputError(path, "Akoma Ntoso file without a document element")
    doc = docs[0]
    body = _first(doc, "./*[local-name()='body' or local-name()='mainBody']")
    if body is None:
        raise InputError(path, f"Akoma Ntoso <{local(doc)}> without a body")
    meta = read_meta(doc)
    exact = bool(meta.lawgap)
    style = _style(body, meta)
    reader = _Reader(style, exact, meta_notes(doc), lawgap_notes(doc) if exact else {})
    with deep_recursion(256):  # libxml2 stops at 256 levels without huge_tree
        reader.walk(body, None, None)
    if not reader.provisions:
        raise InputError(path, "no provisions in the Akoma Ntoso body")
    lg = meta.lawgap
    title = (lg.get("title") if exact else None) or meta.title or path.stem
    language = lg.get("language") or meta.language or "en"
    return Law(
        title=title,
        language=language,
        style=style,
        source=str(path),
        sha256=lg.get("sha256", ""),
        provisions=tuple(reader.provisions),
        text=str(reader.doc),
        country=(lg.get("country") if exact else meta.country) or None,
        kind=(lg.get("kind") if exact else detect_kind(title)) or None,
        date=(lg.get("date") if exact else meta.date) or None,
        ocr=lg.get("ocr") == "true",
        excerpt=lg.get("excerpt") == "true",
        warnings=tuple(reader.warnings),
        notes=meta.law_notes,
    )
