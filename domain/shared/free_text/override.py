"""Free-text guard room: the override of a blocked save, and the error raised without one.

The override carries a reason and is recorded by the use case.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.shared.errors import DomainError, Errors
from domain.shared.free_text.findings import Finding, Kind
from domain.shared.free_text.guard import GuardResult
from domain.shared.validation import characters, text

REASON_MAX = 500
REASON_FIELD = "overrideReason"


class PersonalDataFound(DomainError):
    """The guard found personal data in a text and no override came with it. Carries the spans
    (the client highlights them) and kinds, never the matched text: errors may be logged."""

    code = "personal-data-found"
    title = "The text holds personal data"

    def __init__(self, field: str, result: GuardResult) -> None:
        counts = ", ".join(f"{n} {k.value}" for k, n in sorted(result.counts().items()))
        super().__init__(f"{field}: {counts}")
        self.field = field
        self.findings: tuple[Finding, ...] = result.findings
        self.rule = result.rule


@dataclass(frozen=True, slots=True, kw_only=True)
class Override:
    """A person's decision to save a text the guard blocked: why, and what was overridden (kinds
    and counts, never the text). A use case records it with who and when."""

    reason: str
    field: str
    counts: tuple[tuple[Kind, int], ...]
    rule: str | None = None

    def __post_init__(self) -> None:
        errors = Errors()
        text(errors, REASON_FIELD, self.reason, required=True, max_len=REASON_MAX)
        characters(errors, REASON_FIELD, self.reason)
        errors.raise_if_any()

    @classmethod
    def of(cls, result: GuardResult, *, field: str, reason: str) -> Override:
        return cls(
            reason=reason.strip(),
            field=field,
            counts=tuple(sorted(result.counts().items())),
            rule=result.rule.code if result.rule else None,
        )


def admit(result: GuardResult, *, field: str, reason: str | None = None) -> Override | None:
    """What a save does with the guard's result: nothing found → None; found without a reason →
    ``PersonalDataFound``; found with a valid reason → the ``Override`` to record."""
    if not result.blocked:
        return None
    if reason is None:
        raise PersonalDataFound(field, result)
    return Override.of(result, field=field, reason=reason)
