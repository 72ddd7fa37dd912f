"""Generating a year's tasks from templates: dates, owners on the due date, stable keys (pure)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest

from domain.annual_wheel.generation import Seats, plan_year
from domain.annual_wheel.seeds import HANDBOOK, handbook_templates
from domain.annual_wheel.task import task_id
from domain.annual_wheel.template import OwnerRole, WheelTemplate
from domain.organisation.model import Level, SltUnit
from domain.shared.errors import ValidationFailed
from domain.shared.principal import BodyRole
from tests.fakes import FakeStore
from tests.unit.annual_wheel.conftest import body, person, seat


@pytest.fixture
def unit() -> SltUnit:
    return FakeStore().seed_unit()


def test_the_handbook_wheel_has_what_the_handbook_names() -> None:
    titles = [s.title for s in HANDBOOK]
    assert titles.count("Møte i styringsgruppen") == 4  # 2.1.1: at least four times a year
    for wanted in (
        "Politirådets egenevaluering",
        "Årlig samling for alle nivåer",
        "Revisjon av handlingsplanen",
        "Innspill til kommunens budsjett og økonomiplan",
        "Oppfølging av Ungdata-resultatene",
    ):
        assert wanted in titles
    assert len(handbook_templates(uuid4())) == len(HANDBOOK)


def test_every_active_template_gives_one_task_in_date_order(unit: SltUnit) -> None:
    templates = handbook_templates(unit.id)
    tasks = plan_year(templates, 2026, Seats(coordinator_person_id=None))
    assert len(tasks) == len(templates)
    assert [t.due for t in tasks] == sorted(t.due for t in tasks)
    assert all(t.year == 2026 and t.due.year == 2026 for t in tasks)
    assert {t.id for t in tasks} == {task_id(t.id, 2026) for t in templates}
    for t in tasks:
        t.check()


def test_inactive_templates_are_skipped(unit: SltUnit) -> None:
    a, b = handbook_templates(unit.id)[:2]
    tasks = plan_year([a, replace(b, active=False)], 2026, Seats(coordinator_person_id=None))
    assert [t.template_id for t in tasks] == [a.id]


def test_owners_are_resolved_on_the_due_date(unit: SltUnit) -> None:
    steering = body(unit, "Politirådet", Level.STEERING)
    kari, ola, per, siv = (person(unit, n) for n in ("Kari", "Ola", "Per", "Siv"))
    seats = Seats(
        coordinator_person_id=kari.id,
        bodies=[steering],
        memberships=[
            seat(steering, ola, BodyRole.CHAIR, date(2022, 1, 1), date(2026, 6, 30)),
            seat(steering, per, BodyRole.CHAIR, date(2026, 7, 1)),
            seat(steering, siv, BodyRole.SECRETARY, date(2025, 1, 1)),
        ],
    )

    def t(month: int, role: OwnerRole, level: Level | None) -> WheelTemplate:
        return WheelTemplate(
            id=uuid4(), unit_id=unit.id, title=f"T{month}", month=month, owner_role=role,
            body_level=level,
        )  # fmt: skip

    tasks = plan_year(
        [
            t(3, OwnerRole.CHAIR, Level.STEERING),
            t(11, OwnerRole.CHAIR, Level.STEERING),
            t(5, OwnerRole.SECRETARY, Level.STEERING),
            t(10, OwnerRole.COORDINATOR, None),
        ],
        2026,
        seats,
    )
    owners = {(x.due.month, x.owner_role): (x.body_id, x.owner_person_id) for x in tasks}
    assert owners[(3, OwnerRole.CHAIR)] == (steering.id, ola.id)
    assert owners[(11, OwnerRole.CHAIR)] == (steering.id, per.id)  # the chair changed in July
    assert owners[(5, OwnerRole.SECRETARY)] == (steering.id, siv.id)
    assert owners[(10, OwnerRole.COORDINATOR)] == (None, kari.id)


def test_a_vacant_seat_or_an_ambiguous_level_falls_to_the_coordinator(unit: SltUnit) -> None:
    kari = person(unit, "Kari")
    steering = body(unit, "Styringsgruppa", Level.STEERING)
    children = body(unit, "Koordinering barn og familie", Level.COORDINATING)
    youth = body(unit, "Koordinering ungdom", Level.COORDINATING)
    seats = Seats(coordinator_person_id=kari.id, bodies=[steering, children, youth])
    chair = WheelTemplate(
        id=uuid4(), unit_id=unit.id, title="Egenevaluering", month=11,
        owner_role=OwnerRole.CHAIR, body_level=Level.STEERING,
    )  # fmt: skip
    plan = WheelTemplate(
        id=uuid4(), unit_id=unit.id, title="Plan", month=10,
        owner_role=OwnerRole.SECRETARY, body_level=Level.COORDINATING,
    )  # fmt: skip
    by_title = {x.title: x for x in plan_year([chair, plan], 2026, seats)}
    assert (by_title["Egenevaluering"].body_id, by_title["Egenevaluering"].owner_person_id) == (
        steering.id,
        kari.id,
    )
    assert (by_title["Plan"].body_id, by_title["Plan"].owner_person_id) == (None, kari.id)


def test_nobody_to_own_it_leaves_the_owner_open(unit: SltUnit) -> None:
    (task, *_) = plan_year(handbook_templates(unit.id), 2026, Seats(coordinator_person_id=None))
    assert task.owner_person_id is None


def test_the_same_input_plans_the_same_tasks(unit: SltUnit) -> None:
    templates = handbook_templates(unit.id)
    seats = Seats(coordinator_person_id=uuid4())
    assert plan_year(templates, 2027, seats) == plan_year(list(reversed(templates)), 2027, seats)


def test_a_year_out_of_range_is_refused(unit: SltUnit) -> None:
    with pytest.raises(ValidationFailed):
        plan_year(handbook_templates(unit.id), 1999, Seats(coordinator_person_id=None))
