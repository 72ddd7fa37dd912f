"""A synthetic action plan as the exports read it: two focus areas, goals, measures in several
stages, an adopting decision — and free text in every field the document must leave out."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from domain.measures.export_views import Names, PlanExport
from domain.measures.measure import Measure, Milestone, Tier
from domain.measures.plan import ActionPlan, FocusArea, Goal, PlanStatus
from domain.measures.stage import DecisionFacts, Stage
from domain.measures.views import FocusAreaNode, GoalNode, MeasureView, PlanTree

UNIT = uuid4()
# Text a measure carries that the plan document must never show (free text, people).
SECRET = "SKJULT-Z9K2-FRITEKST"
OWNER_NAME = "Åsmund Eiersen-Prøve"
POLICE, SCHOOL = uuid4(), uuid4()


def measure(title: str, stage: Stage, tier: Tier, done: int, of: int, **kw: object) -> MeasureView:
    m = Measure(
        id=uuid4(),
        unit_id=UNIT,
        title=title,
        problem=f"{SECRET} problem",
        tier=tier,
        description=f"{SECRET} beskrivelse",
        target_group=f"{SECRET} målgruppe",
        closing_note=f"{SECRET} sluttnotat",
        owner_id=uuid4(),
        stage=stage,
        milestones=tuple(
            Milestone(
                id=uuid4(), title=f"{SECRET} {i}", done_on=date(2026, 2, 1) if i < done else None
            )
            for i in range(of)
        ),
        **kw,  # type: ignore[arg-type]
    )
    return MeasureView(
        measure=m,
        evaluation_triggers=(),
        evaluation_required=False,
        decision=None,
        legal_targets=frozenset(),
        progress=m.progress(),
    )


def plan_export(
    *, adopted: bool = True, title: str = "Handlingsplan for Lærdal 2026–2029"
) -> PlanExport:
    summer = measure(
        "Sommerjobb for ungdom – Økern",
        Stage.ACTIVE,
        Tier.SELECTIVE,
        1,
        2,
        budget_nok=1_250_000,
        start_on=date(2026, 6, 1),
        end_on=date(2027, 8, 31),
        responsible_organisation_ids=(POLICE, SCHOOL),
    )
    night = measure(
        "Natteravner på Årvoll", Stage.CONCLUDED, Tier.UNIVERSAL, 3, 3, budget_nok=80_000
    )
    mentor = measure(
        '=HYPERLINK("http://x") <b>Mentor</b> & co', Stage.DECIDED, Tier.INDICATED, 0, 1
    )
    g1, g2, g3 = (
        Goal(id=uuid4(), title=t)
        for t in (
            "Flere unge i jobb",
            "Trygge nærmiljø ved Ærfugltunet",
            "Færre gjentatte lovbrudd",
        )
    )
    a1 = FocusArea(
        id=uuid4(), title="Skole og arbeid", goals=(g1,), strategies=("Samarbeid med næringslivet",)
    )
    a2 = FocusArea(id=uuid4(), title="Nærmiljø og fritid", goals=(g2, g3))
    plan = ActionPlan(
        id=uuid4(),
        unit_id=UNIT,
        title=title,
        period_start=date(2026, 1, 1),
        period_end=date(2029, 12, 31),
        focus_areas=(a1, a2),
        adopted=adopted,
        description="Planen bygger på Ungdata 2025.\n\nDen rulleres årlig.",
    )
    decision = DecisionFacts(
        id=uuid4(),
        label="STY 4/2026",
        body_id=uuid4(),
        body_name="Styringsgruppa for SLT",
        body_level="steering",
        meeting_id=uuid4(),
        meeting_date=date(2026, 3, 12),
        approved=True,
        text="Handlingsplanen vedtas.",
    )
    tree = PlanTree(
        plan=plan,
        status=PlanStatus.ADOPTED if adopted else PlanStatus.DRAFT,
        progress=0.625,
        decision=decision if adopted else None,
        focus_areas=(
            FocusAreaNode(
                focus_area=a1,
                progress=0.5,
                goals=(GoalNode(goal=g1, progress=0.5, measures=(summer,)),),
            ),
            FocusAreaNode(
                focus_area=a2,
                progress=0.75,
                goals=(
                    GoalNode(goal=g2, progress=1.0, measures=(night, summer)),
                    GoalNode(goal=g3, progress=0.0, measures=(mentor,)),
                ),
            ),
        ),
    )
    owners: dict[UUID, str] = {
        v.measure.owner_id: OWNER_NAME for v in (summer, night, mentor) if v.measure.owner_id
    }
    names = Names(
        persons=owners,
        organisations={POLICE: "Politiet i Øst", SCHOOL: "Årvoll skole"},
    )
    return PlanExport(tree=tree, names=names)
