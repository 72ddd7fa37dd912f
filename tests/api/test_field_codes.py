"""Field errors carry a stable code and its parameters, whichever rule found them, so clients word
them in the user's language; pydantic's own error types never reach the wire."""

from __future__ import annotations

import pytest

from api.rest.field_codes import field_code
from tests.support.auth import login


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


def _errors(r) -> list[tuple[str, str, dict]]:
    assert r.status_code == 422, r.text
    return [(e["field"], e["code"], e["params"]) for e in r.json()["errors"]]


async def test_a_malformed_id_in_the_path_is_code_uuid(coordinator):
    r = await coordinator.get("/api/bodies/not-a-uuid")
    assert _errors(r) == [("id", "uuid", {})]


async def test_a_name_too_long_for_the_dto_says_how_long_it_may_be(coordinator):
    r = await coordinator.post("/api/persons", json={"name": "x" * 201})
    assert _errors(r) == [("name", "too-long", {"max": 200})]


async def test_a_missing_field_and_an_empty_name_are_both_required(coordinator):
    r = await coordinator.post("/api/organisations", json={"name": ""})
    assert sorted(_errors(r)) == [("name", "required", {}), ("type", "required", {})]


async def test_domain_rules_carry_their_own_codes(coordinator):
    r = await coordinator.post(
        "/api/organisations",
        json={"name": "Skolen", "type": "school", "organisationNumber": "974760674"},
    )
    assert _errors(r) == [("organisationNumber", "org-number-invalid", {})]
    r = await coordinator.post(
        "/api/bodies", json={"name": "Gruppe", "level": "coordinating", "meetingNormPerYear": 400}
    )
    assert _errors(r) == [("meetingNormPerYear", "out-of-range", {"min": 1, "max": 365})]


async def test_a_bad_if_match_is_a_field_error_with_a_code(coordinator):
    r = await coordinator.get("/api/bodies")
    body = r.json()["items"][0]
    r = await coordinator.patch(
        f"/api/bodies/{body['id']}", json={"name": "Nytt"}, headers={"If-Match": "seven"}
    )
    [(field, code, _params)] = _errors(r)
    assert field == "If-Match" and code in ("invalid", "format")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ({"type": "missing"}, ("required", {})),
        ({"type": "uuid_parsing", "ctx": {"error": "x"}}, ("uuid", {})),
        ({"type": "string_too_long", "ctx": {"max_length": 100}}, ("too-long", {"max": 100})),
        ({"type": "string_too_short", "ctx": {"min_length": 1}}, ("required", {})),
        ({"type": "string_too_short", "ctx": {"min_length": 3}}, ("too-short", {"min": 3})),
        ({"type": "less_than_equal", "ctx": {"le": 500}}, ("out-of-range", {"max": 500})),
        (
            {"type": "enum", "ctx": {"expected": "'a' or 'b'"}},
            ("choice", {"expected": "'a' or 'b'"}),
        ),
        ({"type": "control-characters"}, ("control-characters", {})),
        ({"type": "some_new_pydantic_type"}, ("invalid", {})),
    ],
)
def test_pydantic_types_map_to_stable_codes(error, expected):
    assert field_code(error) == expected
