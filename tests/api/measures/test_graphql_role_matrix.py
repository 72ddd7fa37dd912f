"""GraphQL door of measures: every query and mutation × every kind of caller, allowed or refused
as ``domain.measures.policies`` says — the same table as REST's role matrix (unit readers and
seat holders read, seat holders propose, the proposer edits while proposed, the owner follows
up, coordinator and unit admin manage; machines read nothing) — and another SLT unit sees
nothing: not found on every id, empty lists."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from strawberry.utils.str_converters import to_camel_case

from api.graphql.measures import schema
from tests.api.measures.matrix import Ids, build
from tests.api.measures.test_role_matrix import ALLOWED
from tests.api.organisation.test_role_matrix import _authenticate

READ, PROPOSE, EDIT, FOLLOW_UP, MANAGE = "read", "propose", "edit", "follow-up", "manage"
STALE, INVALID = "StaleVersionProblem", "ValidationProblem"


def queries(i: Ids) -> list[str]:
    """Every query; each is the READ policy."""
    return [
        "{ measures { total items { id } } }",
        "{ measureBoard { id stage } }",
        f'{{ measure(id: "{i.proposed}") {{ id history {{ sequence }} }} }}',
        f'{{ measure(id: "{i.running}") {{ id owner {{ name }} responsibleOrganisations {{ name }}'
        " timeline { kind } notes { text } evaluations { id report { filename } } } }",
        f'{{ evaluation(id: "{i.evaluation}") {{ id }} }}',
        "{ evaluationsDue { overdue measure { id } owner { name } } }",
        "{ actionPlans { id } }",
        f'{{ actionPlan(id: "{i.plan}") {{ id focusAreas(limit: 5) {{ goals(limit: 5) {{'
        " measureIds measures(limit: 10) { id } } } } }",
        "{ measurePortfolio { cells { count } } }",
        "{ measureAttention { withoutOwner { id } evaluationsDue { overdue } } }",
        "{ measureSettings { evaluationThresholdNok } }",
        "{ measureFactors { risk { code } } }",
        '{ linkableDecisions(bodyLevel: "coordinating") { id label } }',
    ]


def mutations(i: Ids) -> list[tuple[str, str, str]]:
    """(call, policy, the answer of an allowed caller): writes stop at a harmless rule."""
    p, r, e, plan = i.proposed, i.running, i.evaluation, i.plan
    return [
        (
            'proposeMeasure(input: {title: " ", problem: "P", tier: UNIVERSAL})',
            PROPOSE,
            INVALID,
        ),
        (f'updateMeasure(id: "{p}", expectedVersion: 999, input: {{title: "Nytt"}})', EDIT, STALE),
        (f'deleteMeasure(id: "{p}", expectedVersion: 999)', MANAGE, STALE),
        (f'transitionMeasure(id: "{p}", expectedVersion: 999, target: ASSESSED)', MANAGE, STALE),
        (f'addProgressNote(measureId: "{r}", text: " ")', FOLLOW_UP, INVALID),
        (
            f'addEvaluation(measureId: "{r}", input: {{aspects: [EFFECT], performer: INTERNAL,'
            ' method: " "})',
            FOLLOW_UP,
            INVALID,
        ),
        (
            f'updateEvaluation(id: "{e}", expectedVersion: 999, input: {{method: "Intervju"}})',
            FOLLOW_UP,
            STALE,
        ),
        (f'deleteEvaluation(id: "{e}", expectedVersion: 999)', FOLLOW_UP, STALE),
        (
            'createActionPlan(input: {title: " ", periodStart: "2026-01-01",'
            ' periodEnd: "2029-12-31"})',
            MANAGE,
            INVALID,
        ),
        (
            f'updateActionPlan(id: "{plan}", expectedVersion: 999, input: {{title: "Ny"}})',
            MANAGE,
            STALE,
        ),
        (
            f'adoptActionPlan(id: "{plan}", expectedVersion: 999, decisionId: "{i.decision}")',
            MANAGE,
            STALE,
        ),
        (f'deletePlan(id: "{plan}", expectedVersion: 999)', MANAGE, STALE),
        ("setEvaluationThreshold(amountNok: 500000)", MANAGE, "MeasureSettings"),
        ("sendEvaluationReminders", MANAGE, "ReminderReport"),
    ]


def _fields(kind: type) -> set[str]:
    return {
        f.graphql_name or to_camel_case(f.python_name)
        for f in kind.__strawberry_definition__.fields
    }  # type: ignore[attr-defined]


def test_every_measures_query_and_mutation_is_in_the_matrix() -> None:
    ids = Ids(*(["x"] * 5))
    asked = {q.strip("{ ").split("(")[0].split(" ")[0] for q in queries(ids)}
    assert asked == _fields(schema.Query)
    assert {call.split("(")[0] for call, _, _ in mutations(ids)} == _fields(schema.Mutation)


def _typename(body: dict[str, Any], field: str) -> str | None:
    got = (body.get("data") or {}).get(field) or {}
    return got.get("__typename")  # type: ignore[no-any-return]


async def _post(client: Any, query: str, h: dict[str, str]) -> dict[str, Any]:
    r = await client.post("/graphql", json={"query": query}, headers=h)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def _code(body: dict[str, Any]) -> str | None:
    return body.get("errors", [{}])[0].get("extensions", {}).get("code")  # type: ignore[no-any-return]


@pytest.mark.parametrize("who", [w for w in ALLOWED if w != "outsider"])
async def test_graphql_role_matrix(client: Any, who: str) -> None:
    ids = await build(client)
    client.cookies.clear()
    h = await _authenticate(client, who)
    allowed: Callable[[str], bool] = lambda policy: policy in ALLOWED[who]  # noqa: E731
    wrong = []
    for query in queries(ids):
        body = await _post(client, query, h)
        ok = "errors" not in body if allowed(READ) else _code(body) == "forbidden"
        if not ok:
            wrong.append((query[:50], body))
    for call, policy, then in mutations(ids):
        field = call.split("(")[0]
        body = await _post(client, f"mutation {{ {call} {{ __typename }} }}", h)
        expected = then if allowed(policy) else "ForbiddenProblem"
        if _typename(body, field) != expected:
            wrong.append((field, expected, body))
    assert not wrong, (who, wrong)


async def test_another_unit_sees_nothing(client: Any) -> None:
    ids = await build(client)
    client.cookies.clear()
    h = await _authenticate(client, "other_unit_coordinator")
    wrong = []
    for query in queries(ids):
        if '(id: "' not in query:
            continue
        body = await _post(client, query, h)
        if _code(body) != "not-found":
            wrong.append((query[:50], body))
    for call, _, _ in mutations(ids):
        if '"' not in call.split("input")[0]:  # no id of the other unit in it
            continue
        field = call.split("(")[0]
        body = await _post(client, f"mutation {{ {call} {{ __typename }} }}", h)
        # An id of another unit is not found; the decision named in an adoption is unknown.
        if _typename(body, field) not in {"NotFoundProblem"}:
            wrong.append((field, body))
    assert not wrong, wrong
    lists = await _post(
        client,
        "{ measures { total items { id } } measureBoard { id } actionPlans { id }"
        " evaluationsDue { overdue } linkableDecisions { id }"
        " measurePortfolio { cells { count } focusAreas { id } }"
        " measureAttention { withoutOwner { id } evaluationsDue { overdue } plansExpiring { id } } }",
        h,
    )
    assert lists["data"] == {
        "measures": {"total": 0, "items": []},
        "measureBoard": [],
        "actionPlans": [],
        "evaluationsDue": [],
        "linkableDecisions": [],
        "measurePortfolio": {"cells": [], "focusAreas": []},
        "measureAttention": {"withoutOwner": [], "evaluationsDue": [], "plansExpiring": []},
    }, lists
    # Nor can they link SLT Lillestrøm's plan goals to a measure of their own.
    body = await _post(
        client,
        f'mutation {{ proposeMeasure(input: {{title: "T", problem: "P", tier: UNIVERSAL,'
        f' goalIds: ["{ids.plan}"]}}) {{ __typename ... on ValidationProblem {{ fieldErrors'
        " { field code } } } }",
        h,
    )
    got = body["data"]["proposeMeasure"]
    assert got["__typename"] == "ValidationProblem", got
    assert got["fieldErrors"][0]["field"].startswith("goalIds"), got
