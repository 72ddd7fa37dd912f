"""Archive adapter tests room: every arkivmelding message type validates against the official
FIKS Arkiv XSD, with the keys, skjerming, checksums and the subtype fields an archivist expects."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from uuid import UUID

import pytest
from lxml import etree

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.schemas import ARKIVMELDING_XSD, schema
from adapters.archive.xml import AM, MDK, XSI
from domain.archive.keys import document_key, mappe_key, registration_key
from domain.archive.records import ArchiveRecord, RecordKind
from domain.archive.settings import ArchiveSettings
from tests.unit.archive.samples import case_record, meeting, minutes_item, pdf

NS = {"a": AM, "n": MDK}
SETTINGS = ArchiveSettings(
    unit_id=UUID(int=1), enabled=True, classification_system="ARKNOKKEL", class_id="026",
    archive_part="SLT", administrative_unit="Kommunalavdeling oppvekst", case_officer="SLT-koordinator",
)  # fmt: skip
BUILDER = FiksArkivMessageBuilder()


def parsed(record: ArchiveRecord, settings: ArchiveSettings = SETTINGS) -> etree._Element:
    package = BUILDER.build(record, settings)
    doc = etree.fromstring(package.arkivmelding)
    assert schema(ARKIVMELDING_XSD).validate(doc), schema(ARKIVMELDING_XSD).error_log
    assert package.key == registration_key(record)
    return doc


def xsi_type(doc: etree._Element, name: str) -> str:
    return str(doc.find(f"a:{name}", NS).get(f"{{{XSI}}}type"))


def keys_in(doc: etree._Element) -> list[str]:
    return [e.text for e in doc.iterfind(".//n:noekkel", NS)]


MINUTES_DOC = pdf("protokoll.pdf", "Protokoll")
CASES = {
    "moetemappe+moetesak": (minutes_item(meeting()), "moetemappe", "moetesak"),
    "moetemappe+moetesak with the minutes": (
        minutes_item(meeting(), documents=(MINUTES_DOC,)), "moetemappe", "moetesak",
    ),
    "moetemappe+moetedokument": (
        replace(minutes_item(meeting(), documents=(MINUTES_DOC,)), part_id=None, item=None),
        "moetemappe", "moetedokument",
    ),
    **{
        f"{kind.value}: saksmappe+journalpost": (
            case_record(kind, documents=(pdf(),)), "saksmappe", "journalpost",
        )
        for kind in RecordKind if kind is not RecordKind.MINUTES
    },
    **{
        f"{kind.value}: saksmappe+arkivnotat": (case_record(kind), "saksmappe", "arkivnotat")
        for kind in RecordKind if kind is not RecordKind.MINUTES
    },
    "restricted saksmappe+journalpost": (
        case_record(RecordKind.EVALUATION, documents=(pdf(),), restricted=True), "saksmappe", "journalpost",
    ),
    "restricted moetesak": (minutes_item(meeting(), restricted=True), "moetemappe", "moetesak"),
    "no settings at all": (case_record(RecordKind.MEASURE), "saksmappe", "arkivnotat"),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_every_message_type_validates(case: str) -> None:
    record, mappe, registrering = CASES[case]
    settings = ArchiveSettings(unit_id=UUID(int=1)) if case == "no settings at all" else SETTINGS
    doc = parsed(record, settings)
    assert (xsi_type(doc, "mappe"), xsi_type(doc, "registrering")) == (mappe, registrering)
    assert doc.findtext("a:system", namespaces=NS) == "Samordna"
    assert doc.findtext("a:antallFiler", namespaces=NS) == str(len(record.documents))
    # the key on the mappe, the registrering (and its parent reference) and every document
    expected = [mappe_key(record), mappe_key(record)]
    expected += [document_key(record, n) for n in range(1, len(record.documents) + 1)]
    expected += [registration_key(record)]
    assert keys_in(doc) == expected
    assert {e.text for e in doc.iterfind(".//n:fagsystem", NS)} == {"Samordna"}


def test_the_meeting_fields_and_the_decision() -> None:
    record = minutes_item(meeting(), 3)
    doc = parsed(record)
    m = doc.find("a:mappe", NS)
    assert m.findtext("a:moetenummer", namespaces=NS) == "2025-02"
    assert m.findtext("a:utvalg/n:navn", namespaces=NS) == "Styringsgruppen for SLT"
    assert m.findtext("a:moetedato", namespaces=NS) == "2025-03-10"
    assert m.findtext("a:moetested", namespaces=NS) == "Rådhuset, møterom 3"
    functions = [e.text for e in m.iterfind("a:moetedeltaker/n:funksjon/n:kode", NS)]
    assert functions == ["LEDER", "MEDL"]
    represented = [e.text for e in m.iterfind("a:moetedeltaker/n:representerer/n:navn", NS)]
    assert represented == ["Barnevernet", "Politiet"]
    assert m.findtext("a:arkivdel/n:kode", namespaces=NS) == "SLT"
    assert m.findtext("a:klassifikasjon/a:klasseID", namespaces=NS) == "026"
    r = doc.find("a:registrering", NS)
    assert r.findtext("a:moetesakstype/n:kode", namespaces=NS) == "AN"
    assert (
        r.findtext("a:moetesaksaar", namespaces=NS),
        r.findtext("a:moetesakssekvensnummer", namespaces=NS),
    ) == ("2025", "3")
    assert r.findtext("a:vedtak/a:vedtakstekst/n:tekstInnhold", namespaces=NS).startswith(
        "Styringsgruppen"
    )
    assert r.findtext("a:vedtak/a:dato", namespaces=NS) == "2025-03-10T00:00:00"
    assert r.find("a:skjerming", NS) is None and r.find("a:offentligTittel", NS) is None


def test_documents_carry_sha256_size_and_format() -> None:
    record = case_record(
        RecordKind.AGREEMENT, documents=(pdf("Avtale 2025 (signert).pdf"), pdf("bilag.pdf"))
    )
    package = BUILDER.build(record, SETTINGS)
    assert [f.filename for f in package.files] == ["1-Avtale-2025-signert-.pdf", "2-bilag.pdf"]
    doc = etree.fromstring(package.arkivmelding)
    objs = list(doc.iterfind(".//a:dokumentobjekt", NS))
    assert [o.findtext("a:referanseDokumentfil", namespaces=NS) for o in objs] == [
        f.filename for f in package.files
    ]
    for o, f in zip(objs, package.files, strict=True):
        assert o.findtext("a:sjekksum", namespaces=NS) == hashlib.sha256(f.content).hexdigest()
        assert o.findtext("a:sjekksumAlgoritme", namespaces=NS) == "SHA256"
        assert o.findtext("a:filstoerrelse", namespaces=NS) == str(len(f.content))
    roles = [e.text for e in doc.iterfind(".//a:tilknyttetRegistreringSom/n:kode", NS)]
    assert roles == ["H", "V"]
    assert doc.findtext(".//a:journalposttype/n:kode", namespaces=NS) == "X"
    assert doc.findtext(".//a:antallVedlegg", namespaces=NS) == "1"


def test_a_restricted_record_carries_skjerming_and_a_public_title() -> None:
    record = case_record(RecordKind.EVALUATION, documents=(pdf(),), restricted=True)
    doc = parsed(record)
    for path in ("a:mappe", "a:registrering", "a:registrering/a:dokumentbeskrivelse"):
        s = doc.find(f"{path}/a:skjerming", NS)
        assert s is not None, path
        assert s.findtext("a:tilgangsrestriksjon/n:kode", namespaces=NS) == "13"
        assert s.findtext("a:skjermingshjemmel", namespaces=NS) == "Offl. § 13 jf. fvl. § 13"
    assert doc.findtext("a:mappe/a:offentligTittel", namespaces=NS) == "Unntatt offentlighet"
    assert doc.findtext("a:registrering/a:offentligTittel", namespaces=NS) == "Unntatt offentlighet"
    assert (
        doc.findtext(".//a:dokumentbeskrivelse/a:tittel", namespaces=NS) == "Unntatt offentlighet"
    )


def test_the_same_record_builds_the_same_message() -> None:
    record = minutes_item(meeting(), documents=(MINUTES_DOC,))
    assert BUILDER.build(record, SETTINGS) == BUILDER.build(record, SETTINGS)


def test_a_protocol_naming_a_restricted_item_is_screened_on_its_own() -> None:
    protocol = replace(MINUTES_DOC, restricted=True)
    doc = parsed(minutes_item(meeting(), documents=(protocol,)))
    assert doc.find("a:registrering/a:skjerming", NS) is None
    assert doc.find("a:registrering/a:offentligTittel", NS) is None
    s = doc.find("a:registrering/a:dokumentbeskrivelse/a:skjerming", NS)
    assert (
        s is not None
        and s.findtext("a:skjermingshjemmel", namespaces=NS) == "Offl. § 13 jf. fvl. § 13"
    )
