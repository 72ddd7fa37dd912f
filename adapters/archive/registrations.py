"""Archive adapters room: the arkivmelding's registrering — moetesak (with vedtak), moetedokument,
journalpost or arkivnotat — and its dokumentbeskrivelser with checksummed dokumentobjekter."""

from __future__ import annotations

from datetime import datetime, time

from adapters.archive import codes
from adapters.archive.blanks import blank
from adapters.archive.xml import MDK, Node
from domain.archive.keys import FAGSYSTEM, document_key, mappe_key, registration_key
from domain.archive.records import ArchiveDocument, ArchiveRecord
from domain.archive.settings import ArchiveSettings


def skjerming(node: Node) -> None:
    """Offl. § 13 jf. fvl. § 13 (taushetsplikt), as the mappe, registrering or document's own."""
    s = node.add("skjerming")
    s.code("tilgangsrestriksjon", codes.SKJERMING_CODE, codes.SKJERMING_DESCRIPTION)
    s.add("skjermingshjemmel", codes.SKJERMING_HJEMMEL)


def classification(node: Node, settings: ArchiveSettings) -> None:
    """The unit's klassifikasjon, when it set a class."""
    if settings.class_id:
        k = node.add("klassifikasjon")
        k.opt("klassifikasjonssystemID", settings.classification_system)
        k.add("klasseID", settings.class_id)


def _document(reg: Node, record: ArchiveRecord, doc: ArchiveDocument, number: int) -> None:
    d = reg.add("dokumentbeskrivelse")
    d.code("dokumenttype", *codes.DOCUMENT_TYPES[record.kind])
    d.code("dokumentstatus", *codes.FINISHED_DOCUMENT)
    title = record.title if blank(doc.title) else doc.title
    d.add("tittel", record.public_title if record.restricted and record.public_title else title)
    d.opt("forfatter", record.author)
    d.add("opprettetDato", record.created_at)
    d.code("tilknyttetRegistreringSom", *(codes.MAIN_DOCUMENT if number == 1 else codes.ATTACHMENT))
    d.add("dokumentnummer", number)
    if record.restricted or doc.restricted:
        skjerming(d)
    o = d.add("dokumentobjekt")
    o.add("versjonsnummer", 1)
    o.code("variantformat", *codes.variant(doc))
    o.code("format", *codes.file_format(doc))
    o.add("mimeType", doc.media_type)
    o.add("filnavn", doc.filename)
    o.add("referanseDokumentfil", doc.filename)
    o.add("sjekksum", doc.sha256)
    o.add("sjekksumAlgoritme", "SHA256")
    o.add("filstoerrelse", len(doc.content))
    d.key("referanseEksternNoekkel", document_key(record, number), FAGSYSTEM)


def _xsi_type(record: ArchiveRecord, files: tuple[ArchiveDocument, ...]) -> str:
    if record.meeting is not None:
        return "moetesak" if record.item is not None else "moetedokument"
    return "journalpost" if files else "arkivnotat"


def registration(
    root: Node, record: ArchiveRecord, settings: ArchiveSettings, files: tuple[ArchiveDocument, ...]
) -> str:
    """Append the registrering; return its key (the package's idempotency key)."""
    kind = _xsi_type(record, files)
    reg = root.typed("registrering", kind)
    reg.add("opprettetDato", record.created_at)
    parent = reg.add("referanseForelderMappe")
    # a referanseTilMappe's children are metadatakatalog elements
    parent.key("referanseEksternNoekkel", mappe_key(record), FAGSYSTEM, ns=MDK)
    if record.restricted:
        skjerming(reg)
    for n, doc in enumerate(files, start=1):
        _document(reg, record, doc, n)
    reg.add("tittel", record.title)
    if record.restricted:
        reg.add("offentligTittel", record.public_title or codes.SKJERMING_DESCRIPTION)
    reg.opt("beskrivelse", record.description)
    reg.opt("forfatter", record.author)
    classification(reg, settings)
    key = registration_key(record)
    reg.key("referanseEksternNoekkel", key, FAGSYSTEM)
    _subtype(reg, kind, record, settings, len(files))
    return key


def _subtype(
    reg: Node, kind: str, record: ArchiveRecord, settings: ArchiveSettings, n_files: int
) -> None:
    if kind == "moetesak" and record.item is not None:
        item = record.item
        reg.code("moetesakstype", *codes.CASE_TYPES.get(item.case_type, ("AN", "Annet")))
        reg.add("moetesaksaar", item.year)
        reg.add("moetesakssekvensnummer", item.sequence)
        if settings.administrative_unit:
            reg.names("administrativEnhet", settings.administrative_unit)
        if item.decision_text:
            v = reg.add("vedtak")
            t = v.add("vedtakstekst")
            t.add("tekstInnhold", item.decision_text, ns=MDK)
            t.add("tekstFormat", ns=MDK).add("kode", codes.PLAIN_TEXT[0], ns=MDK)
            v.add("dato", datetime.combine(item.decision_date or record.record_date, time()))
    elif kind == "moetedokument":
        reg.code("moetedokumenttype", *codes.MINUTES_DOCUMENT)
    elif kind == "journalpost":
        reg.code("journalposttype", *codes.INTERNAL_NO_FOLLOW_UP)
        reg.code("journalstatus", *codes.FINISHED_BY_OFFICER)
        reg.add("dokumentetsDato", record.record_date)
        reg.add("antallVedlegg", max(n_files - 1, 0))
    else:  # arkivnotat
        reg.add("dokumentetsDato", record.record_date)
