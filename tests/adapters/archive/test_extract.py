"""Archive adapter tests room: the Noark 5 deposit extract — arkivstruktur.xml, endringslogg.xml and
arkivuttrekk.xml validate against Noark 5 v5.0 and ADDML 8.3 (the XSDs inside the zip), the
documents under DOKUMENT/ match their checksums, progress is reported per record."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from lxml import etree

from adapters.archive.extract.writer import NoarkExtractWriter
from domain.archive.extracts import Period
from domain.archive.records import ArchiveRecord, RecordKind
from domain.archive.settings import ArchiveSettings
from tests.unit.archive.samples import case_record, meeting, minutes_item, pdf

N5 = {"n": "http://www.arkivverket.no/standarder/noark5/arkivstruktur"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
PERIOD = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
SETTINGS = ArchiveSettings(
    unit_id=UUID(int=7), enabled=True, classification_system="ARKNOKKEL", class_id="026",
    archive_part="SLT", administrative_unit="Oppvekst", case_officer="SLT-koordinator",
)  # fmt: skip


def records() -> list[ArchiveRecord]:
    mt = meeting()
    version = uuid4()
    items = [minutes_item(mt, n, version_id=version, restricted=n == 2) for n in (1, 2)]
    protocol = replace(
        minutes_item(mt, 0, version_id=version, documents=(replace(pdf("protokoll.pdf", "Protokoll"), restricted=True),)),
        part_id=None, item=None,
    )  # fmt: skip
    correction = replace(protocol, record_id=uuid4(), version=2)
    cases = [
        case_record(RecordKind.ACTION_PLAN, documents=(pdf("plan.pdf"),)),
        case_record(RecordKind.AGREEMENT, documents=(pdf("avtale.pdf"), pdf("bilag.pdf"))),
        case_record(RecordKind.EVALUATION, restricted=True, documents=(pdf("rapport.pdf"),)),
        case_record(RecordKind.MEASURE),
    ]
    return [*items, protocol, correction, *cases]


def extract(
    rs: list[ArchiveRecord], settings: ArchiveSettings = SETTINGS
) -> tuple[zipfile.ZipFile, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    out = io.BytesIO()
    NoarkExtractWriter(NOW).write(rs, settings, PERIOD, out, lambda d, t: seen.append((d, t)))
    return zipfile.ZipFile(out), seen


def validate_inside(z: zipfile.ZipFile, tmp: Path, xml: str, xsd: str) -> etree._Element:
    """Validate with the XSDs the extract itself carries (unpacked side by side)."""
    z.extractall(tmp)
    schema = etree.XMLSchema(etree.parse(str(tmp / xsd)))
    doc = etree.parse(str(tmp / xml))
    assert schema.validate(doc), schema.error_log
    return doc.getroot()


@pytest.mark.parametrize(
    "settings", [SETTINGS, ArchiveSettings(unit_id=UUID(int=8))], ids=["classified", "bare"]
)
def test_the_extract_validates_against_noark5_and_addml(
    tmp_path: Path, settings: ArchiveSettings
) -> None:
    z, seen = extract(records(), settings)
    names = set(z.namelist())
    assert {"arkivstruktur.xml", "endringslogg.xml", "arkivuttrekk.xml", "arkivstruktur.xsd",
            "metadatakatalog.xsd", "endringslogg.xsd", "addml.xsd"} <= names  # fmt: skip
    root = validate_inside(z, tmp_path, "arkivstruktur.xml", "arkivstruktur.xsd")
    validate_inside(z, tmp_path, "endringslogg.xml", "endringslogg.xsd")
    addml = validate_inside(z, tmp_path, "arkivuttrekk.xml", "addml.xsd")
    assert seen[-1] == (8, 8) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    folders = root.findall(".//n:mappe", N5)
    assert sorted(f.get(XSI_TYPE) for f in folders) == ["moetemappe", *["saksmappe"] * 4]
    meeting_folder = next(f for f in folders if f.get(XSI_TYPE) == "moetemappe")
    regs = meeting_folder.findall("n:registrering", N5)
    assert [r.findtext("n:moeteregistreringstype", namespaces=N5) for r in regs] == [
        "Saksprotokoll", "Saksprotokoll", "Møteprotokoll", "Møteprotokoll",
    ]  # fmt: skip
    # the XML files' checksums in ADDML match
    text = etree.tostring(addml).decode()
    for name in ("arkivstruktur.xml", "endringslogg.xml"):
        assert hashlib.sha256(z.read(name)).hexdigest() in text


def test_documents_are_in_the_zip_with_their_checksums() -> None:
    z, _ = extract(records())
    root = etree.fromstring(z.read("arkivstruktur.xml"))
    objects = root.findall(".//n:dokumentobjekt", N5)
    assert len(objects) == 6
    for o in objects:
        path = o.findtext("n:referanseDokumentfil", namespaces=N5)
        assert path.startswith("DOKUMENT/")
        content = z.read(path)
        assert hashlib.sha256(content).hexdigest() == o.findtext("n:sjekksum", namespaces=N5)
        assert o.findtext("n:filstoerrelse", namespaces=N5) == str(len(content))
    assert len([n for n in z.namelist() if n.startswith("DOKUMENT/")]) == 6


def test_numbers_keys_and_skjerming() -> None:
    z, _ = extract(records())
    root = etree.fromstring(z.read("arkivstruktur.xml"))
    cases = [f for f in root.findall(".//n:mappe", N5) if f.get(XSI_TYPE) == "saksmappe"]
    assert [c.findtext("n:sakssekvensnummer", namespaces=N5) for c in cases] == ["1", "2", "3", "4"]
    assert {c.findtext("n:saksaar", namespaces=N5) for c in cases} == {"2025"}
    screened = root.findall(".//n:dokumentbeskrivelse/n:skjerming/n:skjermingDokument", N5)
    assert sorted(e.text for e in screened) == [
        "Deler av dokumentet",
        "Deler av dokumentet",
        "Hele dokumentet",
    ]
    restricted = [c for c in cases if c.find("n:skjerming", N5) is not None]
    assert len(restricted) == 1
    assert restricted[0].findtext("n:offentligTittel", namespaces=N5) == "Unntatt offentlighet"
    assert (
        restricted[0].findtext("n:skjerming/n:skjermingshjemmel", namespaces=N5)
        == "Offl. § 13 jf. fvl. § 13"
    )
    # stable: the same records make the same structure, systemIDs included
    rs = records()
    assert extract(rs)[0].read("arkivstruktur.xml") == extract(rs)[0].read("arkivstruktur.xml")
    changes = etree.fromstring(z.read("endringslogg.xml"))
    assert len(changes) == 2  # the extraction closing the part, and the corrected protocol


def test_an_empty_period_is_a_valid_extract(tmp_path: Path) -> None:
    z, seen = extract([])
    validate_inside(z, tmp_path, "arkivstruktur.xml", "arkivstruktur.xsd")
    validate_inside(z, tmp_path, "endringslogg.xml", "endringslogg.xsd")
    validate_inside(z, tmp_path, "arkivuttrekk.xml", "addml.xsd")
    assert seen == [(0, 0)]
