"""GraphQL door of measures: every change it offers, done — fields changed with milestones kept
by id, a proposed measure deleted (a later one refused), evaluations added, completed and
removed, a draft plan's tree changed with its ids kept and then deleted, the evaluation threshold
that makes a measure's evaluation required, reminders mailed without findings; and two
transitions of one measure at once: one wins, the other is stale, one history entry."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, timedelta
from typing import Any

from tests.api.measures.test_graphql_flow import (
    EVALUATION_F,
    GUARDED_F,
    MOVE,
    PROBLEM_F,
    UPDATE,
    UPDATE_EVALUATION,
    coordinator,
    evaluation_plan,
    move,
    ok,
    propose,
    read,
    running,
)
from tests.api.meetings.test_graphql import gql

__all__ = ["coordinator"]

ADD_EVALUATION = f"""mutation($m: UUID!, $input: EvaluationInput!) {{
  addEvaluation(measureId: $m, input: $input) {{
    ... on Evaluation {{ {EVALUATION_F} }} {GUARDED_F} }} }}"""
DELETE = """mutation($id: UUID!, $v: Int!) { %s(id: $id, expectedVersion: $v) {
  __typename ... on Deleted { id } ... on Problem { code } } }"""
PLAN_F = "id version status focusAreas { id title weight strategies goals { id title weight } }"
CREATE_PLAN = f"""mutation($input: ActionPlanInput!) {{ createActionPlan(input: $input) {{
  ... on ActionPlan {{ {PLAN_F} }} {PROBLEM_F} }} }}"""
UPDATE_PLAN = f"""mutation($id: UUID!, $v: Int!, $input: ActionPlanInput!) {{
  updateActionPlan(id: $id, expectedVersion: $v, input: $input) {{
    ... on ActionPlan {{ {PLAN_F} }} {PROBLEM_F} }} }}"""


async def test_a_measure_is_changed_and_a_proposed_one_deleted(coordinator: Any) -> None:
    c = coordinator
    m = await propose(c)
    m = await ok(
        c,
        UPDATE,
        "updateMeasure",
        id=m["id"],
        v=m["version"],
        input={
            "description": "Kurs over seks kvelder.",
            "budgetNok": 120_000,
            "staffHours": 300,
            "evidence": "EXPERIENCE_BASED",
            "milestones": [{"title": "Kurs planlagt"}, {"title": "Kurs holdt", "weight": 3}],
            "registryReferences": [
                {"registry": "CRIMESOLUTIONS", "rating": "No Effects", "verdict": "INEFFECTIVE"}
            ],
        },
    )
    assert (m["version"], m["budgetNok"], m["evidence"]) == (2, 120_000, "EXPERIENCE_BASED")
    assert m["registryWarning"] and m["registryReferences"][0]["warns"]
    first, second = m["milestones"]
    done = {"id": first["id"], "title": first["title"], "doneOn": date.today().isoformat()}
    m = await ok(
        c,
        UPDATE,
        "updateMeasure",
        id=m["id"],
        v=m["version"],
        input={"milestones": [done, {"id": second["id"], "title": "Kurs holdt", "weight": 3}]},
    )
    assert [x["id"] for x in m["milestones"]] == [first["id"], second["id"]]
    assert m["progress"] == 0.25 and m["milestones"][0]["done"]
    cleared = await ok(
        c, UPDATE, "updateMeasure", id=m["id"], v=m["version"], input={"description": None}
    )
    assert cleared["description"] is None

    deleted = (await gql(c, DELETE % "deleteMeasure", id=m["id"], v=cleared["version"]))["data"]
    assert deleted["deleteMeasure"] == {"__typename": "Deleted", "id": m["id"]}
    gone = await gql(c, f'{{ measure(id: "{m["id"]}") {{ id }} }}')
    assert gone["errors"][0]["extensions"]["code"] == "not-found"
    later = await move(c, await propose(c), "ASSESSED")
    refused = await gql(c, DELETE % "deleteMeasure", id=later["id"], v=later["version"])
    assert refused["data"]["deleteMeasure"] == {
        "__typename": "ConflictProblem",
        "code": "measure-in-lifecycle",
    }


async def test_evaluations_are_added_completed_and_removed(coordinator: Any) -> None:
    c = coordinator
    m = await running(c)
    extra = await ok(
        c,
        ADD_EVALUATION,
        "addEvaluation",
        m=m["id"],
        input={
            "aspects": ["USER_EXPERIENCE", "PARTICIPATION"],
            "performer": "EXTERNAL",
            "performerName": "Et forskningsinstitutt",
            "method": "Fokusgrupper",
            "dueOn": (date.today() + timedelta(days=10)).isoformat(),
        },
    )
    assert (extra["performer"], extra["completed"]) == ("EXTERNAL", False)
    due = await read(c, "{ evaluationsDue { evaluation { id } measure { id } overdue } }")
    assert {"evaluation": {"id": extra["id"]}, "measure": {"id": m["id"]}, "overdue": False} in (
        due["evaluationsDue"]
    )
    done = await ok(
        c,
        UPDATE_EVALUATION,
        "updateEvaluation",
        id=extra["id"],
        v=extra["version"],
        input={"findings": "Ungdommene vil ha flere kvelder.", "conclusion": "ADJUST"},
    )
    assert done["completed"] and done["conclusion"] == "ADJUST"
    refused = await gql(c, DELETE % "deleteEvaluation", id=done["id"], v=done["version"])
    assert refused["data"]["deleteEvaluation"]["code"] == "evaluation-completed"
    one = await read(c, f'{{ measure(id: "{m["id"]}") {{ evaluations {{ id version }} }} }}')
    planned = next(e for e in one["measure"]["evaluations"] if e["id"] != done["id"])
    removed = await gql(c, DELETE % "deleteEvaluation", id=planned["id"], v=planned["version"])
    assert removed["data"]["deleteEvaluation"] == {"__typename": "Deleted", "id": planned["id"]}
    one = await read(c, f'{{ measure(id: "{m["id"]}") {{ evaluations {{ id }} }} }}')
    assert one["measure"]["evaluations"] == [{"id": done["id"]}]


async def test_a_draft_plan_is_changed_with_its_ids_kept_and_deleted(coordinator: Any) -> None:
    c = coordinator
    plan = await ok(
        c,
        CREATE_PLAN,
        "createActionPlan",
        input={
            "title": "Handlingsplan 2026–2029",
            "periodStart": "2026-01-01",
            "periodEnd": "2029-12-31",
            "focusAreas": [{"title": "Skole", "goals": [{"title": "Færre skoleavbrudd"}]}],
        },
    )
    area = plan["focusAreas"][0]
    changed = await ok(
        c,
        UPDATE_PLAN,
        "updateActionPlan",
        id=plan["id"],
        v=plan["version"],
        input={
            "weighting": "BUDGET",
            "focusAreas": [
                {
                    "id": area["id"],
                    "title": "Skole og utdanning",
                    "weight": 2,
                    "strategies": ["Tett oppfølging"],
                    "goals": [{"id": area["goals"][0]["id"], "title": "Flere fullfører"}],
                },
                {"title": "Fritid", "goals": [{"title": "Flere i organisert fritid"}]},
            ],
        },
    )
    assert changed["version"] == plan["version"] + 1
    assert changed["focusAreas"][0]["id"] == area["id"]
    assert changed["focusAreas"][0]["goals"][0]["id"] == area["goals"][0]["id"]
    assert changed["focusAreas"][0]["strategies"] == ["Tett oppfølging"]
    stale = await gql(c, DELETE % "deletePlan", id=plan["id"], v=plan["version"])
    assert stale["data"]["deletePlan"]["__typename"] == "StaleVersionProblem"
    deleted = await gql(c, DELETE % "deletePlan", id=plan["id"], v=changed["version"])
    assert deleted["data"]["deletePlan"] == {"__typename": "Deleted", "id": plan["id"]}
    assert (await read(c, "{ actionPlans { id } }"))["actionPlans"] == []


async def test_the_threshold_makes_evaluation_required(coordinator: Any) -> None:
    c = coordinator
    m = await propose(c, budgetNok=300_000)
    assert (m["evaluationRequired"], m["evaluationTriggers"]) == (False, [])
    setting = """mutation($n: Int!) { setEvaluationThreshold(amountNok: $n) {
      __typename ... on MeasureSettings { evaluationThresholdNok } } }"""
    got = await gql(c, setting, n=200_000)
    assert got["data"]["setEvaluationThreshold"]["evaluationThresholdNok"] == 200_000
    one = await read(
        c,
        f'{{ measure(id: "{m["id"]}") {{ evaluationRequired evaluationTriggers }}'
        " measureSettings { evaluationThresholdNok } }",
    )
    assert one["measure"] == {"evaluationRequired": True, "evaluationTriggers": ["COSTLY"]}
    assert one["measureSettings"] == {"evaluationThresholdNok": 200_000}


async def test_reminders_are_mailed_without_findings(coordinator: Any, mail_catcher: Any) -> None:
    c = coordinator
    m = await running(c, evaluationPlan=evaluation_plan(days=5))
    one = await read(c, f'{{ measure(id: "{m["id"]}") {{ evaluations {{ id version }} }} }}')
    e = one["measure"]["evaluations"][0]
    secret = "Funnene er ikke ferdig drøftet."
    await ok(
        c,
        UPDATE_EVALUATION,
        "updateEvaluation",
        id=e["id"],
        v=e["version"],
        input={"findings": secret},
    )
    got = await gql(
        c,
        """mutation { sendEvaluationReminders {
      __typename ... on ReminderReport { sent withoutAddress } } }""",
    )
    report = got["data"]["sendEvaluationReminders"]
    assert report["__typename"] == "ReminderReport" and report["sent"] >= 1, report
    assert report["sent"] == len(mail_catcher.caught)
    for mail in mail_catcher.caught:
        assert secret not in mail.data.decode("utf-8", "replace")


async def test_parallel_transitions_have_one_winner(coordinator: Any) -> None:
    c = coordinator
    for _ in range(3):
        m = await propose(c)
        answers = await asyncio.gather(
            gql(c, MOVE, id=m["id"], v=m["version"], to="ASSESSED"),
            gql(c, MOVE, id=m["id"], v=m["version"], to="REJECTED", reason="Ikke prioritert."),
        )
        kinds = Counter(a["data"]["transitionMeasure"]["__typename"] for a in answers)
        assert kinds == Counter({"Measure": 1, "StaleVersionProblem": 1}), answers
        one = await read(
            c, f'{{ measure(id: "{m["id"]}") {{ stage version history {{ toStage }} }} }}'
        )
        assert one["measure"]["version"] == 2 and len(one["measure"]["history"]) == 2
        assert one["measure"]["stage"] == one["measure"]["history"][-1]["toStage"]


async def test_reminders_with_the_mail_server_down(coordinator: Any, mail_catcher: Any) -> None:
    c = coordinator
    await running(c, evaluationPlan=evaluation_plan(days=5))
    mail_catcher.stop()
    got = await gql(
        c,
        """mutation { sendEvaluationReminders { __typename
      ... on Problem { code } ... on MailUnavailableProblem { retryAfterSeconds } } }""",
    )
    out = got["data"]["sendEvaluationReminders"]
    assert out["__typename"] == "MailUnavailableProblem" and out["retryAfterSeconds"] > 0, out
    assert out["code"] == "mail-unavailable"
