"""GraphQL: the same wheel, norms and feeds as REST — owners resolved to persons, problems as
typed answers, the role matrix (read vs keep) and tenant isolation."""

from __future__ import annotations

import pytest

from adapters.postgres.demo import demo_id
from tests.api.annual_wheel.conftest import as_persona
from tests.api.annual_wheel.feeds import events, fetch, path_of
from tests.api.organisation.test_role_matrix import _authenticate

RAD = demo_id("body/politirad")
TPL_F = "id title month day ownerRole bodyLevel description active version"
TASK_F = "id title due status version angle overdue ownerRole owner { name } bodyId"


async def gql(client, query: str, **variables):
    r = await client.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code == 200, r.text
    return r.json()


async def test_seed_generate_and_read_the_wheel(coordinator):
    seeded = await gql(coordinator, "mutation { seedWheel { ... on Seeded { created } } }")
    assert seeded["data"]["seedWheel"] == {"created": 9}
    again = await gql(coordinator, "mutation { seedWheel { ... on Seeded { created } } }")
    assert again["data"]["seedWheel"] == {"created": 0}
    q = "mutation($y: Int!) { generateWheelYear(year: $y) { ... on GeneratedYear { created existing } } }"
    assert (await gql(coordinator, q, y=2027))["data"]["generateWheelYear"] == {
        "created": 9, "existing": 0,
    }  # fmt: skip
    assert (await gql(coordinator, q, y=2027))["data"]["generateWheelYear"] == {
        "created": 0, "existing": 9,
    }  # fmt: skip
    body = await gql(
        coordinator,
        f"query($y: Int!) {{ wheel(year: $y) {{ year tasks {{ {TASK_F} }} "
        "sectors { month startAngle openCount tasks { id } } } }",
        y=2027,
    )
    w = body["data"]["wheel"]
    assert len(w["tasks"]) == 9 and [s["month"] for s in w["sectors"]] == list(range(1, 13))
    evaluation = next(t for t in w["tasks"] if t["title"] == "Politirådets egenevaluering")
    assert evaluation["owner"] == {"name": "Astrid Berg"} and evaluation["ownerRole"] == "CHAIR"
    # REST and GraphQL tell the same wheel
    rest = (await coordinator.get("/api/annual-wheel/years/2027")).json()
    assert [t["id"] for t in rest["tasks"]] == [t["id"] for t in w["tasks"]]
    assert [t["angle"] for t in rest["tasks"]] == [t["angle"] for t in w["tasks"]]


async def test_templates_and_task_status_answer_problems(coordinator):
    await gql(coordinator, "mutation { seedWheel { __typename } }")
    create = (
        "mutation($i: WheelTemplateInput!) { createWheelTemplate(input: $i) { __typename "
        f"... on WheelTemplate {{ {TPL_F} }} "
        "... on ValidationProblem { fieldErrors { field code } } } }"
    )
    made = await gql(
        coordinator, create, i={"title": "Frist", "month": 6, "ownerRole": "COORDINATOR"}
    )
    assert made.get("data"), made
    t = made["data"]["createWheelTemplate"]
    assert (t["title"], t["month"], t["version"]) == ("Frist", 6, 1)
    bad = await gql(coordinator, create, i={"title": "X", "month": 13, "ownerRole": "CHAIR"})
    fields = {e["field"] for e in bad["data"]["createWheelTemplate"]["fieldErrors"]}
    assert fields == {"month", "bodyLevel"}
    dup = await gql(
        coordinator, create, i={"title": "Frist", "month": 6, "ownerRole": "COORDINATOR"}
    )
    assert dup["data"]["createWheelTemplate"]["__typename"] == "ConflictProblem"
    upd = (
        "mutation($id: UUID!, $v: Int!) { updateWheelTemplate(id: $id, version: $v, "
        "input: {active: false}) { __typename ... on WheelTemplate { active version } } }"
    )
    stale = await gql(coordinator, upd, id=t["id"], v=5)
    assert stale["data"]["updateWheelTemplate"]["__typename"] == "StaleVersionProblem"
    ok = await gql(coordinator, upd, id=t["id"], v=1)
    assert ok["data"]["updateWheelTemplate"] == {
        "__typename": "WheelTemplate",
        "active": False,
        "version": 2,
    }
    gen = await gql(
        coordinator,
        "mutation { generateWheelYear(year: 2027) { ... on GeneratedYear { tasks { id } } } }",
    )
    task = gen["data"]["generateWheelYear"]["tasks"][0]["id"]
    status = (
        "mutation($id: UUID!) { setWheelTaskStatus(id: $id, version: 1, status: DONE) "
        "{ __typename ... on WheelTask { status version } } }"
    )
    assert (await gql(coordinator, status, id=task))["data"]["setWheelTaskStatus"] == {
        "__typename": "WheelTask", "status": "DONE", "version": 2,
    }  # fmt: skip


async def test_norms_and_feeds(coordinator, anonymous):
    norms = await gql(
        coordinator,
        "{ meetingNorms(year: 2027) { body { name level } norm ownNorm status warnings } }",
    )
    rad = next(n for n in norms["data"]["meetingNorms"] if n["body"]["name"] == "Politirådet")
    assert (rad["norm"], rad["ownNorm"]) == (4, True)
    made = await gql(
        coordinator,
        "mutation($s: UUID!) { createCalendarFeed(scope: BODY, subjectId: $s) { __typename "
        "... on IssuedCalendarFeed { token url feed { id active } } } }",
        s=str(RAD),
    )
    issued = made["data"]["createCalendarFeed"]
    assert issued["url"].endswith(f"/api/feeds/{issued['token']}.ics")
    _, cal = await fetch(anonymous, issued)
    assert events(cal) == {}  # no meetings planned yet: an empty, valid calendar
    listed = await gql(
        coordinator,
        "query($s: UUID!) { calendarFeeds(scope: BODY, subjectId: $s) { id active } }",
        s=str(RAD),
    )
    assert listed["data"]["calendarFeeds"] == [issued["feed"]]
    revoked = await gql(
        coordinator,
        "mutation($id: UUID!) { revokeCalendarFeed(id: $id) { ... on CalendarFeed { active } } }",
        id=issued["feed"]["id"],
    )
    assert revoked["data"]["revokeCalendarFeed"] == {"active": False}
    assert (await anonymous.get(path_of(issued))).status_code == 404


READS = [
    "{ wheelTemplates { id } }",
    "{ wheel(year: 2027) { year } }",
    "{ meetingNorms(year: 2027) { norm } }",
]
WRITES = [
    ("mutation { seedWheel { __typename } }", "seedWheel", "Seeded"),
    (
        "mutation { generateWheelYear(year: 2027) { __typename } }",
        "generateWheelYear",
        "GeneratedYear",
    ),
]
READERS = {
    "unit_admin",
    "coordinator",
    "body_member",
    "police_contact",
    "steering_reader",
    "archive_system",
}
KEEPERS = {"unit_admin", "coordinator"}


@pytest.mark.parametrize("who", [*sorted(READERS), "police_system"])
async def test_graphql_role_matrix(client, who):
    headers = await _authenticate(client, who)
    for query in READS:
        r = await client.post("/graphql", json={"query": query}, headers=headers)
        body = r.json()
        if who in READERS:
            assert "errors" not in body, (who, query, body)
        else:
            assert body["errors"][0]["extensions"]["code"] == "forbidden", (who, query, body)
    for query, field, allowed in WRITES:
        r = await client.post("/graphql", json={"query": query}, headers=headers)
        got = r.json()["data"][field]["__typename"]
        assert got == (allowed if who in KEEPERS else "ForbiddenProblem"), (who, query)


async def test_graphql_tenant_isolation(client):
    c = await as_persona(client, "coordinator")
    await gql(c, "mutation { seedWheel { __typename } }")
    tpl = (await gql(c, "{ wheelTemplates { id } }"))["data"]["wheelTemplates"][0]["id"]
    n = await as_persona(client, "other_unit_coordinator")
    assert (await gql(n, "{ wheelTemplates { id } }"))["data"]["wheelTemplates"] == []
    gone = await gql(
        n,
        "mutation($id: UUID!) { deleteWheelTemplate(id: $id, version: 1) { __typename } }",
        id=tpl,
    )
    assert gone["data"]["deleteWheelTemplate"]["__typename"] == "NotFoundProblem"
    feed = await gql(
        n,
        "mutation($s: UUID!) { createCalendarFeed(scope: BODY, subjectId: $s) { __typename } }",
        s=str(RAD),
    )
    assert feed["data"]["createCalendarFeed"]["__typename"] == "NotFoundProblem"
