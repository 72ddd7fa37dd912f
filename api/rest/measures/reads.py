"""REST measures room: the read models — the board, the portfolio, what needs attention, the
evaluations due and their reminders, the factor vocabulary and the decisions one may link.
Mounted before ``/api/measures/{id}`` and ``/api/evaluations/{id}``."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.measures.deps import CallerDep
from api.rest.measures.dtos.cards import MeasureCard, cards, json_response
from api.rest.measures.dtos.evaluations import DueEvaluationRead, ReminderReportRead
from api.rest.measures.dtos.reads import (
    AttentionRead,
    FactorRead,
    FactorsRead,
    LinkableDecisionRead,
    PortfolioRead,
)
from api.rest.measures.filters import FilterDep
from domain.measures import factors

router = APIRouter(prefix="/api", tags=["measures"])


@router.get(
    "/measures/board",
    operation_id="measures-board",
    responses=READ_ERRORS,
    response_model=list[MeasureCard],
)
async def board(call: CallerDep, f: FilterDep) -> Response:
    """Every matching measure as a card (the SPA groups them by stage), by title."""
    return json_response(cards(await call.svc.board(call.p, f)))


@router.get("/measures/portfolio", operation_id="measures-portfolio", responses=READ_ERRORS)
async def portfolio(call: CallerDep) -> PortfolioRead:
    """Counts and budgets per focus area × tier × stage."""
    return PortfolioRead.of(await call.svc.portfolio(call.p))


@router.get("/measures/attention", operation_id="measures-attention", responses=READ_ERRORS)
async def attention(call: CallerDep) -> AttentionRead:
    """What needs attention: measures without owner, evaluations due, plans expiring."""
    return AttentionRead.of(await call.svc.attention(call.p))


@router.get(
    "/evaluations/due", operation_id="evaluations-due", tags=["evaluations"], responses=READ_ERRORS
)
async def evaluations_due(call: CallerDep) -> list[DueEvaluationRead]:
    """Evaluations not completed and due within 30 days, overdue ones included."""
    return [DueEvaluationRead.of(d) for d in await call.svc.evaluations_due(call.p)]


@router.post(
    "/evaluations/reminders",
    operation_id="evaluations-remind",
    tags=["evaluations"],
    responses=WRITE_ERRORS,
)
async def send_reminders(call: CallerDep) -> ReminderReportRead:
    """Mail each due evaluation's owner and the unit's coordinators (never the findings)."""
    return ReminderReportRead.of(await call.svc.send_evaluation_reminders(call.p))


@router.get("/measure-factors", operation_id="measures-factors", responses=READ_ERRORS)
async def measure_factors(call: CallerDep) -> FactorsRead:
    """The risk and protective factors a measure may target (codes; the SPA words each)."""
    await call.svc.measure_settings(call.p)  # readers only, like the rest of the context

    def listed(vocabulary: dict[str, str]) -> list[FactorRead]:
        return [FactorRead(code=c, name=n) for c, n in vocabulary.items()]

    return FactorsRead(
        vocabulary_version=factors.VERSION,
        risk=listed(factors.RISK),
        protective=listed(factors.PROTECTIVE),
    )


BodyLevel = Annotated[
    Literal["coordinating", "steering"] | None,
    Query(alias="bodyLevel", description="Only decisions of bodies at this level."),
]


@router.get("/decisions", operation_id="measures-decisions", responses=READ_ERRORS)
async def decisions(call: CallerDep, body_level: BodyLevel = None) -> list[LinkableDecisionRead]:
    """Numbered decisions of approved minutes the unit can link to a measure or a plan, newest
    first."""
    return [LinkableDecisionRead.of(d) for d in await call.svc.decisions(call.p, body_level)]
