"""The cases demo (``samordna demo``) on a database of its own: it loads twice without change,
and through the service Ola Medlem (the body-member persona) sees his three cases — the first
with an effective consent, the second waiting for a guardian, the third withdrawn."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
import sqlalchemy as sa

from adapters.postgres import migrate
from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
    make_engine,
)
from adapters.postgres.demo import DEMO_UNIT, demo_id
from adapters.postgres.demo.cases import CASES, synthetic_number
from api import bootstrap
from api.settings import Settings
from domain.cases.service import CasesService
from domain.cases.views import Shown
from domain.meetings.guard import KernelGuard
from domain.shared.identity_number import is_valid
from domain.shared.principal import BodyRole
from tests.conftest import STATE
from tests.fakes import FakeClock
from tests.fakes.mail import FakeMail
from tests.fakes.principals import person

TABLES = ("follow_up_case", "case_subject", "consent_event", "case_note", "case_member")


@pytest.fixture(scope="module")
def scratch() -> Iterator[DatabaseUrls]:
    name = f"samordna_cases_demo_{os.getpid()}"
    urls = fresh_embedded_database(STATE, name)
    migrate.upgrade(urls.admin, "head")
    yield urls
    drop_embedded_database(STATE, name)


@pytest.fixture
async def settings(scratch: DatabaseUrls) -> Settings:
    s = Settings(
        environment="test", state_dir=STATE, public_base_url="http://testserver",
        database_url=None,
    )  # fmt: skip
    await bootstrap.load_demo(s, scratch, measures=True)
    return s


async def _counts(scratch: DatabaseUrls) -> dict[str, int]:
    engine = make_engine(scratch.admin, pool_size=1)
    try:
        async with engine.connect() as conn:
            return {
                t: (await conn.execute(sa.text(f"SELECT count(*) FROM {t}"))).scalar_one()
                for t in TABLES
            }
    finally:
        await engine.dispose()


async def test_loading_twice_changes_nothing(settings: Settings, scratch: DatabaseUrls) -> None:
    before = await _counts(scratch)
    assert before["follow_up_case"] == len(CASES)
    await bootstrap.load_demo(settings, scratch, measures=True)
    assert await _counts(scratch) == before


def test_the_identity_numbers_are_synthetic_and_valid() -> None:
    number = synthetic_number(date(2010, 5, 1), 400)
    assert number[2:4] == "85" and is_valid(number)


async def test_ola_sees_his_three_cases(settings: Settings, scratch: DatabaseUrls) -> None:
    app = make_engine(scratch.app, pool_size=2)
    try:
        factory = PgCasesUnitOfWorkFactory(app, bootstrap.field_cipher(settings), PgAccessLog)
        svc = CasesService(factory, FakeClock(), FakeMail(), KernelGuard())
        ola = person(
            DEMO_UNIT, body_roles={demo_id("body/team-nord"): BodyRole.CHAIR},
            name="Ola Medlem", person_id=demo_id("person/ola"),
        )  # fmt: skip
        mine = await svc.my_cases(ola)
        assert len(mine) == len(CASES)
        first = await svc.case_view(ola, demo_id("case/1/case"))
        assert isinstance(first.subject.identity, Shown)
        assert first.subject.identity.value.name == "Emma Demo-Hansen"
    finally:
        await app.dispose()
