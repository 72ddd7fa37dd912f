"""Archive adapters room: XML helpers shared by the arkivmelding and kvittering code — namespaces,
a child appender that skips empty values, Noark codes and the external key."""

from __future__ import annotations

import re
from datetime import date, datetime

from lxml import etree

AM = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/v1"
KV = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1"
MDK = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1"
FEIL = "https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/feil/feilmelding/v1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

Value = str | int | date | datetime | None


def text_of(value: str | int | date | datetime) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(value: str) -> str:
    """XML 1.0 cannot carry most control characters, lone surrogates or U+FFFE/U+FFFF; the domain
    refuses them on input, so this is a last guard (a dropped character beats an unsendable
    message)."""
    return _NOT_XML.sub("", value)


class Node:
    """Appends children in one namespace, in the order the XSD's sequence demands."""

    def __init__(self, element: etree._Element, ns: str) -> None:
        self.element = element
        self.ns = ns

    def add(self, name: str, value: Value = None, ns: str | None = None) -> Node:
        child = etree.SubElement(self.element, f"{{{ns or self.ns}}}{name}")
        if value is not None:
            child.text = clean(text_of(value))
        return Node(child, ns or self.ns)

    def opt(self, name: str, value: Value) -> None:
        """A child only when there is a value (an empty string counts as none)."""
        if value is None or (isinstance(value, str) and not clean(value).strip()):
            return
        self.add(name, value)

    def code(self, name: str, code: str, description: str | None = None) -> None:
        """A FIKS Arkiv ``kode`` (M800): ``kode`` and ``beskrivelse`` in the metadatakatalog."""
        node = self.add(name)
        node.add("kode", code, ns=MDK)
        if description:
            node.add("beskrivelse", description, ns=MDK)

    def key(self, name: str, key: str, fagsystem: str, ns: str | None = None) -> None:
        """An ``eksternNoekkel`` (M803): ``fagsystem`` + ``noekkel`` in the metadatakatalog."""
        node = self.add(name, ns=ns)
        node.add("fagsystem", fagsystem, ns=MDK)
        node.add("noekkel", key, ns=MDK)

    def names(self, name: str, navn: str) -> None:
        """An ``identifikatorer`` (M801) holding a name only."""
        self.add(name).add("navn", navn, ns=MDK)

    def typed(self, name: str, xsi_type: str) -> Node:
        """A child of a derived type: ``xsi:type`` names the type in the default namespace."""
        node = self.add(name)
        node.element.set(f"{{{XSI}}}type", xsi_type)
        return node


def serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
