"""Cases room: the cases tables' constraint names as the domain errors the use cases raise for
the same rules (ADR 0007): two concurrent opens, seats or consent events — one wins, the other
gets the rule's own problem."""

from __future__ import annotations

from collections.abc import Callable

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.exc import IntegrityError

from adapters.postgres.constraints import domain_error as shared_error
from domain.cases.errors import AlreadyOnTeam, ConsentConflict, LastLead, OpenCaseExists
from domain.shared.errors import Conflict, DomainError, InUse, StaleVersion, ValidationFailed


def _field(field: str, code: str, message: str) -> Callable[[], DomainError]:
    return lambda: ValidationFailed.single(field, code, message)


RULES: dict[str, Callable[[], DomainError]] = {
    "uq_follow_up_case_open": lambda: OpenCaseExists(
        "The subject already has an open case of this kind on this body."
    ),
    "uq_case_member_person": lambda: AlreadyOnTeam("The person is already on the case's team."),
    "uq_consent_event_seq": lambda: ConsentConflict(
        "Another event for this party was recorded first; reload and try again."
    ),
    "tg_case_member_lead": lambda: LastLead("A case keeps at least one lead."),
    "tg_consent_event_chain": lambda: ConsentConflict(
        "The event does not follow the party's previous event; reload and try again."
    ),
    "fk_consent_event_party": _field("partyId", "unknown", "No such party of this consent."),
    "uq_follow_up_case_reference": lambda: StaleVersion("The reference was taken; try again."),
    "follow_up_case_pkey": lambda: StaleVersion("The record was created in the meantime."),
    "follow_up_case_unit_id_body_id_fkey": _field("bodyId", "unknown", "No such body."),
    "follow_up_case_unit_id_organisation_id_fkey": _field(
        "organisationId", "unknown", "No such organisation in this unit."
    ),
    "case_member_unit_id_person_id_fkey": _field("personId", "unknown", "No such person."),
    "case_member_unit_id_organisation_id_fkey": _field(
        "organisationId", "unknown", "No such organisation in this unit."
    ),
    "case_commitment_unit_id_responsible_organisation_id_fkey": _field(
        "responsibleOrganisationId", "unknown", "No such organisation in this unit."
    ),
    "legal_basis_record_unit_id_recipient_organisation_id_fkey": _field(
        "recipientOrganisationId", "unknown", "No such organisation in this unit."
    ),
    "consent_unit_id_collected_by_organisation_id_fkey": _field(
        "collectedByOrganisationId", "unknown", "No such organisation in this unit."
    ),
    "consent_party_unit_id_guardian_id_fkey": _field(
        "parties", "unknown", "No such guardian of the subject."
    ),
    "ck_follow_up_case_period": _field("endOn", "before-start", "The end is before the start."),
}
_FOREIGN_KEY_VIOLATION = "23503"


def at_commit(exc: IntegrityError) -> DomainError:
    """A deferred rule checked at commit (the lead), through SQLAlchemy's wrapper."""
    cause = getattr(exc.orig, "__cause__", None)
    rule = RULES.get(getattr(cause, "constraint_name", None) or "")
    return rule() if rule is not None else shared_error(exc)


def violation(exc: asyncpg.IntegrityConstraintViolationError, *, deleting: bool) -> DomainError:
    name = getattr(exc, "constraint_name", None) or ""
    if name in RULES:
        return RULES[name]()
    if getattr(exc, "sqlstate", None) == _FOREIGN_KEY_VIOLATION:
        if deleting:
            return InUse("Other records still refer to this one.")
        return Conflict("The change refers to a record that does not exist.")
    return Conflict("The change conflicts with stored data.")
