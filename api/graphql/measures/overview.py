"""GraphQL, measures context: the read models (the portfolio by focus area, tier and stage; what
needs attention) and the unit's settings (the evaluation threshold)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.measures.context import cut, svc
from api.graphql.measures.enums import Stage, Tier
from api.graphql.measures.evaluations import DueEvaluation
from api.graphql.measures.measure import Measure
from api.graphql.measures.problems import answer
from api.graphql.measures.records import LinkedDecision
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I
from domain.measures import factors
from domain.measures import views as dv
from domain.measures.filters import PortfolioCell as DCell


@strawberry.type
class PortfolioCell:
    focus_area_id: UUID | None = strawberry.field(description="Null: no focus area given.")
    focus_area_title: str | None
    tier: Tier  # type: ignore[valid-type]
    stage: Stage  # type: ignore[valid-type]
    count: int
    budget_nok: int

    @classmethod
    def of(cls, x: DCell, titles: dict[UUID, str]) -> PortfolioCell:
        title = titles.get(x.focus_area_id) if x.focus_area_id else None
        return from_domain(cls, x, focus_area_title=title)


@strawberry.type
class FocusAreaName:
    id: UUID
    title: str


@strawberry.type
class Portfolio:
    cells: list[PortfolioCell] = strawberry.field(
        description="Focus area × tier × stage, non-empty only."
    )
    focus_areas: list[FocusAreaName] = strawberry.field(description="The cells' focus areas.")

    @classmethod
    def of(cls, p: dv.Portfolio) -> Portfolio:
        return cls(
            cells=[PortfolioCell.of(x, p.focus_areas) for x in p.cells],
            focus_areas=[FocusAreaName(id=k, title=v) for k, v in p.focus_areas.items()],
        )


@strawberry.type
class ExpiringPlan:
    id: UUID
    title: str
    period_start: date
    period_end: date
    adopted: bool
    decision_id: UUID | None
    version: int


@strawberry.type
class Attention:
    without_owner: list[Measure]
    evaluations_due: list[DueEvaluation]
    plans_expiring: list[ExpiringPlan] = strawberry.field(
        description="Adopted plans whose period ends within 180 days."
    )

    @classmethod
    def of(cls, a: dv.Attention) -> Attention:
        return cls(
            without_owner=[Measure.of(v) for v in a.without_owner],
            evaluations_due=[DueEvaluation.of(x) for x in a.evaluations_due],
            plans_expiring=[from_domain(ExpiringPlan, p) for p in a.plans_expiring],
        )


@strawberry.type
class MeasureSettings:
    evaluation_threshold_nok: int = strawberry.field(
        description="Evaluation is required above this budget."
    )


@strawberry.type
class Factor:
    code: str
    name: str = strawberry.field(description="English, for developers; clients word each code.")


@strawberry.type
class Factors:
    vocabulary_version: str = strawberry.field(description="The vocabulary's edition.")
    risk: list[Factor]
    protective: list[Factor]


def _listed(vocabulary: dict[str, str]) -> list[Factor]:
    return [Factor(code=c, name=n) for c, n in vocabulary.items()]


SettingsResult = Annotated[MeasureSettings | Problems, strawberry.union("MeasureSettingsResult")]


@strawberry.type
class OverviewQuery:
    @strawberry.field(description="Counts and budgets per focus area × tier × stage.")
    async def measure_portfolio(self, info: I) -> Portfolio:
        c = info.context
        return Portfolio.of(await svc(c).portfolio(c.principal))

    @strawberry.field(description="Measures without an owner, evaluations due, plans expiring.")
    async def measure_attention(self, info: I) -> Attention:
        c = info.context
        return Attention.of(await svc(c).attention(c.principal))

    @strawberry.field
    async def measure_settings(self, info: I) -> MeasureSettings:
        c = info.context
        return from_domain(MeasureSettings, await svc(c).measure_settings(c.principal))

    @strawberry.field(description="The risk and protective factors a measure may target.")
    async def measure_factors(self, info: I) -> Factors:
        c = info.context
        await svc(c).measure_settings(c.principal)  # readers only, like the rest of the context
        return Factors(
            vocabulary_version=factors.VERSION,
            risk=_listed(factors.RISK),
            protective=_listed(factors.PROTECTIVE),
        )

    @strawberry.field(
        description="Numbered decisions of approved minutes a measure (coordinating) or a plan "
        "(steering) may link, newest first; `bodyLevel`: steering | coordinating | executive."
    )
    async def linkable_decisions(
        self, info: I, body_level: str | None = None, limit: int | None = None
    ) -> list[LinkedDecision]:
        c = info.context
        found = await svc(c).decisions(c.principal, body_level)
        return cut([LinkedDecision.of(d) for d in found], limit)


@strawberry.type
class SettingsMutation:
    @strawberry.mutation(description="Set the budget above which a measure must be evaluated.")
    async def set_evaluation_threshold(self, info: I, amount_nok: int) -> SettingsResult:
        c = info.context
        call = svc(c).set_evaluation_threshold(c.principal, amount_nok)
        return await answer(call, lambda s: from_domain(MeasureSettings, s))
