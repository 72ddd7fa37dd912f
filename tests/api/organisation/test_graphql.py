"""GraphQL: the same data, authorisation and errors as REST; limits; a constant number of SQL
statements for nested queries."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from adapters.postgres.demo import demo_id
from tests.support.auth import login

BODY = demo_id("body/koord-ungdom")
ORG = demo_id("org/kultur")
PERSON = demo_id("person/kari")
MEMBERSHIP = demo_id("membership/koord-ungdom/rektor")


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


async def gql(client, query: str, **variables):
    r = await client.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code == 200, r.text
    return r.json()


UNIT_F = "id name kind municipalityNumbers policeDistrict osloDistrictNumber language version"
EST_F = (
    "municipalDecisionDate municipalDecisionRef policeConfirmationDate policeConfirmationRef "
    "coordinatorPersonId coordinatorFte policeContactPersonId isEstablished version"
)
ORG_F = "id name type organisationNumber municipalityNumber active version"
PERSON_F = "id name title organisationId email phone version"
BODY_F = "id name level mandate isPolitiraad meetingNormPerYear version"
MEM_F = "id bodyId personId role organisationId validFrom validTo version"
MEM_VIEW_F = MEM_F + " personName bodyName organisationName"


ENUM_FIELDS = {"level", "type", "kind", "role"}


def _normalise(x):
    """GraphQL enums are UPPER_CASE names where REST has the lower-case values."""
    if isinstance(x, dict):
        return {
            k: v.lower() if k in ENUM_FIELDS and isinstance(v, str) else _normalise(v)
            for k, v in x.items()
        }
    if isinstance(x, list):
        return [_normalise(v) for v in x]
    return x


PARITY = [
    ("/api/unit", f"{{ unit {{ {UNIT_F} }} }}", "unit"),
    ("/api/unit/establishment", f"{{ establishment {{ {EST_F} }} }}", "establishment"),
    (
        "/api/unit/health",
        "{ health { ok checks { code severity ok bodyId membershipId due } } }",
        "health",
    ),
    (
        "/api/unit/picture",
        f"{{ picture {{ unit {{ {UNIT_F} }} levels {{ level bodies {{ body {{ {BODY_F} }} chairPersonId chairName memberCount }} }} }} }}",
        "picture",
    ),
    ("/api/reference/police-districts", "{ policeDistricts { code name } }", "policeDistricts"),
    (
        "/api/reference/municipalities",
        "{ municipalities { number name county policeDistrict } }",
        "municipalities",
    ),
    (
        "/api/organisations?limit=7",
        f"{{ organisations(limit: 7) {{ items {{ {ORG_F} }} total nextCursor }} }}",
        "organisations",
    ),
    (f"/api/organisations/{ORG}", f'{{ organisation(id: "{ORG}") {{ {ORG_F} }} }}', "organisation"),
    (
        "/api/persons?q=a&limit=5",
        f'{{ persons(q: "a", limit: 5) {{ items {{ {PERSON_F} }} total nextCursor }} }}',
        "persons",
    ),
    (f"/api/persons/{PERSON}", f'{{ person(id: "{PERSON}") {{ {PERSON_F} }} }}', "person"),
    (
        "/api/bodies?level=executive",
        f"{{ bodies(level: EXECUTIVE) {{ items {{ {BODY_F} }} total nextCursor }} }}",
        "bodies",
    ),
    (f"/api/bodies/{BODY}", f'{{ body(id: "{BODY}") {{ {BODY_F} }} }}', "body"),
    (
        f"/api/memberships?bodyId={BODY}",
        f'{{ memberships(bodyId: "{BODY}") {{ items {{ {MEM_VIEW_F} }} total nextCursor }} }}',
        "memberships",
    ),
    (
        f"/api/memberships/{MEMBERSHIP}",
        f'{{ membership(id: "{MEMBERSHIP}") {{ {MEM_VIEW_F} }} }}',
        "membership",
    ),
]


@pytest.mark.parametrize(("path", "query", "field"), PARITY, ids=[p[2] for p in PARITY])
async def test_rest_and_graphql_agree(coordinator, path, query, field):
    rest = (await coordinator.get(path)).json()
    data = await gql(coordinator, query)
    assert "errors" not in data, data
    graph = _normalise(data["data"][field])
    assert graph == rest


async def test_graphql_authorisation_matches_rest(client):
    client.headers["X-CSRF-Token"] = await login(client, "body_member")
    data = await gql(
        client,
        'mutation($id: UUID!) { updateBody(id: $id, version: 1, input: {mandate: "x"}) '
        "{ __typename ... on Problem { code message } } }",
        id=str(BODY),
    )
    assert data["data"]["updateBody"]["__typename"] == "ForbiddenProblem"
    r = await client.patch(
        f"/api/bodies/{BODY}", json={"mandate": "x"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 403


async def test_mutation_errors_are_typed_union_members(coordinator):
    create = """mutation($input: BodyInput!) { createBody(input: $input) {
        __typename ... on Body { id name meetingNormPerYear }
        ... on ValidationProblem { code fieldErrors { field code } }
        ... on ConflictProblem { code message } } }"""
    ok = await gql(coordinator, create, input={"name": "Ungdomsteam Vest", "level": "EXECUTIVE"})
    assert ok["data"]["createBody"]["__typename"] == "Body"
    dup = await gql(coordinator, create, input={"name": "Ungdomsteam Vest", "level": "EXECUTIVE"})
    assert dup["data"]["createBody"] == {
        "__typename": "ConflictProblem",
        "code": "duplicate-name",
        "message": "A body with that name already exists.",
    }
    bad = await gql(
        coordinator, create, input={"name": "Feil", "level": "EXECUTIVE", "isPolitiraad": True}
    )
    assert bad["data"]["createBody"]["fieldErrors"] == [
        {"field": "isPolitiraad", "code": "steering-only"}
    ]
    missing = await gql(coordinator, create, input={"level": "EXECUTIVE"})
    assert missing["data"]["createBody"]["fieldErrors"] == [{"field": "name", "code": "required"}]
    stale = await gql(
        coordinator,
        'mutation($id: UUID!) { updateBody(id: $id, version: 7, input: {mandate: "y"}) '
        "{ __typename } }",
        id=str(BODY),
    )
    assert stale["data"]["updateBody"]["__typename"] == "StaleVersionProblem"


async def test_query_errors_carry_stable_codes(coordinator):
    data = await gql(coordinator, '{ body(id: "00000000-0000-0000-0000-000000000000") { id } }')
    assert data["errors"][0]["extensions"]["code"] == "not-found"
    assert "Traceback" not in str(data)


async def test_graphql_requires_authentication(client):
    r = await client.post("/graphql", json={"query": "{ unit { id } }"})
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json"


async def test_graphql_with_a_cookie_needs_the_csrf_token(client):
    await login(client, "coordinator")
    r = await client.post("/graphql", json={"query": "{ unit { id } }"})
    assert r.status_code == 403 and r.json()["type"] == "/problems/csrf-failed"


async def test_depth_alias_and_token_limits(coordinator):
    deep = "{ bodies { items { memberships { body { memberships { body { memberships { body { memberships { person { organisation { id } } } } } } } } } } } }"
    data = await gql(coordinator, deep)
    assert "exceeds maximum operation depth" in data["errors"][0]["message"]
    aliases = "{ " + " ".join(f"a{i}: unit {{ id }}" for i in range(20)) + " }"
    data = await gql(coordinator, aliases)
    assert "aliases" in data["errors"][0]["message"].lower()
    tokens = "{ unit { " + " ".join(["id"] * 3000) + " } }"
    data = await gql(coordinator, tokens)
    assert "token" in data["errors"][0]["message"].lower()


async def test_nested_query_costs_a_constant_number_of_statements(coordinator, container):
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    engine = container.engine.sync_engine
    query = "query { bodies(limit: LIMIT) { items { name memberships { role person { name organisation { name } } } } } }"
    event.listen(engine, "before_cursor_execute", count)
    try:
        await gql(coordinator, query.replace("LIMIT", "1"))
        few = len(statements)
        statements.clear()
        data = await gql(coordinator, query.replace("LIMIT", "6"))
        many = len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert sum(len(b["memberships"]) for b in data["data"]["bodies"]["items"]) > 20
    assert many == few


async def test_cost_limit_refuses_huge_nested_lists_even_through_fragments(coordinator):
    huge = (
        "query { bodies(limit: 200) { items { ...M } } } "
        "fragment M on Body { memberships { person { name organisation { name } } role } }"
    )
    data = await gql(coordinator, huge)
    assert "exceeds the maximum" in data["errors"][0]["message"]
    assert data.get("data") is None
    fine = (
        "query { bodies(limit: 20) { items { ...M } } } fragment M on Body { memberships { role } }"
    )
    assert "errors" not in await gql(coordinator, fine)


async def test_field_errors_carry_the_same_code_and_params_as_rest(coordinator):
    """The SPA words a field error from its code and params; GraphQL clients get the same."""
    create = """mutation($input: BodyInput!) { createBody(input: $input) {
        __typename ... on ValidationProblem { fieldErrors { field code params } } } }"""
    cases = [
        {"name": "x" * 201, "level": "executive"},
        {"name": "Ungdomsteam Nord", "level": "executive", "meetingNormPerYear": 0},
    ]
    for body in cases:
        rest = await coordinator.post("/api/bodies", json=body)
        assert rest.status_code == 422, rest.text
        expected = [
            {"field": e["field"], "code": e["code"], "params": e["params"]}
            for e in rest.json()["errors"]
        ]
        assert expected and all(e["params"] for e in expected), expected
        data = await gql(coordinator, create, input={**body, "level": "EXECUTIVE"})
        assert data["data"]["createBody"] == {
            "__typename": "ValidationProblem",
            "fieldErrors": expected,
        }, body
