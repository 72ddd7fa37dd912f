"""The membership rules as PostgreSQL constraints: written past the application check (straight
through the repositories, or as plain SQL), overlapping rows are refused with the domain's own
errors, the database and ``Membership.overlaps`` agree on what overlaps, and ``tables.py``
declares exactly what the migration built."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import AddConstraint

from adapters.postgres import tables as t
from adapters.postgres.demo import DEMO_UNIT, demo_id
from adapters.postgres.uow import PgUnitOfWorkFactory
from domain.organisation.model import Membership
from domain.shared.errors import ChairOverlap, InUse, MembershipOverlap, ValidationFailed
from domain.shared.principal import BodyRole

# Neither is a member of this body in the demo. Chairs serve closed terms before the demo's, whose
# own chair still serves.
END = date(2009, 12, 31)
BODY = demo_id("body/team-sentrum")
RECTOR, KARI = demo_id("person/rektor"), demo_id("person/kari")


def membership(
    person: UUID,
    start: date,
    end: date | None,
    role: BodyRole = BodyRole.MEMBER,
    body: UUID = BODY,
) -> Membership:
    return Membership(
        id=uuid4(),
        unit_id=DEMO_UNIT,
        body_id=body,
        person_id=person,
        role=role,
        valid_from=start,
        valid_to=end,
    )


@pytest.fixture
def uow(container, demo):
    """A unit of work of the demo unit, never committed: each test's rows vanish with it."""
    return PgUnitOfWorkFactory(container.engine)(DEMO_UNIT)


D = date
PERIODS = [
    # valid_to is the last day: ending the day another starts is an overlap ...
    ((D(2001, 1, 1), D(2001, 6, 30)), (D(2001, 6, 30), D(2001, 12, 31)), True),
    # ... starting the day after is not
    ((D(2001, 1, 1), D(2001, 6, 30)), (D(2001, 7, 1), None), False),
    ((D(2001, 1, 1), None), (D(2009, 5, 1), D(2009, 5, 1)), True),
    ((D(2001, 3, 1), D(2001, 3, 1)), (D(2001, 1, 1), D(2001, 12, 31)), True),
    ((D(2001, 1, 1), D(2001, 1, 31)), (D(2000, 1, 1), D(2000, 12, 31)), False),
    ((D(2001, 1, 1), None), (D(2000, 1, 1), D(2000, 12, 31)), False),
]


@pytest.mark.parametrize(("first", "second", "overlapping"), PERIODS)
async def test_the_database_and_the_domain_agree_on_overlap(uow, first, second, overlapping):
    a, b = membership(RECTOR, *first), membership(RECTOR, *second)
    assert a.overlaps(b) is overlapping
    async with uow:
        await uow.memberships.add(a)
        if overlapping:
            with pytest.raises(MembershipOverlap):
                await uow.memberships.add(b)
        else:
            await uow.memberships.add(b)
        # a refused write leaves the transaction usable (it runs in a savepoint)
        assert len([m for m in await uow.memberships.of_body(BODY) if m.person_id == RECTOR]) == (
            1 if overlapping else 2
        )


async def test_one_chair_per_body_at_a_time(uow):
    async with uow:
        await uow.memberships.add(membership(RECTOR, D(2001, 1, 1), END, BodyRole.CHAIR))
        with pytest.raises(ChairOverlap):
            await uow.memberships.add(membership(KARI, D(2005, 1, 1), END, BodyRole.CHAIR))
        # a chair beside ordinary members, or a chair of another body, is fine
        await uow.memberships.add(membership(KARI, D(2005, 1, 1), None, BodyRole.MEMBER))
        other_body = demo_id("body/team-nord")
        await uow.memberships.add(membership(KARI, D(2001, 1, 1), END, BodyRole.CHAIR, other_body))


async def test_the_same_person_twice_is_an_overlap_before_it_is_a_second_chair(uow):
    async with uow:
        await uow.memberships.add(membership(RECTOR, D(2001, 1, 1), END, BodyRole.CHAIR))
        with pytest.raises(MembershipOverlap):  # what the application check says first, too
            await uow.memberships.add(membership(RECTOR, D(2001, 1, 1), END, BodyRole.CHAIR))


async def test_an_update_into_an_overlap_is_refused(uow):
    first = membership(RECTOR, D(2001, 1, 1), D(2001, 12, 31), BodyRole.CHAIR)
    second = membership(KARI, D(2002, 1, 1), END, BodyRole.CHAIR)
    async with uow:
        await uow.memberships.add(first)
        await uow.memberships.add(second)
        moved = replace(second, valid_from=D(2001, 12, 31), version=2)
        with pytest.raises(ChairOverlap):
            await uow.memberships.update(moved, expected_version=1)


async def test_references_gone_in_the_meantime_get_the_checks_answers(uow):
    async with uow:
        with pytest.raises(ValidationFailed) as refused:
            await uow.memberships.add(membership(RECTOR, D(2001, 1, 1), None, body=uuid4()))
        assert [(e.field, e.code) for e in refused.value.errors] == [("bodyId", "unknown")]
        with pytest.raises(InUse):  # memberships still point at the body
            await uow.bodies.delete(demo_id("body/team-nord"), expected_version=1)


async def test_plain_sql_cannot_store_an_overlap_either(admin_engine, demo):
    insert = sa.text(
        "INSERT INTO membership (id, unit_id, body_id, person_id, role, valid_from, valid_to)"
        " VALUES (gen_random_uuid(), :u, :b, :p, :role, '2001-01-01', '2001-12-31')"
    )
    async with admin_engine.connect() as conn, conn.begin():
        await conn.execute(insert, {"u": DEMO_UNIT, "b": BODY, "p": RECTOR, "role": "chair"})
        for person, constraint in ((RECTOR, "no_overlap"), (KARI, "one_chair")):
            with pytest.raises(sa.exc.IntegrityError, match=f"ex_membership_{constraint}"):
                async with conn.begin_nested():
                    await conn.execute(
                        insert, {"u": DEMO_UNIT, "b": BODY, "p": person, "role": "chair"}
                    )
        await conn.rollback()


async def test_tables_declare_the_constraints_the_migration_built(admin_engine, database):
    """Alembic's comparison skips exclusion constraints, so compare PostgreSQL's own rendering of
    the migrated ones with that of the same constraints built from ``tables.py``."""
    declared = [
        c
        for c in t.MembershipRow.__table__.constraints  # type: ignore[attr-defined]
        if isinstance(c, postgresql.ExcludeConstraint)
    ]
    definitions = sa.text(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = CAST(:t AS regclass) AND contype = 'x' ORDER BY conname"
    )
    async with admin_engine.connect() as conn, conn.begin():
        migrated = (await conn.execute(definitions, {"t": "membership"})).all()
        await conn.execute(sa.text("CREATE TEMP TABLE membership_copy (LIKE membership)"))
        for c in declared:
            ddl = str(AddConstraint(c).compile(dialect=postgresql.dialect()))
            await conn.execute(
                sa.text(ddl.replace("ALTER TABLE membership ", "ALTER TABLE membership_copy ", 1))
            )
        built = (await conn.execute(definitions, {"t": "membership_copy"})).all()
        await conn.rollback()
    assert [name for name, _ in migrated] == ["ex_membership_no_overlap", "ex_membership_one_chair"]
    assert built == migrated


async def test_a_deadlock_between_parallel_inserts_ends_in_the_checks_answer(
    container, admin_engine, demo
):
    """PostgreSQL checks an exclusion constraint after inserting, so two parallel conflicting
    inserts can each wait for the other; the deadlock detector then aborts one. That one must still
    get the rule's answer (a 409), not a database error: the repository retries the insert, which
    waits for the other transaction and then sees the conflict."""
    rector = sa.text(
        "INSERT INTO membership (id, unit_id, body_id, person_id, role, valid_from, valid_to)"
        " VALUES (gen_random_uuid(), :u, :b, :p, 'member', :start, :end)"
    )
    rows = {"u": DEMO_UNIT, "b": BODY, "p": RECTOR}
    async with admin_engine.connect() as other, admin_engine.connect() as watcher:
        await other.begin()
        # The other side waits long before it looks for deadlocks, so ours is the one aborted.
        await other.execute(sa.text("SET LOCAL deadlock_timeout = '1min'"))
        other_pid = (await other.execute(sa.text("SELECT pg_backend_pid()"))).scalar_one()
        await other.execute(rector, {**rows, "start": D(2001, 1, 1), "end": D(2001, 6, 30)})

        async def add_the_whole_year() -> None:
            async with PgUnitOfWorkFactory(container.engine)(DEMO_UNIT) as uow:
                # overlaps the other's uncommitted first half-year: waits for it
                await uow.memberships.add(membership(RECTOR, D(2001, 1, 1), D(2001, 12, 31)))

        ours = asyncio.create_task(add_the_whole_year())
        blocked = sa.text(
            "SELECT count(*) FROM pg_stat_activity WHERE :o = ANY(pg_blocking_pids(pid))"
        )
        for _ in range(500):
            if (await watcher.execute(blocked, {"o": other_pid})).scalar_one():
                break
            await asyncio.sleep(0.01)
        else:
            pytest.fail("our insert never waited for the other transaction")
        # December overlaps our year but not the other's first half: now each waits for the other.
        await other.execute(rector, {**rows, "start": D(2001, 12, 1), "end": D(2001, 12, 31)})
        await other.commit()
        with pytest.raises(MembershipOverlap):
            await ours
