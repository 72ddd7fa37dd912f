"""Documents adapter room: an action plan's tree (``PlanTree``) as the plan document shows it —
headlines, figures and progress only, in Norwegian (bokmål). A measure's free text (problem,
description, closing note), its people and its evaluations' findings have no field here, so
they cannot reach a document that is often published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from adapters.documents.norwegian import OSLO, short_date
from domain.measures.measure import Tier
from domain.measures.plan import PlanStatus, Weighting
from domain.measures.stage import Stage

if TYPE_CHECKING:
    from domain.measures.export_views import Names, PlanExport
    from domain.measures.views import GoalNode, MeasureView

TIERS = {
    Tier.UNIVERSAL: "Universelt",  # (byggende): the SPA's short names, a narrow column
    Tier.SELECTIVE: "Selektivt",  # (forebyggende)
    Tier.INDICATED: "Indikert",  # (kriminalitetsforebyggende)
}
STAGES = {
    Stage.PROPOSED: "Foreslått",
    Stage.ASSESSED: "Vurdert",
    Stage.DECIDED: "Vedtatt",
    Stage.ACTIVE: "Aktiv",
    Stage.EVALUATED: "Evaluert",
    Stage.CONCLUDED: "Avsluttet",
    Stage.CONTINUED: "Videreført",
    Stage.REJECTED: "Avvist",
    Stage.STOPPED: "Stoppet",
}
STATUSES = {
    PlanStatus.DRAFT: "Utkast",
    PlanStatus.ADOPTED: "Vedtatt",
    PlanStatus.EXPIRED: "Utløpt",
}
WEIGHTINGS = {
    Weighting.EQUAL: "hvert tiltak teller likt",
    Weighting.BUDGET: "tiltakene teller etter budsjett",
}
NBSP = "\u00a0"
# WeasyPrint lays out a table row in ~15 ms on a quiet core (seven cells of shaped text): a plan
# with more rows than this is a summary — each goal's count, budget and progress — and the full
# list is the XLSX export's (bench/README.md, "Measures"). Keeps a render within a few seconds.
LISTED_MAX = 200


def percent(share: float) -> str:
    """``45 %`` (Norwegian puts a space before the sign); 0..1 in, whole per cent out."""
    return f"{int(max(0.0, min(1.0, share)) * 100 + 0.5)}{NBSP}%"  # half up, not to even


def kroner(amount: int | None) -> str:
    """``1 250 000 kr`` with non-breaking spaces in the figure; empty when unknown."""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", NBSP) + " kr"  # the figure never splits; "kr" may wrap


def period(start: date | None, end: date | None) -> str:
    """``01.01.2026–31.12.2029``; an open end stays open (``01.09.2026–``)."""
    s = short_date(start) if start else ""
    e = short_date(end) if end else ""
    return f"{s}–{e}" if s or e else ""


@dataclass(frozen=True, slots=True)
class MeasureLine:
    title: str
    responsible: str  # the responsible organisations' names
    tier: str
    stage: str
    period: str
    budget: str
    progress: str


@dataclass(frozen=True, slots=True)
class GoalSection:
    number: str
    title: str
    progress: str
    count: int  # measures under the goal
    budget: str
    measures: tuple[MeasureLine, ...]  # empty when the plan is too large to list them


@dataclass(frozen=True, slots=True)
class AreaSection:
    number: int
    title: str
    progress: str
    strategies: tuple[str, ...]
    goals: tuple[GoalSection, ...]


@dataclass(frozen=True, slots=True)
class PlanDocument:
    title: str
    period: str
    status: str
    draft: bool
    adopted_by: str | None  # "Styringsgruppa, vedtak SG 4/2026, 12.03.2026"
    progress: str
    weighting: str
    description: str | None
    measures: int
    budget: str
    listed: bool  # False: too many measures to list, goals show their figures only
    printed: str  # the day the document was made (a plan's figures move)
    areas: tuple[AreaSection, ...]


def _line(v: MeasureView, names: Names) -> MeasureLine:
    m = v.measure
    return MeasureLine(
        title=m.title,
        responsible=", ".join(names.of_organisations(m.responsible_organisation_ids)),
        tier=TIERS[m.tier],
        stage=STAGES[m.stage],
        period=period(m.start_on, m.end_on),
        budget=kroner(m.budget_nok),
        progress=percent(v.progress),
    )


def _goal(number: str, node: GoalNode, names: Names, listed: bool) -> GoalSection:
    return GoalSection(
        number=number,
        title=node.goal.title,
        progress=percent(node.progress),
        count=len(node.measures),
        budget=kroner(sum(v.measure.budget_nok or 0 for v in node.measures) or None),
        measures=tuple(_line(v, names) for v in node.measures) if listed else (),
    )


def plan_document(export: PlanExport, today: date | None = None) -> PlanDocument:
    tree = export.tree
    plan, d = tree.plan, tree.decision
    adopted_by = None
    if d is not None:
        adopted_by = (
            f"{d.body_name}, vedtak {d.label or '(uten nummer)'}, {short_date(d.meeting_date)}"
        )
    # A measure may serve several goals: the totals count it once.
    seen = {
        v.measure.id: v.measure.budget_nok or 0
        for area in tree.focus_areas
        for g in area.goals
        for v in g.measures
    }
    listed = sum(len(g.measures) for area in tree.focus_areas for g in area.goals) <= LISTED_MAX
    return PlanDocument(
        title=plan.title,
        period=period(plan.period_start, plan.period_end),
        status=STATUSES[tree.status],
        draft=tree.status is PlanStatus.DRAFT,
        adopted_by=adopted_by,
        progress=percent(tree.progress),
        weighting=WEIGHTINGS[plan.weighting],
        description=plan.description,
        measures=len(seen),
        budget=kroner(sum(seen.values()) or None),
        listed=listed,
        printed=short_date(today or datetime.now(OSLO).date()),
        areas=tuple(
            AreaSection(
                number=i,
                title=area.focus_area.title,
                progress=percent(area.progress),
                strategies=area.focus_area.strategies,
                goals=tuple(
                    _goal(f"{i}.{j}", g, export.names, listed) for j, g in enumerate(area.goals, 1)
                ),
            )
            for i, area in enumerate(tree.focus_areas, 1)
        ),
    )
