"""Trends domain room: the context's errors, each a subclass of a kernel error so the problem
renderer gives ``/problems/<code>`` and the kernel class's status (``Conflict`` → 409,
``NotFound`` → 404; a bare ``DomainError`` → 400)."""

from __future__ import annotations

from domain.shared.errors import Conflict, DomainError, NotFound


class PeriodNotEnded(Conflict):
    """Only a period that is over can be released."""

    code = "period-not-ended"
    title = "The period has not ended yet"


class ReleaseConflict(Conflict):
    """Another release of the same (unit, period, revision) was stored first."""

    code = "release-conflict"
    title = "The period was released at the same time by someone else"


class ReleaseAuditFailed(Conflict):
    """The release gate could not prove every suppressed cell safe even with the municipality
    locked down (inconsistent source data): nothing is published."""

    code = "release-audit-failed"
    title = "The disclosure audit did not pass; nothing was published"


class ReleaseUnchanged(Conflict):
    """A rebuild that would publish exactly the latest revision's values and flags (a second
    click, or nothing imported since): no new revision is made."""

    code = "release-unchanged"
    title = "Nothing has changed since the latest revision"


class TrendFilterRefused(DomainError):
    """TREND-A publishes fixed tables only: an ad-hoc filter (an unknown query parameter) is
    refused (400), never answered with a narrower table."""

    code = "trend-filter-refused"
    title = "Trend tables take no filters"

    def __init__(self, names: list[str], detail: str | None = None) -> None:
        shown = ", ".join(sorted(names))
        super().__init__(detail or f"Unknown parameters: {shown}. Only the fixed tables exist.")
        self.names = sorted(names)


class UnknownTable(NotFound):
    code = "unknown-trend-table"
    title = "No such trend table"


class NotReleased(NotFound):
    """The table has no release for that unit, period (or revision) — or the caller may not
    read the unit: the same answer either way, never a hint."""

    code = "trend-not-released"
    title = "No such release"
