"""Meetings domain room: the free-text guard as the use cases call it — the ``FreeTextGuard`` port
(re-exported by ``ports``), the kernel's recognisers behind it, and the record an override leaves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.shared.free_text import GuardResult, Override, admit, check


class FreeTextGuard(Protocol):
    """Checks a text for personal data before it is saved (PRIVACY.md § 4). ``level`` is the
    body's level (steering | coordinating | executive); the result's findings carry spans and
    block the save unless an override with a reason comes with it. Pure and synchronous."""

    def check(self, text: str, *, level: str | None) -> GuardResult: ...


class KernelGuard:
    """The shared kernel's guard (``domain.shared.free_text``). Names of registered subjects come
    with the cases context later; until then only the pattern recognisers run."""

    def __init__(self, reference_year: int | None = None) -> None:
        self._year = reference_year

    def check(self, text: str, *, level: str | None) -> GuardResult:
        return check(text, level=level, reference_year=self._year)


@dataclass(frozen=True, slots=True, kw_only=True)
class OverrideRecord:
    """An override as the log keeps it: what was overridden, by whom, when, on which meeting."""

    override: Override
    meeting_id: UUID
    person_id: UUID | None
    subject_key: str
    at: datetime


def screen(
    guard: FreeTextGuard,
    texts: Mapping[str, str | None],
    *,
    level: str | None,
    override_reason: str | None,
) -> list[Override]:
    """Checks every text (field name → text); raises ``PersonalDataFound`` for the first field
    with findings unless ``override_reason`` is given, else returns the overrides to record."""
    overrides = []
    for field, value in texts.items():
        if not value:
            continue
        found = admit(guard.check(value, level=level), field=field, reason=override_reason)
        if found is not None:
            overrides.append(found)
    return overrides
