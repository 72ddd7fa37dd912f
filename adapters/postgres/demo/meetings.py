"""Demo room: a few meetings of Ungdomsteam Sør for the SPA — one planned with its agenda, one
held with agenda and attendance (its minutes not yet started). Dated from ``today``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.demo.data import demo_id

OSLO = ZoneInfo("Europe/Oslo")
Insert = Callable[[AsyncConnection, str, Iterable[dict[str, object]]], Awaitable[None]]

AGENDA = {
    "planned": [
        ("Velkommen og godkjenning av innkalling", "information"),
        ("Situasjonsbildet i sør", "discussion"),
        ("Sommertiltak for ungdom", "decision"),
    ],
    "held": [
        ("Referat fra forrige møte", "information"),
        ("Oppfølging av fritidstilbudet", "discussion"),
    ],
}


async def _insert_by_id(
    conn: AsyncConnection, table: str, rows: Iterable[dict[str, object]]
) -> None:
    """As the loader's insert, with the id as the arbiter: a deferrable unique constraint (the
    agenda's positions) cannot be one."""
    rows = list(rows)
    cols = list(rows[0])
    names, params = ", ".join(cols), ", ".join(":" + c for c in cols)
    sql = f"INSERT INTO {table} ({names}) VALUES ({params}) ON CONFLICT (id) DO NOTHING"  # noqa: S608
    await conn.execute(sa.text(sql), rows)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=OSLO)


async def load_meetings(
    conn: AsyncConnection, insert: Insert, *, unit: UUID, person: dict[str, UUID], today: date
) -> None:
    body = demo_id("body/team-sor")
    days = {"planned": today + timedelta(days=14), "held": today - timedelta(days=7)}
    meetings: list[dict[str, object]] = [
        {
            "id": demo_id(f"meeting/team-sor/{k}"),
            "unit_id": unit,
            "body_id": body,
            "starts_at": _at(day, 13),
            "ends_at": _at(day, 15),
            "place": "Sør bydelshus, møterom 1",
            "link": None,
            "status": k,
            "cancel_reason": None,
            "documentation_status": "in_progress",
            "archive_worthy": False,
        }
        for k, day in days.items()
    ]
    await insert(conn, "meeting", meetings)
    await _insert_by_id(
        conn,
        "agenda_item",
        [
            {
                "id": demo_id(f"agenda/team-sor/{k}/{n}"),
                "unit_id": unit,
                "meeting_id": demo_id(f"meeting/team-sor/{k}"),
                "position": n,
                "title": title,
                "kind": kind,
                "owner_person_id": person["miljo2"],
                "measure_id": None,
                "focus_area_id": None,
            }
            for k, items in AGENDA.items()
            for n, (title, kind) in enumerate(items, start=1)
        ],
    )
    held = demo_id("meeting/team-sor/held")
    await insert(
        conn,
        "attendance",
        [
            {
                "id": demo_id(f"attendance/team-sor/held/{p}"),
                "unit_id": unit,
                "meeting_id": held,
                "person_id": person[p],
                "presence": presence,
                "substitute_for_person_id": None,
                "organisation_id": None,
            }
            for p, presence in (
                ("miljo2", "present"),
                ("ola", "present"),
                ("politi2", "absent_with_notice"),
            )
        ],
    )
