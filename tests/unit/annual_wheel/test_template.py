"""The template aggregate: its rules and the due date it gives in a year."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.annual_wheel.task import WheelTask, task_id
from domain.annual_wheel.template import OwnerRole, WheelTemplate, check_year
from domain.organisation.model import Level
from domain.shared.errors import ValidationFailed


def template(**kw: object) -> WheelTemplate:
    values: dict[str, object] = {
        "id": uuid4(),
        "unit_id": uuid4(),
        "title": "Møte i styringsgruppen",
        "month": 2,
        "owner_role": OwnerRole.SECRETARY,
        "body_level": Level.STEERING,
    }
    values.update(kw)
    return WheelTemplate(**values)  # type: ignore[arg-type]


def codes(t: WheelTemplate) -> set[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        t.check()
    return {(e.field, e.code) for e in caught.value.errors}


def test_a_valid_template_passes() -> None:
    template().check()
    template(owner_role=OwnerRole.COORDINATOR, body_level=None, day=15).check()


@pytest.mark.parametrize("month", [0, 13, -1])
def test_the_month_is_one_to_twelve(month: int) -> None:
    assert ("month", "out-of-range") in codes(template(month=month))


@pytest.mark.parametrize(("month", "day"), [(4, 31), (2, 30), (1, 0), (12, 32)])
def test_the_day_is_one_the_month_has(month: int, day: int) -> None:
    assert ("day", "out-of-range") in codes(template(month=month, day=day))


def test_29_february_is_a_valid_template_day_and_falls_on_the_28th_in_a_common_year() -> None:
    t = template(month=2, day=29)
    t.check()
    assert t.due(2028) == date(2028, 2, 29)
    assert t.due(2026) == date(2026, 2, 28)


def test_without_a_day_the_task_is_due_by_the_months_last_day() -> None:
    assert template(month=4).due(2026) == date(2026, 4, 30)
    assert template(month=2).due(2028) == date(2028, 2, 29)
    assert template(month=12, day=1).due(2026) == date(2026, 12, 1)


def test_a_chair_or_secretary_needs_a_body_level() -> None:
    assert ("bodyLevel", "required") in codes(template(owner_role=OwnerRole.CHAIR, body_level=None))


def test_title_required_bounded_and_plain() -> None:
    assert ("title", "required") in codes(template(title="  "))
    assert ("title", "too-long") in codes(template(title="x" * 201))
    assert ("title", "control-characters") in codes(template(title="Møte\x1b[31m"))
    assert ("description", "too-long") in codes(template(description="x" * 4001))


def test_years_are_bounded() -> None:
    check_year(2026)
    for year in (1999, 2101):
        with pytest.raises(ValidationFailed):
            check_year(year)


def test_a_task_id_derives_from_template_and_year() -> None:
    tid = uuid4()
    assert task_id(tid, 2026) == task_id(tid, 2026)
    assert task_id(tid, 2026) != task_id(tid, 2027)
    assert task_id(tid, 2026) != task_id(uuid4(), 2026)
    task = WheelTask(
        id=uuid4(),
        unit_id=uuid4(),
        template_id=tid,
        year=2026,
        title="Oppgave",
        due=date(2027, 1, 1),
        owner_role=OwnerRole.COORDINATOR,
    )
    with pytest.raises(ValidationFailed) as caught:
        task.check()
    assert {e.code for e in caught.value.errors} == {"not-derived", "other-year"}
