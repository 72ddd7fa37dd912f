"""Archive adapter tests room: real minutes, end to end — a meeting walked to approval over HTTP
with a marked restricted layer, read back by the PostgreSQL record source, built into every
arkivmelding and a deposit extract: the marker is in no XML, no file and no PDF text; the first
item (the one with restricted text) is screened; the protocol that travels is a PDF/A-2b."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from uuid import UUID

from lxml import etree
from pypdf import PdfReader

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.extract.writer import NoarkExtractWriter
from adapters.archive.xml import AM, XSI
from domain.archive.extracts import Period
from domain.archive.records import ArchiveRecord, RecordKind
from tests.api.meetings.support import headers
from tests.integration.archive.support import RESTRICTED, UNIT, approvable, approve, outbox
from tests.integration.documents.test_open_minutes_pdf import text_of


async def test_the_restricted_layer_of_real_minutes_never_leaves(client, admin_engine, container):
    h = await headers(client)
    mid, items = await approvable(client, h, items=2)
    assert (await approve(client, h, mid)).status_code == 200
    rows = await outbox(admin_engine, subject_id=UUID(mid))
    records: list[ArchiveRecord] = []
    async with container.archive_uow(UNIT) as uow:
        for row in rows:
            r = await uow.records.load(
                RecordKind(row["record_kind"]), row["record_id"], row["part_id"]
            )
            assert r is not None
            records.append(r)
    assert RESTRICTED not in repr(records)
    settings = await _settings(container)
    builder = FiksArkivMessageBuilder()
    screened = []
    for r in records:
        package = builder.build(r, settings)
        assert RESTRICTED.encode() not in package.arkivmelding
        for f in package.files:
            assert RESTRICTED.encode() not in f.content and RESTRICTED not in text_of(f.content)
        reg = etree.fromstring(package.arkivmelding).find(f"{{{AM}}}registrering")
        assert reg.get(f"{{{XSI}}}type") == "moetesak"
        screened.append(reg.find(f"{{{AM}}}skjerming") is not None)
    assert screened == [r.part_id == UUID(items[0]) for r in records]
    out = io.BytesIO()
    NoarkExtractWriter().write(
        records, settings, Period(start=date(2000, 1, 1), end=date(2100, 1, 1)), out
    )
    z = zipfile.ZipFile(out)
    for name in z.namelist():
        content = z.read(name)
        assert RESTRICTED.encode() not in content, name
        if name.startswith("DOKUMENT/"):
            assert RESTRICTED not in text_of(content)
    [protocol] = [d for r in records for d in r.documents]
    xmp = (
        PdfReader(io.BytesIO(protocol.content))
        .trailer["/Root"]["/Metadata"]
        .get_object()
        .get_data()
        .decode()
    )
    assert re.search(r'pdfaid:part="2"|<pdfaid:part>2</pdfaid:part>', xmp)


async def _settings(container):  # type: ignore[no-untyped-def]
    async with container.archive_uow(UNIT) as uow:
        return await uow.settings.get()
