"""Repository tier, trends: the PostgreSQL adapter (``adapters/postgres/trends``) on real units.
Three fresh units per test — two in the police district ``vest`` (``mine``, ``neighbour``) and one
in ``oslo`` (``far``) — with areas, populations and de-identified events written as the owner
(what an import commits), read back through the trends unit of work as the app role."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres import connection as tx
from adapters.postgres.database import make_engine
from adapters.postgres.trends.uow import PgTrendsUnitOfWorkFactory
from domain.knowledge.periods import Period
from domain.trends.model import (
    Audit,
    Cell,
    CellChange,
    PublishedBody,
    Release,
    TableRelease,
    UnitRef,
)

T0 = datetime(2026, 7, 2, 9, 0, tzinfo=UTC)
SCOPE = "samordna:trends.read"


@dataclass
class TrendsDb:
    admin: AsyncEngine
    factory: PgTrendsUnitOfWorkFactory
    mine: UUID
    neighbour: UUID
    far: UUID

    async def sql(self, statement: str, rows: Iterable[dict[str, Any]] | dict[str, Any]) -> None:
        async with self.admin.begin() as conn:
            await conn.execute(sa.text(statement), rows if isinstance(rows, dict) else list(rows))

    async def areas(self, unit: UUID, areas: Sequence[tuple[str, str, str]]) -> None:
        """(code, municipality number, kind)."""
        await self.sql(
            "INSERT INTO knowledge_areas (id, unit_id, code, name, municipality_number, kind)"
            " VALUES (:id, :u, :c, :c, :m, :k)",
            [{"id": uuid4(), "u": unit, "c": c, "m": m, "k": k} for c, m, k in areas],
        )

    async def populations(self, unit: UUID, rows: Sequence[tuple[str, int, str, int]]) -> None:
        """(area, year, age band, residents)."""
        await self.sql(
            "INSERT INTO knowledge_area_populations (unit_id, area_code, year, age_band,"
            " residents) VALUES (:u, :a, :y, :b, :r)",
            [{"u": unit, "a": a, "y": y, "b": b, "r": r} for a, y, b, r in rows],
        )

    async def events(
        self, unit: UUID, rows: Sequence[tuple[str, str, str, str, date, str]]
    ) -> None:
        """(external id, category, area, age band, day, subject key)."""
        async with self.admin.connect() as conn:
            raw = await conn.get_raw_connection()
            await raw.driver_connection.copy_records_to_table(
                "knowledge_event_records",
                records=[(unit, *r) for r in rows],
                columns=["unit_id", "external_id", "category", "area_code", "age_band",
                         "occurred_on", "subject_key"],
            )  # fmt: skip
            await conn.commit()

    async def register(self, consumer: str, unit: UUID, scopes: Sequence[str] = (SCOPE,),
                       at: datetime = T0) -> None:  # fmt: skip
        await self.sql(
            "INSERT INTO machine_client (consumer_id, unit_id, name, scopes, created_at)"
            " VALUES (:c, :u, :n, :s, :t)",
            {"c": consumer, "u": unit, "n": f"Politiet {consumer[-3:]}", "s": list(scopes),
             "t": at},
        )  # fmt: skip


async def _units(admin: AsyncEngine, units: Sequence[tuple[UUID, str, str, list[str]]]) -> None:
    async with admin.begin() as conn:
        for id, name, district, numbers in units:
            await conn.execute(
                sa.text("INSERT INTO slt_unit (id, name, kind, police_district)"
                        " VALUES (:id, :n, 'municipality', :d)"),
                {"id": id, "n": name, "d": district},
            )  # fmt: skip
            for position, number in enumerate(numbers):
                await conn.execute(
                    sa.text("INSERT INTO slt_unit_municipality (unit_id, municipality_number,"
                            " position) VALUES (:id, :n, :p)"),
                    {"id": id, "n": number, "p": position},
                )  # fmt: skip


@pytest.fixture
async def trends(admin_engine: AsyncEngine, database: Any) -> AsyncIterator[TrendsDb]:
    mine, neighbour, far = uuid4(), uuid4(), uuid4()
    await _units(
        admin_engine,
        [(mine, "SLT Sogn", "vest", ["4640", "4641"]),
         (neighbour, "SLT Bergen", "vest", ["4601"]),
         (far, "SLT Oslo", "oslo", ["0301"])],
    )  # fmt: skip
    engine = make_engine(database.app, pool_size=3, autocommit=True)
    try:
        factory = PgTrendsUnitOfWorkFactory(tx.RequestConnections(engine))
        yield TrendsDb(admin_engine, factory, mine, neighbour, far)
    finally:
        await engine.dispose()
        async with admin_engine.begin() as conn:
            await conn.execute(sa.text("DELETE FROM machine_client WHERE unit_id = ANY(:u)"),
                               {"u": [mine, neighbour, far]})  # fmt: skip
            await conn.execute(
                sa.text("DELETE FROM slt_unit WHERE id = ANY(:u)"), {"u": [mine, neighbour, far]}
            )


def body(text: str, media: str = "application/json") -> PublishedBody:
    import hashlib

    content = text.encode()
    return PublishedBody(
        content=content, media_type=media, etag=hashlib.sha256(content).hexdigest()
    )


def release(unit: UUID, period: str = "2026H1", revision: int = 1,
            tables: Sequence[str] = ("offences-by-category", "offences-by-age")) -> Release:  # fmt: skip
    """A small release as the domain builds it (bytes that differ per table and revision)."""
    p = Period.parse(period)
    built = tuple(
        TableRelease(
            table=t, unit_id=unit, period=p, revision=revision,
            dimensions=("municipality", "category"),
            cells=(Cell(("4640", "violence"), 10), Cell(("4640", "theft"), None, ("primary",))),
            totals=(Cell(("4640",), 15),),
            json=body(f'{{"table":"{t}","period":"{period}","revision":{revision},"ø":1}}'),
            csv=body(f"municipality;category;n\n4640;violence;10\n4640;theft;:\n# {t}\n",
                     "text/csv; charset=utf-8"),
            released_at=T0,
        )
        for t in tables
    )  # fmt: skip
    changes = (CellChange(table=tables[0], dims=("4640", "theft"), old=10, new=None),)
    return Release(
        unit=UnitRef(id=unit, name="SLT Sogn", police_district="vest"), period=p,
        revision=revision, tables=built,
        audit=Audit(rounds=1, actions=(), widths=(), passed=True),
        change_log=changes if revision > 1 else (), released_at=T0, released_by="Kari Koordinator",
        population_vintage=2025,
    )  # fmt: skip
