"""Bad input over REST never reaches a 500: control characters, nulls on required fields, loose
types, forged cursors, oversized and malformed bodies, unknown paths. Each answer is a problem
with a stable type and, for fields, the field named as the client spells it."""

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
ONE_MIB = 1024 * 1024


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


def problem_of(r, status: int, type_: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["type"] == f"/problems/{type_}"
    assert body["status"] == status
    return body


def field_errors(r) -> list[tuple[str, str]]:
    return [(e["field"], e["code"]) for e in problem_of(r, 422, "validation-failed")["errors"]]


def cursor_of(key: str, id_: str) -> str:
    raw = json.dumps([key, id_]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# -- control characters ------------------------------------------------------------------------

CONTROL_CASES = [
    ("post", "/api/persons", {"name": "Kari\u0000Nordmann"}, "name"),
    ("post", "/api/persons", {"name": "Kari", "email": "kari\u0000@example.no"}, "email"),
    ("post", "/api/persons", {"name": "Kari", "title": "Rektor\u001b[2J"}, "title"),
    ("post", "/api/organisations", {"name": "Skole\u0007", "type": "school"}, "name"),
    ("post", "/api/bodies", {"name": "Team", "level": "executive", "mandate": "a\x00"}, "mandate"),
    ("post", "/api/bodies", {"name": "Team\u0085", "level": "executive"}, "name"),
    ("patch", f"/api/persons/{PERSON}", {"phone": "\u000012345678"}, "phone"),
    ("patch", "/api/unit", {"name": "Lillestrøm\u0000"}, "name"),
]


@pytest.mark.parametrize(("method", "path", "payload", "field"), CONTROL_CASES)
async def test_control_characters_in_a_json_field_are_a_422_naming_it(
    coordinator, method, path, payload, field
):
    # json.dumps escapes (\\u0000, \\ud800) as a browser's JSON.stringify does
    r = await coordinator.request(
        method.upper(),
        path,
        content=json.dumps(payload),
        headers={"If-Match": '"1"', "Content-Type": "application/json"},
    )
    assert (field, "control-characters") in field_errors(r)


async def test_a_lone_surrogate_is_a_422_naming_the_field(coordinator):
    # "\ud800" is valid JSON but no character: UTF-8 (and so PostgreSQL) cannot store it
    r = await coordinator.post(
        "/api/persons",
        content='{"name": "Kari\\ud800"}',
        headers={"Content-Type": "application/json"},
    )
    assert [f for f, _ in field_errors(r)] == ["name"]


async def test_control_characters_in_the_establishment_are_a_422(coordinator):
    r = await coordinator.patch(
        "/api/unit/establishment",
        json={"municipalDecisionRef": "2024/\u00001"},
        headers={"If-Match": '"1"'},
    )
    assert field_errors(r) == [("municipalDecisionRef", "control-characters")]


async def test_tab_and_line_breaks_are_ordinary_text(coordinator):
    mandate = "Første linje\nAndre linje\tmed tabulator\r\nTredje"
    r = await coordinator.post(
        "/api/bodies", json={"name": "Team Vest", "level": "executive", "mandate": mandate}
    )
    assert r.status_code == 201, r.text
    assert r.json()["mandate"] == mandate


@pytest.mark.parametrize("path", ["/api/persons", "/api/organisations", "/api/bodies"])
async def test_a_nul_in_the_search_is_a_422_naming_q(coordinator, path):
    r = await coordinator.get(path, params={"q": "ka\u0000ri"})
    assert field_errors(r) == [("q", "control-characters")]


@pytest.mark.parametrize(
    "path", ["/api/persons", "/api/organisations", "/api/bodies", "/api/memberships"]
)
@pytest.mark.parametrize(
    "cursor",
    [
        "\u0000",
        cursor_of("kari\u0000", "00000000-0000-0000-0000-000000000000"),
        cursor_of("kari", "\u0000"),
        "A" * 5000,
    ],
    ids=["raw-nul", "nul-in-key", "nul-in-id", "huge"],
)
async def test_a_garbage_cursor_is_a_422_naming_cursor(coordinator, path, cursor):
    r = await coordinator.get(path, params={"cursor": cursor})
    [(field, code)] = field_errors(r)
    assert field == "cursor" and code in ("invalid", "control-characters")


# -- null on a required field ------------------------------------------------------------------

NULL_CASES = [
    (f"/api/memberships/{MEMBERSHIP}", "validFrom"),
    (f"/api/memberships/{MEMBERSHIP}", "role"),
    (f"/api/bodies/{BODY}", "level"),
    (f"/api/bodies/{BODY}", "isPolitiraad"),
    (f"/api/bodies/{BODY}", "name"),
    (f"/api/persons/{PERSON}", "name"),
    (f"/api/organisations/{demo_id('org/kultur')}", "type"),
    (f"/api/organisations/{demo_id('org/kultur')}", "active"),
    ("/api/unit", "language"),
]


@pytest.mark.parametrize(("path", "field"), NULL_CASES)
async def test_null_on_a_required_field_is_a_422_naming_it(coordinator, path, field):
    before = (await coordinator.get(path)).json()
    r = await coordinator.patch(path, json={field: None}, headers={"If-Match": '"1"'})
    assert field_errors(r) == [(field, "required")]
    assert (await coordinator.get(path)).json() == before


async def test_null_still_clears_an_optional_field(coordinator):
    r = await coordinator.patch(
        f"/api/memberships/{MEMBERSHIP}", json={"validTo": None}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert r.json()["validTo"] is None


# -- strict types ------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0", "20240101", "2024-01-01T00:00:00", "1e3"])
async def test_a_date_in_the_query_is_an_iso_date(coordinator, day):
    r = await coordinator.get("/api/memberships", params={"activeOn": day})
    assert field_errors(r) == [("activeOn", "date-format")]


async def test_an_iso_date_in_the_query_is_fine(coordinator):
    r = await coordinator.get("/api/memberships", params={"activeOn": "2024-01-01"})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        (f"/api/memberships/{MEMBERSHIP}", {"validFrom": 0}, "validFrom"),
        (f"/api/memberships/{MEMBERSHIP}", {"validTo": 1700000000}, "validTo"),
        (f"/api/bodies/{BODY}", {"isPolitiraad": 0}, "isPolitiraad"),
        (f"/api/bodies/{BODY}", {"isPolitiraad": "yes"}, "isPolitiraad"),
        (f"/api/bodies/{BODY}", {"meetingNormPerYear": "12"}, "meetingNormPerYear"),
        (f"/api/bodies/{BODY}", {"meetingNormPerYear": 12.0}, "meetingNormPerYear"),
    ],
)
async def test_json_values_have_their_own_type(coordinator, path, payload, field):
    r = await coordinator.patch(path, json=payload, headers={"If-Match": '"1"'})
    assert [f for f, _ in field_errors(r)] == [field]


async def test_a_date_in_a_new_membership_is_an_iso_date(coordinator):
    r = await coordinator.post(
        "/api/memberships",
        json={"bodyId": str(BODY), "personId": str(PERSON), "role": "member", "validFrom": 0},
    )
    assert field_errors(r) == [("validFrom", "date-format")]


@pytest.mark.parametrize("fte", ["NaN", "Infinity", "-Infinity", "1e-9999", "0.33333"])
async def test_the_coordinator_share_is_a_finite_share_of_at_most_three_decimals(coordinator, fte):
    r = await coordinator.patch(
        "/api/unit/establishment", json={"coordinatorFte": fte}, headers={"If-Match": '"1"'}
    )
    assert [f for f, _ in field_errors(r)] == ["coordinatorFte"]


# -- malformed and oversized bodies ------------------------------------------------------------


async def test_a_body_over_the_limit_is_a_413_before_it_is_parsed(coordinator):
    big = json.dumps({"name": "x" * ONE_MIB}).encode()
    r = await coordinator.post(
        "/api/persons", content=big, headers={"Content-Type": "application/json"}
    )
    problem_of(r, 413, "content-too-large")


async def test_a_streamed_body_over_the_limit_is_a_413_too(coordinator):
    async def chunks():
        yield b'{"name": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    r = await coordinator.post(
        "/api/persons", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in r.request.headers
    problem_of(r, 413, "content-too-large")


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"name": "\xff\xfe"}',
        b'{"name": "Kari", "meetingNormPerYear": ' + b"9" * 5000 + b"}",
    ],
    ids=["deeply-nested", "invalid-utf8", "5000-digit-int"],
)
async def test_a_malformed_body_is_a_4xx_problem(coordinator, raw):
    r = await coordinator.post(
        "/api/bodies", content=raw, headers={"Content-Type": "application/json"}
    )
    assert 400 <= r.status_code < 500, r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"] in ("/problems/bad-request", "/problems/validation-failed")


# -- unknown paths -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api"),
        ("GET", "/api/nothing-here"),
        ("POST", "/api/nothing-here"),
        ("DELETE", "/api/unit/nothing"),
        ("GET", "/graphql/nothing"),
        ("GET", "/auth"),
        ("GET", "/auth/nothing"),
        ("GET", "/health/nothing"),
        ("PUT", "/health/nothing"),
    ],
)
async def test_unknown_server_paths_are_a_404_problem_never_the_spa(client, method, path):
    r = await client.request(method, path)
    problem_of(r, 404, "not-found")


async def test_client_side_routes_still_get_the_spa(client):
    r = await client.get("/organisasjoner/ny")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")


async def test_a_known_path_with_the_wrong_method_is_still_a_405(client):
    r = await client.put("/api/unit")
    problem_of(r, 405, "method-not-allowed")
