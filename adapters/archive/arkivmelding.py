"""Archive adapters room: ``FiksArkivMessageBuilder`` — an ``ArchiveRecord`` as a FIKS Arkiv V1
``arkivmelding`` (opprett): one mappe and one registrering, validated against the official XSD
before it leaves. Minutes: ``moetemappe`` + ``moetesak`` (with ``vedtak``) or, for the minutes
version's own message, ``moetedokument``; other records: ``saksmappe`` + ``journalpost`` (with a
document) or ``arkivnotat`` (without)."""

from __future__ import annotations

import re

from lxml import etree

from adapters.archive import codes
from adapters.archive.blanks import filled
from adapters.archive.registrations import classification, registration, skjerming
from adapters.archive.schemas import ARKIVMELDING_XSD, InvalidXml, validate
from adapters.archive.xml import AM, MDK, XSI, Node, serialise
from domain.archive.keys import FAGSYSTEM, mappe_key
from domain.archive.ports import Unbuildable
from domain.archive.records import ArchiveDocument, ArchivePackage, ArchiveRecord
from domain.archive.settings import ArchiveSettings

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def package_files(record: ArchiveRecord) -> tuple[ArchiveDocument, ...]:
    """The documents under unique, file-system-safe names (``1-protokoll.pdf``): the name in the
    package is ours, the archive keeps the title."""
    renamed = []
    for n, doc in enumerate(record.documents, start=1):
        stem = _UNSAFE_NAME.sub("-", doc.filename).strip("-.") or "dokument"
        renamed.append(
            ArchiveDocument(
                filename=f"{n}-{stem}"[:120], media_type=doc.media_type, content=doc.content,
                sha256=doc.sha256, title=doc.title, pdfa=doc.pdfa, restricted=doc.restricted,
            )
        )  # fmt: skip
    return tuple(renamed)


def _mappe(root: Node, record: ArchiveRecord, settings: ArchiveSettings) -> None:
    meeting = record.meeting
    m = root.typed("mappe", "moetemappe" if meeting is not None else "saksmappe")
    m.add("tittel", record.case_title)
    # A meeting's title names the body and the date; a case's may reveal a restricted matter.
    hidden = record.restricted and meeting is None
    if hidden:
        m.add("offentligTittel", record.public_title or codes.SKJERMING_DESCRIPTION)
    m.add("opprettetDato", record.created_at)
    if settings.archive_part:
        m.code("arkivdel", settings.archive_part)
    if hidden:
        skjerming(m)
    classification(m, settings)
    m.key("referanseEksternNoekkel", mappe_key(record), FAGSYSTEM)
    if meeting is not None:
        m.add("moetenummer", meeting.number)
        m.names("utvalg", meeting.body_name)
        m.add("moetedato", meeting.date)
        m.opt("moetested", meeting.place)
        for p in meeting.participants:
            d = m.add("moetedeltaker")
            d.add("identifikator", ns=MDK).add("navn", p.name, ns=MDK)
            if p.function:
                f = d.add("funksjon", ns=MDK)
                f.add("kode", p.function, ns=MDK)
                f.opt("beskrivelse", codes.PARTICIPANT_FUNCTIONS.get(p.function))
            if p.represents:
                d.add("representerer", ns=MDK).add("navn", p.represents, ns=MDK)
    else:
        m.add("saksdato", record.record_date)
        if settings.administrative_unit:
            m.names("administrativEnhet", settings.administrative_unit)
        if settings.case_officer:
            m.names("saksansvarlig", settings.case_officer)


class FiksArkivMessageBuilder:
    """The ``MessageBuilder`` port: stateless, safe to share between workers."""

    def build(self, record: ArchiveRecord, settings: ArchiveSettings) -> ArchivePackage:
        record = filled(record)
        files = package_files(record)
        root_el = etree.Element(f"{{{AM}}}arkivmelding", nsmap={None: AM, "n5mdk": MDK, "xsi": XSI})
        root = Node(root_el, AM)
        root.add("system", FAGSYSTEM)
        root.add("antallFiler", len(files))
        _mappe(root, record, settings)
        key = registration(root, record, settings, files)
        try:
            validate(ARKIVMELDING_XSD, root_el)
        except InvalidXml as exc:
            raise Unbuildable(str(exc)) from exc
        return ArchivePackage(key=key, arkivmelding=serialise(root_el), files=files)
