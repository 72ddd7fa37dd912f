"""The entities' own rules: ``check()`` of persons, bodies and memberships."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.model import (
    NAME_MAX,
    TEXT_MAX,
    Body,
    Level,
    Membership,
    Person,
)
from domain.shared.errors import ValidationFailed
from domain.shared.principal import BodyRole

UNIT = uuid4()


def codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


def failing(entity: Any, *args: Any) -> set[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as exc:
        entity.check(*args)
    return codes(exc)


def body(**kw: Any) -> Body:
    base: dict[str, Any] = {
        "id": uuid4(),
        "unit_id": UNIT,
        "name": "Politirådet",
        "level": Level.STEERING,
    }
    return Body(**(base | kw))


def membership(**kw: Any) -> Membership:
    base: dict[str, Any] = {
        "id": uuid4(),
        "unit_id": UNIT,
        "body_id": uuid4(),
        "person_id": uuid4(),
        "role": BodyRole.MEMBER,
        "valid_from": date(2025, 1, 1),
    }
    return Membership(**(base | kw))


# -- person ------------------------------------------------------------------------------------


def person(**kw: Any) -> Person:
    base: dict[str, Any] = {"id": uuid4(), "unit_id": UNIT, "name": "Kari Nordmann"}
    return Person(**(base | kw))


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"title": "Rektor", "email": "kari@drammen.kommune.no", "phone": "+47 912 34 567"},
        {"phone": "91234567"},
        {"name": "x" * NAME_MAX},
    ],
)
def test_valid_persons_pass(kw: dict[str, Any]) -> None:
    person(**kw).check()


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"name": ""}, ("name", "required")),
        ({"name": "x" * (NAME_MAX + 1)}, ("name", "too-long")),
        ({"title": "x" * (NAME_MAX + 1)}, ("title", "too-long")),
        ({"email": "kari"}, ("email", "invalid-email")),
        ({"email": "kari@drammen"}, ("email", "invalid-email")),
        ({"email": "kari nordmann@drammen.no"}, ("email", "invalid-email")),
        ({"phone": "1234"}, ("phone", "invalid-phone")),
        ({"phone": "912-34-567"}, ("phone", "invalid-phone")),
        ({"phone": "+47 912 34 567 890 12 345"}, ("phone", "invalid-phone")),
    ],
)
def test_person_rules(kw: dict[str, Any], expected: tuple[str, str]) -> None:
    assert failing(person(**kw)) == {expected}


def test_phone_of_only_spaces_is_refused() -> None:
    assert failing(person(phone=" " * 8)) == {("phone", "invalid-phone")}


# -- body --------------------------------------------------------------------------------------


def test_politiraad_only_at_steering_level() -> None:
    body(is_politiraad=True, level=Level.STEERING).check()
    for level in (Level.COORDINATING, Level.EXECUTIVE):
        assert failing(body(is_politiraad=True, level=level)) == {("isPolitiraad", "steering-only")}


@pytest.mark.parametrize("norm", [None, 1, 4, 12, 365])
def test_meeting_norm_in_range_passes(norm: int | None) -> None:
    body(meeting_norm_per_year=norm).check()


@pytest.mark.parametrize("norm", [0, -1, 366])
def test_meeting_norm_out_of_range_fails(norm: int) -> None:
    assert failing(body(meeting_norm_per_year=norm)) == {("meetingNormPerYear", "out-of-range")}


def test_body_name_and_mandate() -> None:
    assert failing(body(name="")) == {("name", "required")}
    body(mandate="x" * TEXT_MAX).check()
    assert failing(body(mandate="x" * (TEXT_MAX + 1))) == {("mandate", "too-long")}


@pytest.mark.parametrize(
    ("level", "may"),
    [(Level.STEERING, False), (Level.COORDINATING, False), (Level.EXECUTIVE, True)],
)
def test_only_executive_bodies_may_handle_individual_cases(level: Level, may: bool) -> None:
    assert body(level=level).may_handle_individual_cases is may


def test_a_politiraad_never_handles_individual_cases() -> None:
    assert not body(is_politiraad=True).may_handle_individual_cases


# -- membership --------------------------------------------------------------------------------


def test_membership_period() -> None:
    start = date(2025, 1, 1)
    membership(valid_from=start).check()
    membership(valid_from=start, valid_to=start).check()
    assert failing(membership(valid_from=start, valid_to=start - timedelta(days=1))) == {
        ("validTo", "before-start")
    }


def test_membership_active_on_is_inclusive_at_both_ends() -> None:
    m = membership(valid_from=date(2025, 1, 1), valid_to=date(2025, 6, 30))
    assert not m.active_on(date(2024, 12, 31))
    assert m.active_on(date(2025, 1, 1))
    assert m.active_on(date(2025, 6, 30))
    assert not m.active_on(date(2025, 7, 1))
    open_ended = membership(valid_from=date(2025, 1, 1))
    assert open_ended.active_on(date(2099, 1, 1))


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((date(2025, 1, 1), date(2025, 6, 30)), (date(2025, 7, 1), None), False),
        ((date(2025, 1, 1), date(2025, 6, 30)), (date(2025, 6, 30), None), True),
        ((date(2025, 1, 1), None), (date(2030, 1, 1), None), True),
        ((date(2025, 3, 1), date(2025, 3, 31)), (date(2025, 1, 1), date(2025, 12, 31)), True),
        ((date(2025, 1, 1), date(2025, 1, 31)), (date(2025, 2, 1), date(2025, 2, 28)), False),
    ],
)
def test_membership_overlap_is_symmetric(
    a: tuple[date, date | None], b: tuple[date, date | None], overlap: bool
) -> None:
    ma = membership(valid_from=a[0], valid_to=a[1])
    mb = membership(valid_from=b[0], valid_to=b[1])
    assert ma.overlaps(mb) is overlap
    assert mb.overlaps(ma) is overlap
