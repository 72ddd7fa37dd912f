"""Archive adapter tests room: the drop transport (atomic folders, an existing key answers the same
receipt) and the HTTP transport against the test receiver (kvittering, idempotency, transient
failures, rejections, timeouts) — the error texts carry no record content."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.config import transport_from_setting
from adapters.archive.drop import ANSWER, MESSAGE, DropTransport
from adapters.archive.http_transport import HttpTransport
from domain.archive.keys import folder_name
from domain.archive.ports import Rejected, TransientFailure
from domain.archive.records import ArchivePackage, RecordKind
from domain.archive.settings import ArchiveSettings
from tests.archive_receiver import ArchivedCase, ArchiveReceiver, kvittering_xml
from tests.unit.archive.samples import case_record, meeting, minutes_item, pdf

SETTINGS = ArchiveSettings(unit_id=meeting().meeting_id, enabled=True, class_id="026")
BUILD = FiksArkivMessageBuilder().build


def agreement() -> ArchivePackage:
    return BUILD(case_record(RecordKind.AGREEMENT, documents=(pdf("avtale.pdf"),)), SETTINGS)


async def test_a_drop_is_one_complete_folder_per_key(tmp_path: Path) -> None:
    drop = DropTransport(tmp_path / "drop")
    package = agreement()
    receipt = await drop.send(package)
    assert not receipt.existing
    folder = drop.folder(package.key)
    assert folder.name == folder_name(package.key) and "/" not in folder.name
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [MESSAGE, *(f.filename for f in package.files)]
    )
    assert (folder / MESSAGE).read_bytes() == package.arkivmelding
    assert [p.name for p in (tmp_path / "drop").iterdir()] == [folder.name]  # no temp left over
    again = await drop.send(package)
    assert again.existing and len(list((tmp_path / "drop").iterdir())) == 1


async def test_a_drop_answers_with_the_archives_kvittering_when_its_import_left_one(
    tmp_path: Path,
) -> None:
    drop = DropTransport(tmp_path)
    package = agreement()
    await drop.send(package)
    answer = kvittering_xml(
        mappe=ArchivedCase("0f4e2b8e-8b7e-4c39-9a55-0d2b9f1d6c11", 2026, 9), mappe_key="k",
        mappe_existing=False, registration=None, registration_existing=False,
    )  # fmt: skip
    (drop.folder(package.key) / ANSWER).write_bytes(answer)
    receipt = await drop.send(package)
    assert (receipt.existing, receipt.saksnummer) == (True, "2026/9")


async def test_two_workers_dropping_one_key_leave_one_folder(tmp_path: Path) -> None:
    drop = DropTransport(tmp_path)
    package = BUILD(minutes_item(meeting(), documents=(pdf(),)), SETTINGS)
    receipts = await asyncio.gather(*(drop.send(package) for _ in range(6)))
    assert sum(not r.existing for r in receipts) >= 1
    assert [p.name for p in tmp_path.iterdir()] == [folder_name(package.key)]  # noqa: ASYNC240


async def test_a_drop_on_a_file_is_a_transient_failure(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(TransientFailure) as err:
        await DropTransport(tmp_path / "file").send(agreement())
    assert str(err.value).startswith("drop folder not writable")


def http(receiver: ArchiveReceiver, timeout: float = 5.0) -> HttpTransport:
    return HttpTransport(
        "http://archive.test/arkivmelding",
        timeout=timeout,
        transport=httpx.ASGITransport(app=receiver),
    )


async def test_http_delivers_and_a_resent_key_is_answered_as_existing() -> None:
    receiver = ArchiveReceiver()
    transport = http(receiver)
    package = agreement()
    first = await transport.send(package)
    assert (first.saksnummer, first.journalpostnummer, first.existing) == ("2026/101", "1", False)
    stored = receiver.registrations[package.key]
    assert stored.files == {f.filename: f.content for f in package.files}
    again = await transport.send(package)
    assert again.existing and (again.saksnummer, again.journalpostnummer) == ("2026/101", "1")
    assert len(receiver.registrations) == 1


async def test_http_minutes_items_share_one_meeting() -> None:
    receiver = ArchiveReceiver()
    transport = http(receiver)
    mt = meeting()
    receipts = [await transport.send(BUILD(minutes_item(mt, n), SETTINGS)) for n in (1, 2, 3)]
    assert len(receiver.cases) == 1 and len(receiver.registrations) == 3
    assert len({r.mappe_system_id for r in receipts}) == 1


async def test_http_transient_failures_rejections_and_timeouts() -> None:
    receiver = ArchiveReceiver(fail_next=2)
    transport = http(receiver)
    package = agreement()
    for _ in range(2):
        with pytest.raises(TransientFailure, match=r"^HTTP 503$"):
            await transport.send(package)
    assert not (await transport.send(package)).existing
    receiver.reject = "Tittelen nevner Kari Nordmann"
    with pytest.raises(Rejected) as err:
        await transport.send(agreement())
    assert err.value.reason == "HTTP 400 (feilId UGYLDIG-1)"
    receiver.reject, receiver.delay = None, 1.0
    with pytest.raises(TransientFailure, match=r"^timeout"):
        await http(receiver, timeout=0.05).send(agreement())


async def test_http_unreachable_and_invalid_answers() -> None:
    with pytest.raises(TransientFailure, match=r"^connection failed"):
        await HttpTransport("http://127.0.0.1:9/nothing", timeout=1.0).send(agreement())

    async def teapot(scope: object, receive: object, send: object) -> None:
        from starlette.responses import Response

        await Response(b"<ok/>", status_code=200)(scope, receive, send)  # type: ignore[arg-type]

    transport = HttpTransport("http://archive.test/", transport=httpx.ASGITransport(app=teapot))
    with pytest.raises(TransientFailure, match="without a valid kvittering"):
        await transport.send(agreement())


def test_the_configured_transport() -> None:
    assert isinstance(transport_from_setting(None), DropTransport)
    drop = transport_from_setting("drop:/srv/arkiv")
    assert isinstance(drop, DropTransport) and drop.root == Path("/srv/arkiv")
    for value in ("http:https://arkiv.kommune.no/fiks", "https://arkiv.kommune.no/fiks"):
        sent = transport_from_setting(value)
        assert isinstance(sent, HttpTransport) and sent.url == "https://arkiv.kommune.no/fiks"
    with pytest.raises(ValueError, match="drop:<dir> or http:<url>"):
        transport_from_setting("ftp://x")
