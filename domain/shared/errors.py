"""The domain's error vocabulary. No HTTP here: the front doors map each class to a status."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

Params = Mapping[str, int | str]
NO_PARAMS: Params = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldError:
    """One invalid input field: a dotted path (``name``, ``members.0.role``), a stable code, the
    code's parameters (``{"max": 200}`` for ``too-long``) and an English message for developers.
    Clients word the code and parameters in the user's language; the message is never shown."""

    field: str
    code: str
    message: str
    # Pairs, not a dict: the error stays immutable and hashable.
    param_items: tuple[tuple[str, int | str], ...] = ()

    @property
    def params(self) -> dict[str, int | str]:
        return dict(self.param_items)


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    code: str = "domain-error"
    title: str = "The request could not be carried out"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title


class ValidationFailed(DomainError):
    """Input broke one or more rules; ``errors`` names each field."""

    code = "validation-failed"
    title = "The input is not valid"

    def __init__(self, errors: list[FieldError], detail: str | None = None) -> None:
        super().__init__(detail or "; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors

    @classmethod
    def single(
        cls, field_: str, code: str, message: str, params: Params = NO_PARAMS
    ) -> ValidationFailed:
        error = FieldError(field=field_, code=code, message=message, param_items=(*params.items(),))
        return cls([error])


class NotFound(DomainError):
    """The thing does not exist *for this principal* (another unit's rows are simply not there)."""

    code = "not-found"
    title = "Not found"


class Conflict(DomainError):
    """The request clashes with the current state (a duplicate, a rule about existing rows)."""

    code = "conflict"
    title = "Conflict with the current state"


class DuplicateName(Conflict):
    code = "duplicate-name"
    title = "The name is already in use"


class InUse(Conflict):
    code = "in-use"
    title = "Still referred to by other records"


class MembershipOverlap(Conflict):
    code = "membership-overlap"
    title = "The person is already a member in that period"


class ChairOverlap(Conflict):
    code = "chair-overlap"
    title = "The body already has a chair in that period"


class AlreadyEnded(Conflict):
    code = "already-ended"
    title = "The membership has already ended"


class StaleVersion(DomainError):
    """The client edited an older version than the one stored (optimistic concurrency)."""

    code = "stale-version"
    title = "The resource has changed since you read it"


class VersionRequired(DomainError):
    """An update came without the version it was based on."""

    code = "version-required"
    title = "An update must say which version it is based on"


class Unauthenticated(DomainError):
    """No valid identity came with the request."""

    code = "unauthenticated"
    title = "Authentication required"


class Forbidden(DomainError):
    """The principal is known but may not do this."""

    code = "forbidden"
    title = "Not allowed"


class Errors:
    """Accumulator for field errors; ``raise_if_any`` raises one ``ValidationFailed``."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field_: str, code: str, message: str, params: Params = NO_PARAMS) -> None:
        # Two rules may find the same fault (a generic and a field's own); report it once.
        if any(e.field == field_ and e.code == code for e in self.items):
            return
        error = FieldError(field=field_, code=code, message=message, param_items=(*params.items(),))
        self.items.append(error)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed(list(self.items))
