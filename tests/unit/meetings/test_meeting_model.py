"""Meetings unit tests: the meeting aggregate and its status machine (every pair of statuses)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import product
from uuid import uuid4

import pytest

from domain.meetings.errors import IllegalTransition
from domain.meetings.meeting import Meeting
from domain.meetings.status import (
    TRANSITIONS,
    DocumentationStatus,
    MeetingStatus,
    allowed,
    require_transition,
)
from domain.shared.errors import Conflict, ValidationFailed

S = MeetingStatus
START = datetime(2026, 5, 4, 16, 0, tzinfo=UTC)
LEGAL = {
    (S.PLANNED, S.HELD),
    (S.HELD, S.MINUTES_DRAFT),
    (S.MINUTES_DRAFT, S.MINUTES_APPROVED),
    (S.MINUTES_APPROVED, S.DISTRIBUTED),
    (S.PLANNED, S.CANCELLED),
}


def meeting(**kw: object) -> Meeting:
    base = Meeting(
        id=uuid4(),
        unit_id=uuid4(),
        body_id=uuid4(),
        starts_at=START,
        ends_at=START + timedelta(hours=2),
        place="Rådhuset",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


@pytest.mark.parametrize(("current", "target"), list(product(S, S)))
def test_the_table_allows_exactly_the_five_transitions(current: S, target: S) -> None:
    assert allowed(current, target) is ((current, target) in LEGAL)
    if (current, target) in LEGAL:
        require_transition(current, target)
    else:
        with pytest.raises(IllegalTransition) as exc:
            require_transition(current, target)
        assert isinstance(exc.value, Conflict)  # a 409 at the doors
        assert exc.value.precondition  # names what is unmet
        assert exc.value.current == current and exc.value.target == target


def test_an_illegal_transition_names_its_precondition() -> None:
    with pytest.raises(IllegalTransition, match="only a planned meeting can be cancelled"):
        meeting(status=S.HELD).cancelled("Sykdom")
    with pytest.raises(IllegalTransition, match="no transition leads to planned"):
        require_transition(S.HELD, S.PLANNED)


def test_final_statuses_lead_nowhere() -> None:
    for final in (S.DISTRIBUTED, S.CANCELLED):
        assert not any(allowed(final, t) for t in S)
    assert set(TRANSITIONS) == {t for _, t in LEGAL}


def test_approval_makes_the_record_final_and_archive_worthy() -> None:
    m = meeting(status=S.MINUTES_DRAFT, version=4)
    assert m.documentation_status is DocumentationStatus.IN_PROGRESS and not m.archive_worthy
    approved = m.moved_to(S.MINUTES_APPROVED)
    assert approved.documentation_status is DocumentationStatus.FINAL
    assert approved.archive_worthy and approved.version == 5
    assert m.status is S.MINUTES_DRAFT  # the original is untouched


def test_cancelling_needs_a_reason_and_keeps_it() -> None:
    m = meeting()
    done = m.cancelled("  Flyttet til høsten  ")
    assert done.status is S.CANCELLED and done.cancel_reason == "Flyttet til høsten"
    with pytest.raises(ValidationFailed) as exc:
        m.cancelled("   ")
    assert ("cancelReason", "required") in codes(exc)


def test_a_reason_without_cancellation_is_refused() -> None:
    with pytest.raises(ValidationFailed) as exc:
        meeting(cancel_reason="?").check()
    assert ("cancelReason", "not-cancelled") in codes(exc)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"place": None}, ("place", "required")),
        ({"place": None, "link": "http://example.test/m"}, ("link", "invalid-link")),
        ({"ends_at": START}, ("endsAt", "before-start")),
        ({"ends_at": START + timedelta(hours=25)}, ("endsAt", "meeting-too-long")),
        ({"starts_at": START.replace(tzinfo=None)}, ("startsAt", "naive-datetime")),
        ({"place": "x" * 201}, ("place", "too-long")),
        ({"place": "Rom\x00 1"}, ("place", "control-characters")),
    ],
)
def test_meeting_rules(changes: dict[str, object], expected: tuple[str, str]) -> None:
    with pytest.raises(ValidationFailed) as exc:
        meeting(**changes).check()
    assert expected in codes(exc)


def test_a_digital_meeting_needs_no_place() -> None:
    meeting(place=None, link="https://meet.example.test/slt").check()


def test_the_meeting_day_is_read_in_norway() -> None:
    late = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # already 1 January in Oslo
    m = meeting(starts_at=late, ends_at=late + timedelta(hours=1))
    assert m.day.isoformat() == "2027-01-01" and m.year == 2027
