"""Measures domain room: the record an override of the free-text guard leaves in the measures
context's own log — which measure and field, what kinds and how many, why, who and when; never
the text itself (PRIVACY.md § 4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.shared.free_text import Override


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureOverrideRecord:
    """``override`` carries the field, the kinds with their counts, the rule and the reason."""

    override: Override
    measure_id: UUID
    person_id: UUID | None
    subject_key: str
    at: datetime

    @property
    def field(self) -> str:
        return self.override.field

    @property
    def reason(self) -> str:
        return self.override.reason

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(k.value for k, _ in self.override.counts)

    @property
    def counts(self) -> tuple[int, ...]:
        return tuple(n for _, n in self.override.counts)
