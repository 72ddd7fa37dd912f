"""GraphQL door of measures: the whole lifecycle (propose → assess → decide by a coordinating
body's numbered decision → activate with an evaluation plan → evaluate → conclude), the guard's
refusal naming its preconditions, notes, evaluations and an action plan adopted by a steering
body. The helpers here are shared by the other ``test_graphql_*`` files of this folder."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from adapters.postgres.demo import demo_id
from tests.api.meetings.test_graphql import as_, gql, ok
from tests.api.meetings.test_graphql import plan as plan_meeting
from tests.api.meetings.test_graphql import seed as seed_meeting

COORDINATING = demo_id("body/koord-barn")  # Kari (coordinator) chairs it
STEERING = demo_id("body/politirad")  # Kari is its secretary; the mayor chairs it
OWNER = demo_id("person/ppt-leder")
STINE = demo_id("person/stine")
PPT, SCHOOL = demo_id("org/ppt"), demo_id("org/nordby-us")
SYNTHETIC_ID = "14839100028"  # a synthetic identity number (test data, never a real person)

PROBLEM_F = (
    "__typename ... on Problem { code message } "
    "... on ValidationProblem { fieldErrors { field code } }"
)
# For the results of mutations whose text passes the free-text guard, and of the lifecycle's.
# (aliased: an evaluation's `findings` is its text, the problem's the spans found)
GUARDED_F = PROBLEM_F + " ... on PersonalDataProblem { field spans: findings { kind start end } }"
MOVED_F = (
    GUARDED_F + " ... on IllegalTransitionProblem { preconditionCodes precondition "
    "currentStatus targetStatus }"
)
MEASURE_F = (
    "id title problem tier description targetGroup targetAgeMin targetAgeMax focusAreaIds "
    "goalIds responsibleOrganisationIds partnerOrganisationIds ownerId budgetNok staffHours "
    "startOn endOn milestones { id title dueOn doneOn weight done } riskFactors "
    "protectiveFactors evidence registryReferences { registry rating verdict reviewedOn url "
    "warns } registryWarning evaluationPlan { aspects method performer dueOn performerName } "
    "newOrTrial transferable riskOfNegativeEffects strategyAnchored stage decisionId "
    "closingNote proposedBy version evaluationTriggers evaluationRequired legalTargets progress "
    "decision { id label bodyId bodyName bodyLevel meetingId meetingDate approved text }"
)
EVALUATION_F = (
    "id measureId aspects performer performerName method dueOn findings conclusion "
    "completedOn completed version report { filename mediaType size sha256 uploadedAt }"
)
PROPOSE = f"""mutation($input: MeasureInput!, $why: String) {{
  proposeMeasure(input: $input, overrideReason: $why) {{
    ... on Measure {{ {MEASURE_F} }} {GUARDED_F} }} }}"""
UPDATE = f"""mutation($id: UUID!, $v: Int!, $input: MeasureInput!, $why: String) {{
  updateMeasure(id: $id, expectedVersion: $v, input: $input, overrideReason: $why) {{
    ... on Measure {{ {MEASURE_F} }} {GUARDED_F} }} }}"""
MOVE = f"""mutation($id: UUID!, $v: Int!, $to: MeasureStage!, $reason: String,
  $decision: UUID, $note: String, $why: String) {{
  transitionMeasure(id: $id, expectedVersion: $v, target: $to, reason: $reason,
    decisionId: $decision, closingNote: $note, overrideReason: $why) {{
    ... on Measure {{ {MEASURE_F} }} {MOVED_F} }} }}"""
UPDATE_EVALUATION = f"""mutation($id: UUID!, $v: Int!, $input: EvaluationInput!) {{
  updateEvaluation(id: $id, expectedVersion: $v, input: $input) {{
    ... on Evaluation {{ {EVALUATION_F} }} {GUARDED_F} }} }}"""
NOTE = f"""mutation($m: UUID!, $text: String!, $why: String) {{
  addProgressNote(measureId: $m, text: $text, overrideReason: $why) {{
    ... on ProgressNote {{ id measureId text authorName at }} {GUARDED_F} }} }}"""
ONE = f"""query($id: UUID!) {{ measure(id: $id) {{ {MEASURE_F}
  owner {{ name }} responsibleOrganisations {{ name }}
  timeline {{ kind at decision {{ label }} stageChange {{ toStage }} note {{ text }}
    evaluation {{ id conclusion }} }}
  history {{ sequence fromStage toStage actorName reason decisionId decisionLabel }}
  notes {{ id text }} evaluations {{ {EVALUATION_F} }} }} }}"""

NEW = {
    "title": "Foreldreveiledning i barnehagen",
    "problem": "Foreldre i bydelen ber om mer støtte i småbarnsfasen.",
    "tier": "UNIVERSAL",
    "targetGroup": "Foreldre med barn 1–5 år",
    "targetAgeMin": 1,
    "targetAgeMax": 5,
    "riskFactors": ["family-conflict"],
    "protectiveFactors": ["parental-support"],
}


def today() -> date:
    return date.today()


def evaluation_plan(days: int = 200) -> dict[str, Any]:
    return {
        "aspects": ["EFFECT", "IMPLEMENTATION"],
        "method": "Spørreundersøkelse før og etter",
        "performer": "INTERNAL",
        "dueOn": (today() + timedelta(days=days)).isoformat(),
    }


async def decision(client: Any, level: str = "coordinating") -> str:
    """A numbered decision of approved minutes: the coordinating group's (Kari chairs it and
    approves), or the steering group's (Kari is its secretary: a later held meeting approves)."""
    if level == "coordinating":
        s = await seed_meeting(client, COORDINATING, items=1)
        approve = (
            "mutation($m: UUID!, $v: Int!) { approveMinutes(meetingId: $m, version: $v) {"
            " __typename } }"
        )
        got = await gql(client, approve, m=s["meeting"], v=s["version"])
        assert got["data"]["approveMinutes"]["__typename"] == "MinutesVersion", got
    else:
        s = await seed_meeting(client, STEERING, items=1, owner=STINE, days=-3)
        later = await plan_meeting(client, STEERING, days=-1)
        hold = "mutation($id: UUID!, $v: Int!) { holdMeeting(id: $id, version: $v) { __typename } }"
        assert (await gql(client, hold, id=later["id"], v=later["version"]))["data"]
        approve = (
            "mutation($m: UUID!, $a: UUID!, $v: Int!) { approveMinutesAtNextMeeting("
            "meetingId: $m, approvingMeetingId: $a, version: $v) { __typename } }"
        )
        got = await gql(client, approve, m=s["meeting"], a=later["id"], v=s["version"])
        assert got["data"]["approveMinutesAtNextMeeting"]["__typename"] == "MinutesVersion", got
    page = await gql(client, f'{{ meeting(id: "{s["meeting"]}") {{ decisions {{ id number }} }} }}')
    d = page["data"]["meeting"]["decisions"][0]
    assert d["number"], d
    return str(d["id"])


async def read(client: Any, query: str, **variables: Any) -> Any:
    """A query's data (fails the test with the errors otherwise)."""
    body = await gql(client, query, **variables)
    assert "errors" not in body, body
    return body["data"]


async def propose(client: Any, **extra: Any) -> dict[str, Any]:
    return await ok(client, PROPOSE, "proposeMeasure", input={**NEW, **extra})


async def move(client: Any, m: dict[str, Any], to: str, **extra: Any) -> dict[str, Any]:
    return await ok(client, MOVE, "transitionMeasure", id=m["id"], v=m["version"], to=to, **extra)


async def running(client: Any, **extra: Any) -> dict[str, Any]:
    """A measure proposed, assessed, decided and made active (the planned evaluation made);
    ``extra`` goes with the proposal and wins over the defaults set before deciding."""
    m = await propose(client, **extra)
    m = await move(client, m, "ASSESSED")
    defaults = {
        "responsibleOrganisationIds": [str(PPT)],
        "ownerId": str(OWNER),
        "startOn": today().isoformat(),
        "evaluationPlan": evaluation_plan(),
        "milestones": [{"title": "Kurs holdt", "weight": 2}, {"title": "Rapport"}],
    }
    unset = {k: v for k, v in defaults.items() if k not in extra}
    m = await ok(client, UPDATE, "updateMeasure", id=m["id"], v=m["version"], input=unset)
    m = await move(client, m, "DECIDED", decision=await decision(client))
    return await move(client, m, "ACTIVE")


@pytest.fixture
async def coordinator(client: Any) -> Any:
    return await as_(client, "coordinator")


async def test_the_whole_lifecycle_over_graphql(coordinator: Any) -> None:
    c = coordinator
    m = await propose(c)
    assert (m["stage"], m["version"], m["legalTargets"]) == (
        "PROPOSED",
        1,
        ["ASSESSED", "REJECTED"],
    )
    assert m["proposedBy"] == str(demo_id("person/kari"))
    m = await move(c, m, "ASSESSED")

    # Deciding without a decision (and without a responsible organisation) names both.
    refused = (await gql(c, MOVE, id=m["id"], v=m["version"], to="DECIDED"))["data"]
    got = refused["transitionMeasure"]
    assert got["__typename"] == "IllegalTransitionProblem", got
    assert got["code"] == "illegal-transition"
    assert got["preconditionCodes"] == ["decision-required", "responsible-organisation-required"]
    assert (got["currentStatus"], got["targetStatus"]) == ("assessed", "decided")

    m = await running(c)
    assert m["stage"] == "ACTIVE" and m["decision"]["bodyLevel"] == "coordinating"
    assert m["decision"]["label"] and m["decision"]["approved"]
    one = (await read(c, ONE, id=m["id"]))["measure"]
    assert one["owner"]["name"] == "Jon Moe"
    assert [o["name"] for o in one["responsibleOrganisations"]] == ["PPT Lillestrøm"]
    assert [(h["fromStage"], h["toStage"]) for h in one["history"]] == [
        (None, "PROPOSED"),
        ("PROPOSED", "ASSESSED"),
        ("ASSESSED", "DECIDED"),
        ("DECIDED", "ACTIVE"),
    ]
    assert one["history"][2]["decisionLabel"] == one["decision"]["label"]
    planned = one["evaluations"]
    assert len(planned) == 1 and not planned[0]["completed"]
    assert planned[0]["aspects"] == ["EFFECT", "IMPLEMENTATION"]

    # Evaluated needs a completed evaluation; the planned one gets findings and a conclusion.
    refused = (await gql(c, MOVE, id=m["id"], v=m["version"], to="EVALUATED"))["data"]
    assert refused["transitionMeasure"]["preconditionCodes"] == ["completed-evaluation-required"]
    note = await ok(c, NOTE, "addProgressNote", m=m["id"], text="Første kurskveld holdt.")
    assert note["text"] == "Første kurskveld holdt."
    done = await ok(
        c,
        UPDATE_EVALUATION,
        "updateEvaluation",
        id=planned[0]["id"],
        v=planned[0]["version"],
        input={"findings": "Foreldrene rapporterer mindre konflikt.", "conclusion": "CONTINUE"},
    )
    assert done["completed"] and done["completedOn"] == today().isoformat()
    m = await move(c, m, "EVALUATED")
    m = await move(c, m, "CONCLUDED")
    assert (m["stage"], m["legalTargets"]) == ("CONCLUDED", [])
    one = (await read(c, ONE, id=m["id"]))["measure"]
    kinds = [e["kind"] for e in one["timeline"]]
    assert kinds[0] == "decision" and {"stage", "evaluation", "note"} <= set(kinds), kinds
    assert [n["text"] for n in one["notes"]] == ["Første kurskveld holdt."]


async def test_the_guard_blocks_personal_data_and_an_override_lets_it_through(
    coordinator: Any,
) -> None:
    c = coordinator
    text = f"Gjelder eleven med fødselsnummer {SYNTHETIC_ID}."
    blocked = (await gql(c, PROPOSE, input={**NEW, "problem": text}))["data"]["proposeMeasure"]
    assert blocked["__typename"] == "PersonalDataProblem", blocked
    assert blocked["field"] == "problem" and blocked["spans"][0]["kind"] == "identity_number"
    assert (await gql(c, "{ measures { total } }"))["data"]["measures"]["total"] == 0
    m = await ok(
        c, PROPOSE, "proposeMeasure", input={**NEW, "problem": text}, why="Syntetisk testdata"
    )
    assert m["problem"] == text
    # A transition's reason is screened too (the coordinating level: never individual cases).
    why = "Foreldrene kan ringes på 912 34 567."
    blocked = (await gql(c, MOVE, id=m["id"], v=m["version"], to="REJECTED", reason=why))["data"]
    assert blocked["transitionMeasure"]["__typename"] == "PersonalDataProblem", blocked
    assert blocked["transitionMeasure"]["field"] == "reason"
    rejected = await move(c, m, "REJECTED", reason=why, why="Sentralbordet, ikke en person")
    assert rejected["stage"] == "REJECTED"


async def test_an_action_plan_is_drafted_and_adopted_by_the_steering_group(
    coordinator: Any,
) -> None:
    c = coordinator
    tree = (
        "id title status progress version adopted decisionId decision { label bodyLevel } "
        "focusAreas(limit: 5) { id title strategies weight progress goals(limit: 5) { id title "
        "weight progress measures(limit: 20) { id title progress } } }"
    )
    create = f"""mutation($input: ActionPlanInput!) {{ createActionPlan(input: $input) {{
      ... on ActionPlan {{ {tree} }} {PROBLEM_F} }} }}"""
    plan = await ok(
        c,
        create,
        "createActionPlan",
        input={
            "title": "Handlingsplan 2026–2029",
            "periodStart": "2026-01-01",
            "periodEnd": "2029-12-31",
            "focusAreas": [
                {
                    "title": "Trygge oppvekstmiljø",
                    "strategies": ["Tidlig innsats"],
                    "goals": [{"title": "Færre konflikter i familien", "weight": 2}],
                }
            ],
        },
    )
    assert plan["status"] == "DRAFT" and plan["progress"] == 0
    goal = plan["focusAreas"][0]["goals"][0]
    m = await running(c, goalIds=[goal["id"]])
    got = await read(c, f'{{ actionPlan(id: "{plan["id"]}") {{ {tree} }} }}')
    measures = got["actionPlan"]["focusAreas"][0]["goals"][0]["measures"]
    assert [x["id"] for x in measures] == [m["id"]]

    adopt = f"""mutation($id: UUID!, $v: Int!, $d: UUID!) {{
      adoptActionPlan(id: $id, expectedVersion: $v, decisionId: $d) {{
        ... on ActionPlan {{ {tree} }} {PROBLEM_F} }} }}"""
    coordinating = await decision(c)
    wrong = (await gql(c, adopt, id=plan["id"], v=plan["version"], d=coordinating))["data"]
    assert wrong["adoptActionPlan"]["__typename"] in {"ConflictProblem", "ValidationProblem"}
    adopted = await ok(
        c,
        adopt,
        "adoptActionPlan",
        id=plan["id"],
        v=plan["version"],
        d=await decision(c, "steering"),
    )
    assert adopted["status"] == "ADOPTED" and adopted["decision"]["bodyLevel"] == "steering"
    locked = f"""mutation($id: UUID!, $v: Int!) {{ updateActionPlan(id: $id, expectedVersion: $v,
      input: {{title: "Ny tittel"}}) {{ {PROBLEM_F} }} }}"""
    got = (await gql(c, locked, id=plan["id"], v=adopted["version"]))["data"]["updateActionPlan"]
    assert (got["__typename"], got["code"]) == ("ConflictProblem", "plan-adopted")
