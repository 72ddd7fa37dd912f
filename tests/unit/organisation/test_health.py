"""``assess``: what the SLT model requires of a unit, met or not, and what ends within 60 days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.organisation.health import (
    EXPIRY_WARNING_DAYS,
    CheckCode,
    HealthCheck,
    OrganisationHealth,
    Severity,
    assess,
)
from domain.organisation.model import Body, Establishment, Level, Membership
from domain.shared.principal import BodyRole

TODAY = date(2025, 3, 14)
UNIT = uuid4()


def body(level: Level, name: str = "") -> Body:
    return Body(id=uuid4(), unit_id=UNIT, name=name or f"{level.value} body", level=level)


def seat(b: Body, role: BodyRole = BodyRole.MEMBER, **kw: Any) -> Membership:
    fields: dict[str, Any] = {"valid_from": TODAY - timedelta(days=365)} | kw
    return Membership(
        id=uuid4(), unit_id=UNIT, body_id=b.id, person_id=uuid4(), role=role, **fields
    )


def established(**kw: Any) -> Establishment:
    fields: dict[str, Any] = {
        "municipal_decision_date": date(2020, 1, 1),
        "police_confirmation_date": date(2020, 2, 1),
        "coordinator_person_id": uuid4(),
        "police_contact_person_id": uuid4(),
    } | kw
    return Establishment(unit_id=UNIT, **fields)


def complete() -> tuple[Establishment, list[Body], list[Membership]]:
    bodies = [body(Level.STEERING), body(Level.COORDINATING), body(Level.EXECUTIVE)]
    return established(), bodies, [seat(b, BodyRole.CHAIR) for b in bodies]


def run(
    est: Establishment | None, bodies: list[Body], memberships: list[Membership]
) -> OrganisationHealth:
    return assess(establishment=est, bodies=bodies, memberships=memberships, today=TODAY)


def check(h: OrganisationHealth, code: CheckCode, body_id: UUID | None = None) -> HealthCheck:
    [found] = [c for c in h.checks if c.code is code and c.body_id == body_id]
    return found


def test_a_complete_unit_is_ok_and_lists_every_check_as_met() -> None:
    h = run(*complete())
    assert h.ok
    assert h.problems == ()
    assert {c.code for c in h.checks} == set(CheckCode) - {CheckCode.MEMBERSHIP_EXPIRING}


def test_an_empty_unit_lists_every_unit_requirement_as_unmet() -> None:
    h = run(None, [], [])
    assert not h.ok
    assert [(c.code, c.severity, c.ok) for c in h.checks] == [
        (CheckCode.NOT_ESTABLISHED, Severity.REQUIRED, False),
        (CheckCode.NO_COORDINATOR, Severity.REQUIRED, False),
        (CheckCode.NO_POLICE_CONTACT, Severity.REQUIRED, False),
        (CheckCode.NO_STEERING_BODY, Severity.REQUIRED, False),
        (CheckCode.NO_COORDINATING_BODY, Severity.REQUIRED, False),
        (CheckCode.NO_EXECUTIVE_BODY, Severity.RECOMMENDED, False),
    ]


@pytest.mark.parametrize(
    ("est_changes", "code"),
    [
        ({"municipal_decision_date": None}, CheckCode.NOT_ESTABLISHED),
        ({"police_confirmation_date": None}, CheckCode.NOT_ESTABLISHED),
        ({"coordinator_person_id": None}, CheckCode.NO_COORDINATOR),
        ({"police_contact_person_id": None}, CheckCode.NO_POLICE_CONTACT),
    ],
)
def test_each_establishment_requirement(est_changes: dict[str, Any], code: CheckCode) -> None:
    _, bodies, ms = complete()
    h = run(established(**est_changes), bodies, ms)
    assert [c.code for c in h.problems] == [code]
    assert check(h, code).severity is Severity.REQUIRED
    assert not h.ok


@pytest.mark.parametrize(
    ("missing", "code", "severity", "ok"),
    [
        (Level.STEERING, CheckCode.NO_STEERING_BODY, Severity.REQUIRED, False),
        (Level.COORDINATING, CheckCode.NO_COORDINATING_BODY, Severity.REQUIRED, False),
        (Level.EXECUTIVE, CheckCode.NO_EXECUTIVE_BODY, Severity.RECOMMENDED, True),
    ],
)
def test_each_level(missing: Level, code: CheckCode, severity: Severity, ok: bool) -> None:
    est, bodies, ms = complete()
    kept = [b for b in bodies if b.level is not missing]
    h = run(est, kept, [m for m in ms if m.body_id in {b.id for b in kept}])
    assert [c.code for c in h.problems] == [code]
    assert check(h, code).severity is severity
    assert h.ok is ok


@pytest.mark.parametrize(
    ("level", "chair_severity"),
    [
        (Level.STEERING, Severity.REQUIRED),
        (Level.COORDINATING, Severity.REQUIRED),
        (Level.EXECUTIVE, Severity.RECOMMENDED),  # the executive level itself is only recommended
    ],
)
def test_body_without_members_is_recommended_and_chair_required_above_executive(
    level: Level, chair_severity: Severity
) -> None:
    est, bodies, ms = complete()
    empty = body(level, "Ny gruppe")
    h = run(est, [*bodies, empty], ms)
    members = check(h, CheckCode.BODY_WITHOUT_MEMBERS, empty.id)
    chair = check(h, CheckCode.BODY_WITHOUT_CHAIR, empty.id)
    assert (members.ok, members.severity) == (False, Severity.RECOMMENDED)
    assert (chair.ok, chair.severity) == (False, chair_severity)
    assert h.ok is (chair_severity is not Severity.REQUIRED)


def test_a_body_with_members_but_no_chair() -> None:
    est, bodies, ms = complete()
    group = body(Level.COORDINATING, "Koordineringsgruppe ungdom")
    h = run(est, [*bodies, group], [*ms, seat(group), seat(group, BodyRole.SECRETARY)])
    assert check(h, CheckCode.BODY_WITHOUT_MEMBERS, group.id).ok
    assert not check(h, CheckCode.BODY_WITHOUT_CHAIR, group.id).ok
    assert [c.body_id for c in h.problems] == [group.id]


def test_only_current_memberships_count() -> None:
    est, bodies, _ = complete()
    steering = bodies[0]
    ended = seat(steering, BodyRole.CHAIR, valid_to=TODAY - timedelta(days=1))
    future = seat(steering, BodyRole.CHAIR, valid_from=TODAY + timedelta(days=1))
    others = [seat(b, BodyRole.CHAIR) for b in bodies[1:]]
    h = run(est, bodies, [ended, future, *others])
    assert not check(h, CheckCode.BODY_WITHOUT_MEMBERS, steering.id).ok
    assert not check(h, CheckCode.BODY_WITHOUT_CHAIR, steering.id).ok


def test_a_chair_whose_term_ends_today_still_counts_today() -> None:
    est, bodies, _ = complete()
    ms = [seat(b, BodyRole.CHAIR, valid_to=TODAY) for b in bodies]
    h = run(est, bodies, ms)
    assert h.ok
    assert all(check(h, CheckCode.BODY_WITHOUT_CHAIR, b.id).ok for b in bodies)


@pytest.mark.parametrize(
    ("days_left", "warned"),
    [(0, True), (1, True), (EXPIRY_WARNING_DAYS, True), (EXPIRY_WARNING_DAYS + 1, False)],
)
def test_membership_expiry_horizon(days_left: int, warned: bool) -> None:
    est, bodies, ms = complete()
    ending = seat(bodies[1], valid_to=TODAY + timedelta(days=days_left))
    h = run(est, bodies, [*ms, ending])
    notices = [c for c in h.checks if c.code is CheckCode.MEMBERSHIP_EXPIRING]
    if warned:
        assert notices == [
            HealthCheck(
                code=CheckCode.MEMBERSHIP_EXPIRING,
                severity=Severity.NOTICE,
                ok=False,
                body_id=bodies[1].id,
                membership_id=ending.id,
                due=ending.valid_to,
            )
        ]
        assert ending.id in {c.membership_id for c in h.problems}
    else:
        assert notices == []
    assert EXPIRY_WARNING_DAYS == 60
    assert h.ok  # a notice never makes the unit unhealthy


def test_already_ended_memberships_give_no_expiry_notice() -> None:
    est, bodies, ms = complete()
    ended = seat(bodies[0], valid_to=TODAY - timedelta(days=1))
    h = run(est, bodies, [*ms, ended])
    assert CheckCode.MEMBERSHIP_EXPIRING not in {c.code for c in h.checks}


def test_expiry_notices_are_ordered_by_due_date() -> None:
    est, bodies, ms = complete()
    late = seat(bodies[0], valid_to=TODAY + timedelta(days=40))
    soon = seat(bodies[1], valid_to=TODAY + timedelta(days=5))
    h = run(est, bodies, [*ms, late, soon])
    due = [c.due for c in h.checks if c.code is CheckCode.MEMBERSHIP_EXPIRING]
    assert due == [soon.valid_to, late.valid_to]


def test_bodies_are_checked_top_to_bottom_then_by_name() -> None:
    est = established()
    bodies = [
        body(Level.EXECUTIVE, "A-team"),
        body(Level.COORDINATING, "Barn og familie"),
        body(Level.STEERING, "Politirådet"),
        body(Level.COORDINATING, "Alle"),
    ]
    h = run(est, bodies, [])
    order = [c.body_id for c in h.checks if c.code is CheckCode.BODY_WITHOUT_CHAIR]
    assert order == [bodies[2].id, bodies[3].id, bodies[1].id, bodies[0].id]


def test_ok_depends_only_on_required_checks() -> None:
    recommended = HealthCheck(
        code=CheckCode.NO_EXECUTIVE_BODY, severity=Severity.RECOMMENDED, ok=False
    )
    notice = HealthCheck(code=CheckCode.MEMBERSHIP_EXPIRING, severity=Severity.NOTICE, ok=False)
    required_met = HealthCheck(code=CheckCode.NO_COORDINATOR, severity=Severity.REQUIRED, ok=True)
    required_unmet = HealthCheck(
        code=CheckCode.NO_STEERING_BODY, severity=Severity.REQUIRED, ok=False
    )
    assert OrganisationHealth(checks=(recommended, notice, required_met)).ok
    assert not OrganisationHealth(checks=(recommended, required_unmet)).ok
    assert OrganisationHealth(checks=(recommended, notice, required_met)).problems == (
        recommended,
        notice,
    )
