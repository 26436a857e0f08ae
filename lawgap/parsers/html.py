"""HTML reader: a law page from an official portal -> text blocks with the hints the markup gives.

Reads: the page's bytes. Writes: one `Block` per block element (p, div, li, td, h1-h6 ...),

its text normalised (no-break spaces, mixed line endings and runs of white space collapsed),
scripts, styles, page chrome and navigation dropped. Two things portals get wrong or write
in their own way are handled here, because only the markup shows them:

- the declared charset is not trusted: pravo.gov.ru declares windows-1251 for bytes that are
  UTF-8. The bytes decide (strict UTF-8 first, then the declared charset, then cp1251);
- inserted article numbers are printed with a superscript ("127<span class=W9>1</span>",
  a class whose CSS says `vertical-align: super`, or a <sup>): they are rendered "127.1", the
  form the grammars and eids expect, never "1271".

Nothing is fetched and no entity is resolved: libxml2's HTML parser runs with no_network and
never loads external entities.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

from lawgap.errors import InputError
from lawgap.model import Block, Extracted
from lawgap.parsers.budget import TextMeter, check_tags, deep_recursion, depth_limit, parser_limit, too_deep
from lawgap.parsers.text import utf16_encoding

# Elements whose content is never law text.
_DROP_NAMES = (
    "script style noscript template head title meta link nav iframe frame frameset object embed svg "
    "canvas form button select input textarea option menu map area audio video xml"
)
_DROP = frozenset(_DROP_NAMES.split())
# ARIA roles of page chrome.
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
# Elements that start a new block.
_BLOCK_NAMES = (
    "p div h1 h2 h3 h4 h5 h6 li dd dt td th tr blockquote pre address center section article main "
    "aside header footer figure figcaption caption table tbody thead tfoot ul ol dl hr body html"
)
_BLOCK = frozenset(_BLOCK_NAMES.split())
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BOLD_TAGS = frozenset({"b", "strong"})

_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CHARSET_XML = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_CLASS = re.compile(r"^(?:[a-z0-9]*)\.([A-Za-z0-9_-]+)$")
_WS = re.compile(r"\s+")
# Units written with a power ("м<sup>2</sup>", "cm<sup>3</sup>"): their superscript stays a power.
_UNIT = re.compile(r"(?:^|[^\w])(?:м|км|см|мм|дм|m|km|cm|mm|dm)$")
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Characters that carry no text: soft hyphen, zero-width space/joiners, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# C0 control characters other than white space: stray bytes, never text (and not valid XML).
_INVISIBLE |= dict.fromkeys((c for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c"), None)


# -- decoding ------------------------------------------------------------------------------
def declared_charset(data: bytes) -> str | None:
    """The charset the page claims (meta tag or XML declaration), if any."""
    head = data[:8192]
    m = _CHARSET_XML.search(head) or _CHARSET_META.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The page's text, the encoding used and warnings: the bytes decide, not the meta tag."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc, ()
    utf16 = utf16_encoding(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, ()
    declared = declared_charset(data)
    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared and _norm_codec(declared) not in ("utf-8", "ascii"):
            warnings.append(f"the page declares charset {declared} but its bytes are UTF-8; read as UTF-8")
        return text, "utf-8", tuple(warnings)
    for enc in (declared, "cp1251"):
        if not enc or _norm_codec(enc) is None:
            continue
        try:
            return data.decode(enc), _norm_codec(enc) or enc, ()
        except UnicodeDecodeError:
            continue
    text = data.decode("cp1251", errors="replace")
    return text, "cp1251", ("some bytes are neither UTF-8 nor windows-1251; replaced with U+FFFD",)


def _norm_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# -- layout hints from the page's own CSS ---------------------------------------------------
@dataclass(frozen=True)
class _Css:
    """Class names the page's style sheets make superscript, bold or centred."""

    sup: frozenset[str] = frozenset()
    bold: frozenset[str] = frozenset()
    center: frozenset[str] = frozenset()
    italic: frozenset[str] = frozenset()


def _read_css(css_texts: list[str]) -> _Css:
    sup: set[str] = set()
    bold: set[str] = set()
    center: set[str] = set()
    italic: set[str] = set()
    for css in css_texts:
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
        for selectors, body in _CSS_RULE.findall(css):
            decl = body.replace(" ", "").lower()
            for sel in selectors.split(","):
                m = _CSS_CLASS.match(sel.strip())
                if not m:
                    continue
                name = m.group(1)
                if "vertical-align:super" in decl:
                    sup.add(name)
                if re.search(r"font-weight:(bold|[6-9]00)", decl):
                    bold.add(name)
                if "text-align:center" in decl:
                    center.add(name)
                if "font-style:italic" in decl:
                    italic.add(name)
    return _Css(frozenset(sup), frozenset(bold), frozenset(center), frozenset(italic))


# -- walking the tree -----------------------------------------------------------------------
@dataclass
class _Line:
    """A block being collected."""

    tag: str
    parts: list[str] = field(default_factory=list)
    bold: bool = False
    centered: bool = False
    # (start, end) indexes into `parts` of italic bracketed remarks, e.g. "(В редакции ...)".
    remarks: list[tuple[int, int]] = field(default_factory=list)

    def texts(self) -> list[str]:
        """The line, with trailing italic "(...)" remarks split off as lines of their own.

        pravo.gov.ru appends amendment notes to the paragraph they amend
        ("... лет. <span class=mark>(В редакции Федерального закона от ...)</span>"); on a
        line of their own the grammar keeps them as notes instead of text.
        """
        parts = self.parts
        end = len(parts)
        for start, stop in sorted(self.remarks, reverse=True):
            # Between remarks only spaces or a stray bracket the portal left outside the span.
            if stop > end or clean("".join(parts[stop:end])).strip("() "):
                break
            end = start
        groups = bracket_groups(clean("".join(parts[end:])))
        if not groups:
            end, groups = len(parts), []
        return [t for t in [clean("".join(parts[:end])), *groups] if t]


def clean(text: str) -> str:
    """One line of text: no-break spaces and line endings (\\r\\n, \\r, \\n) become single spaces."""
    return _WS.sub(" ", text.translate(_INVISIBLE).replace("\xa0", " ")).strip()


def bracket_groups(text: str) -> list[str] | None:
    """'(A) (B (c))' -> ['(A)', '(B (c))']; None unless the text is only bracketed groups."""
    groups: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                if text[start:i].strip():
                    return None
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                groups.append(text[start : i + 1])
                start = i + 1
    if depth != 0 or text[start:].strip():
        return None
    return groups


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


class _Walker:
    def __init__(self, css: _Css, path: Path | None = None) -> None:
        self.css = css
        self.blocks: list[Block] = []
        self.line = _Line("p")
        self.in_remark = False
        self.path = path
        self.depth, self.max_depth = 0, depth_limit()
        self.text = TextMeter(path)

    def flush(self) -> None:
        tag = self.line.tag
        for text in self.line.texts():
            self.text.add(len(text))
            self.blocks.append(
                Block(
                    text=text,
                    style=tag,
                    heading_level=_HEADINGS.get(tag),
                    bold=self.line.bold or tag in _HEADINGS,
                    centered=self.line.centered,
                )
            )
        self.line = _Line(self.line.tag)

    def _is_sup(self, el: etree._Element, tag: str) -> bool:
        if tag == "sup":
            return True
        if _classes(el) & self.css.sup:
            return True
        return "vertical-align:super" in (el.get("style") or "").replace(" ", "").lower()

    def _dropped(self, el: etree._Element, tag: str) -> bool:
        if tag in _DROP or ":" in tag:
            return True
        if (el.get("role") or "").lower() in _DROP_ROLES:
            return True
        return (el.get("hidden") is not None) or "display:none" in (el.get("style") or "").replace(" ", "")

    def walk(self, el: etree._Element) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions, entities
            self._tail(el)
            return
        tag = el.tag.lower()
        if self._dropped(el, tag):
            self._tail(el)
            return
        if tag == "br":
            self.flush()
            self._tail(el)
            return
        if self._is_sup(el, tag):
            self._superscript(el)
            self._tail(el)
            return
        if tag in _BLOCK:
            self.flush()
            outer = self.line.tag
            self.line = _Line(tag if tag not in ("body", "html") else "p")
            self._hints(el, tag, whole=True)
            self._children(el)
            self.flush()
            self.line = _Line(outer)
        elif not self.in_remark and self._is_italic(el, tag):
            self.in_remark = True
            line, start = self.line, len(self.line.parts)
            self._children(el)
            if self.line is line:  # no block element inside the remark started a new line
                line.remarks.append((start, len(line.parts)))
            self.in_remark = False
        else:
            self._hints(el, tag, whole=False)
            self._children(el)
        self._tail(el)

    def _is_italic(self, el: etree._Element, tag: str) -> bool:
        if tag in ("i", "em") or _classes(el) & self.css.italic:
            return True
        return "font-style:italic" in (el.get("style") or "").replace(" ", "").lower()

    def _hints(self, el: etree._Element, tag: str, *, whole: bool) -> None:
        cls = _classes(el)
        style = (el.get("style") or "").replace(" ", "").lower()
        align = (el.get("align") or "").lower()
        if whole:
            if cls & self.css.bold or re.search(r"font-weight:(bold|[6-9]00)", style):
                self.line.bold = True
            if tag == "center" or align == "center" or cls & self.css.center or "text-align:center" in style:
                self.line.centered = True
        elif tag in _BOLD_TAGS and not "".join(self.line.parts).strip():
            # <p><b>Статья 5. ...</b></p>: bold from the first word is a heading hint.
            self.line.bold = True

    def _children(self, el: etree._Element) -> None:
        if el.text:
            self.line.parts.append(el.text)
        self.depth += 1
        if self.depth > self.max_depth:
            raise too_deep(self.path, self.max_depth)
        for child in el:
            self.walk(child)
        self.depth -= 1

    def _tail(self, el: etree._Element) -> None:
        if el.tail:
            self.line.parts.append(el.tail)

    def _superscript(self, el: etree._Element) -> None:
        """'127' + sup '1' -> '127.1'; 'з' + sup '1' + ')' -> 'з.1)'; other superscripts kept as text."""
        text = clean(el.text_content())
        before = "".join(self.line.parts)
        if text.isdigit() and before and before[-1].isalnum():
            if _UNIT.search(before):  # "м<sup>2</sup>" is a square metre, not an inserted number
                self.line.parts.append(text.translate(_SUPERSCRIPT_DIGITS))
            else:
                self.line.parts.append("." + text)
        else:
            self.line.parts.append(text)


def _iter_css(root: etree._Element) -> Iterator[str]:
    for style in root.iter("style"):
        yield style.text_content() if hasattr(style, "text_content") else (style.text or "")


def _title(root: etree._Element) -> str | None:
    for xpath in ("//title", "//h1"):
        for el in root.xpath(xpath):
            text = clean(el.text_content())
            if text:
                return text
    return None


def _language(root: etree._Element) -> str | None:
    lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    return lang.split("-")[0].lower() or None


def _parse(path: Path, text: str) -> etree._Element:
    """The page's tree, whole: huge_tree lifts libxml2's silent cut at 256 levels (issue 14: text after
    it was lost), and any resource limit the parser still hits is an error, never a shorter page."""
    parser = html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        root = html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"cannot be read as HTML: {exc}") from None
    for entry in parser.error_log:
        limit = parser_limit(path, entry.message)
        if limit is not None:
            raise limit
    if root is None:
        raise InputError(path, "cannot be read as HTML: no document element")
    return root


def extract(path: Path, data: bytes, language: str | None = None) -> Extracted:
    """The page's text blocks in reading order; `language` only overrides the page's lang tag."""
    check_tags(path, data)
    text, _encoding, warnings = decode(data)
    root = _parse(path, text)
    css = _read_css(list(_iter_css(root)))
    walker = _Walker(css, path)
    body = root.find("body")
    with deep_recursion(walker.max_depth):
        walker.walk(body if body is not None else root)
    walker.flush()
    return Extracted(
        blocks=tuple(walker.blocks),
        warnings=warnings,
        title=_title(root),
        language=language or _language(root),
    )
