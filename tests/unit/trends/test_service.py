"""Trends test room: TrendsService over the in-memory unit of work — who releases and pulls,
frozen bytes on every re-pull, pulls logged with the serving transaction, revisions with a change
log, district scoping (another district's or an unregistered unit: 404, never a hint)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from uuid import UUID

import pytest

from domain.knowledge.periods import Period
from domain.shared.errors import Forbidden, ValidationFailed
from domain.shared.pagination import PageRequest
from domain.shared.principal import Scope
from domain.trends.errors import (
    NotReleased,
    PeriodNotEnded,
    ReleaseAuditFailed,
    ReleaseUnchanged,
    TrendFilterRefused,
    UnknownTable,
)
from domain.trends.model import UnitRef
from domain.trends.queries import refuse_filters
from domain.trends.service import TrendsService
from tests.fakes import FakeClock
from tests.fakes.principals import (
    body_member,
    coordinator,
    machine,
    police_contact,
    steering_reader,
    unit_admin,
)
from tests.unit.trends.attacker import Attack
from tests.unit.trends.fakes import FakeTrendsUnitOfWorkFactory, TrendsStore
from tests.unit.trends.support import CACHED, Event, populations
from tests.unit.trends.test_attacks import PINNABLE, kids

A, B, C = UUID(int=1), UUID(int=2), UUID(int=3)  # A and B in district Øst, C in Vest
ORG = "0192:974760673"  # the machine principal's organisation


@pytest.fixture
def store() -> TrendsStore:
    s = TrendsStore()
    pops = populations({"nord": ("3201", 1200)}, {"3201": 4000, "3203": 2500})
    for unit, district in ((A, "Øst"), (B, "Øst"), (C, "Vest")):
        s.units[unit] = UnitRef(
            id=unit,
            name=f"SLT {unit.int}",
            police_district=district,
            municipalities=("3201", "3203"),
        )
        s.pops[unit] = pops
        s.events[unit] = list(PINNABLE) + kids(20, "traffic", "nord", start=900)
    s.registered[ORG] = {A, B, C}
    return s


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 8, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
def service(store: TrendsStore, clock: FakeClock) -> TrendsService:
    return TrendsService(FakeTrendsUnitOfWorkFactory(store), clock, CACHED)


async def test_release_builds_every_table_of_the_grain_and_pulls_return_frozen_bytes(
    service: TrendsService, store: TrendsStore
) -> None:
    rel = await service.release(coordinator(A), "2025H1")
    assert [t.table for t in rel.tables] == [
        "offences-by-category",
        "offences-by-age",
        "offences-by-area",
    ]
    assert rel.revision == 1 and rel.audit.passed and rel.released_by == "Kari Koordinator"
    first = await service.pull(police_contact(A), "offences-by-age", None, "2025H1")
    again = await service.pull(police_contact(A), "offences-by-age", None, "2025H1")
    assert first == again and first.media_type == "application/json"
    csv = await service.pull(steering_reader(A), "offences-by-age", A, "2025H1", fmt="csv")
    assert csv.content.decode().count("\n# ") >= 10 and csv.media_type.startswith("text/csv")
    assert len(store.pulls) == 3 and store.pulls[0].person_id is not None
    assert store.pulls[0].cells_released == rel.tables[1].cells_released


async def test_only_ended_periods_and_whole_half_years_or_years(service: TrendsService) -> None:
    with pytest.raises(PeriodNotEnded):
        await service.release(coordinator(A), "2025H2")
    with pytest.raises(ValidationFailed):
        await service.release(coordinator(A), "2025Q1")
    with pytest.raises(ValidationFailed):
        await service.release(coordinator(A), "2025H3")


@pytest.mark.parametrize(
    "who", [police_contact, steering_reader], ids=["police-contact", "steering-reader"]
)
async def test_readers_do_not_release(service: TrendsService, who: object) -> None:
    with pytest.raises(Forbidden):
        await service.release(who(A), "2025H1")  # type: ignore[operator]


async def test_unit_admin_releases_and_a_second_release_is_the_next_revision(
    service: TrendsService, store: TrendsStore
) -> None:
    await service.release(unit_admin(A), "2025H1")
    store.events[A] += kids(9, "theft", "nord", start=500)
    second = await service.release(coordinator(A), "2025H1")
    assert second.revision == 2 and second.change_log
    old = await service.pull(coordinator(A), "offences-by-category", None, "2025H1", revision=1)
    new = await service.pull(coordinator(A), "offences-by-category", None, "2025H1")
    assert old != new and b'"revision":1' in old.content and b'"revision":2' in new.content
    assert [p.revision for p in store.pulls] == [1, 2]


async def test_a_machine_reads_its_district_and_nothing_else(
    service: TrendsService, store: TrendsStore
) -> None:
    for unit in (A, B, C):
        await service.release(coordinator(unit), "2025H1")
    bot = machine(A, [Scope.TRENDS_READ])
    body = await service.pull(bot, "offences-by-area", B, "2025H1")
    assert store.pulls[-1].client_org == ORG and store.pulls[-1].unit_id == B
    assert body.etag and Attack().read("x", body.content) is None
    with pytest.raises(NotReleased):  # another district: the same 404 as nothing released
        await service.pull(bot, "offences-by-area", C, "2025H1")
    store.registered[ORG] = {A}
    with pytest.raises(NotReleased):  # B never registered this organisation
        await service.pull(bot, "offences-by-area", B, "2025H1")
    with pytest.raises(Forbidden):
        await service.pull(machine(A, [Scope.IMPORT_WRITE]), "offences-by-area", A, "2025H1")
    catalogue = await service.catalogue(bot)
    assert [u.unit.id for u in catalogue.units] == [A]
    assert catalogue.units[0].periods == (Period.parse("2025H1"),)


async def test_persons_read_only_their_own_unit(service: TrendsService) -> None:
    await service.release(coordinator(B), "2025H1")
    with pytest.raises(NotReleased):
        await service.pull(police_contact(A), "offences-by-age", B, "2025H1")
    with pytest.raises(Forbidden):
        await service.pull(body_member(B, UUID(int=9)), "offences-by-age", B, "2025H1")


async def test_bad_pulls(service: TrendsService) -> None:
    await service.release(coordinator(A), "2025H1")
    p = police_contact(A)
    with pytest.raises(UnknownTable):
        await service.pull(p, "children-by-name", None, "2025H1")
    with pytest.raises(NotReleased):
        await service.pull(p, "offences-by-age", None, "2024H1")
    with pytest.raises(NotReleased):
        await service.pull(p, "offences-by-age", None, "2025H1", revision=2)
    with pytest.raises(ValidationFailed):
        await service.pull(p, "offences-by-age", None, "2025H1", fmt="xml")
    with pytest.raises(ValidationFailed):
        await service.pull(p, "offences-by-age", None, "2025H1", revision=0)
    with pytest.raises(TrendFilterRefused) as refused:
        refuse_filters(["period", "age_band", "municipality"])
    assert refused.value.names == ["age_band", "municipality"]
    refuse_filters(["period", "unit", "revision", "format"])
    with pytest.raises(TrendFilterRefused) as repeated:
        refuse_filters(["period", "unit", "period"])  # which period would answer?
    assert repeated.value.names == ["period"]


async def test_pull_log_and_releases_are_for_the_unit_s_managers(
    service: TrendsService, store: TrendsStore
) -> None:
    await service.release(coordinator(A), "2025H1")
    await service.pull(police_contact(A), "offences-by-age", None, "2025H1")
    page = await service.pulls(coordinator(A), PageRequest())
    assert [r.table for r in page.items] == ["offences-by-age"]
    with pytest.raises(Forbidden):
        await service.pulls(police_contact(A), PageRequest())
    assert len(await service.releases(steering_reader(A))) == 1
    assert await service.releases(coordinator(B)) == []


async def test_a_failed_release_writes_nothing(service: TrendsService, store: TrendsStore) -> None:
    store.events[A].append(Event("x", "violence", "nowhere", "14-15", PINNABLE[0].day))
    with pytest.raises(KeyError):  # an area the populations do not know: a bug, not a release
        await service.release(coordinator(A), "2025H1")
    assert store.releases == [] and store.commits == 0


class _AlwaysPinned:
    """A solver under which every suppressed item looks pinned: with a suppressed total even
    the municipality's lockdown cannot pass the gate."""

    def bounds(self, system: object, variable: int) -> tuple[float, float | None]:
        return (3.0, 3.0)


async def test_a_release_that_fails_the_gate_publishes_nothing(
    store: TrendsStore, clock: FakeClock
) -> None:
    store.events[A] = kids(3, "violence", "nord")  # a municipality total of 3: primary itself
    gated = TrendsService(FakeTrendsUnitOfWorkFactory(store), clock, _AlwaysPinned())
    with pytest.raises(ReleaseAuditFailed):
        await gated.release(coordinator(A), "2025H1")
    with pytest.raises(NotReleased):
        await gated.pull(police_contact(A), "offences-by-age", None, "2025H1")


async def test_a_rebuild_with_nothing_changed_makes_no_new_revision(
    service: TrendsService,
) -> None:
    first = await service.release(coordinator(A), "2025H1")
    with pytest.raises(ReleaseUnchanged):
        await service.release(coordinator(A), "2025H1")  # a double click
    body = await service.pull(police_contact(A), "offences-by-age", None, "2025H1")
    assert first.revision == 1 and body == first.tables[1].body("json")


async def test_a_login_without_a_person_record_releases_under_a_placeholder_name(
    service: TrendsService, store: TrendsStore
) -> None:
    nameless = dataclasses.replace(coordinator(A), display_name="")
    rel = await service.release(nameless, "2025H1")
    assert rel.released_by == "(uten navn)"
    await service.pull(
        dataclasses.replace(police_contact(A), display_name=" "), "offences-by-age", None, "2025H1"
    )
    assert store.pulls[-1].by_name == "(uten navn)"
