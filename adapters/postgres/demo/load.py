"""Demo room: loads the demo data (``data``) as the schema owner, idempotently: every insert is
``ON CONFLICT DO NOTHING``, so loading twice changes nothing and edits made in the app survive."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.identity.person_key import person_key
from adapters.postgres.demo.data import (
    BODIES,
    DEMO_UNIT,
    MEMBERSHIPS,
    ORGANISATIONS,
    OTHER_UNIT,
    PERSONS,
    DemoAccount,
    DemoMachine,
    demo_id,
)
from adapters.postgres.demo.meetings import load_meetings


async def _insert(conn: AsyncConnection, table: str, rows: Iterable[dict[str, object]]) -> None:
    rows = list(rows)
    if not rows:
        return
    cols = list(rows[0])
    # Table and column names come from this module's constants, never from input.
    names, params = ", ".join(cols), ", ".join(":" + c for c in cols)
    sql = f"INSERT INTO {table} ({names}) VALUES ({params}) ON CONFLICT DO NOTHING"  # noqa: S608
    await conn.execute(sa.text(sql), rows)


def _months_ago(today: date, months: int) -> date:
    return (today.replace(day=1) - timedelta(days=30 * months)).replace(day=1)


async def load_demo(
    engine: AsyncEngine,
    *,
    person_secret: str,
    accounts: Sequence[DemoAccount],
    machines: Sequence[DemoMachine],
    today: date,
) -> None:
    """Load (or top up) the demo units. Runs as the schema owner (no row-level security)."""
    org = {k: demo_id(f"org/{k}") for k, _, _ in ORGANISATIONS}
    person = {k: demo_id(f"person/{k}") for k, *_ in PERSONS}
    body = {k: demo_id(f"body/{k}") for k, *_ in BODIES}
    u = DEMO_UNIT
    async with engine.begin() as conn:
        await _insert(
            conn,
            "slt_unit",
            [
                {
                    "id": u,
                    "name": "SLT Lillestrøm (demo)",
                    "kind": "municipality",
                    "police_district": "ost",
                    "language": "nb",
                },
                {
                    "id": OTHER_UNIT,
                    "name": "SLT Indre Sogn (demo)",
                    "kind": "inter_municipal",
                    "police_district": "vest",
                    "language": "nn",
                },
            ],
        )
        await _insert(
            conn,
            "slt_unit_municipality",
            [
                {"unit_id": u, "municipality_number": "3205", "position": 0},
                {"unit_id": OTHER_UNIT, "municipality_number": "4640", "position": 0},
                {"unit_id": OTHER_UNIT, "municipality_number": "4644", "position": 1},
            ],
        )
        await _insert(
            conn,
            "organisation",
            [
                {"id": org[k], "unit_id": u, "name": n, "type": ty, "municipality_number": "3205"}
                for k, n, ty in ORGANISATIONS
            ],
        )
        await _insert(
            conn,
            "person",
            [
                {
                    "id": person[k],
                    "unit_id": u,
                    "name": n,
                    "title": ti,
                    "organisation_id": org[o],
                    "email": f"{k}@demo.invalid",
                    "phone": None,
                }
                for k, n, ti, o in PERSONS
            ],
        )
        await _insert(
            conn,
            "body",
            [
                {
                    "id": body[k],
                    "unit_id": u,
                    "name": n,
                    "level": lvl,
                    "is_politiraad": pr,
                    "meeting_norm_per_year": norm,
                    "mandate": mandate,
                }
                for k, n, lvl, pr, norm, mandate in BODIES
            ],
        )
        person_org = {k: o for k, _, _, o in PERSONS}
        await _insert(
            conn,
            "membership",
            [
                {
                    "id": demo_id(f"membership/{b}/{p}"),
                    "unit_id": u,
                    "body_id": body[b],
                    "person_id": person[p],
                    "role": role,
                    "organisation_id": org[person_org[p]],
                    "valid_from": _months_ago(today, ago),
                    "valid_to": today + timedelta(days=ends) if ends is not None else None,
                }
                for b, p, role, ago, ends in MEMBERSHIPS
            ],
        )
        await load_meetings(conn, _insert, unit=u, person=person, today=today)
        await _insert(
            conn,
            "establishment",
            [
                {
                    "unit_id": u,
                    "municipal_decision_date": date(2019, 3, 14),
                    "municipal_decision_ref": "PS 12/19",
                    "police_confirmation_date": date(2019, 4, 2),
                    "police_confirmation_ref": "ØPD 2019/4411",
                    "coordinator_person_id": person["kari"],
                    "coordinator_fte": 1,
                    "police_contact_person_id": person["per"],
                }
            ],
        )
        other_person = demo_id("other/person/nils")
        await _insert(
            conn,
            "person",
            [
                {
                    "id": other_person,
                    "unit_id": OTHER_UNIT,
                    "name": "Nils Nabokommune",
                    "title": "SLT-koordinator",
                    "organisation_id": None,
                    "email": None,
                    "phone": None,
                }
            ],
        )
        await _insert(
            conn,
            "body",
            [
                {
                    "id": demo_id("other/body/koord"),
                    "unit_id": OTHER_UNIT,
                    "name": "Koordineringsgruppa",
                    "level": "coordinating",
                    "is_politiraad": False,
                    "meeting_norm_per_year": 12,
                    "mandate": None,
                }
            ],
        )
        await _insert(conn, "user_account", _accounts(person_secret, accounts, person, home=True))
        await _insert(
            conn,
            "machine_client",
            [
                {
                    "consumer_id": m.consumer_id,
                    "unit_id": u,
                    "name": m.name,
                    "scopes": list(m.scopes),
                }
                for m in machines
            ],
        )
    # A later transaction, so a later created_at: the home unit stays the one a login starts in.
    async with engine.begin() as conn:
        await _insert(conn, "user_account", _accounts(person_secret, accounts, person, home=False))


def _accounts(
    secret: str, accounts: Sequence[DemoAccount], person: dict[str, UUID], *, home: bool
) -> list[dict[str, object]]:
    other_person = demo_id("other/person/nils")
    return [
        {
            "id": demo_id(f"account/{a.unit_id}/{a.pid}"),
            "unit_id": a.unit_id,
            "person_key": person_key(secret, a.pid),
            "roles": list(a.roles),
            "person_id": (other_person if a.unit_id == OTHER_UNIT else person[a.person])
            if a.person
            else None,
        }
        for a in accounts
        if a.home is home
    ]
