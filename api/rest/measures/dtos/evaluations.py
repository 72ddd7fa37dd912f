"""REST measures room: DTOs of evaluations — the record, its report's metadata, the ones due and
the reminders' count; the evaluation's proposal and change."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import IsoDate, optional
from api.rest.measures.dtos import fields
from domain.measures import limits
from domain.measures.changes import EvaluationChanges
from domain.measures.evaluation import Conclusion, Evaluation
from domain.measures.measure import Aspect, Performer
from domain.measures.views import DueEvaluation, ReminderReport


class ReportRead(Dto):
    filename: str
    media_type: str
    size: int
    sha256: str = Field(description="SHA-256 of the stored bytes, hex.")
    uploaded_at: datetime


class EvaluationRead(Dto):
    id: UUID
    measure_id: UUID
    aspects: list[Aspect]
    performer: Performer
    performer_name: str | None
    method: str
    due_on: date | None
    findings: str | None
    conclusion: Conclusion | None
    completed_on: date | None
    completed: bool = Field(description="It has a conclusion.")
    report: ReportRead | None
    version: int

    @classmethod
    def of(cls, e: Evaluation) -> Self:
        values: dict[str, Any] = {
            "id": e.id,
            "measure_id": e.measure_id,
            "aspects": sorted(e.aspects, key=list(Aspect).index),
            "performer": e.performer,
            "performer_name": e.performer_name,
            "method": e.method,
            "due_on": e.due_on,
            "findings": e.findings,
            "conclusion": e.conclusion,
            "completed_on": e.completed_on,
            "completed": e.completed,
            "report": ReportRead.from_domain(e.report) if e.report else None,
            "version": e.version,
        }
        return cls.model_validate(values)


class DueEvaluationRead(Dto):
    evaluation: EvaluationRead
    measure_title: str
    owner_id: UUID | None
    overdue: bool = Field(description="Its due date has passed (the unit's calendar day).")

    @classmethod
    def of(cls, d: DueEvaluation) -> Self:
        return cls(
            evaluation=EvaluationRead.of(d.evaluation),
            measure_title=d.measure_title,
            owner_id=d.owner_id,
            overdue=d.overdue,
        )


class ReminderReportRead(Dto):
    sent: int = Field(description="Mails sent, one per due evaluation and recipient.")
    without_address: int = Field(description="Recipients without an e-mail address.")

    @classmethod
    def of(cls, r: ReminderReport) -> Self:
        return cls(sent=r.sent, without_address=r.without_address)


Aspects = Field(min_length=1, max_length=len(Aspect))


class EvaluationCreate(Input):
    aspects: list[Aspect] = Aspects
    performer: Performer
    performer_name: str | None = fields.text(limits.SHORT_MAX)
    method: str = fields.required_text(limits.SHORT_MAX)
    due_on: IsoDate | None = None
    findings: str | None = fields.text(limits.TEXT_MAX)
    conclusion: Conclusion | None = Field(
        default=None, description="Set: completed (needs findings)."
    )
    completed_on: IsoDate | None = Field(
        default=None, description="Left out: today, once concluded."
    )
    override_reason: str | None = fields.override_reason()

    def to_changes(self) -> EvaluationChanges:
        return _changes(self, {"aspects", "performer", "method"})


class EvaluationUpdate(Update):
    aspects: list[Aspect] = optional(min_length=1, max_length=len(Aspect))
    performer: Performer = optional()
    performer_name: str | None = fields.text(limits.SHORT_MAX)
    method: str = fields.new_text(limits.SHORT_MAX)
    due_on: IsoDate | None = None
    findings: str | None = fields.text(limits.TEXT_MAX)
    conclusion: Conclusion | None = None
    completed_on: IsoDate | None = None
    override_reason: str | None = fields.override_reason()

    def to_changes(self) -> EvaluationChanges:
        return _changes(self, set())


def _changes(body: Input, also: set[str]) -> EvaluationChanges:
    names = (body.model_fields_set | also) - {"override_reason"}
    values = {n: getattr(body, n) for n in names}
    if "aspects" in values:
        values["aspects"] = frozenset(values["aspects"])
    return EvaluationChanges.from_mapping(values)
