"""Organisation health: what the SLT model requires of a unit, and what is missing or ending soon.

A pure function over a snapshot, so the rules are unit-tested without a database.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from domain.organisation.model import Body, Establishment, Level, Membership
from domain.shared.principal import BodyRole

EXPIRY_WARNING_DAYS = 60


class Severity(enum.StrEnum):
    REQUIRED = "required"  # the model requires it (handbook 2: "skal")
    RECOMMENDED = "recommended"  # the model recommends it ("bør")
    NOTICE = "notice"  # something ending soon


class CheckCode(enum.StrEnum):
    NOT_ESTABLISHED = "not_established"
    NO_COORDINATOR = "no_coordinator"
    NO_POLICE_CONTACT = "no_police_contact"
    NO_STEERING_BODY = "no_steering_body"
    NO_COORDINATING_BODY = "no_coordinating_body"
    NO_EXECUTIVE_BODY = "no_executive_body"
    BODY_WITHOUT_CHAIR = "body_without_chair"
    BODY_WITHOUT_MEMBERS = "body_without_members"
    MEMBERSHIP_EXPIRING = "membership_expiring"


@dataclass(frozen=True, slots=True, kw_only=True)
class HealthCheck:
    code: CheckCode
    severity: Severity
    ok: bool
    body_id: UUID | None = None
    membership_id: UUID | None = None
    due: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisationHealth:
    checks: tuple[HealthCheck, ...] = field(default_factory=tuple)

    @property
    def problems(self) -> tuple[HealthCheck, ...]:
        return tuple(c for c in self.checks if not c.ok)

    @property
    def ok(self) -> bool:
        return not any(c.severity is Severity.REQUIRED for c in self.problems)


def assess(
    *,
    establishment: Establishment | None,
    bodies: Sequence[Body],
    memberships: Sequence[Membership],
    today: date,
) -> OrganisationHealth:
    """Every requirement is listed, met or not, so the checklist can show both."""
    est = establishment
    current = [m for m in memberships if m.active_on(today)]
    levels = {b.level for b in bodies}
    checks = [
        HealthCheck(
            code=CheckCode.NOT_ESTABLISHED,
            severity=Severity.REQUIRED,
            ok=est is not None and est.is_established,
        ),
        HealthCheck(
            code=CheckCode.NO_COORDINATOR,
            severity=Severity.REQUIRED,
            ok=est is not None and est.coordinator_person_id is not None,
        ),
        HealthCheck(
            code=CheckCode.NO_POLICE_CONTACT,
            severity=Severity.REQUIRED,
            ok=est is not None and est.police_contact_person_id is not None,
        ),
        HealthCheck(
            code=CheckCode.NO_STEERING_BODY, severity=Severity.REQUIRED, ok=Level.STEERING in levels
        ),
        HealthCheck(
            code=CheckCode.NO_COORDINATING_BODY,
            severity=Severity.REQUIRED,
            ok=Level.COORDINATING in levels,
        ),
        HealthCheck(
            code=CheckCode.NO_EXECUTIVE_BODY,
            severity=Severity.RECOMMENDED,
            ok=Level.EXECUTIVE in levels,
        ),
    ]
    for body in sorted(bodies, key=lambda b: (list(Level).index(b.level), b.name)):
        members = [m for m in current if m.body_id == body.id]
        checks.append(
            HealthCheck(
                code=CheckCode.BODY_WITHOUT_MEMBERS,
                severity=Severity.RECOMMENDED,
                ok=bool(members),
                body_id=body.id,
            )
        )
        # Steering and coordinating bodies must be led (handbook 2.1); executive teams should be.
        checks.append(
            HealthCheck(
                code=CheckCode.BODY_WITHOUT_CHAIR,
                severity=Severity.RECOMMENDED
                if body.level is Level.EXECUTIVE
                else Severity.REQUIRED,
                ok=any(m.role is BodyRole.CHAIR for m in members),
                body_id=body.id,
            )
        )
    horizon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    for m in sorted(current, key=lambda m: (m.valid_to or date.max, str(m.id))):
        if m.valid_to is not None and m.valid_to <= horizon:
            checks.append(
                HealthCheck(
                    code=CheckCode.MEMBERSHIP_EXPIRING,
                    severity=Severity.NOTICE,
                    ok=False,
                    body_id=m.body_id,
                    membership_id=m.id,
                    due=m.valid_to,
                )
            )
    return OrganisationHealth(checks=tuple(checks))
