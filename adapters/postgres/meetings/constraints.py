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


# A reference outside the unit (or to a row deleted meanwhile): the field the check would name.
REFERENCES: dict[str, str] = {
    "meeting_unit_id_body_id_fkey": "bodyId",
    "agenda_item_unit_id_meeting_id_fkey": "meetingId",
    "agenda_item_unit_id_owner_person_id_fkey": "ownerPersonId",
    "attendance_unit_id_meeting_id_fkey": "meetingId",
    "attendance_unit_id_person_id_fkey": "personId",
    "attendance_unit_id_substitute_for_person_id_fkey": "substituteForPersonId",
    "attendance_unit_id_organisation_id_fkey": "organisationId",
    "minutes_version_unit_id_meeting_id_fkey": "meetingId",
    "decision_unit_id_meeting_id_fkey": "meetingId",
    "decision_unit_id_agenda_item_id_fkey": "agendaItemId",
    "decision_unit_id_body_id_fkey": "bodyId",
    "action_item_unit_id_meeting_id_fkey": "meetingId",
    "action_item_unit_id_agenda_item_id_fkey": "agendaItemId",
    "action_item_unit_id_owner_person_id_fkey": "ownerPersonId",
    "guard_override_unit_id_meeting_id_fkey": "meetingId",
}


def constraint_name(exc: IntegrityError) -> str:
    cause = getattr(exc.orig, "__cause__", None)  # the asyncpg error behind SQLAlchemy's wrapper
    return getattr(cause, "constraint_name", None) or ""


def domain_error(exc: IntegrityError, *, deleting: bool = False) -> DomainError:
    name = constraint_name(exc)
    rule = RULES.get(name)
    if rule is not None:
        return rule()
    if name in REFERENCES and not deleting:
        return ValidationFailed.single(REFERENCES[name], "unknown", "No such record in this unit.")
    return constraints.domain_error(exc, deleting=deleting)
