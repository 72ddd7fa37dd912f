"""Demo room: the measures of SLT Lillestrøm (demo) — the meetings whose approved minutes hold
the decisions (the politiråd adopting the 2025–2028 plan, the coordinating groups deciding
measures), the adopted plan's tree, fourteen measures over every stage with a history that
replays to it, their evaluations (one due soon, one overdue, completed ones) and progress notes.
Dated from ``today``; every insert is ``ON CONFLICT DO NOTHING`` (idempotent, like the rest)."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.demo.data import BODIES, DEMO_UNIT, ORGANISATIONS, PERSONS, demo_id
from adapters.postgres.demo.measures_data import MEASURES, MEETINGS, PLAN_TREE
from adapters.postgres.measures.mapping import measure_values
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Measure,
    Milestone,
    Performer,
    Registry,
    RegistryReference,
    Tier,
    Verdict,
)
from domain.measures.stage import Stage
from domain.meetings.decision import body_code

OSLO = ZoneInfo("Europe/Oslo")
BODY_NAMES = {k: name for k, name, *_ in BODIES}
NAMES = {k: name for k, name, *_ in PERSONS}  # invented demo persons
CHAIRS = {"politirad": "ordforer", "koord-ungdom": "stine", "koord-barn": "kari"}
ACTOR = ("kari", "Kari Koordinator")  # the coordinator moves measures along
METHOD = "Spørreundersøkelse før og etter, og intervju med deltakere og samarbeidspartnere"
STEPS = ("Planlegging og avklaring av ansvar", "Oppstart", "Halvveisrapport", "Sluttrapport")


def _at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=OSLO)


class _Demo:
    def __init__(self, unit: UUID, person: dict[str, UUID], org: dict[str, UUID], today: date):
        self.unit, self.person, self.org, self.today = unit, person, org, today
        self.rows: dict[str, list[dict[str, object]]] = {}
        self.decisions: dict[str, tuple[UUID, str, date]] = {}  # key → (id, label, day)

    def add(self, table: str, **row: object) -> None:
        self.rows.setdefault(table, []).append({"unit_id": self.unit, **row})

    def day(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def meetings(self) -> None:
        counters: dict[tuple[str, int], int] = {}
        for key, (body, ago, decided) in MEETINGS.items():
            day, body_id, mid = self.day(-ago), demo_id(f"body/{body}"), demo_id(f"meeting/{key}")
            self.add("meeting", id=mid, body_id=body_id, starts_at=_at(day, 9),
                     ends_at=_at(day, 11), place="Rådhuset, møterom Kjelle", link=None,
                     status="minutes_approved", cancel_reason=None,
                     documentation_status="final", archive_worthy=True)  # fmt: skip
            items = []
            for n, (dkey, text) in enumerate(decided, start=1):
                item = demo_id(f"agenda/{key}/{dkey}")
                self.add("agenda_item", id=item, meeting_id=mid, position=n, title=text[:60],
                         kind="decision", owner_person_id=self.person["kari"], measure_id=None,
                         focus_area_id=None)  # fmt: skip
                items.append({"agenda_item_id": str(item), "open_text": text,
                              "restricted_text": None})  # fmt: skip
                number = counters[(body, day.year)] = counters.get((body, day.year), 0) + 1
                code = body_code(BODY_NAMES[body])
                did = demo_id(f"decision/{key}/{dkey}")
                self.add("decision", id=did, meeting_id=mid, agenda_item_id=item,
                         body_id=body_id, text=text, ordinal=1, number_body_code=code,
                         number_sequence=number, number_year=day.year)  # fmt: skip
                self.decisions[dkey] = (did, f"{code} {number}/{day.year}", day)
            chair = self.person[CHAIRS[body]]
            self.add("minutes_version", id=demo_id(f"minutes/{key}"), meeting_id=mid, number=1,
                     written_at=_at(day, 15), items=items, approval_kind="chair",
                     approved_at=_at(day + timedelta(days=3)),
                     approval_recorded_by_person_id=self.person["kari"],
                     approval_chair_person_id=chair, approving_meeting_id=None,
                     correction_reason=None)  # fmt: skip
        for (body, year), last in counters.items():
            self.add("decision_counter", body_id=demo_id(f"body/{body}"), year=year, last=last)

    def plan(self) -> None:
        pid = demo_id("plan/2025-2028")
        self.add("action_plan", id=pid, title="Handlingsplan for SLT Lillestrøm 2025–2028",
                 description="Rus- og kriminalitetsforebyggende handlingsplan, vedtatt i "
                 "politirådet.", period_start=date(2025, 1, 1), period_end=date(2028, 12, 31),
                 weighting="equal", adopted=True, decision_id=self.decisions["plan"][0])  # fmt: skip
        for i, (fa, (title, weight, strategies, goals)) in enumerate(PLAN_TREE.items()):
            fid = demo_id(f"plan/focus/{fa}")
            self.add("plan_focus_area", id=fid, plan_id=pid, position=i, title=title,
                     strategies=list(strategies), weight=weight)  # fmt: skip
            for j, (goal, gtitle, gweight) in enumerate(goals):
                self.add("plan_goal", id=demo_id(f"plan/goal/{goal}"), focus_area_id=fid,
                         position=j, title=gtitle, weight=gweight)  # fmt: skip

    def measure(self, key: str, d: dict[str, Any]) -> None:
        mid = demo_id(f"measure/{key}")
        path: tuple[str, ...] = d["path"]
        stages = [Stage.PROPOSED, *(Stage(s) for s in path)]
        dec = self.decisions.get(d.get("decision", ""))
        anchor = dec[2] if dec else self.day(-90)
        times = self._times(stages, anchor, d)
        active = Stage.ACTIVE in stages
        plan = None
        if dec is not None and "due" in d:
            kind, name = d.get("performer", ("internal", None))
            plan = EvaluationPlan(aspects=frozenset({Aspect.EFFECT, Aspect.IMPLEMENTATION}),
                                  method=METHOD, performer=Performer(kind),
                                  due_on=self.day(d["due"]), performer_name=name)  # fmt: skip
        done = {Stage.ACTIVE: 2, Stage.STOPPED: 1}.get(stages[-1], 4 if len(stages) > 4 else 0)
        m = Measure(
            id=mid,
            unit_id=self.unit,
            title=d["title"],
            problem=d["problem"],
            tier=Tier(d["tier"]),
            description=f"{d['title']}: et tiltak i SLT-handlingsplanen.",
            target_group="Barn og unge i kommunen",
            target_age_min=d.get("age", (None,))[0],
            target_age_max=d.get("age", (None, None))[1],
            focus_area_ids=tuple(demo_id(f"plan/focus/{f}") for f in d["fa"]),
            goal_ids=tuple(demo_id(f"plan/goal/{g}") for g in d["goals"]),
            owner_id=self.person[d["owner"]] if "owner" in d else None,
            budget_nok=d.get("budget"),
            staff_hours=d.get("hours"),
            start_on=self.day(d["start"]) if "start" in d else None,
            end_on=self.day(d["end"]) if "end" in d else None,
            milestones=tuple(
                Milestone(
                    id=demo_id(f"milestone/{key}/{i}"),
                    title=t,
                    due_on=times[0].date() + timedelta(days=60 * (i + 1)),
                    done_on=times[0].date() + timedelta(days=50 * (i + 1)) if i < done else None,
                    weight=2 if i == 3 else 1,
                )
                for i, t in enumerate(STEPS)
            )
            if dec
            else (),
            risk_factors=tuple(d.get("risk", ())),
            protective_factors=tuple(d.get("protective", ())),
            evidence=Evidence(d.get("evidence", "experience_based" if dec else "unknown")),
            registry_references=tuple(
                RegistryReference(
                    registry=Registry(r),
                    rating=rating,
                    verdict=Verdict(v),
                    reviewed_on=date(year, 6, 1),
                )
                for r, rating, v, year in d.get("registry", ())
            ),
            evaluation_plan=plan,
            new_or_trial=bool(d.get("trial")),
            stage=stages[-1],
            decision_id=dec[0] if dec else None,
            closing_note="Avsluttet etter planen; erfaringene tas inn i neste års tilbud."
            if stages[-1] is Stage.CONCLUDED
            else None,
            proposed_by=self.person[ACTOR[0]],
            version=len(stages),
        )
        self.add("measure", id=mid, **measure_values(m))
        for role, keys in (("responsible", d["responsible"]), ("partner", d.get("partners", ()))):
            for i, o in enumerate(keys):
                self.add("measure_organisation", measure_id=mid, role=role,
                         organisation_id=self.org[o], position=i)  # fmt: skip
        for seq, (stage, at) in enumerate(zip(stages, times, strict=True), start=1):
            decided = stage is Stage.DECIDED and dec is not None
            reason = d.get("reason") if stage in (Stage.REJECTED, Stage.STOPPED) else None
            self.add("measure_stage_change", id=demo_id(f"step/{key}/{seq}"), measure_id=mid,
                     sequence=seq, from_stage=None if seq == 1 else stages[seq - 2].value,
                     to_stage=stage.value, at=at, actor_person_id=self.person[ACTOR[0]],
                     actor_name=ACTOR[1], reason=reason,
                     decision_id=dec[0] if decided and dec else None,
                     decision_label=dec[1] if decided and dec else None)  # fmt: skip
        if active and plan is not None:
            self._evaluation(key, mid, plan, d.get("completed"))
        for i, text in enumerate(d.get("notes", ())):
            self.add("measure_progress_note", id=demo_id(f"note/{key}/{i}"), measure_id=mid,
                     at=_at(self.day(-40 + 20 * i)), author_person_id=m.owner_id,
                     author_name=NAMES[d["owner"]], text=text)  # fmt: skip

    def _times(self, stages: list[Stage], anchor: date, d: dict[str, Any]) -> list[datetime]:
        """When each step happened: proposal and assessment before the decision, the start on
        the start date, the evaluation after its due date, the rest a week later each."""
        out: list[datetime] = []
        for s in stages:
            day = {
                Stage.PROPOSED: anchor - timedelta(days=60),
                Stage.ASSESSED: anchor - timedelta(days=30),
                Stage.DECIDED: anchor + timedelta(days=3),
                Stage.ACTIVE: self.day(d.get("start", 0)),
                Stage.EVALUATED: self.day(d.get("due", 0) + 5),
            }.get(s, out[-1].date() + timedelta(days=7) if out else anchor)
            out.append(_at(day, 10 + len(out)))
        return out

    def _evaluation(self, key: str, mid: UUID, plan: EvaluationPlan, done: str | None) -> None:
        findings = "Tiltaket når målgruppen; deltakerne er fornøyde, men oppmøtet varierer."
        self.add("evaluation", id=demo_id(f"evaluation/{key}"), measure_id=mid,
                 aspects=sorted(a.value for a in plan.aspects), performer=plan.performer.value,
                 method=plan.method, due_on=plan.due_on, performer_name=plan.performer_name,
                 findings=findings if done else None, conclusion=done,
                 completed_on=plan.due_on + timedelta(days=3) if done else None,
                 version=2 if done else 1)  # fmt: skip


JSONB = frozenset({"items", "milestones", "registry_references"})  # as text: no codec in text()
ORDER = (
    "meeting", "agenda_item", "decision", "minutes_version", "decision_counter", "action_plan",
    "plan_focus_area", "plan_goal", "measure", "measure_organisation", "measure_stage_change",
    "evaluation", "measure_progress_note",
)  # fmt: skip


async def load_measures(engine: AsyncEngine, *, today: date) -> None:
    """Load (or top up) the demo unit's measures, after ``load_demo``; as the schema owner. Kept
    out of the tests' demo (the contexts' API tests start from a unit without measures): the
    ``samordna demo`` command loads it."""
    demo = _Demo(
        DEMO_UNIT,
        {k: demo_id(f"person/{k}") for k, *_ in PERSONS},
        {k: demo_id(f"org/{k}") for k, *_ in ORGANISATIONS},
        today,
    )
    demo.meetings()
    demo.plan()
    for key, d in MEASURES.items():
        demo.measure(key, d)
    async with engine.begin() as conn:
        for table in ORDER:
            rows = [
                {k: json.dumps(v) if k in JSONB else v for k, v in row.items()}
                for row in demo.rows.get(table, [])
            ]
            # The agenda's deferrable unique positions cannot arbitrate ON CONFLICT: the id can.
            target = "(id)" if table == "agenda_item" else ""
            cols = list(rows[0])
            names, params = ", ".join(cols), ", ".join(":" + c for c in cols)
            sql = f"INSERT INTO {table} ({names}) VALUES ({params}) ON CONFLICT {target} DO NOTHING"  # noqa: S608
            await conn.execute(sa.text(sql), rows)
