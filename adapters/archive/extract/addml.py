"""Archive adapters room: ``arkivuttrekk.xml`` (ADDML 8.3) — what the deposit holds: the record
creator, the system, the period, each XML file with its schema and SHA-256, and the counts."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from adapters.archive.xml import Node
from domain.archive.extracts import Period

NS = "http://www.arkivverket.no/standarder/addml"


def _prop(parent: Node, name: str, value: str | int | None = None) -> Node:
    p = parent.add("property")
    p.element.set("name", name)
    if value is not None:
        p.add("value", str(value))
    return p


def _element(parent: Node, name: str, value: str | None = None) -> Node:
    e = parent.add("additionalElement")
    e.element.set("name", name)
    if value is not None:
        e.add("value", value)
    return e


def _checksum(parent: Node, digest: str) -> None:
    props = _prop(parent, "checksum").add("properties")
    _prop(props, "algorithm", "SHA256")
    _prop(props, "value", digest)


def arkivuttrekk(
    *, creator: str, period: Period, files: Mapping[str, tuple[str, str, str]],
    counts: Mapping[str, int], documents: int,
) -> etree._Element:  # fmt: skip
    """``files``: XML file name → (its schema's file name, the XML's SHA-256, the schema's)."""
    root_el = etree.Element(f"{{{NS}}}addml", nsmap={None: NS})
    root = Node(root_el, NS)
    dataset = root.add("dataset")
    context = dataset.add("reference").add("context").add("additionalElements")
    creators = _element(context, "recordCreators").add("additionalElements")
    _prop(_element(creators, "recordCreator").add("properties"), "name", creator)
    _element(context, "systemType", "Noark5")
    _element(context, "systemName", "Samordna")
    period_props = _element(context, "archivalPeriod").add("properties")
    _prop(period_props, "startDate", period.start.isoformat())
    _prop(period_props, "endDate", period.end.isoformat())
    extract = dataset.add("dataObjects").add("dataObject")
    extract.element.set("name", "Noark 5 arkivuttrekk")
    info = _prop(extract.add("properties"), "info").add("properties")
    _prop(info, "type", "Noark 5")
    _prop(info, "version", "v5.0")
    inner = extract.add("dataObjects")
    for name, (schema_name, digest, schema_digest) in files.items():
        obj = inner.add("dataObject")
        obj.element.set("name", name.removesuffix(".xml"))
        obj_props = obj.add("properties")
        file_props = _prop(obj_props, "file").add("properties")
        _prop(file_props, "name", name)
        _prop(file_props, "format", "XML")
        _checksum(file_props, digest)
        schema = _prop(file_props, "schema").add("properties")
        _prop(schema, "name", schema_name)
        _prop(schema, "type", "XML Schema")
        _checksum(schema, schema_digest)
        if name == "arkivstruktur.xml":
            occurrences = _prop(obj_props, "numberOfOccurrences").add("properties")
            for what, n in counts.items():
                _prop(occurrences, what, n)
            _prop(occurrences, "dokumentfiler", documents)
    return root_el
