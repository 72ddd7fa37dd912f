"""GraphQL and REST of measures agree on reads: the same measure (fields, derived facts,
decision), history, notes, evaluations and timeline, the list, the board, action plan trees, the
portfolio, what needs attention, evaluations due and the settings, read through both doors by
every kind of reader (changes: ``test_graphql_parity_changes``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.api.measures.test_graphql_flow import (
    EVALUATION_F,
    MEASURE_F,
    NOTE,
    PROBLEM_F,
    UPDATE_EVALUATION,
    coordinator,
    ok,
    propose,
    read,
    running,
)
from tests.api.meetings.test_graphql import as_

__all__ = ["coordinator"]

ENUMS = {
    "tier",
    "evidence",
    "registry",
    "verdict",
    "stage",
    "fromStage",
    "toStage",
    "performer",
    "conclusion",
    "status",
    "weighting",
    "aspects",
    "legalTargets",
    "evaluationTriggers",
}
TIMES = {"at", "uploadedAt"}
HISTORY_F = (
    "id sequence fromStage toStage at actorPersonId actorName reason decisionId decisionLabel"
)
NOTE_F = "id measureId at authorPersonId authorName text"
DECISION_F = "id label bodyId bodyName bodyLevel meetingId meetingDate approved"
TIMELINE_F = (
    f"kind at decision {{ {DECISION_F} }} stageChange {{ {HISTORY_F} }} "
    f"evaluation {{ {EVALUATION_F} }} note {{ {NOTE_F} }}"
)
PLAN_F = (
    "id title description periodStart periodEnd weighting adopted status decisionId "
    f"decision {{ {DECISION_F} }} progress version "
    "focusAreas(limit: 3) { id title strategies weight progress "
    "goals(limit: 3) { id title weight progress "
    "measures(limit: 5) { id title stage tier ownerId budgetNok progress version } } }"
)
DUE_F = f"evaluation {{ {EVALUATION_F} }} measureTitle ownerId overdue"
ONE = f"""query($id: UUID!) {{ measure(id: $id) {{ {MEASURE_F}
  history {{ {HISTORY_F} }} notes {{ {NOTE_F} }} evaluations {{ {EVALUATION_F} }}
  timeline(limit: 20) {{ {TIMELINE_F} }} }} }}"""
LISTS = f"""{{ measures(limit: 10) {{ total nextCursor items {{ {MEASURE_F} }} }}
  measureBoard {{ id stage title version }} }}"""
PLANS = f"""query($plan: UUID!) {{ actionPlan(id: $plan) {{ {PLAN_F} }}
  actionPlans {{ {PLAN_F} }} }}"""  # (the lists' limits keep the cost low: small trees here)
READS = f"""{{ measurePortfolio {{ cells {{ focusAreaId tier stage count budgetNok }}
    focusAreas {{ id title }} }}
  measureAttention {{ withoutOwner {{ {MEASURE_F} }} evaluationsDue {{ {DUE_F} }}
    plansExpiring {{ id title periodStart periodEnd adopted decisionId version }} }}
  evaluationsDue {{ {DUE_F} }}
  measureSettings {{ evaluationThresholdNok }} }}"""


def _normal(key: str | None, x: Any) -> Any:
    """GraphQL enums are UPPER_CASE names where REST has the lower-case values; times (and the
    timeline's dates) compare as instants."""
    if isinstance(x, dict):
        return {k: _normal(k, v) for k, v in x.items()}
    if isinstance(x, list):
        return [_normal(key, v) for v in x]
    if isinstance(x, str) and key in ENUMS:
        return x.lower()
    if isinstance(x, str) and key in TIMES:
        return datetime.fromisoformat(x)
    return x


def _same(rest: Any, graphql: Any, what: str) -> None:
    """Every field REST answers, GraphQL answers with the same value (GraphQL may add some)."""
    rest, graphql = _normal(None, rest), _normal(None, graphql)
    if isinstance(rest, dict):
        assert isinstance(graphql, dict), what
        missing = set(rest) - set(graphql)
        assert not missing, (what, missing)
        for k, v in rest.items():
            _same(v, graphql[k], f"{what}.{k}")
    elif isinstance(rest, list):
        assert isinstance(graphql, list) and len(rest) == len(graphql), (what, rest, graphql)
        for n, (a, b) in enumerate(zip(rest, graphql, strict=True)):
            _same(a, b, f"{what}[{n}]")
    else:
        assert rest == graphql, (what, rest, graphql)


async def _rest(client: Any, path: str) -> Any:
    r = await client.get(path)
    assert r.status_code == 200, (path, r.text)
    return r.json()


async def _seed(c: Any) -> dict[str, str]:
    """A plan with a goal; a running measure under it with milestones, a registry reference,
    a note and a completed evaluation; a decided measure nobody owns; a proposed one."""
    create = f"""mutation($input: ActionPlanInput!) {{ createActionPlan(input: $input) {{
      ... on ActionPlan {{ id focusAreas {{ goals {{ id }} }} }} {PROBLEM_F} }} }}"""
    plan = await ok(
        c,
        create,
        "createActionPlan",
        input={
            "title": "Handlingsplan 2026–2029",
            "periodStart": "2026-01-01",
            "periodEnd": "2029-12-31",
            "weighting": "BUDGET",
            "focusAreas": [
                {"title": "Trygge oppvekstmiljø", "goals": [{"title": "Færre konflikter"}]}
            ],
        },
    )
    goal = plan["focusAreas"][0]["goals"][0]["id"]
    ref = {"registry": "UNGSINN", "rating": "Nivå 3", "verdict": "PROMISING"}
    m = await running(c, goalIds=[goal], budgetNok=800_000, registryReferences=[ref])
    await ok(c, NOTE, "addProgressNote", m=m["id"], text="Første kurskveld holdt.")
    planned = await read(c, f'{{ measure(id: "{m["id"]}") {{ evaluations {{ id version }} }} }}')
    e = planned["measure"]["evaluations"][0]
    await ok(
        c,
        UPDATE_EVALUATION,
        "updateEvaluation",
        id=e["id"],
        v=e["version"],
        input={"findings": "Mindre konflikt.", "conclusion": "ADJUST"},
    )
    await propose(c, title="Leksehjelp på biblioteket")
    return {"measure": m["id"], "plan": plan["id"], "evaluation": e["id"]}


async def _compare(client: Any, s: dict[str, str]) -> None:
    m, base = (await read(client, ONE, id=s["measure"]))["measure"], f"/api/measures/{s['measure']}"
    _same(await _rest(client, base), m, "measure")
    for path, key in (
        ("/history", "history"),
        ("/notes", "notes"),
        ("/evaluations", "evaluations"),
    ):
        _same(await _rest(client, base + path), m[key], path)
    _same((await _rest(client, base + "/timeline"))["entries"], m["timeline"], "timeline")
    _same(await _rest(client, f"/api/evaluations/{s['evaluation']}"), m["evaluations"][0], "one")
    lists = await read(client, LISTS)
    _same(await _rest(client, "/api/measures?limit=10"), lists["measures"], "list")
    board = [
        {k: x[k] for k in ("id", "stage", "title", "version")}
        for x in await _rest(client, "/api/measures/board")
    ]
    _same(board, lists["measureBoard"], "board")
    plans = await read(client, PLANS, plan=s["plan"])
    _same(await _rest(client, f"/api/action-plans/{s['plan']}"), plans["actionPlan"], "plan")
    _same(await _rest(client, "/api/action-plans"), plans["actionPlans"], "plans")
    reads = await read(client, READS)
    for path, key in (
        ("/api/measures/portfolio", "measurePortfolio"),
        ("/api/measures/attention", "measureAttention"),
        ("/api/evaluations/due", "evaluationsDue"),
        ("/api/measure-settings", "measureSettings"),
    ):
        _same(await _rest(client, path), reads[key], path)


async def test_both_doors_read_the_same(coordinator: Any) -> None:
    s = await _seed(coordinator)
    for who in ("coordinator", "police_contact", "steering_reader"):
        await as_(coordinator, who)
        await _compare(coordinator, s)
    assert (await read(coordinator, LISTS))["measures"]["total"] == 2
    one = (await read(coordinator, ONE, id=s["measure"]))["measure"]
    assert one["legalTargets"] == []  # a reader moves nothing, through either door
    tree = (await read(coordinator, PLANS, plan=s["plan"]))["actionPlan"]
    assert tree["focusAreas"][0]["goals"][0]["measures"][0]["id"] == s["measure"]
