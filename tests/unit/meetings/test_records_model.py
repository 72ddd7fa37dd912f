"""Meetings unit tests: agenda items and reordering, attendance and the quorum rule, action items,
decision numbers."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.meetings.action_item import ActionItem, ActionStatus
from domain.meetings.agenda_item import AgendaItem, renumbered, reorder
from domain.meetings.attendance import Attendance, Presence, quorum
from domain.meetings.decision import DecisionNumber, body_code
from domain.meetings.errors import IllegalTransition
from domain.organisation.model import Membership
from domain.shared.errors import ValidationFailed
from domain.shared.principal import BodyRole

DAY = date(2026, 3, 10)
U, M = uuid4(), uuid4()


def items(n: int) -> list[AgendaItem]:
    return [
        AgendaItem(id=uuid4(), unit_id=U, meeting_id=M, position=i, title=f"Sak {i}")
        for i in range(1, n + 1)
    ]


@given(st.integers(1, 12).flatmap(lambda n: st.permutations(range(n))))
def test_reorder_numbers_any_permutation_1_to_n(perm: list[int]) -> None:
    agenda = items(len(perm))
    order = [agenda[i].id for i in perm]
    out = reorder(agenda, order)
    assert [i.id for i in out] == order
    assert [i.position for i in out] == list(range(1, len(perm) + 1))
    for before, after in zip(sorted(agenda, key=lambda i: order.index(i.id)), out, strict=True):
        assert after.version == before.version + (before.position != after.position)


@pytest.mark.parametrize("bad", ["missing", "duplicate", "foreign"])
def test_reorder_refuses_anything_but_a_permutation(bad: str) -> None:
    agenda = items(3)
    ids = [i.id for i in agenda]
    order = {
        "missing": ids[:2],
        "duplicate": [ids[0], ids[0], ids[1]],
        "foreign": [*ids[:2], uuid4()],
    }[bad]
    with pytest.raises(ValidationFailed) as exc:
        reorder(agenda, order)
    assert exc.value.errors[0].code == "not-a-permutation"


def test_renumbered_closes_the_gap_after_a_removal() -> None:
    a, _, c = items(3)
    assert [(i.id, i.position) for i in renumbered([c, a])] == [(a.id, 1), (c.id, 2)]


def test_an_agenda_item_needs_a_title_and_a_positive_position() -> None:
    with pytest.raises(ValidationFailed) as exc:
        AgendaItem(id=uuid4(), unit_id=U, meeting_id=M, position=0, title=" ").check()
    assert {(e.field, e.code) for e in exc.value.errors} == {
        ("title", "required"),
        ("position", "too-small"),
    }


def seat(
    role: BodyRole, *, since: date = date(2025, 1, 1), until: date | None = None
) -> Membership:
    return Membership(
        id=uuid4(),
        unit_id=U,
        body_id=uuid4(),
        person_id=uuid4(),
        role=role,
        valid_from=since,
        valid_to=until,
    )


def at(
    person: UUID, presence: Presence = Presence.PRESENT, instead_of: UUID | None = None
) -> Attendance:
    return Attendance(
        id=uuid4(),
        unit_id=U,
        meeting_id=M,
        person_id=person,
        presence=presence,
        substitute_for_person_id=instead_of,
    )


def test_quorum_is_more_than_half_of_the_voting_members() -> None:
    seats = [
        seat(BodyRole.CHAIR),
        seat(BodyRole.DEPUTY),
        seat(BodyRole.MEMBER),
        seat(BodyRole.MEMBER),
    ]
    two = [at(s.person_id) for s in seats[:2]]
    q = quorum(seats, two, DAY)
    assert (q.voting_members, q.present, q.required, q.reached) == (4, 2, 3, False)
    assert quorum(seats, [*two, at(seats[2].person_id)], DAY).reached


def test_observers_secretaries_and_former_members_do_not_count() -> None:
    seats = [
        seat(BodyRole.MEMBER),
        seat(BodyRole.MEMBER),
        seat(BodyRole.OBSERVER),
        seat(BodyRole.SECRETARY),
        seat(BodyRole.MEMBER, until=DAY.replace(day=9)),  # ended the day before
        seat(BodyRole.MEMBER, since=DAY.replace(day=11)),  # starts the day after
    ]
    q = quorum(seats, [at(s.person_id) for s in seats], DAY)
    assert (q.voting_members, q.present, q.reached) == (2, 2, True)


def test_a_substitute_fills_an_absent_members_seat_once() -> None:
    a, b, c = (seat(BodyRole.MEMBER) for _ in range(3))
    sub, sub2 = uuid4(), uuid4()
    rows = [
        at(a.person_id),
        at(b.person_id, Presence.ABSENT_WITH_NOTICE),
        at(sub, instead_of=b.person_id),
    ]
    assert quorum([a, b, c], rows, DAY).present == 2
    rows.append(at(sub2, instead_of=b.person_id))  # a second substitute adds no seat
    rows.append(at(uuid4(), instead_of=a.person_id))  # nor one for a member who is present
    assert quorum([a, b, c], rows, DAY).present == 2


def test_no_voting_members_no_quorum() -> None:
    assert not quorum([seat(BodyRole.OBSERVER)], [], DAY).reached


@given(st.integers(0, 15), st.data())
def test_quorum_reached_iff_present_seats_are_a_strict_majority(
    n: int, data: st.DataObject
) -> None:
    seats = [seat(BodyRole.MEMBER) for _ in range(n)]
    present = data.draw(st.lists(st.sampled_from(seats), unique=True)) if seats else []
    q = quorum(seats, [at(s.person_id) for s in present], DAY)
    assert q.reached is (n > 0 and 2 * len(present) > n)


def test_attendance_rules() -> None:
    me = uuid4()
    with pytest.raises(ValidationFailed, match="themselves"):
        at(me, instead_of=me).check()
    with pytest.raises(ValidationFailed) as exc:
        at(me, Presence.ABSENT_WITHOUT_NOTICE, instead_of=uuid4()).check()
    assert exc.value.errors[0].code == "absent-substitute"


def action(**kw: object) -> ActionItem:
    return ActionItem(
        id=uuid4(),
        unit_id=U,
        meeting_id=M,
        agenda_item_id=uuid4(),
        text="Lag plan",
        owner_person_id=uuid4(),
        **kw,  # type: ignore[arg-type]
    )


def test_overdue_means_open_and_past_due() -> None:
    assert action(due=date(2026, 3, 9)).is_overdue(DAY)
    assert not action(due=DAY).is_overdue(DAY)
    assert not action().is_overdue(DAY)
    assert not action(due=date(2026, 3, 1), status=ActionStatus.DONE).is_overdue(DAY)


def test_action_status_moves_by_its_table() -> None:
    done = action().with_status(ActionStatus.DONE)
    assert done.status is ActionStatus.DONE and done.version == 2
    assert done.with_status(ActionStatus.OPEN).status is ActionStatus.OPEN
    with pytest.raises(IllegalTransition):
        done.with_status(ActionStatus.CANCELLED)
    with pytest.raises(IllegalTransition):
        action().with_status(ActionStatus.OPEN)


def test_decision_numbers_read_code_sequence_year() -> None:
    assert DecisionNumber(body_code="KOG", sequence=12, year=2026).label == "KOG 12/2026"
    with pytest.raises(ValidationFailed):
        DecisionNumber(body_code="KOG", sequence=0, year=2026)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Koordinerende gruppe", "KG"),
        ("Politirådet", "POL"),
        ("Styringsgruppe for SLT i Ås", "SFSIÅ"),
        ("123", "SLT"),
    ],
)
def test_body_code_is_derived_from_the_name(name: str, code: str) -> None:
    assert body_code(name) == code
