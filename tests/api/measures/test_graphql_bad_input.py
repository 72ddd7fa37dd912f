"""GraphQL door of measures: bad input is a field error or a typed problem, never an internal
error nor a partial write — control characters, huge and blank texts, nulls on fields the domain
never leaves empty, numbers out of range, unknown codes, bad links, wrong types, limits out of
range."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.api.measures.test_graphql_flow import (
    NEW,
    PROPOSE,
    UPDATE,
    UPDATE_EVALUATION,
    coordinator,
    propose,
    read,
    running,
)

__all__ = ["coordinator"]

NUL, HUGE = "Tiltak\u0000 1", "x" * 100_000


async def raw(client: Any, query: str, **variables: Any) -> dict[str, Any]:
    # json.dumps escapes control characters (\u0000) as any JSON client does
    r = await client.post(
        "/graphql",
        content=json.dumps({"query": query, "variables": variables}),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    assert "internal-error" not in r.text, r.text
    return r.json()  # type: ignore[no-any-return]


def codes(body: dict[str, Any], field: str) -> set[tuple[str, str]]:
    assert "errors" not in body, body
    got = body["data"][field]
    assert got["__typename"] == "ValidationProblem", got
    return {(e["field"], e["code"]) for e in got["fieldErrors"]}


async def _count(c: Any) -> int:
    return (await read(c, "{ measures { total } }"))["measures"]["total"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "code"),
    [(NUL, "control-characters"), (HUGE, "too-long"), ("   ", "required")],
    ids=["nul", "huge", "blank"],
)
async def test_texts_are_field_errors_and_nothing_is_written(
    coordinator: Any, text: str, code: str
) -> None:
    c = coordinator
    m = await running(c)
    before = await _count(c)
    for field in ("title", "problem"):
        got = await raw(c, PROPOSE, input={**NEW, field: text})
        assert (field, code) in codes(got, "proposeMeasure"), got
        got = await raw(c, UPDATE, id=m["id"], v=m["version"], input={field: text})
        assert (field, code) in codes(got, "updateMeasure"), got
    if code != "required":  # optional texts may be blank (they are cleared)
        got = await raw(c, PROPOSE, input={**NEW, "description": text})
        assert ("description", code) in codes(got, "proposeMeasure"), got
    note = """mutation($m: UUID!, $t: String!) { addProgressNote(measureId: $m, text: $t) {
      __typename ... on ValidationProblem { fieldErrors { field code } } } }"""
    got = await raw(c, note, m=m["id"], t=text)
    assert ("text", code) in codes(got, "addProgressNote"), got
    plan = """mutation($t: String!) { createActionPlan(input: {title: $t,
      periodStart: "2026-01-01", periodEnd: "2029-12-31"}) {
      __typename ... on ValidationProblem { fieldErrors { field code } } } }"""
    got = await raw(c, plan, t=text)
    assert ("title", code) in codes(got, "createActionPlan"), got
    assert await _count(c) == before
    one = await read(c, f'{{ measure(id: "{m["id"]}") {{ version notes {{ id }} }} }}')
    assert one["measure"] == {"version": m["version"], "notes": []}


async def test_nulls_on_fields_never_empty_are_required(coordinator: Any) -> None:
    c = coordinator
    m = await propose(c)
    for field in ("title", "problem", "tier", "evidence", "focusAreaIds", "milestones"):
        got = await raw(c, UPDATE, id=m["id"], v=m["version"], input={field: None})
        assert codes(got, "updateMeasure") == {(field, "required")}, (field, got)
    got = await raw(c, PROPOSE, input={"title": "T"})
    assert {("problem", "required"), ("tier", "required")} <= codes(got, "proposeMeasure")
    ev = (await read(c, "{ evaluationsDue { evaluation { id } } }"))["evaluationsDue"]
    assert ev == []
    r = await running(c)
    e = (await read(c, f'{{ measure(id: "{r["id"]}") {{ evaluations {{ id version }} }} }}'))[
        "measure"
    ]["evaluations"][0]
    for field in ("aspects", "performer", "method"):
        got = await raw(c, UPDATE_EVALUATION, id=e["id"], v=e["version"], input={field: None})
        assert codes(got, "updateEvaluation") == {(field, "required")}, (field, got)
    # A conclusion needs findings.
    got = await raw(c, UPDATE_EVALUATION, id=e["id"], v=e["version"], input={"conclusion": "STOP"})
    assert "findings" in {f for f, _ in codes(got, "updateEvaluation")}, got


async def test_numbers_codes_and_links_out_of_bounds(coordinator: Any) -> None:
    c = coordinator
    cases: list[tuple[dict[str, Any], tuple[str, str]]] = [
        ({"targetAgeMin": 99}, ("targetAgeMin", "out-of-range")),
        ({"budgetNok": -1}, ("budgetNok", "out-of-range")),
        ({"riskFactors": ["no-such-factor"]}, ("riskFactors.0", "unknown-code")),
        ({"milestones": [{"title": "M", "weight": 0}]}, ("milestones.0.weight", "out-of-range")),
        ({"milestones": [{"title": f"M{n}"} for n in range(51)]}, ("milestones", "too-many")),
        (
            {
                "registryReferences": [
                    {
                        "registry": "OTHER",
                        "rating": "A",
                        "verdict": "EFFECTIVE",
                        "url": "javascript:alert(1)",
                    }
                ]
            },
            ("registryReferences.0.url", "invalid-url"),
        ),
    ]
    before = await _count(c)
    for extra, expected in cases:
        got = await raw(c, PROPOSE, input={**NEW, **extra})
        assert expected in codes(got, "proposeMeasure"), (extra, got)
    assert await _count(c) == before
    threshold = """mutation($n: Int!) { setEvaluationThreshold(amountNok: $n) {
      __typename ... on ValidationProblem { fieldErrors { field code } } } }"""
    got = await raw(c, threshold, n=-1)
    assert codes(got, "setEvaluationThreshold") == {("evaluationThresholdNok", "out-of-range")}


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (PROPOSE, {"input": {**NEW, "tier": "NOT_A_TIER"}}),
        (PROPOSE, {"input": {**NEW, "targetAgeMin": "ten"}}),
        (PROPOSE, {"input": {**NEW, "targetAgeMin": 2**40}}),
        (PROPOSE, {"input": {**NEW, "ownerId": "not-a-uuid"}}),
        (PROPOSE, {"input": {**NEW, "riskFactors": [None]}}),
        (PROPOSE, {"input": None}),
        ('{ measure(id: "not-a-uuid") { id } }', {}),
        ("{ measures(limit: 0) { total } }", {}),
        ("{ measures(limit: 100000) { total } }", {}),
        ('{ measures(cursor: "garbage") { total } }', {}),
        ("query($c: String) { measures(cursor: $c) { total } }", {"c": "a\u0000b"}),
        ("query($q: String) { measures(filter: {q: $q}) { total } }", {"q": NUL}),
        ("query($q: String) { measureBoard(filter: {q: $q}) { id } }", {"q": NUL}),
        ("query($q: String) { measures(filter: {q: $q}) { total } }", {"q": HUGE}),
        ("{ measureBoard { timeline(limit: -1) { kind } } }", {}),
    ],
    ids=[
        "enum",
        "int-as-text",
        "int-overflow",
        "uuid",
        "null-in-list",
        "null-input",
        "uuid-arg",
        "limit-0",
        "limit-huge",
        "cursor",
        "cursor-nul",
        "q-nul",
        "board-q-nul",
        "q-huge",
        "nested-limit",
    ],
)
async def test_wrong_types_and_limits_are_errors_not_crashes(
    coordinator: Any, query: str, variables: dict[str, Any]
) -> None:
    await propose(coordinator)
    got = await raw(coordinator, query, **variables)
    assert got.get("errors") or any(
        isinstance(v, dict) and v.get("__typename", "").endswith("Problem")
        for v in (got.get("data") or {}).values()
    ), got
