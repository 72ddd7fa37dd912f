"""Measures domain room: the append-only records beside a measure — its stage history (who, when,
why, which decision) and its progress notes. Neither is ever changed or removed; the history
replays to the measure's current stage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.measures.stage import Stage


@dataclass(frozen=True, slots=True, kw_only=True)
class StageChange:
    """One step of a measure's lifecycle; the first has ``from_stage`` None (the proposal)."""

    id: UUID
    unit_id: UUID
    measure_id: UUID
    from_stage: Stage | None
    to_stage: Stage
    at: datetime
    actor_person_id: UUID | None
    actor_name: str
    reason: str | None = None
    decision_id: UUID | None = None
    decision_label: str | None = None  # "KG 3/2026", kept as it read when it was linked
    sequence: int = 1  # 1, 2, 3 … per measure: the order of the history


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressNote:
    id: UUID
    unit_id: UUID
    measure_id: UUID
    at: datetime
    author_person_id: UUID | None
    author_name: str
    text: str


class BrokenHistory(ValueError):
    """The history does not chain: a step starts where the previous did not end."""


def replay(changes: Sequence[StageChange]) -> Stage:
    """The stage the history ends in; raises ``BrokenHistory`` when it does not chain."""
    stage: Stage | None = None
    for c in sorted(changes, key=lambda c: c.sequence):
        if c.from_stage is not stage:
            raise BrokenHistory(f"step {c.sequence} starts at {c.from_stage}, not at {stage}")
        stage = c.to_stage
    if stage is None:
        raise BrokenHistory("no history")
    return stage
