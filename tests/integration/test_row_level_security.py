"""Tenancy in depth: even SQL that forgets the unit filter cannot read or write another unit's rows.

These statements run as the app role (``samordna_app``: no BYPASSRLS, not the owner) with the
unit set per transaction, exactly as the unit of work does, and deliberately omit ``unit_id``.
"""

import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from adapters.postgres.demo import DEMO_UNIT, OTHER_UNIT
from adapters.postgres.uow import PgUnitOfWorkFactory


async def _as_unit(conn, unit):
    await conn.execute(sa.text("SELECT set_config('samordna.unit_id', :u, true)"), {"u": str(unit)})


async def test_app_role_is_not_privileged(container, demo):
    async with container.engine.connect() as conn:
        row = (
            await conn.execute(
                sa.text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
            )
        ).one()
    assert tuple(row) == (False, False)


async def test_unfiltered_select_sees_only_the_current_unit(container, demo):
    async with container.engine.connect() as conn, conn.begin():
        await _as_unit(conn, OTHER_UNIT)
        units = (await conn.execute(sa.text("SELECT DISTINCT unit_id FROM person"))).scalars().all()
        bodies = (await conn.execute(sa.text("SELECT name FROM body"))).scalars().all()
        all_units = (await conn.execute(sa.text("SELECT id FROM slt_unit"))).scalars().all()
    assert units == [OTHER_UNIT]
    assert bodies == ["Koordineringsgruppa"]
    assert all_units == [OTHER_UNIT]


async def test_without_a_unit_nothing_is_visible(container, demo):
    async with container.engine.connect() as conn, conn.begin():
        n = (await conn.execute(sa.text("SELECT count(*) FROM organisation"))).scalar_one()
    assert n == 0


async def test_cannot_write_into_another_unit(container, demo):
    async with container.engine.connect() as conn:
        await conn.begin()
        await _as_unit(conn, OTHER_UNIT)
        with pytest.raises(DBAPIError, match="row-level security"):
            await conn.execute(
                sa.text(
                    "INSERT INTO organisation (id, unit_id, name, type) VALUES (:id, :u, 'Inntrenger', 'other')"
                ),
                {"id": uuid.uuid4(), "u": DEMO_UNIT},
            )
        await conn.rollback()


async def test_cannot_update_or_delete_another_units_rows(container, admin_engine, demo):
    async with container.engine.connect() as conn, conn.begin():
        await _as_unit(conn, OTHER_UNIT)
        updated = await conn.execute(sa.text("UPDATE person SET name = 'Endret'"))
        deleted = await conn.execute(sa.text("DELETE FROM membership"))
    assert updated.rowcount == 1  # only the other unit's one person
    assert deleted.rowcount == 0
    async with admin_engine.connect() as conn:
        changed = (
            await conn.execute(
                sa.text("SELECT count(*) FROM person WHERE unit_id = :u AND name = 'Endret'"),
                {"u": DEMO_UNIT},
            )
        ).scalar_one()
        members = (
            await conn.execute(
                sa.text("SELECT count(*) FROM membership WHERE unit_id = :u"), {"u": DEMO_UNIT}
            )
        ).scalar_one()
    assert changed == 0
    assert members > 0


async def test_cannot_move_a_row_to_another_unit(container, demo):
    async with container.engine.connect() as conn:
        await conn.begin()
        await _as_unit(conn, OTHER_UNIT)
        with pytest.raises(DBAPIError, match="row-level security"):
            await conn.execute(sa.text("UPDATE body SET unit_id = :u"), {"u": DEMO_UNIT})
        await conn.rollback()


async def test_unit_of_work_sets_the_unit_for_its_transaction_only(container, demo):
    factory = PgUnitOfWorkFactory(container.engine)
    async with factory(OTHER_UNIT) as uow:
        bodies = await uow.bodies.all()
    assert [b.name for b in bodies] == ["Koordineringsgruppa"]
    async with container.engine.connect() as conn:
        setting = (
            await conn.execute(sa.text("SELECT current_setting('samordna.unit_id', true)"))
        ).scalar_one()
    assert setting in (None, "")  # SET LOCAL semantics: nothing leaks to the next transaction


async def test_directory_functions_answer_only_exact_keys(container, demo):
    async with container.engine.connect() as conn:
        none = (
            await conn.execute(sa.text("SELECT count(*) FROM samordna_accounts_for('')"))
        ).scalar_one()
        accounts = (await conn.execute(sa.text("SELECT count(*) FROM user_account"))).scalar_one()
    assert none == 0
    assert accounts == 0  # the table itself is closed without a unit
