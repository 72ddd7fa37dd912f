"""Cases domain room: the context's errors, each a subclass of a kernel error with a stable code
(a problem type ``/problems/<code>``). Details name rules, never a person."""

from __future__ import annotations

from domain.shared.errors import Conflict, DomainError, Forbidden


class CaseBodyNotExecutive(Conflict):
    """Individual cases belong to executive bodies; steering and coordinating bodies never see them."""

    code = "case-body-not-executive"
    title = "A case can only belong to an executive body"


class CaseClosed(Conflict):
    code = "case-closed"
    title = "The case is closed"


class CaseStillOpen(Conflict):
    """Only a closed case is deleted (retention)."""

    code = "case-still-open"
    title = "An open case cannot be deleted"


class NotDue(Conflict):
    code = "retention-not-due"
    title = "The case is not yet due for deletion"


class OpenCaseExists(Conflict):
    """The subject already has an open case of this kind on this body."""

    code = "open-case-exists"
    title = "The subject already has an open case of this kind on this body"


class ConsentConflict(Conflict):
    """Another event for the party was recorded first (the sequence moved on), or the event does
    not follow from the party's state (e.g. withdrawing what was never given)."""

    code = "consent-conflict"
    title = "The consent changed or the event does not fit its state"


class LastLead(Conflict):
    code = "last-lead"
    title = "A case keeps at least one lead"


class AlreadyOnTeam(Conflict):
    code = "already-on-team"
    title = "The person is already on the case's team"


class BreakGlassRefused(Forbidden):
    """Break-glass is for persons with a seat in the case's executive body (or on its team)."""

    code = "break-glass-refused"
    title = "Break-glass access is not available to you for this case"


class AlreadyReviewed(Conflict):
    code = "already-reviewed"
    title = "The break-glass access has already been reviewed"


class IntegrityError(DomainError):
    """A consent's event chain does not verify; nothing is derived from it."""

    code = "consent-chain-broken"
    title = "The consent's event log does not verify"
