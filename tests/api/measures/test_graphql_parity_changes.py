"""GraphQL and REST of measures agree on changes: the same proposal, change and transition sent
through both doors give the same measure and history; an illegal transition names the same
precondition codes, and a stale version, the guard and a too-long text are refused alike."""

from __future__ import annotations

from typing import Any

from tests.api.measures.test_graphql_flow import (
    MOVE,
    NOTE,
    OWNER,
    PPT,
    PROPOSE,
    SYNTHETIC_ID,
    UPDATE,
    coordinator,
    ok,
    propose,
    read,
)
from tests.api.measures.test_graphql_parity import _rest, _same
from tests.api.meetings.test_graphql import gql

__all__ = ["coordinator"]


async def test_both_doors_refuse_the_same(coordinator: Any) -> None:
    c = coordinator
    m = await propose(c)
    r = await c.post(
        f"/api/measures/{m['id']}/transitions",
        json={"target": "active"},
        headers={"If-Match": f'"{m["version"]}"'},
    )
    assert r.status_code == 409, r.text
    got = (await gql(c, MOVE, id=m["id"], v=m["version"], to="ACTIVE"))["data"]
    problem = got["transitionMeasure"]
    assert problem["__typename"] == "IllegalTransitionProblem"
    rest = r.json()
    assert rest["type"].endswith("/" + problem["code"])
    for k in ("preconditionCodes", "precondition", "currentStatus", "targetStatus"):
        assert rest[k] == problem[k], k
    assert problem["preconditionCodes"] == ["not-from-stage"]

    # Stale: the version the caller read is no longer current.
    r = await c.post(
        f"/api/measures/{m['id']}/transitions",
        json={"target": "assessed"},
        headers={"If-Match": '"7"'},
    )
    got = (await gql(c, MOVE, id=m["id"], v=7, to="ASSESSED"))["data"]["transitionMeasure"]
    assert (r.status_code, got["__typename"]) == (412, "StaleVersionProblem"), r.text
    assert r.json()["type"].endswith("/" + got["code"])

    # The guard: the same problem type, the same field and spans.
    text = f"Gjelder eleven med fødselsnummer {SYNTHETIC_ID}."
    base = {"title": "Tiltak", "problem": text, "tier": "universal"}
    r = await c.post("/api/measures", json=base)
    got = (await gql(c, PROPOSE, input={**base, "tier": "UNIVERSAL"}))["data"]["proposeMeasure"]
    assert (r.status_code, got["__typename"]) == (422, "PersonalDataProblem"), r.text
    assert r.json()["type"].endswith("/" + got["code"])
    spans = [(f["field"], f["kind"], f["start"], f["end"]) for f in r.json()["findings"]]
    assert spans == [(got["field"], s["kind"], s["start"], s["end"]) for s in got["spans"]]

    # A text over the limit: the same field and code, nothing written.
    long = {"title": "x" * 201, "problem": "Uro i sentrum.", "tier": "universal"}
    r = await c.post("/api/measures", json=long)
    got = (await gql(c, PROPOSE, input={**long, "tier": "UNIVERSAL"}))["data"]["proposeMeasure"]
    assert (r.status_code, got["__typename"]) == (422, "ValidationProblem"), r.text
    rest_errors = {(e["field"], e["code"]) for e in r.json()["errors"]}
    assert rest_errors == {(e["field"], e["code"]) for e in got["fieldErrors"]}
    assert (await read(c, "{ measures { total } }"))["measures"]["total"] == 1

    # A mutation through one door is what the other reads next.
    note = await ok(c, NOTE, "addProgressNote", m=m["id"], text="Drøftet i gruppa.")
    assert [n["id"] for n in await _rest(c, f"/api/measures/{m['id']}/notes")] == [note["id"]]


FULL = {
    "title": "Foreldreveiledning i barnehagen",
    "problem": "Foreldre ber om mer støtte i småbarnsfasen.",
    "tier": "universal",
    "description": "Seks kvelder med veiledning.",
    "targetGroup": "Foreldre med barn 1–5 år",
    "targetAgeMin": 1,
    "targetAgeMax": 5,
    "responsibleOrganisationIds": [str(PPT)],
    "ownerId": str(OWNER),
    "budgetNok": 600_000,
    "staffHours": 120,
    "startOn": "2026-01-05",
    "endOn": "2026-12-18",
    "milestones": [{"title": "Kurs planlagt", "weight": 2}, {"title": "Kurs holdt"}],
    "riskFactors": ["family-conflict"],
    "protectiveFactors": ["parental-support"],
    "evidence": "documented",
    "registryReferences": [
        {"registry": "ungsinn", "rating": "Nivå 3", "verdict": "promising", "url": "https://x.no"}
    ],
    "evaluationPlan": {
        "aspects": ["effect"],
        "method": "Spørreundersøkelse",
        "performer": "joint",
        "dueOn": "2026-10-01",
    },
    "newOrTrial": True,
}
ENUM_VALUES = {"tier", "evidence", "registry", "verdict", "performer", "aspects"}


def _as_graphql(x: Any, key: str | None = None) -> Any:
    """REST's body as GraphQL variables: enum values as the schema's upper-case names."""
    if isinstance(x, dict):
        return {k: _as_graphql(v, k) for k, v in x.items()}
    if isinstance(x, list):
        return [_as_graphql(v, key) for v in x]
    return x.upper() if isinstance(x, str) and key in ENUM_VALUES else x


def _without_identity(m: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in m.items() if k not in {"id"}}
    out["milestones"] = [{k: v for k, v in x.items() if k != "id"} for x in m["milestones"]]
    return out


async def test_the_same_changes_through_both_doors_give_the_same_measure(
    coordinator: Any,
) -> None:
    c = coordinator
    r = await c.post("/api/measures", json=FULL)
    assert r.status_code == 201, r.text
    graphql = await ok(c, PROPOSE, "proposeMeasure", input=_as_graphql(FULL))
    rest = await _rest(c, f"/api/measures/{r.json()['id']}")
    _same(_without_identity(rest), _without_identity(graphql), "proposed")
    assert graphql["evaluationTriggers"] == ["NEW_OR_TRIAL", "COSTLY"]

    change = {"title": "Foreldreveiledning", "budgetNok": None, "milestones": []}
    r = await c.patch(f"/api/measures/{rest['id']}", json=change, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    graphql = await ok(c, UPDATE, "updateMeasure", id=graphql["id"], v=1, input=change)
    _same(_without_identity(r.json()), _without_identity(graphql), "changed")

    r = await c.post(
        f"/api/measures/{rest['id']}/transitions",
        json={"target": "rejected", "reason": "Dekkes av helsestasjonen."},
        headers={"If-Match": '"2"'},
    )
    assert r.status_code == 200, r.text
    graphql = await ok(
        c,
        MOVE,
        "transitionMeasure",
        id=graphql["id"],
        v=2,
        to="REJECTED",
        reason="Dekkes av helsestasjonen.",
    )
    _same(_without_identity(r.json()), _without_identity(graphql), "rejected")
    histories = [await _rest(c, f"/api/measures/{i}/history") for i in (rest["id"], graphql["id"])]
    steps = [[(h["fromStage"], h["toStage"], h["reason"]) for h in x] for x in histories]
    assert (
        steps[0]
        == steps[1]
        == [
            (None, "proposed", None),
            ("proposed", "rejected", "Dekkes av helsestasjonen."),
        ]
    )
