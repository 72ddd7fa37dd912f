"""Meetings domain room: the free-text guard as the use cases call it — the ``FreeTextGuard`` port
(re-exported by ``ports``), the kernel's recognisers behind it, and the record an override leaves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from domain.shared.free_text import GuardResult, Override, admit, check
from domain.shared.free_text.index import NameIndex


class RegisteredNames(Protocol):
    """Every subject and guardian name registered in a unit's cases, as the kernel's
    ``NameIndex`` (opened in memory only; the adapter caches it per unit and asks the database
    one cheap question per call: has the unit's register changed since)."""

    async def index(self, unit_id: UUID) -> NameIndex: ...


class FreeTextGuard(Protocol):
    """Checks a text for personal data before it is saved (PRIVACY.md § 4). ``level`` is the
    body's level (steering | coordinating | executive); the result's findings carry spans and
    block the save unless an override with a reason comes with it. ``check`` is pure and
    synchronous; with ``unit_id`` it also finds the names registered in that unit's cases, as
    loaded by ``prepare(unit_id)`` — which the use case awaits inside its unit of work first
    (the look-up runs on the request's connection, in its transaction)."""

    def check(
        self, text: str, *, level: str | None, unit_id: UUID | None = None
    ) -> GuardResult: ...

    async def prepare(self, unit_id: UUID) -> None: ...


class KernelGuard:
    """The shared kernel's guard (``domain.shared.free_text``): the pattern recognisers, and
    with ``names`` every name in the unit's case register (exact, variants, one edit off)."""

    def __init__(
        self, reference_year: int | None = None, names: RegisteredNames | None = None
    ) -> None:
        self._year = reference_year
        self._names = names
        self._indexes: dict[UUID, NameIndex] = {}  # the unit's latest, from ``prepare``

    async def prepare(self, unit_id: UUID) -> None:
        if self._names is not None:
            self._indexes[unit_id] = await self._names.index(unit_id)

    def check(self, text: str, *, level: str | None, unit_id: UUID | None = None) -> GuardResult:
        index = self._indexes.get(unit_id) if unit_id is not None else None
        return check(
            text,
            registered_names=index if index is not None else (),
            level=level,
            reference_year=self._year,
        )


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
    unit_id: UUID | None = None,
) -> list[Override]:
    """Checks every text (field name → text); raises ``PersonalDataFound`` for the first field
    with findings unless ``override_reason`` is given, else returns the overrides to record.
    With ``unit_id`` (after ``await guard.prepare(unit_id)``) the unit's registered names count."""
    overrides = []
    for field, value in texts.items():
        if not value:
            continue
        result = guard.check(value, level=level, unit_id=unit_id)
        found = admit(result, field=field, reason=override_reason)
        if found is not None:
            overrides.append(found)
    return overrides
