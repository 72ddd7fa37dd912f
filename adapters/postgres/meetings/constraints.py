"""Meetings room: the meetings context's constraint names as the domain errors its application
checks raise for the same rules (ADR 0007); any other name falls back on ``postgres.constraints``."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from adapters.postgres import constraints
from domain.meetings.errors import MinutesLocked
from domain.shared.errors import Conflict, DomainError, ValidationFailed

RULES: dict[str, Callable[[], DomainError]] = {
    "uq_attendance_person": lambda: Conflict("The person's attendance is already recorded."),
    "uq_agenda_item_position": lambda: Conflict("Two agenda items cannot share a position."),
    "uq_minutes_version_number": lambda: Conflict("That minutes version exists."),
    "uq_decision_number": lambda: Conflict("The decision number is taken."),
    "tg_minutes_version_approved": lambda: MinutesLocked(
        "These minutes are approved; correct them as a new version."
    ),
    "ck_meeting_period": lambda: ValidationFailed.single(
        "endsAt", "before-start", "The meeting must end after it starts."
    ),
}


def constraint_name(exc: IntegrityError) -> str:
    cause = getattr(exc.orig, "__cause__", None)  # the asyncpg error behind SQLAlchemy's wrapper
    return getattr(cause, "constraint_name", None) or ""


def domain_error(exc: IntegrityError, *, deleting: bool = False) -> DomainError:
    rule = RULES.get(constraint_name(exc))
    return rule() if rule else constraints.domain_error(exc, deleting=deleting)
