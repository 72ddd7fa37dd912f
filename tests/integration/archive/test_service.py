"""Archive integration: the ``ArchiveService`` the doors call (``Container.archive``) on PostgreSQL —
a record's status by its page's id (the meeting for minutes) before and after delivery, the
settings by version, and an extract job that runs to a zip with its progress stored."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.http_transport import HttpTransport
from adapters.postgres.archive.queue import PgDeliveryQueue
from domain.archive.delivery import Deliverer
from domain.archive.extracts import ExtractStatus
from domain.archive.records import RecordKind
from domain.archive.settings import SettingsChanges
from domain.archive.status import ArchiveState
from domain.shared.principal import Principal, PrincipalKind, Role
from tests.api.meetings.support import KARI, headers
from tests.archive_receiver import ArchiveReceiver
from tests.fakes.clock import FakeClock
from tests.integration.archive.support import UNIT, approvable, approve

COORDINATOR = Principal(
    kind=PrincipalKind.PERSON, subject_key="test-kari", unit_id=UNIT, display_name="Kari",
    roles=frozenset({Role.COORDINATOR}), person_id=KARI,
)  # fmt: skip


async def test_status_settings_delivery_and_an_extract_through_the_service(client, container):
    h = await headers(client)
    mid, _ = await approvable(client, h, items=2)
    assert (await approve(client, h, mid)).status_code == 200
    service = container.archive
    status = await service.record_status(COORDINATOR, RecordKind.MINUTES, UUID(mid))
    assert status.state is ArchiveState.NOT_CONFIGURED and len(status.messages) == 2

    current = await service.settings(COORDINATOR)
    on = SettingsChanges.of(enabled=True, classification_system="ARKNOKKEL", class_id="026")
    saved = await service.update_settings(COORDINATOR, on, current.version)
    assert saved.enabled and saved.version == current.version + 1
    assert (await service.record_status(COORDINATOR, RecordKind.MINUTES, UUID(mid))).state is (
        ArchiveState.WAITING
    )

    receiver = ArchiveReceiver()
    transport = HttpTransport("http://a.test/arkiv", transport=httpx.ASGITransport(app=receiver))
    clock = FakeClock(datetime.now(UTC) + timedelta(seconds=1))
    d = Deliverer(PgDeliveryQueue(container.connections), container.archive_uow,
                  FiksArkivMessageBuilder(), transport, clock, batch=50)  # fmt: skip
    while (await d.run_once(clock.now())).claimed:
        pass
    done = await service.record_status(COORDINATOR, RecordKind.MINUTES, UUID(mid))
    assert done.state is ArchiveState.DELIVERED
    assert all(m.receipt and m.receipt.registrering_system_id for m in done.messages)

    today = datetime.now(UTC).date()
    job = await service.start_extract(COORDINATOR, today - timedelta(days=1), today)
    assert job.status is ExtractStatus.QUEUED
    finished = await service.run_extract(UNIT, job.id)
    assert finished.status is ExtractStatus.DONE and finished.done == finished.total >= 2
    stored = await service.extract_job(COORDINATOR, job.id)
    assert stored.status is ExtractStatus.DONE and stored.size
    _, content = await service.extract_content(COORDINATOR, job.id)
    assert len(content) == stored.size
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        assert "arkivstruktur.xml" in z.namelist()
