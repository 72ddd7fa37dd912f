"""Trends PostgreSQL room: the append-only pull log. A person's pull is a row of their own unit
(row-level security); a police system's goes through ``samordna_trend_pull_log`` into the PULLED
unit's log, in the same transaction that served the bytes."""

from __future__ import annotations

from uuid import UUID

from adapters.postgres.organisation.sql import Listing, Reader, Row, keyset
from adapters.postgres.trends.releases import Caller
from domain.knowledge.periods import Period
from domain.shared.pagination import Page, PageRequest
from domain.trends.errors import NotReleased
from domain.trends.model import PullRecord

_PERSON = (
    "INSERT INTO trend_pull (id, unit_id, at, table_code, period, revision, format, person_id,"
    " person_name, cells_released) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
)
_MACHINE = "SELECT samordna_trend_pull_log($1, $2, $3, $4, $5, $6, $7, $8, $9)"
# Newest first under the house's ascending keyset: the sort key counts down with time.
LISTING = Listing(
    columns="id, unit_id, at, table_code, period, revision, format, client_org, consumer_id,"
    " person_id, person_name, cells_released",
    source="trend_pull",
    sort="lpad((9000000000000000 - (extract(epoch FROM at) * 1000000)::bigint)::text, 16, '0')",
    id="id",
)


def _record(r: Row) -> PullRecord:
    return PullRecord(
        id=r["id"],
        unit_id=r["unit_id"],
        table=r["table_code"],
        period=Period.parse(r["period"]),
        revision=r["revision"],
        fmt=r["format"],
        cells_released=r["cells_released"],
        at=r["at"],
        client_org=r["consumer_id"],
        person_id=r["person_id"],
        by_name=r["client_org"] or r["person_name"] or "",
    )


class PgPullLog:
    def __init__(self, reader: Reader, caller: Caller) -> None:
        self._read = reader
        self._caller = caller

    async def append(self, record: PullRecord) -> None:
        r = record
        if r.client_org is not None:
            consumer = self._caller.consumer or r.client_org
            logged = await self._read.value(
                _MACHINE, r.id, consumer, r.unit_id, r.table, str(r.period), r.revision, r.fmt,
                r.cells_released, r.at,
            )  # fmt: skip
            if not logged:  # not a unit of the consumer's district that registered it
                raise NotReleased("No such release.")
            return
        await self._read.value(
            _PERSON, r.id, r.unit_id, r.at, r.table, str(r.period), r.revision, r.fmt,
            r.person_id, r.by_name[:200] or "?", r.cells_released,
        )  # fmt: skip

    async def list(self, unit_id: UUID, page: PageRequest) -> Page[PullRecord]:
        return await keyset(self._read, LISTING, [("unit_id = {}", unit_id)], page, _record)
