"""Measures domain room: evaluations of a measure — aspects, performer, method, findings, the
conclusion (continue | adjust | stop) and an attached report. An evaluation counts as completed
once it has a conclusion; the ``evaluated`` stage and concluding an evaluation-required measure
need a completed one."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from domain.measures.measure import Aspect, Performer


class Conclusion(enum.StrEnum):
    CONTINUE = "continue"
    ADJUST = "adjust"
    STOP = "stop"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportInfo:
    """The attached report's metadata (its bytes stay in the store until downloaded)."""

    filename: str
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluation:
    id: UUID
    unit_id: UUID
    measure_id: UUID
    aspects: frozenset[Aspect]
    performer: Performer
    method: str
    due_on: date | None = None
    performer_name: str | None = None
    findings: str | None = None
    conclusion: Conclusion | None = None
    completed_on: date | None = None
    report: ReportInfo | None = None
    version: int = 1

    @property
    def completed(self) -> bool:
        return self.conclusion is not None

    def check(self) -> None:
        """Raise ``ValidationFailed`` naming every invalid field (``other_checks``)."""
        from domain.measures.other_checks import check_evaluation  # imports this module

        check_evaluation(self)
