"""Archive integration: which change enqueues an agreement, an evaluation, a plan and a measure
(migration 0013's triggers, written as the app role in the unit's transaction) — and that every
record the demo's finished records enqueued loads through the record source and becomes a message
the official XSD accepts, with intact checksums, and is delivered once."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import sqlalchemy as sa

from adapters.archive.arkivmelding import FiksArkivMessageBuilder
from adapters.archive.http_transport import HttpTransport
from adapters.postgres import connection as tx
from adapters.postgres.archive.queue import PgDeliveryQueue
from adapters.postgres.database import make_engine
from api import bootstrap
from domain.archive.delivery import Deliverer
from tests.archive_receiver import ArchiveReceiver
from tests.fakes.clock import FakeClock
from tests.integration.archive.support import UNIT, enable, outbox

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


async def _as_app(database, *statements: tuple[str, dict[str, Any]]) -> None:
    engine = make_engine(database.app, pool_size=1, autocommit=True)
    try:
        async with engine.connect() as conn:
            await tx.begin(conn, UNIT)
            for sql, params in statements:
                await conn.execute(sa.text(sql), params)
            await tx.commit(conn)
    finally:
        await engine.dispose()


def _document(aid: UUID, content: bytes) -> tuple[str, dict[str, Any]]:
    return (
        "INSERT INTO agreement_document (agreement_id, unit_id, filename, media_type, size_bytes,"
        " sha256, pdfa, uploaded_at, content) VALUES (:a, :u, 'avtale.pdf', 'application/pdf',"
        " :n, :h, false, now(), :c) ON CONFLICT (agreement_id) DO UPDATE SET content = :c,"
        " sha256 = :h, size_bytes = :n",
        {"a": aid, "u": UNIT, "n": len(content), "h": hashlib.sha256(content).hexdigest(),
         "c": content},
    )  # fmt: skip


async def test_an_agreement_enqueues_when_final_archive_worthy_and_signed(
    demo, admin_engine, database
):
    aid = uuid4()
    insert = (
        "INSERT INTO agreement (id, unit_id, kind, title, signed_on, valid_until, review_on,"
        " documentation_status, archive_worthy) VALUES (:a, :u, 'police_council',"
        " 'Politirådsavtale 2026', '2026-01-15', '2029-12-31', '2029-09-30', 'in_progress', true)",
        {"a": aid, "u": UNIT},
    )
    await _as_app(database, insert, _document(aid, PDF))
    assert await outbox(admin_engine, subject_id=aid) == []  # signed, but not final
    final = ("UPDATE agreement SET documentation_status = 'final' WHERE id = :a", {"a": aid})
    await _as_app(database, final)
    [row] = await outbox(admin_engine, subject_id=aid)
    assert row["record_version"] == hashlib.sha256(PDF).hexdigest()
    assert row["key"] == f"agreement/{aid}"
    edit = ("UPDATE agreement SET title = 'Politirådsavtale 2026-2029' WHERE id = :a", {"a": aid})
    await _as_app(database, edit, _document(aid, PDF))  # same signed document: nothing new
    assert len(await outbox(admin_engine, subject_id=aid)) == 1
    await _as_app(database, _document(aid, PDF + b"%signed again\n"))  # a new signed document
    rows = await outbox(admin_engine, subject_id=aid)
    assert len(rows) == 2 and rows[0]["key"] == rows[1]["key"]
    unworthy = ("UPDATE agreement SET archive_worthy = false WHERE id = :a", {"a": aid})
    await _as_app(database, unworthy, _document(aid, PDF + b"%third\n"))
    assert len(await outbox(admin_engine, subject_id=aid)) == 2


async def test_every_demo_record_becomes_a_valid_message_and_is_delivered(
    demo, admin_engine, settings, database, container
):
    await bootstrap.load_demo(settings, database, measures=True)
    every = await outbox(admin_engine, unit_id=UNIT)
    rows = [r for r in every if r["status"] == "pending"]
    assert {"minutes", "action_plan", "evaluation", "measure"} <= {r["record_kind"] for r in every}
    builder = FiksArkivMessageBuilder()
    with_pdf: set[tuple[str, UUID]] = set()
    async with container.archive_uow(UNIT) as uow:
        settings_ = await uow.settings.get()
        for r in every:
            record = await uow.records.load(r["record_kind"], r["record_id"], r["part_id"])
            assert record is not None, r["key"]
            package = builder.build(record, settings_)  # validated against the XSD inside
            assert all(d.intact for d in package.files)
            if any(d.content.startswith(b"%PDF-") for d in record.documents):
                with_pdf.add((r["record_kind"], r["subject_id"]))
    assert {
        ("action_plan", r["subject_id"]) for r in every if r["record_kind"] == "action_plan"
    } <= with_pdf
    assert {
        ("minutes", r["subject_id"]) for r in every if r["record_kind"] == "minutes"
    } <= with_pdf
    receiver = ArchiveReceiver()
    transport = HttpTransport(
        "http://archive.test/arkiv", transport=httpx.ASGITransport(app=receiver)
    )
    clock = FakeClock(datetime.now(UTC) + timedelta(seconds=1))
    await enable(admin_engine)
    d = Deliverer(PgDeliveryQueue(container.connections), container.archive_uow, builder,
                  transport, clock, batch=50)  # fmt: skip
    while (await d.run_once(clock.now())).claimed:
        pass
    after = await outbox(admin_engine, unit_id=UNIT)
    pending_keys = {r["key"] for r in rows}
    assert all(r["status"] == "delivered" for r in after if r["key"] in pending_keys)
    assert receiver.posts == len(rows) == len(receiver.registrations)  # each once
