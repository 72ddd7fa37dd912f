"""Constraint violations as the domain errors the application checks raise for the same rules."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable

from sqlalchemy.exc import DBAPIError, IntegrityError

from domain.shared.errors import (
    ChairOverlap,
    Conflict,
    DomainError,
    DuplicateName,
    InUse,
    MembershipOverlap,
    ValidationFailed,
)

# Constraint name -> what the application check says about the same rule (docs/adr/0007). The
# check answers first and kindly; a request that passed it only because a parallel one had not yet
# committed is refused here, and must get the same problem type.
RULES: dict[str, Callable[[], DomainError]] = {
    "ix_organisation_unit_name": lambda: DuplicateName(
        "An organisation with that name already exists."
    ),
    "ix_body_unit_name": lambda: DuplicateName("A body with that name already exists."),
    "ck_body_politiraad": lambda: ValidationFailed.single(
        "isPolitiraad", "steering-only", "A politiråd can only serve at the steering level."
    ),
    "ck_membership_period": lambda: ValidationFailed.single(
        "validTo", "before-start", "The end date is before the start date."
    ),
    "ex_membership_no_overlap": lambda: MembershipOverlap(
        "The person is already a member of this body in that period."
    ),
    "ex_membership_one_chair": lambda: ChairOverlap(
        "The body already has a chair in that period; hand over the chair instead."
    ),
}

# A reference the application check found, deleted by a parallel request before the write: the
# field the check would have named.
REFERENCES: dict[str, str] = {
    "membership_unit_id_body_id_fkey": "bodyId",
    "membership_unit_id_person_id_fkey": "personId",
    "membership_unit_id_organisation_id_fkey": "organisationId",
    "person_unit_id_organisation_id_fkey": "organisationId",
    "establishment_unit_id_coordinator_person_id_fkey": "coordinatorPersonId",
    "establishment_unit_id_police_contact_person_id_fkey": "policeContactPersonId",
    "organisation_municipality_number_fkey": "municipalityNumber",
}

_FOREIGN_KEY_VIOLATION = "23503"
_DEADLOCK_DETECTED = "40P01"

# PostgreSQL checks an exclusion constraint after inserting the row, so two parallel inserts that
# conflict can each wait for the other, and the deadlock detector aborts one (execIndexing.c).
# Retried in a fresh savepoint, the aborted write waits for the survivor and then sees the
# conflict, so it ends in the rule's own error. Ten writers racing for one chair on a loaded
# machine can abort the same writer several times (a CI run saw three attempts run out), so the
# retry allows more attempts and waits a short random while between them to break the symmetry.
WRITE_ATTEMPTS = 8
RETRY_PAUSE_SECONDS = (0.005, 0.05)


async def pause_before_retry() -> None:
    await asyncio.sleep(random.uniform(*RETRY_PAUSE_SECONDS))  # noqa: S311 - jitter, not secrecy


def is_deadlock(exc: DBAPIError) -> bool:
    return getattr(getattr(exc.orig, "__cause__", None), "sqlstate", None) == _DEADLOCK_DETECTED


def domain_error(exc: IntegrityError, *, deleting: bool = False) -> DomainError:
    """The domain error for a violated constraint. ``deleting``: a foreign key that stops a delete
    means something still refers to the row, as the ``in_use`` checks say before deleting."""
    cause = getattr(exc.orig, "__cause__", None)  # the asyncpg error behind SQLAlchemy's wrapper
    name = getattr(cause, "constraint_name", None) or ""
    if name in RULES:
        return RULES[name]()
    if getattr(cause, "sqlstate", None) == _FOREIGN_KEY_VIOLATION:
        if deleting:
            return InUse("Other records still refer to this one; end or remove those first.")
        if name in REFERENCES:
            return ValidationFailed.single(
                REFERENCES[name], "unknown", "No such record in this unit."
            )
        return Conflict("The change refers to a record that does not exist.")
    return Conflict("The change conflicts with stored data.")
