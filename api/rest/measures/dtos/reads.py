"""REST measures room: DTOs of the read models — the portfolio, what needs attention, the factor
vocabulary, the decisions a measure or plan may link, and the unit's settings."""

from __future__ import annotations

from datetime import date
from typing import Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from api.rest.measures.dtos.evaluations import DueEvaluationRead
from api.rest.measures.dtos.fields import Nok
from api.rest.measures.dtos.measures import MeasureRead
from api.rest.measures.dtos.plans import PlanSummaryRead
from domain.measures.filters import PortfolioCell
from domain.measures.measure import Tier
from domain.measures.stage import DecisionFacts, Stage
from domain.measures.views import Attention, MeasureSettingsView, Portfolio


class PortfolioCellRead(Dto):
    focus_area_id: UUID | None = Field(description="null: measures without a focus area.")
    tier: Tier
    stage: Stage
    count: int
    budget_nok: int

    @classmethod
    def of(cls, c: PortfolioCell) -> Self:
        return cls.from_domain(c)


class FocusAreaName(Dto):
    id: UUID
    title: str


class PortfolioRead(Dto):
    cells: list[PortfolioCellRead] = Field(description="Focus area × tier × stage, non-empty only.")
    focus_areas: list[FocusAreaName]

    @classmethod
    def of(cls, p: Portfolio) -> Self:
        return cls(
            cells=[PortfolioCellRead.of(c) for c in p.cells],
            focus_areas=[FocusAreaName(id=k, title=v) for k, v in p.focus_areas.items()],
        )


class AttentionRead(Dto):
    without_owner: list[MeasureRead] = Field(description="Decided or running, nobody owns them.")
    evaluations_due: list[DueEvaluationRead] = Field(description="Due within 30 days or overdue.")
    plans_expiring: list[PlanSummaryRead] = Field(description="Adopted, ending within 180 days.")

    @classmethod
    def of(cls, a: Attention) -> Self:
        return cls(
            without_owner=[MeasureRead.of(v) for v in a.without_owner],
            evaluations_due=[DueEvaluationRead.of(d) for d in a.evaluations_due],
            plans_expiring=[PlanSummaryRead.from_domain(p) for p in a.plans_expiring],
        )


class FactorRead(Dto):
    code: str
    name: str = Field(description="English, for developers; the SPA words each code.")


class FactorsRead(Dto):
    vocabulary_version: str = Field(description="The vocabulary's edition, e.g. 2026-1.")
    risk: list[FactorRead]
    protective: list[FactorRead]


class LinkableDecisionRead(Dto):
    """A numbered decision of approved minutes that a measure or a plan may link."""

    id: UUID
    label: str | None
    body_id: UUID
    body_name: str
    body_level: str
    meeting_id: UUID
    meeting_date: date
    text: str

    @classmethod
    def of(cls, d: DecisionFacts) -> Self:
        return cls(
            id=d.id,
            label=d.label,
            body_id=d.body_id,
            body_name=d.body_name,
            body_level=d.body_level,
            meeting_id=d.meeting_id,
            meeting_date=d.meeting_date,
            text=d.text,
        )


class MeasureSettingsRead(Dto):
    evaluation_threshold_nok: int = Field(description="Evaluation is required above this budget.")

    @classmethod
    def of(cls, s: MeasureSettingsView) -> Self:
        return cls(evaluation_threshold_nok=s.evaluation_threshold_nok)


class MeasureSettingsUpdate(Input):
    evaluation_threshold_nok: Nok
