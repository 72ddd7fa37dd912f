"""The open-minutes document value: what it refuses before any renderer sees it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.shared.documents import (
    AgendaItem,
    AgendaKind,
    Attendee,
    Decision,
    OpenMinutes,
    Presence,
)
from domain.shared.errors import ValidationFailed

START = datetime(2026, 3, 3, 17, 0, tzinfo=UTC)


def build(**overrides: object) -> OpenMinutes:
    values: dict[str, object] = {
        "body_name": "Styringsgruppa",
        "starts_at": START,
        "place": "Rådhuset",
        "attendees": (Attendee(name="Kari Testesen", presence=Presence.PRESENT),),
        "items": (AgendaItem(number=1, title="Økonomi", kind=AgendaKind.INFORMATION),),
    }
    return OpenMinutes(**(values | overrides))  # type: ignore[arg-type]


def codes(raised: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in raised.value.errors}


def test_a_decision_reads_body_number_and_year() -> None:
    assert Decision(body_code="KOG", number=12, year=2026, text="Vedtatt.").label == "KOG 12/2026"


def test_well_formed_minutes() -> None:
    assert build().version == 1


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"starts_at": datetime(2026, 3, 3, 18, 0)}, {("startsAt", "naive-datetime")}),
        ({"ends_at": datetime(2026, 3, 3, 16, 0, tzinfo=UTC)}, {("endsAt", "before-start")}),
        ({"version": 2}, {("correctionReason", "required")}),
        ({"version": 0}, {("version", "too-small")}),
        ({"body_name": " ", "place": ""}, {("bodyName", "required"), ("place", "required")}),
    ],
)
def test_refused_minutes(overrides: dict[str, object], expected: set[tuple[str, str]]) -> None:
    with pytest.raises(ValidationFailed) as raised:
        build(**overrides)
    assert codes(raised) == expected


def test_a_decision_number_appears_once() -> None:
    twice = Decision(body_code="KOG", number=1, year=2026, text="Vedtatt.")
    items = tuple(
        AgendaItem(number=n, title="Sak", kind=AgendaKind.DECISION, decisions=(twice,))
        for n in (1, 2)
    )
    with pytest.raises(ValidationFailed) as raised:
        build(items=items)
    assert codes(raised) == {("items", "duplicate-decision")}


@pytest.mark.parametrize(
    ("number", "year", "expected"),
    [(0, 2026, {("number", "too-small")}), (1, 1999, {("year", "out-of-range")})],
)
def test_decision_numbers_and_years_are_bounded(
    number: int, year: int, expected: set[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        Decision(body_code="KOG", number=number, year=year, text="Vedtatt.")
    assert codes(raised) == expected


def test_an_attendee_needs_a_name() -> None:
    with pytest.raises(ValidationFailed) as raised:
        Attendee(name="", presence=Presence.PRESENT)
    assert codes(raised) == {("name", "required")}
