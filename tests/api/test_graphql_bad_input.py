"""Bad input over GraphQL gets what REST gets: control characters, nulls on required fields,
non-finite numbers, huge literals, long searches and forged cursors are field errors; malformed
requests are problem+json; nothing is an internal error."""

from __future__ import annotations

import base64
import json

import pytest

from adapters.postgres.demo import demo_id
from tests.support.auth import login

PROBLEM = "application/problem+json"
BODY = demo_id("body/team-sor")
PERSON = demo_id("person/kari")
MEMBERSHIP = demo_id("membership/team-sor/ola")
ORG = demo_id("org/kultur")

RESULT = "__typename ... on ValidationProblem { code fieldErrors { field code } }"


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


@pytest.fixture
async def unit_admin(client):
    client.headers["X-CSRF-Token"] = await login(client, "unit_admin")
    return client


async def gql(client, query: str, **variables):
    # json.dumps escapes control characters (\u0000) as any JSON client does
    r = await client.post(
        "/graphql",
        content=json.dumps({"query": query, "variables": variables}),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert "internal-error" not in r.text, data
    return data


def field_errors(result: dict) -> list[tuple[str, str]]:
    assert result["__typename"] == "ValidationProblem", result
    return [(e["field"], e["code"]) for e in result["fieldErrors"]]


def query_field_errors(data: dict) -> list[tuple[str, str]]:
    [error] = data["errors"]
    assert error["extensions"]["code"] == "validation-failed", error
    return [(e["field"], e["code"]) for e in error["extensions"]["fieldErrors"]]


def refused(r, status: int, type_: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"] == f"/problems/{type_}"


# -- control characters ------------------------------------------------------------------------

MUTATIONS = [
    ("createPerson", "input: {name: $s}", "PersonResult", "name"),
    ("createPerson", 'input: {name: "Kari", email: $s}', "PersonResult", "email"),
    ("createOrganisation", "input: {name: $s, type: SCHOOL}", "OrganisationResult", "name"),
    (
        "createOrganisation",
        'input: {name: "Skolen", type: SCHOOL, municipalityNumber: $s}',
        "OrganisationResult",
        "municipalityNumber",
    ),
    ("createBody", 'input: {name: "T", level: EXECUTIVE, mandate: $s}', "BodyResult", "mandate"),
    (
        "updateEstablishment",
        "version: 1, input: {policeConfirmationRef: $s}",
        "EstablishmentResult",
        "policeConfirmationRef",
    ),
    ("updatePerson", f'id: "{PERSON}", version: 1, input: {{title: $s}}', "PersonResult", "title"),
]


@pytest.mark.parametrize(("mutation", "args", "result", "field"), MUTATIONS)
@pytest.mark.parametrize("bad", ["\u0000", "\u001b[2J", "\u007f"], ids=["nul", "esc", "del"])
async def test_control_characters_in_a_mutation_are_a_validation_problem(
    coordinator, mutation, args, result, field, bad
):
    query = f"mutation($s: String) {{ {mutation}({args}) {{ {RESULT} }} }}"
    data = await gql(coordinator, query, s=f"04{bad}01")
    assert (field, "control-characters") in field_errors(data["data"][mutation])


@pytest.mark.parametrize("field", ["persons", "organisations", "bodies"])
async def test_the_search_has_the_rest_rules(coordinator, field):
    query = f"query($q: String) {{ {field}(q: $q) {{ total }} }}"
    assert query_field_errors(await gql(coordinator, query, q="ka\u0000ri")) == [
        ("q", "control-characters")
    ]
    assert query_field_errors(await gql(coordinator, query, q="k" * 101)) == [("q", "too-long")]
    assert "errors" not in await gql(coordinator, query, q="k" * 100)


def _cursor(key: str, id_: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([key, id_]).encode()).decode().rstrip("=")


@pytest.mark.parametrize("field", ["persons", "organisations", "bodies", "memberships"])
@pytest.mark.parametrize(
    "cursor",
    ["\u0000", _cursor("kari\u0000", "00000000-0000-0000-0000-000000000000"), "A" * 5000],
    ids=["raw-nul", "nul-in-key", "huge"],
)
async def test_a_garbage_cursor_is_a_field_error(coordinator, field, cursor):
    query = f"query($c: String) {{ {field}(cursor: $c) {{ total }} }}"
    assert query_field_errors(await gql(coordinator, query, c=cursor)) == [("cursor", "invalid")]


# -- null on a required field ------------------------------------------------------------------

NULLS = [
    ("updateMembership", MEMBERSHIP, "validFrom", "MembershipResult"),
    ("updateMembership", MEMBERSHIP, "role", "MembershipResult"),
    ("updateBody", BODY, "level", "BodyResult"),
    ("updateBody", BODY, "isPolitiraad", "BodyResult"),
    ("updateBody", BODY, "name", "BodyResult"),
    ("updateOrganisation", ORG, "type", "OrganisationResult"),
    ("updateOrganisation", ORG, "active", "OrganisationResult"),
    ("updatePerson", PERSON, "name", "PersonResult"),
]


@pytest.mark.parametrize(("mutation", "id_", "field", "result"), NULLS)
async def test_null_on_a_required_field_is_a_validation_problem_naming_it(
    coordinator, mutation, id_, field, result
):
    query = f'mutation {{ {mutation}(id: "{id_}", version: 1, input: {{{field}: null}}) {{ {RESULT} }} }}'
    data = await gql(coordinator, query)
    assert field_errors(data["data"][mutation]) == [(field, "required")]


async def test_null_on_a_required_field_of_a_new_record_is_a_validation_problem(coordinator):
    query = f'mutation {{ createBody(input: {{name: "Team", level: EXECUTIVE, isPolitiraad: null}}) {{ {RESULT} }} }}'
    data = await gql(coordinator, query)
    assert field_errors(data["data"]["createBody"]) == [("isPolitiraad", "required")]


async def test_the_unit_has_the_same_rules(unit_admin):
    query = f"mutation {{ updateUnit(version: 1, input: {{language: null}}) {{ {RESULT} }} }}"
    data = await gql(unit_admin, query)
    assert field_errors(data["data"]["updateUnit"]) == [("language", "required")]
    query = f"mutation($s: String) {{ updateUnit(version: 1, input: {{name: $s}}) {{ {RESULT} }} }}"
    data = await gql(unit_admin, query, s="Lillestrøm\u0000")
    assert field_errors(data["data"]["updateUnit"]) == [("name", "control-characters")]


# -- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fte", ["NaN", "Infinity", "-Infinity", "sNaN", "1e-9999", "0.33333"])
async def test_the_coordinator_share_is_finite_as_over_rest(coordinator, fte):
    query = f"mutation($f: Decimal) {{ updateEstablishment(version: 1, input: {{coordinatorFte: $f}}) {{ {RESULT} }} }}"
    data = await gql(coordinator, query, f=fte)
    assert [f for f, _ in field_errors(data["data"]["updateEstablishment"])] == ["coordinatorFte"]


@pytest.mark.parametrize(
    "query",
    [
        "{ bodies(limit: " + "9" * 5000 + ") { total } }",
        'mutation { updateBody(id: "'
        + str(BODY)
        + '", version: '
        + "9" * 5000
        + ', input: {mandate: "x"}) { __typename } }',
        'mutation { createBody(input: {name: "T", level: EXECUTIVE, meetingNormPerYear: '
        + "9" * 5000
        + "}) { __typename } }",
    ],
    ids=["limit", "version", "input-field"],
)
async def test_a_5000_digit_int_literal_is_a_graphql_error_not_a_crash(coordinator, query):
    data = await gql(coordinator, query)
    assert data["errors"][0]["extensions"]["code"] == "graphql-invalid"
    assert data.get("data") is None


@pytest.mark.parametrize("day", [0, "0", "2024-01-01T00:00:00"])
async def test_a_date_is_an_iso_date(coordinator, day):
    query = "query($d: Date) { memberships(activeOn: $d) { total } }"
    data = await gql(coordinator, query, d=day)
    assert data["errors"][0]["extensions"]["code"] == "graphql-invalid"


async def test_an_email_has_the_rest_length_limit(coordinator):
    query = f'mutation($e: String) {{ createPerson(input: {{name: "Kari", email: $e}}) {{ {RESULT} }} }}'
    data = await gql(coordinator, query, e="k" * 250 + "@example.no")
    assert field_errors(data["data"]["createPerson"]) == [("email", "too-long")]


# -- malformed requests ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b'{"query": "{ unit { id } }", "variables": {"x": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}}",
        b'{"query": "{ unit { name } }\xff\xfe"}',
        b'{"query": "{ unit { id } }", "variables": {"x": ' + b"9" * 5000 + b"}}",
        b"not json",
    ],
    ids=["deeply-nested-variables", "invalid-utf8", "5000-digit-variable", "not-json"],
)
async def test_a_malformed_body_is_a_400_problem(coordinator, raw):
    r = await coordinator.post(
        "/graphql", content=raw, headers={"Content-Type": "application/json"}
    )
    refused(r, 400, "bad-graphql-request")


async def test_a_body_over_the_limit_is_a_413_problem(coordinator):
    query = "query($q: String) { persons(q: $q) { total } }"
    r = await coordinator.post(
        "/graphql", json={"query": query, "variables": {"q": "k" * (4 * 1024 * 1024)}}
    )
    refused(r, 413, "content-too-large")

    async def chunks():
        yield b'{"query": "{ unit { id } }", "variables": {"q": "'
        for _ in range(20):
            yield b"k" * 65536
        yield b'"}}'

    r = await coordinator.post(
        "/graphql", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in r.request.headers
    refused(r, 413, "content-too-large")


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"variables": {}}, 400),  # no query
        ([{"query": "{ unit { id } }"}, {"query": "{ unit { name } }"}], 400),  # a batch
        ({"query": 7}, 400),
    ],
    ids=["no-query", "batch", "query-not-a-string"],
)
async def test_transport_refusals_are_problems(coordinator, payload, status):
    r = await coordinator.post("/graphql", json=payload)
    refused(r, status, "bad-graphql-request")


async def test_a_mutation_over_get_is_a_problem(coordinator):
    r = await coordinator.get(
        "/graphql",
        params={"query": 'mutation { updateUnit(version: 1, input: {name: "x"}) { __typename } }'},
        headers={"Accept": "application/json"},
    )
    assert r.status_code in (400, 405), r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"] in ("/problems/bad-graphql-request", "/problems/method-not-allowed")


async def test_a_query_over_get_is_a_problem_too(coordinator):
    r = await coordinator.get(
        "/graphql", params={"query": "{ unit { id } }"}, headers={"Accept": "application/json"}
    )
    assert 400 <= r.status_code < 500, r.text
    assert r.headers["content-type"] == PROBLEM


async def test_an_unsupported_content_type_is_a_problem(coordinator):
    r = await coordinator.post(
        "/graphql", content="{ unit { id } }", headers={"Content-Type": "text/plain"}
    )
    refused(r, 400, "bad-graphql-request")
