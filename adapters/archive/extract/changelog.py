"""Archive adapters room: ``endringslogg.xml`` — the changes an extract knows of: the archive part
closed by the extraction itself (always), and each corrected minutes protocol (its document
object's version number), never the corrected text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from lxml import etree

from adapters.archive.extract.numbering import system_id
from adapters.archive.xml import Node
from domain.archive.keys import document_key
from domain.archive.records import ArchiveRecord
from domain.archive.settings import ArchiveSettings

NS = "http://www.arkivverket.no/standarder/noark5/endringslogg"


def _change(root: Node, ref: str, metadata: str, at: datetime, before: str, after: str) -> None:
    c = root.add("endring")
    c.add("referanseArkivenhet", ref)
    c.add("referanseMetadata", metadata)
    c.add("endretDato", at)
    c.add("endretAv", "Samordna")
    c.add("tidligereVerdi", before)
    c.add("nyVerdi", after)


def endringslogg(
    records: Sequence[ArchiveRecord], settings: ArchiveSettings, now: datetime
) -> etree._Element:
    root_el = etree.Element(f"{{{NS}}}endringslogg", nsmap={None: NS})
    root = Node(root_el, NS)
    part = system_id("arkivdel", str(settings.unit_id), settings.archive_part or "")
    _change(root, part, "M602 avsluttetDato", now, "ikke avsluttet", now.date().isoformat())
    for r in records:
        if r.is_minutes and r.version > 1 and r.documents:
            obj = system_id(document_key(r, 1), "objekt")
            _change(
                root, obj, "M005 versjonsnummer", r.created_at, str(r.version - 1), str(r.version)
            )
    return root_el
