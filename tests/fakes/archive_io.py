"""Fakes room: the archive's outside world in memory — an archive that answers a re-sent key as
existing and can fail or reject (``FakeTransport``), a stand-in message builder and extract writer
(the real ones are ``adapters/archive``)."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from typing import BinaryIO
from uuid import uuid4

from domain.archive.extracts import Period
from domain.archive.keys import outbox_key, registration_key
from domain.archive.messages import Receipt
from domain.archive.ports import Progress, Rejected, TransientFailure
from domain.archive.records import ArchivePackage, ArchiveRecord
from domain.archive.settings import ArchiveSettings


class FakeTransport:
    """An archive in memory: one record per key (a re-sent key answers ``existing``); ``fail_next``
    transient failures, then success; ``reject`` refuses everything with that reason."""

    def __init__(self, *, fail_next: int = 0, reject: str | None = None) -> None:
        self.fail_next = fail_next
        self.reject = reject
        self.received: dict[str, ArchivePackage] = {}
        self.sends = 0

    async def send(self, package: ArchivePackage) -> Receipt:
        self.sends += 1
        if self.reject is not None:
            raise Rejected(self.reject)
        if self.fail_next > 0:
            self.fail_next -= 1
            raise TransientFailure("HTTP 503")
        existing = package.key in self.received
        self.received.setdefault(package.key, package)
        number = list(self.received).index(package.key) + 1
        return Receipt(
            saksnummer=f"2025/{100 + number}", journalpostnummer=str(number),
            mappe_system_id=str(uuid4()), registrering_system_id=str(uuid4()), existing=existing,
        )  # fmt: skip


class FakeMessageBuilder:
    """Builds a stand-in package (the real builder is ``adapters/archive``): the key and the title."""

    def build(self, record: ArchiveRecord, settings: ArchiveSettings) -> ArchivePackage:
        body = f"<arkivmelding key='{registration_key(record)}'/>".encode()
        return ArchivePackage(
            key=registration_key(record), arkivmelding=body, files=record.documents
        )


class FakeExtractWriter:
    """A zip naming each record's key (the real writer is ``adapters/archive``)."""

    def write(
        self,
        records: Sequence[ArchiveRecord],
        settings: ArchiveSettings,
        period: Period,
        out: BinaryIO,
        progress: Progress | None = None,
    ) -> None:
        with zipfile.ZipFile(out, "w") as z:
            z.writestr(
                "records.txt",
                "\n".join(outbox_key(r.kind, r.record_id, r.part_id) for r in records),
            )
        if progress is not None:
            progress(len(records), len(records))
