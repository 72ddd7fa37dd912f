"""Bench room, meetings: "my action items" and the meeting page at a realistic size, over REST and
over GraphQL's nested query — ``python -m bench.meetings`` (on demand, never in the test suite).

On top of the bench database (``env.py``: the demo plus the scaled registries) one body, the
coordinating group Kari chairs, gets a year of meetings: 200 meetings in 2025, 20 agenda items
each, 10 attendees, approved minutes (an open and a restricted text per item), 5 numbered
decisions and 5 action items per meeting (owners in turn among the six members: Kari, the
coordinator the bench logs in as, owns about 170). Loaded through the meetings unit of work's
connection with Core ``executemany`` inserts in one transaction.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from adapters.postgres import demo
from adapters.postgres.database import make_engine
from adapters.postgres.meetings import mapping, tables
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWorkFactory
from adapters.postgres.organisation.base import plain_values
from bench import env as bench_env
from bench.api import CONCURRENCY, session
from bench.measure import Figure, timed
from domain.meetings.action_item import ActionItem, ActionStatus
from domain.meetings.agenda_item import AgendaItem, AgendaKind
from domain.meetings.approval import Approval, ApprovalKind
from domain.meetings.attendance import Attendance, Presence
from domain.meetings.decision import Decision, DecisionNumber, body_code
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.status import DocumentationStatus, MeetingStatus

MEETINGS, ITEMS, ATTENDEES, DECISIONS, ACTIONS = 200, 20, 10, 5, 5
YEAR = 2025
BODY = demo.demo_id("body/koord-barn")
BODY_NAME = "Koordineringsgruppe barn og familie"
MEMBERS = [demo.demo_id(f"person/{k}") for k in ("kari", "bv-leder", "ppt-leder",
           "helsesykepleier", "bhg-styrer", "per")]  # fmt: skip
KARI = MEMBERS[0]

MINE_GQL = """query Mine { myActionItems {
  id text due status overdue version meeting { id startsAt body { name } } } }"""
PAGE_GQL = """query Page($id: UUID!) { meeting(id: $id) {
  id startsAt endsAt place link status documentationStatus archiveWorthy version body { name }
  quorum { votingMembers present required reached }
  attendance(limit: 20) { personId presence substituteForPersonId person { name } }
  agendaItems(limit: 20) { id position title kind version owner { name }
    decisions(limit: 10) { id number text }
    actionItems(limit: 10) { id text due status overdue owner { name } } }
  minutes(limit: 5) { number approved correctionReason
    items { agendaItemId openText restrictedText } }
} }"""
REST_PAGE = ("", "/agenda", "/attendance", "/quorum", "/minutes", "/decisions", "/action-items")


def _rows(others: list[UUID]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in ("m", "a", "t", "v", "d", "x")}
    owners = itertools.cycle(MEMBERS)
    code, sequence = body_code(BODY_NAME), itertools.count(1)
    start = datetime(YEAR, 1, 2, 8, 0, tzinfo=UTC)
    for n in range(MEETINGS):
        at = start + timedelta(hours=n * 43)  # spread over the year, in working hours or not
        m = Meeting(
            id=uuid4(), unit_id=bench_env.UNIT, body_id=BODY, starts_at=at,
            ends_at=at + timedelta(hours=2), place="Rådhuset, møterom 2",
            status=MeetingStatus.MINUTES_APPROVED,
            documentation_status=DocumentationStatus.FINAL, archive_worthy=True,
        )  # fmt: skip
        out["m"].append(plain_values(m))
        items = [
            AgendaItem(
                id=uuid4(),
                unit_id=m.unit_id,
                meeting_id=m.id,
                position=i + 1,
                title=f"Sak {i + 1}/{n + 1}: oppfølging av tiltak",
                kind=AgendaKind.DISCUSSION,
                owner_person_id=MEMBERS[i % len(MEMBERS)],
            )
            for i in range(ITEMS)
        ]
        out["a"] += [plain_values(i) for i in items]
        people = (MEMBERS + others)[:ATTENDEES]
        out["t"] += [
            plain_values(
                Attendance(
                    id=uuid4(),
                    unit_id=m.unit_id,
                    meeting_id=m.id,
                    person_id=p,
                    presence=Presence.PRESENT if k % 4 else Presence.ABSENT_WITH_NOTICE,
                )
            )
            for k, p in enumerate(people)
        ]
        approval = Approval(
            kind=ApprovalKind.CHAIR, approved_at=at + timedelta(days=2),
            recorded_by_person_id=KARI, chair_person_id=KARI,
        )  # fmt: skip
        texts = tuple(
            ItemMinutes(
                agenda_item_id=i.id,
                open_text="Gruppa drøftet saken og ble enige om videre arbeid. " * 4,
                restricted_text="Tjenestene følger opp Barn A i eget møte.",
            )
            for i in items
        )
        out["v"].append(
            mapping.minutes_values(
                MinutesVersion(
                    id=uuid4(),
                    unit_id=m.unit_id,
                    meeting_id=m.id,
                    written_at=at,
                    items=texts,
                    approval=approval,
                    version=2,
                )
            )
        )
        for k in range(DECISIONS):
            number = DecisionNumber(body_code=code, sequence=next(sequence), year=YEAR)
            d = Decision(
                id=uuid4(), unit_id=m.unit_id, meeting_id=m.id, agenda_item_id=items[k * 4].id,
                body_id=BODY, text="Gruppa slutter seg til forslaget.", ordinal=k + 1,
                number=number, version=2,
            )  # fmt: skip
            out["d"].append(mapping.decision_values(d))
        for k in range(ACTIONS):
            a = ActionItem(
                id=uuid4(), unit_id=m.unit_id, meeting_id=m.id, agenda_item_id=items[k * 4].id,
                text="Kalle inn til arbeidsmøte og melde tilbake.", owner_person_id=next(owners),
                due=(at + timedelta(days=30)).date(),
                status=ActionStatus.OPEN if (n + k) % 3 else ActionStatus.DONE,
            )  # fmt: skip
            out["x"].append(plain_values(a))
    return out


async def load(e: bench_env.BenchEnv) -> tuple[float, int, UUID]:
    """The year of meetings, in one transaction; returns seconds, rows, and a mid-year meeting."""
    rows = _rows(e.person_ids[:ATTENDEES])
    engine = make_engine(e.urls.app, pool_size=1)
    t0 = time.perf_counter()
    try:
        async with PgMeetingsUnitOfWorkFactory(engine)(bench_env.UNIT) as uow:
            for table, key in (
                (tables.MEETING, "m"), (tables.AGENDA_ITEM, "a"), (tables.ATTENDANCE, "t"),
                (tables.MINUTES_VERSION, "v"), (tables.DECISION, "d"), (tables.ACTION_ITEM, "x"),
            ):  # fmt: skip
                await uow.conn.execute(table.insert(), rows[key])
            await uow.commit()
        async with engine.connect() as conn:
            await conn.exec_driver_sql("ANALYZE")
    finally:
        await engine.dispose()
    n = sum(len(v) for v in rows.values())
    return time.perf_counter() - t0, n, rows["m"][MEETINGS // 2]["id"]


async def run(e: bench_env.BenchEnv, meeting: UUID, seconds: float = 2.0) -> list[Figure]:
    figures: list[Figure] = []
    async with session(e) as s:

        async def add(name: str, call: Any, sql_of: Any = None, **kw: Any) -> None:
            sql = await s.statements(sql_of or call)
            fig = await timed(name, call, seconds=seconds, concurrency=CONCURRENCY, **kw)
            fig.notes.append(f"{sql} SQL")
            figures.append(fig)

        mine = (await s.gql(MINE_GQL))["myActionItems"]
        rest_mine = (await s.ok("GET", "/api/me/action-items")).json()
        count = len(mine)
        await add(
            f"REST GET /api/me/action-items ({count})", lambda: s.ok("GET", "/api/me/action-items")
        )
        await add(f"GraphQL myActionItems ({count}) > meeting > body", lambda: s.gql(MINE_GQL))

        async def rest_page() -> None:
            await asyncio.gather(*(s.ok("GET", f"/api/meetings/{meeting}{p}") for p in REST_PAGE))

        async def rest_page_one_by_one() -> None:
            for p in REST_PAGE:
                await s.ok("GET", f"/api/meetings/{meeting}{p}")

        await add("REST meeting page (7 GETs, gathered)", rest_page, rest_page_one_by_one)
        await add(
            "GraphQL meeting page (nested, 1 query)",
            lambda: s.gql(PAGE_GQL, {"id": str(meeting)}),
            min_n=10,
        )
        year = {"bodyId": str(BODY), "year": YEAR, "limit": 200}
        await add(
            "REST GET /api/meetings?year (200)", lambda: s.ok("GET", "/api/meetings", params=year)
        )
        await add(
            "GraphQL meetings(year, limit: 200)",
            lambda: s.gql(
                "query Y($b: UUID!) { meetings(bodyId: $b, year: 2025, limit: 200) {"
                " id startsAt status version } }",
                {"b": str(BODY)},
            ),
        )
        if not isinstance(rest_mine, list):
            rest_mine = rest_mine.get("items", [])
        figures[0].notes.append(f"{len(rest_mine)} items")
    return figures


async def profile(e: bench_env.BenchEnv, meeting: UUID, n: int = 30) -> None:
    """``--profile``: cProfile of n GraphQL meeting pages and n "my action items", the top of
    the listing by own time."""
    import cProfile
    import pstats

    async with session(e) as s:
        for query, variables in ((PAGE_GQL, {"id": str(meeting)}), (MINE_GQL, {})):
            await s.gql(query, variables)
            prof = cProfile.Profile()
            t0 = time.perf_counter()
            prof.enable()
            for _ in range(n):
                await s.gql(query, variables)
            prof.disable()
            print(f"{query.split()[1]}: {(time.perf_counter() - t0) / n * 1e3:.1f} ms a request")
            pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main() -> None:
    import sys

    from bench.run import HEAD, _row

    async def go() -> None:
        started = time.perf_counter()
        e = await bench_env.build()
        seconds, n, meeting = await load(e)
        print(f"Loaded {n} meetings rows in {seconds:.1f} s ({MEETINGS} meetings x {ITEMS} items)")
        if "--profile" in sys.argv:
            await profile(e, meeting)
            return
        figures = await run(e, meeting)
        print(HEAD)
        print("-" * len(HEAD))
        for f in figures:
            print(_row(f))
        print(f"Total {time.perf_counter() - started:.0f} s. Today {date.today().isoformat()}.")

    asyncio.run(go())


if __name__ == "__main__":
    main()
