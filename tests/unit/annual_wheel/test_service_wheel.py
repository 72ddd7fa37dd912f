"""The annual wheel's use cases over the fakes: seeding, idempotent generation, the view, statuses."""

from __future__ import annotations

from datetime import date

import pytest

from domain.annual_wheel.limits import TEMPLATES_MAX
from domain.annual_wheel.service import AnnualWheelService, TemplateChanges
from domain.annual_wheel.task import TaskStatus
from domain.annual_wheel.template import OwnerRole
from domain.organisation.model import Level, SltUnit
from domain.shared.errors import (
    Conflict,
    Forbidden,
    InUse,
    NotFound,
    StaleVersion,
    ValidationFailed,
)
from domain.shared.principal import BodyRole, Principal
from tests.fakes import (
    FakeAnnualWheelStore,
    body_member,
    coordinator,
    machine,
    person,
    steering_reader,
)
from tests.unit.annual_wheel.conftest import body, establish, seat
from tests.unit.annual_wheel.conftest import person as staff


async def test_seeding_gives_the_handbook_wheel_once(
    wheel: AnnualWheelService, coord: Principal
) -> None:
    seeded = await wheel.seed_handbook(coord)
    assert len(seeded) == 9
    assert await wheel.seed_handbook(coord) == []
    assert len(await wheel.list_templates(coord)) == 9


async def test_generating_twice_creates_nothing_new(
    wheel: AnnualWheelService, coord: Principal, store: FakeAnnualWheelStore
) -> None:
    await wheel.seed_handbook(coord)
    first = await wheel.generate_year(coord, 2026)
    assert (len(first.created), first.existing) == (9, 0)
    commits = store.commits
    again = await wheel.generate_year(coord, 2026)
    assert (again.created, again.existing) == ((), 9)
    assert len(store.tables.tasks) == 9
    assert store.commits == commits + 1
    other_year = await wheel.generate_year(coord, 2027)
    assert len(other_year.created) == 9
    assert len(store.tables.tasks) == 18


async def test_a_new_template_adds_only_its_task_and_done_tasks_stay_done(
    wheel: AnnualWheelService, coord: Principal
) -> None:
    await wheel.seed_handbook(coord)
    first = await wheel.generate_year(coord, 2026)
    done = await wheel.set_task_status(coord, first.created[0].id, TaskStatus.DONE, 1)
    await wheel.create_template(
        coord, title="Kurs for nye medlemmer", month=1, day=20, owner_role=OwnerRole.COORDINATOR
    )
    again = await wheel.generate_year(coord, 2026)
    assert [t.title for t in again.created] == ["Kurs for nye medlemmer"]
    view = await wheel.wheel(coord, 2026)
    assert next(t for t in view.tasks if t.id == done.id).status is TaskStatus.DONE


async def test_generated_tasks_name_their_owners(
    wheel: AnnualWheelService, coord: Principal, store: FakeAnnualWheelStore, unit: SltUnit
) -> None:
    kari, ola = staff(unit, "Kari Koordinator"), staff(unit, "Ola Ordfører")
    steering = body(unit, "Politirådet", Level.STEERING, 4)
    store.put(kari, ola, steering, seat(steering, ola, BodyRole.CHAIR, date(2024, 1, 1)))
    establish(store, unit, kari)
    await wheel.seed_handbook(coord)
    created = (await wheel.generate_year(coord, 2026)).created
    evaluation = next(t for t in created if t.title == "Politirådets egenevaluering")
    assert (evaluation.body_id, evaluation.owner_person_id) == (steering.id, ola.id)
    gathering = next(t for t in created if t.title == "Årlig samling for alle nivåer")
    assert gathering.owner_person_id == kari.id


async def test_the_view_is_the_list_and_twelve_sectors(
    wheel: AnnualWheelService, coord: Principal
) -> None:
    await wheel.seed_handbook(coord)
    await wheel.generate_year(coord, 2026)
    await wheel.generate_year(coord, 2027)
    view = await wheel.wheel(coord, 2026)
    assert len(view.sectors) == 12
    assert len(view.tasks) == 9
    assert [p.task for s in view.sectors for p in s.tasks] == list(view.tasks)
    feb = view.sectors[1]
    assert feb.overdue_count == 1  # the clock stands on 14 March 2026
    assert view.sectors[9].open_count == 2  # October: the gathering and the plan revision


async def test_another_unit_sees_nothing_and_cannot_touch(
    wheel: AnnualWheelService, coord: Principal, store: FakeAnnualWheelStore
) -> None:
    await wheel.seed_handbook(coord)
    task = (await wheel.generate_year(coord, 2026)).created[0]
    other = coordinator(store.seed_unit(name="SLT Sarpsborg", municipality_numbers=("3105",)).id)
    assert (await wheel.wheel(other, 2026)).tasks == ()
    assert await wheel.list_templates(other) == []
    with pytest.raises(NotFound):
        await wheel.set_task_status(other, task.id, TaskStatus.DONE, 1)


async def test_readers_read_and_only_keepers_keep(
    wheel: AnnualWheelService, coord: Principal, unit: SltUnit
) -> None:
    await wheel.seed_handbook(coord)
    reader = steering_reader(unit.id)
    assert len(await wheel.list_templates(reader)) == 9
    for p in (reader, body_member(unit.id, unit.id, BodyRole.CHAIR)):
        with pytest.raises(Forbidden):
            await wheel.generate_year(p, 2026)
        with pytest.raises(Forbidden):
            await wheel.seed_handbook(p)
    for p in (person(unit.id), machine(unit.id)):
        with pytest.raises(Forbidden):
            await wheel.wheel(p, 2026)


async def test_a_tasks_owner_may_move_its_status_others_may_not(
    wheel: AnnualWheelService, coord: Principal, store: FakeAnnualWheelStore, unit: SltUnit
) -> None:
    ola = staff(unit, "Ola Ordfører")
    steering = body(unit, "Politirådet", Level.STEERING, 4)
    store.put(ola, steering, seat(steering, ola, BodyRole.CHAIR, date(2024, 1, 1)))
    await wheel.seed_handbook(coord)
    created = (await wheel.generate_year(coord, 2026)).created
    mine = next(t for t in created if t.owner_person_id == ola.id)
    chair = person(unit.id, body_roles={steering.id: BodyRole.CHAIR}, person_id=ola.id)
    done = await wheel.set_task_status(chair, mine.id, TaskStatus.DONE, mine.version)
    assert (done.status, done.version) == (TaskStatus.DONE, 2)
    with pytest.raises(StaleVersion):
        await wheel.set_task_status(chair, mine.id, TaskStatus.OPEN, 1)
    someone = body_member(unit.id, steering.id)
    not_mine = next(t for t in created if t.owner_person_id != ola.id)
    with pytest.raises(Forbidden):
        await wheel.set_task_status(someone, not_mine.id, TaskStatus.DONE, 1)


async def test_templates_are_kept_with_versions_and_in_use_ones_are_deactivated(
    wheel: AnnualWheelService, coord: Principal
) -> None:
    t = await wheel.create_template(
        coord, title=" Budsjettinnspill ", month=4, owner_role=OwnerRole.COORDINATOR
    )
    assert t.title == "Budsjettinnspill"
    moved = await wheel.update_template(coord, t.id, TemplateChanges(month=3, day=15), 1)
    assert (moved.month, moved.day, moved.version) == (3, 15, 2)
    with pytest.raises(ValidationFailed):
        await wheel.update_template(coord, t.id, TemplateChanges(day=31, month=4), 2)
    await wheel.generate_year(coord, 2026)
    with pytest.raises(InUse):
        await wheel.delete_template(coord, t.id, 2)
    off = await wheel.update_template(coord, t.id, TemplateChanges(active=False), 2)
    assert (await wheel.generate_year(coord, 2027)).created == ()
    fresh = await wheel.create_template(
        coord, title="Ny", month=5, owner_role=OwnerRole.COORDINATOR
    )
    await wheel.delete_template(coord, fresh.id, 1)
    assert [x.id for x in await wheel.list_templates(coord)] == [off.id]


async def test_input_is_checked(wheel: AnnualWheelService, coord: Principal) -> None:
    with pytest.raises(ValidationFailed):
        await wheel.create_template(coord, title="", month=13, owner_role=OwnerRole.CHAIR)
    with pytest.raises(ValidationFailed):
        await wheel.generate_year(coord, 2101)
    with pytest.raises(ValidationFailed):
        await wheel.wheel(coord, 1999)


async def test_a_wheel_holds_a_bounded_number_of_templates(
    wheel: AnnualWheelService, coord: Principal, store: FakeAnnualWheelStore
) -> None:
    await wheel.seed_handbook(coord)
    for i in range(TEMPLATES_MAX - 9):
        await wheel.create_template(coord, title=f"T{i}", month=1, owner_role=OwnerRole.COORDINATOR)
    with pytest.raises(Conflict):
        await wheel.create_template(
            coord, title="One more", month=1, owner_role=OwnerRole.COORDINATOR
        )
    assert len(store.tables.templates) == TEMPLATES_MAX
