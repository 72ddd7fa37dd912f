"""The REST contract says what the app does: If-Match required and bounded, ETag and Location
declared, who may call (security schemes), the shared errors, every error as problem+json, and a
405's ``Allow`` naming every method of the path."""

from __future__ import annotations

import inspect
import json

import pytest
from fastapi.routing import APIRoute

from adapters.postgres.demo import demo_id
from api.contracts import openapi_json
from api.rest import routers
from tests.support.auth import login

PROBLEM = "application/problem+json"
BODY = f"/api/bodies/{demo_id('body/team-sor')}"


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


@pytest.fixture(scope="module")
def spec():
    return json.loads(openapi_json())


def operations(spec):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            yield path, method.upper(), op


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ('"' + "9" * 5000 + '"', "too-long"),  # was a 500: int() of 5,000 digits
        ('"' + "1" * 63 + '"', "too-long"),  # 65 characters
        ('"' + "1" * 30 + '"', "invalid"),  # fits the header, not a 32-bit version
        ("1", "invalid"),
    ],
)
async def test_a_bad_if_match_is_a_422_naming_the_header(coordinator, value, code):
    r = await coordinator.patch(BODY, json={"mandate": "x"}, headers={"If-Match": value})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == PROBLEM
    assert [(e["field"], e["code"]) for e in r.json()["errors"]] == [("If-Match", code)]


async def test_a_missing_if_match_is_still_428_and_a_good_one_works(coordinator):
    r = await coordinator.patch(BODY, json={"mandate": "x"})
    assert r.status_code == 428 and r.json()["type"] == "/problems/version-required"
    r = await coordinator.patch(BODY, json={"mandate": "x"}, headers={"If-Match": 'W/"1"'})
    assert r.status_code == 200 and r.headers["etag"] == '"2"'


async def test_405_allows_every_method_of_the_path(coordinator):
    r = await coordinator.request("OPTIONS", "/api/bodies")
    assert r.status_code == 405 and r.headers["content-type"] == PROBLEM
    assert r.headers["allow"] == "GET, POST"
    r = await coordinator.put(BODY)
    assert r.headers["allow"] == "GET, PATCH, DELETE"


# POST routes that move a versioned resource on (a membership's term, a meeting's status, an
# action item's status, approving minutes): they carry If-Match as PATCH and DELETE do.
MEETING_TRANSITIONS = frozenset(
    {
        "/api/meetings/{id}/hold",
        "/api/meetings/{id}/cancel",
        "/api/meetings/{id}/minutes",
        "/api/meetings/{id}/minutes/approve",
        "/api/meetings/{id}/distribution",
        "/api/action-items/{id}/status",
    }
)


# A measure's stage change and a plan's adoption name the version they read, like the meetings'.
MEASURE_TRANSITIONS = frozenset(
    {"/api/measures/{id}/transitions", "/api/action-plans/{id}/adoption"}
)


# Closing a case names the version of the case it read.
CASE_TRANSITIONS = frozenset({"/api/cases/{id}/closure"})

# Retrying an archive message names the version of the message it read (a dead letter).
ARCHIVE_TRANSITIONS = frozenset({"/api/archive/messages/{id}/retry"})

# Committing a previewed import, re-running an interrupted one and rolling back a committed one
# name the job's version.
IMPORT_TRANSITIONS = frozenset(
    {"/api/imports/{id}/commit", "/api/imports/{id}/retry", "/api/imports/{id}/rollback"}
)


def _transition(path: str) -> bool:
    return (
        path.startswith("/api/memberships/{id}/")
        or path in MEETING_TRANSITIONS
        or path in MEASURE_TRANSITIONS
        or path in CASE_TRANSITIONS
        or path in ARCHIVE_TRANSITIONS
        or path in IMPORT_TRANSITIONS
    )


# Unversioned, so without If-Match: revoking a feed token changes nothing but ``revokedAt``,
# once, and again is a no-op; no lost update is possible (tests/api/annual_wheel/test_feeds.py).
# A seat on a case's team has no version: removing it twice is a 404 the second time
# (tests/api/cases).
UNVERSIONED = frozenset(
    {("DELETE", "/api/calendar-feeds/{id}"), ("DELETE", "/api/cases/{id}/members/{member_id}")}
)


def test_every_update_requires_a_bounded_if_match(spec):
    checked = 0
    for path, method, op in operations(spec):
        headers = {p["name"]: p for p in op.get("parameters", []) if p["in"] == "header"}
        if (method, path) in UNVERSIONED:
            assert "If-Match" not in headers, (method, path)
        elif method in {"PATCH", "DELETE"} or path == "/api/memberships/{id}/end":
            assert headers["If-Match"]["required"] is True, (method, path)
            assert headers["If-Match"]["schema"]["maxLength"] == 64
            checked += 1
        elif method in {"GET", "POST"} and not _transition(path):
            assert "If-Match" not in headers, (method, path)
        elif method == "POST":  # a status change of a versioned resource names its version
            assert headers["If-Match"]["required"] is True, (method, path)
            assert headers["If-Match"]["schema"]["maxLength"] == 64
    assert checked >= 11  # six PATCH, four DELETE and the end of a membership at least


def test_reads_and_changes_of_a_versioned_resource_declare_the_etag(spec):
    with_etag = {
        (path, method)
        for path, method, op in operations(spec)
        for status, answer in op["responses"].items()
        if status.startswith("2") and "ETag" in answer.get("headers", {})
    }
    assert ("/api/unit", "GET") in with_etag and ("/api/unit", "PATCH") in with_etag
    assert ("/api/bodies/{id}", "GET") in with_etag and ("/api/bodies", "POST") in with_etag
    assert ("/api/memberships/{id}/end", "POST") in with_etag
    assert ("/api/bodies", "GET") not in with_etag  # a page has no single version
    created = spec["paths"]["/api/bodies"]["post"]["responses"]["201"]["headers"]
    assert created["Location"]["required"] is True


def test_who_may_call_is_declared(spec):
    schemes = spec["components"]["securitySchemes"]
    assert (schemes["session"]["in"], schemes["session"]["name"]) == ("cookie", "samordna_session")
    assert (schemes["csrf"]["in"], schemes["csrf"]["name"]) == ("header", "X-CSRF-Token")
    assert (schemes["bearer"]["type"], schemes["bearer"]["scheme"]) == ("http", "bearer")
    ops = {(path, method): op for path, method, op in operations(spec)}
    assert ops["/api/unit", "GET"]["security"] == [{"session": []}, {"bearer": []}]
    assert ops["/api/unit", "PATCH"]["security"] == [{"session": [], "csrf": []}, {"bearer": []}]
    assert ops["/auth/logout", "POST"]["security"] == [{"session": [], "csrf": []}]
    assert ops["/auth/login", "GET"]["security"] == []
    assert ops["/problems/{code}", "GET"]["security"] == []


def test_shared_errors_are_declared_and_every_error_is_a_problem(spec):
    ops = {(path, method): op for path, method, op in operations(spec)}
    post = ops["/api/persons", "POST"]["responses"]
    assert {"400", "413", "429", "503"} <= set(post)
    assert post["503"]["headers"]["Retry-After"]["required"] is True
    assert {"429", "503"} <= set(ops["/api/persons", "GET"]["responses"])
    assert "413" not in ops["/api/persons", "GET"]["responses"]
    assert {"429", "503"} <= set(ops["/auth/login", "GET"]["responses"])
    for path, method, op in operations(spec):
        for status, answer in op["responses"].items():
            if status[0] in "45":
                assert list(answer["content"]) == [PROBLEM], (method, path, status)
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_the_etag_is_declared_exactly_where_a_route_sends_it(spec):
    """The contract derives the ETag from a versioned response; the routes set it by hand."""
    checked = 0
    for route in (r for router in routers() for r in router.routes if isinstance(r, APIRoute)):
        if route.path_format not in spec["paths"]:
            continue  # the health probes are left out of the contract
        sends = "set_etag(" in inspect.getsource(route.endpoint)
        for method in route.methods or ():
            answers = spec["paths"][route.path_format][method.lower()]["responses"]
            declared = any(
                "ETag" in a.get("headers", {}) for s, a in answers.items() if s.startswith("2")
            )
            assert declared == sends, (method, route.path_format)
            checked += 1
    assert checked >= 40
