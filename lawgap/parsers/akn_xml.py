"""Akoma Ntoso XML at its lowest level: the namespaces, lawgap's attributes, and a locked-down parser.

Reads: XML bytes. Writes: the parsed root element, and the names the AKN reader (lawgap.parsers.akn)
and writer (lawgap.publish.akn) share, so that what one writes the other reads back.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from lawgap.errors import InputError
from lawgap.parsers.budget import check_tags, parser_limit

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LAWGAP_NS = "urn:x-lawgap:akn:1.0"
KIND_ATTR = f"{{{LAWGAP_NS}}}kind"
NOTE_FOR_ATTR = f"{{{LAWGAP_NS}}}for"
# A part whose number is its position, not printed in the law ("часть вторая" of an Uzbek code).
PRINTED_ATTR = f"{{{LAWGAP_NS}}}printed"
# The AKN class of a part that states an aggravated form of its article's offence ("Те же деяния ...").
QUALIFIED_CLASS = "qualified"
_WS = re.compile(r"\s+")


def local(el: etree._Element) -> str:
    """The element's name without its namespace ('' for comments and entities)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def secure_parser() -> etree.XMLParser:
    """An XML parser that loads no DTD, resolves no entity and fetches nothing."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(path: Path, data: bytes) -> etree._Element:
    check_tags(path, data)
    try:
        root = etree.fromstring(data, parser=secure_parser())
    except etree.XMLSyntaxError as exc:
        limit = parser_limit(path, str(exc))
        raise limit or InputError(path, f"damaged Akoma Ntoso XML: {clean(str(exc))}") from None
    if root is None or local(root) != "akomaNtoso":
        raise InputError(path, "XML that is not Akoma Ntoso (no akomaNtoso root element)")
    return root


