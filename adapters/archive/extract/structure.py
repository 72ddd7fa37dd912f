"""Archive adapters room: ``arkivstruktur.xml`` (Noark 5 v5.0) — arkiv → arkivdel → (klassifikasjons-
system → klasse →) mappe (saksmappe | moetemappe) → registrering (journalpost | arkivnotat |
moeteregistrering) → dokumentbeskrivelse → dokumentobjekt with SHA-256. A subtype's own fields
come after the inherited children (the XSD's extension order)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from adapters.archive import codes
from adapters.archive.blanks import blank
from adapters.archive.extract.numbering import Folder, JournalNumber, system_id
from adapters.archive.xml import XSI, Node
from domain.archive.extracts import Period
from domain.archive.keys import document_key, registration_key
from domain.archive.records import ArchiveDocument, ArchiveRecord
from domain.archive.settings import ArchiveSettings

N5 = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
BY = "Samordna"
NOARK_CODES = {  # Noark 5 writes the code lists' descriptions
    "journalposttype": "Organinternt dokument uten oppfølging",
    "journalstatus": "Arkivert",
    "saksstatus": "Avsluttet",
    "dokumentstatus": "Dokumentet er ferdigstilt",
    "arkivdelstatus": "Avsluttet periode",
}


@dataclass(frozen=True)
class Context:
    settings: ArchiveSettings
    period: Period
    now: datetime
    numbers: dict[str, JournalNumber]
    file_of: Callable[[ArchiveRecord, int, ArchiveDocument], str]  # → DOKUMENT/<name>


def _stamps(node: Node, created: datetime, ctx: Context, closed: bool = True) -> None:
    node.add("opprettetDato", created)
    node.add("opprettetAv", BY)
    if closed:
        node.add("avsluttetDato", ctx.now)
        node.add("avsluttetAv", BY)


def _skjerming(node: Node, document: str | None = None) -> None:
    s = node.add("skjerming")
    s.add("tilgangsrestriksjon", codes.SKJERMING_CODE)
    s.add("skjermingshjemmel", codes.SKJERMING_HJEMMEL)
    s.add("skjermingMetadata", "tittel")
    s.opt("skjermingDokument", document)


def _document(reg: Node, r: ArchiveRecord, doc: ArchiveDocument, n: int, ctx: Context) -> None:
    d = reg.add("dokumentbeskrivelse")
    d.add("systemID", system_id(document_key(r, n)))
    d.add("dokumenttype", codes.DOCUMENT_TYPES[r.kind][1])
    d.add("dokumentstatus", NOARK_CODES["dokumentstatus"])
    d.add("tittel", r.title if blank(doc.title) else doc.title)
    d.opt("forfatter", r.author)
    d.add("opprettetDato", r.created_at)
    d.add("opprettetAv", BY)
    d.add("tilknyttetRegistreringSom", (codes.MAIN_DOCUMENT if n == 1 else codes.ATTACHMENT)[1])
    d.add("dokumentnummer", n)
    d.add("tilknyttetDato", r.created_at)
    d.add("tilknyttetAv", BY)
    if r.restricted or doc.restricted:
        _skjerming(d, "Hele dokumentet" if r.restricted else "Deler av dokumentet")
    o = d.add("dokumentobjekt")
    o.add("systemID", system_id(document_key(r, n), "objekt"))
    o.add("versjonsnummer", r.version if r.is_minutes else 1)
    o.add("variantformat", codes.variant(doc)[1])
    o.add("format", codes.file_format(doc)[0])
    o.add("formatDetaljer", codes.file_format(doc)[1])
    o.add("opprettetDato", r.created_at)
    o.add("opprettetAv", BY)
    o.add("referanseDokumentfil", ctx.file_of(r, n, doc))
    o.add("sjekksum", doc.sha256)
    o.add("sjekksumAlgoritme", "SHA256")
    o.add("filstoerrelse", len(doc.content))


def _registration(m: Node, r: ArchiveRecord, ctx: Context) -> None:
    key = registration_key(r)
    kind = (
        "moeteregistrering"
        if r.meeting is not None
        else "journalpost"
        if r.documents
        else "arkivnotat"
    )
    reg = m.typed("registrering", kind)
    reg.add("systemID", system_id(key))
    reg.add("opprettetDato", r.created_at)
    reg.add("opprettetAv", BY)
    reg.add("arkivertDato", ctx.now)
    reg.add("arkivertAv", BY)
    if r.restricted:
        _skjerming(reg)
    for n, doc in enumerate(r.documents, start=1):
        _document(reg, r, doc, n, ctx)
    reg.add("registreringsID", key)
    reg.add("tittel", r.title)
    if r.restricted:
        reg.add("offentligTittel", r.public_title or codes.SKJERMING_DESCRIPTION)
    described = [t for t in (r.description, _decision(r)) if t and not blank(t)]
    if described:
        reg.add("beskrivelse", "\n\n".join(described))
    reg.opt("forfatter", r.author)
    number = ctx.numbers[key]
    unit = ctx.settings.administrative_unit or "SLT"
    if kind == "moeteregistrering":
        reg.add("moeteregistreringstype", "Saksprotokoll" if r.item else codes.MINUTES_DOCUMENT[1])
        if r.item:
            reg.add("moetesakstype", codes.CASE_TYPES.get(r.item.case_type, ("AN", "Annet"))[1])
        reg.add("administrativEnhet", unit)
        reg.add("saksbehandler", ctx.settings.case_officer or "SLT-koordinator")
    elif kind == "journalpost":
        reg.add("journalaar", number.year)
        reg.add("journalsekvensnummer", number.sequence)
        reg.add("journalpostnummer", number.number)
        reg.add("journalposttype", NOARK_CODES["journalposttype"])
        reg.add("journalstatus", NOARK_CODES["journalstatus"])
        reg.add("journaldato", r.record_date)
        reg.add("dokumentetsDato", r.record_date)
        reg.add("antallVedlegg", max(len(r.documents) - 1, 0))
    else:
        reg.add("dokumentetsDato", r.record_date)


def _decision(r: ArchiveRecord) -> str | None:
    return f"Vedtak: {r.item.decision_text}" if r.item and r.item.decision_text else None


def folder(parent: Node, f: Folder, ctx: Context) -> None:
    r = f.first
    meeting = r.meeting
    m = parent.typed("mappe", "moetemappe" if meeting else "saksmappe")
    m.add("systemID", system_id(f.key))
    m.add(
        "mappeID",
        f"{f.year}/{f.sequence}" if not meeting else f"{meeting.date.year}/{meeting.number}",
    )
    m.add("tittel", r.case_title)
    hidden = r.restricted and meeting is None
    if hidden:
        m.add("offentligTittel", r.public_title or codes.SKJERMING_DESCRIPTION)
    _stamps(m, min(x.created_at for x in f.records), ctx)
    if hidden:
        _skjerming(m)
    for x in f.records:
        _registration(m, x, ctx)
    if meeting is not None:
        m.add("moetenummer", meeting.number)
        m.add("utvalg", meeting.body_name)
        m.add("moetedato", meeting.date)
        m.opt("moetested", meeting.place)
        for p in meeting.participants:
            d = m.add("moetedeltaker")
            d.add("moetedeltakerNavn", p.name)
            function = codes.PARTICIPANT_FUNCTIONS.get(p.function or "", p.function)
            described = ", ".join(x for x in (function, p.represents) if x and not blank(x))
            if described:  # Noark 5 has no "representerer": "Medlem, Politiet"
                d.add("moetedeltakerFunksjon", described)
    else:
        m.add("saksaar", f.year)
        m.add("sakssekvensnummer", f.sequence)
        m.add("saksdato", r.record_date)
        m.add("administrativEnhet", ctx.settings.administrative_unit or "SLT")
        m.add("saksansvarlig", ctx.settings.case_officer or "SLT-koordinator")
        m.add("saksstatus", NOARK_CODES["saksstatus"])


def arkivstruktur(
    folders: list[Folder], ctx: Context, progress: Callable[[int], None]
) -> etree._Element:
    s = ctx.settings
    root_el = etree.Element(f"{{{N5}}}arkiv", nsmap={None: N5, "xsi": XSI})
    root = Node(root_el, N5)
    root.add("systemID", system_id("arkiv", str(s.unit_id)))
    root.add("tittel", "Samordna – SLT-arkiv")
    root.add("arkivstatus", "Avsluttet")
    _stamps(root, ctx.now, ctx)
    creator = root.add("arkivskaper")
    creator.add("arkivskaperID", str(s.unit_id))
    creator.add("arkivskaperNavn", s.administrative_unit or "SLT")
    part = root.add("arkivdel")
    part.add("systemID", system_id("arkivdel", str(s.unit_id), s.archive_part or ""))
    part.add("tittel", s.archive_part or "Samordna")
    part.add("arkivdelstatus", NOARK_CODES["arkivdelstatus"])
    _stamps(part, ctx.now, ctx)
    part.add("arkivperiodeStartDato", ctx.period.start)
    part.add("arkivperiodeSluttDato", ctx.period.end)
    holder = part
    if s.class_id:
        system = part.add("klassifikasjonssystem")
        system.add(
            "systemID",
            system_id("klassifikasjonssystem", str(s.unit_id), s.classification_system or ""),
        )
        system.add("tittel", s.classification_system or "Klassifikasjon")
        _stamps(system, ctx.now, ctx, closed=False)
        holder = system.add("klasse")
        holder.add("systemID", system_id("klasse", str(s.unit_id), s.class_id))
        holder.add("klasseID", s.class_id)
        holder.add("tittel", s.class_id)
        _stamps(holder, ctx.now, ctx, closed=False)
    for f in folders:
        folder(holder, f, ctx)
        progress(len(f.records))
    return root_el
