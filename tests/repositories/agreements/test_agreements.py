"""Agreements through the ports, on the fakes and on PostgreSQL alike: round trip with parties in
order, versions, the derived-status filter, documents in the transaction, tenancy."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from domain.agreements.agreement import AgreementStatus
from domain.agreements.document import inspect
from domain.agreements.filters import AgreementFilter
from domain.shared.errors import Conflict, NotFound, StaleVersion, ValidationFailed
from domain.shared.pagination import PageRequest
from tests.repositories.agreements.conftest import AgreementBackend
from tests.unit.agreements.conftest import PDF

AT = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


async def test_round_trip_keeps_parties_in_order(ab: AgreementBackend) -> None:
    a = ab.agreement(party_ids=tuple(reversed([o.id for o in ab.parties])))
    await ab.store(a)
    async with ab.factory(ab.unit) as uow:
        assert await uow.agreements.get(a.id) == a
        assert list(await uow.agreements.get_many([a.id])) == [a]


async def test_update_moves_the_version_and_replaces_parties(ab: AgreementBackend) -> None:
    a = ab.agreement()
    await ab.store(a)
    b = dataclasses.replace(a, title="Ny", party_ids=tuple(reversed(a.party_ids)), version=2)
    async with ab.factory(ab.unit) as uow:
        await uow.agreements.update(b, 1)
        await uow.commit()
    async with ab.factory(ab.unit) as uow:
        assert await uow.agreements.get(a.id) == b
        with pytest.raises(StaleVersion):
            await uow.agreements.update(dataclasses.replace(b, version=3), 1)


async def test_parties_of_another_unit_are_refused(ab: AgreementBackend) -> None:
    a = ab.agreement(unit_id=ab.other)
    async with ab.factory(ab.other) as uow:
        with pytest.raises((Conflict, ValidationFailed)):
            await uow.agreements.add(a)


async def test_status_filter_and_order(ab: AgreementBackend) -> None:
    active = ab.agreement(title="Aktiv")
    due = ab.agreement(title="Snart", valid_until=date(2026, 5, 1), review_on=date(2026, 2, 1))
    gone = ab.agreement(
        title="Ute", signed_on=date(2020, 1, 1), valid_until=date(2024, 1, 1),
        review_on=date(2023, 10, 1),
    )  # fmt: skip
    await ab.store(active, due, gone)
    today = date(2026, 3, 14)
    async with ab.factory(ab.unit) as uow:
        page = await uow.agreements.list(AgreementFilter(), today, PageRequest())
        assert [a.title for a in page.items] == ["Ute", "Snart", "Aktiv"]
        for status, title in (
            (AgreementStatus.ACTIVE, "Aktiv"),
            (AgreementStatus.DUE_FOR_REVIEW, "Snart"),
            (AgreementStatus.EXPIRED, "Ute"),
        ):
            f = AgreementFilter(status=status)
            assert [
                a.title for a in (await uow.agreements.list(f, today, PageRequest())).items
            ] == [title]
        two = await uow.agreements.list(AgreementFilter(), today, PageRequest(limit=2))
        assert two.total == 3 and two.next_cursor is not None


async def test_documents_commit_or_vanish_with_the_transaction(ab: AgreementBackend) -> None:
    a = ab.agreement()
    await ab.store(a)
    doc = inspect(PDF)
    async with ab.factory(ab.unit) as uow:
        await uow.documents.put(a.id, "avtale.pdf", doc, AT)
        # no commit: the rollback
    async with ab.factory(ab.unit) as uow:
        assert await uow.documents.content(a.id) is None
        assert (await uow.agreements.get(a.id)).document is None
        await uow.documents.put(a.id, "avtale.pdf", doc, AT)
        await uow.commit()
    async with ab.factory(ab.unit) as uow:
        assert await uow.documents.content(a.id) == PDF
        info = (await uow.agreements.get(a.id)).document
        assert info is not None
        assert (info.filename, info.size, info.sha256) == ("avtale.pdf", len(PDF), doc.sha256)
    async with ab.factory(ab.other) as uow:
        assert await uow.documents.content(a.id) is None
        with pytest.raises(NotFound):
            await uow.agreements.get(a.id)
        assert (await uow.agreements.list(AgreementFilter(), AT.date(), PageRequest())).total == 0
    async with ab.factory(ab.unit) as uow:
        await uow.agreements.delete(a.id, 1)
        await uow.commit()
    async with ab.factory(ab.unit) as uow:
        assert await uow.documents.content(a.id) is None
