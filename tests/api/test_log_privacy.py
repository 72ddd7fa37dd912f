"""No personal data in the logs: an identity number sent in searches, in invalid input and into a
crash shows up in no log line, while each request still gets its structured access line."""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from api.logs import JsonFormatter
from domain.shared.identity_number import is_synthetic
from tests.support.auth import login

# SYNTHETIC (month + 80): born 17 May 1993. A literal, so the suite-wide log scan knows it too.
NUMBER = "17859300057"


@pytest.fixture
async def coordinator(client: httpx.AsyncClient) -> httpx.AsyncClient:
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


def _lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records]


def _access(lines: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [
        (x["method"], x["route"], x["status"]) for x in lines if x["logger"] == "samordna.access"
    ]


def test_the_number_is_synthetic() -> None:
    assert is_synthetic(NUMBER)


async def test_searches_and_invalid_input_leave_no_trace(
    coordinator: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    c = coordinator
    with caplog.at_level(logging.INFO):
        assert (await c.get("/api/persons", params={"q": NUMBER})).status_code == 200
        r = await c.post(
            "/graphql",
            json={"query": f'{{ persons(q: "{NUMBER}") {{ items {{ id }} }} }}'},
        )
        assert r.status_code == 200, r.text
        r = await c.post(
            "/graphql",
            json={
                "query": "query Find($q: String) { persons(q: $q) { items { id } } }",
                "variables": {"q": NUMBER},
                "operationName": "Find",
            },
        )
        assert r.status_code == 200, r.text
        # Invalid: GraphQL quotes the literal in its error, which Strawberry used to log.
        r = await c.post("/graphql", json={"query": f"{{ persons(limit: {NUMBER}) {{ total }} }}"})
        assert r.json()["errors"]
        r = await c.post("/api/persons", json={"name": NUMBER, "email": NUMBER})
        assert r.status_code == 422
        r = await c.get(f"/api/persons/{NUMBER}")
        assert r.status_code == 422
    lines = _lines(caplog)
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    assert NUMBER not in text
    assert ("GET", "/api/persons", 200) in _access(lines)
    assert ("POST", "/api/persons", 422) in _access(lines)
    assert ("GET", "/api/persons/{id}", 422) in _access(lines)
    assert [s for m, route, s in _access(lines) if route == "/graphql"] == [200, 200, 200]
    access = next(x for x in lines if x["logger"] == "samordna.access")
    assert access["principal_kind"] == "person"
    assert access["unit_id"]
    assert access["request_id"]
    assert isinstance(access["duration_ms"], float)
    # Expected errors are INFO lines without a traceback.
    assert all(x["level"] in {"DEBUG", "INFO"} for x in lines), lines
    assert not any("traceback" in x for x in lines)


async def test_a_crash_logs_its_type_and_route_but_not_the_value(
    coordinator: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, monkeypatch, app
) -> None:
    """The server's own error message quotes the value (``value "…" is out of range``): the
    log keeps the exception type, the frames and the route, and withholds every message."""
    engine = app.state.container.engine

    async def crash(p, f, page):  # type: ignore[no-untyped-def]
        async with engine.connect() as conn:
            await conn.execute(sa.text("SELECT CAST(:q AS integer)"), {"q": f.q})

    monkeypatch.setattr(app.state.container.organisation, "list_persons", crash)
    with caplog.at_level(logging.INFO):
        r = await coordinator.get("/api/persons", params={"q": NUMBER})
        assert r.status_code == 500
        assert r.headers["content-type"].startswith("application/problem+json")
        r = await coordinator.post(
            "/graphql", json={"query": f'{{ persons(q: "{NUMBER}") {{ total }} }}'}
        )
        assert r.json()["errors"][0]["extensions"]["code"] == "internal-error"
    raw = [
        "".join(traceback.format_exception(r.exc_info[1]))
        for r in caplog.records
        if r.exc_info and r.exc_info[1] is not None
    ]
    assert any(NUMBER in t for t in raw), "the crash should have quoted the value"
    lines = _lines(caplog)
    assert NUMBER not in "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    assert ("GET", "/api/persons", 500) in _access(lines)
    crashes = [x for x in lines if "traceback" in x]
    assert crashes
    assert all("DataError" in x["traceback"] or "Error" in x["exc_type"] for x in crashes)
    assert all(x["level"] == "ERROR" for x in crashes)


async def test_request_ids_are_returned_and_only_safe_ones_are_kept(
    client: httpx.AsyncClient,
) -> None:
    r = await client.get("/health/live", headers={"X-Request-ID": "trace-abc-123456"})
    assert r.headers["x-request-id"] == "trace-abc-123456"
    for unsafe in (NUMBER, "short", "x" * 200, "a b c d e f g h", "<script>alert(1)</script>"):
        r = await client.get("/health/live", headers={"X-Request-ID": unsafe})
        assert r.headers["x-request-id"] != unsafe
        assert len(r.headers["x-request-id"]) == 32


async def test_input_that_fails_to_coerce_is_an_info_line_without_the_value(
    coordinator: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Variables that cannot become an Int or a Date are rejected before any resolver runs:
    the client's mistake, logged at INFO, the value nowhere (the Date parser's own message
    quotes it)."""
    with caplog.at_level(logging.INFO):
        for query, value in [
            ("query Page($n: Int) { persons(limit: $n) { total } }", int(NUMBER * 3)),
            ("query On($d: Date) { memberships(activeOn: $d) { total } }", NUMBER),
        ]:
            variable = query.split("$")[1].split(":")[0]
            r = await coordinator.post(
                "/graphql", json={"query": query, "variables": {variable: value}}
            )
            assert r.json()["errors"], r.text
    lines = _lines(caplog)
    assert NUMBER not in "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    assert all(x["level"] in {"DEBUG", "INFO"} for x in lines), lines
    assert not any("traceback" in x for x in lines)


async def test_the_case_flows_leave_no_name_number_or_note_in_the_logs(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 11: opening a case (subject, guardians, identity number), a note, a consent and its
    events, reads by the team and by outsiders, the identity-number search, the access report,
    break-glass, refusals and bad input — nothing personal in any log line, while each request
    still gets its access line (route template, status)."""
    from tests.api.cases.flows import give, read_as, setting
    from tests.api.cases.support import NUMBER_A, NUMBER_B, as_, open_case

    note = "Sover dårlig, lite på skolen."
    personal = [NUMBER_A, NUMBER_B, "Barn Testesen", "Mor Testesen", "Far Testesen", note]
    with caplog.at_level(logging.INFO):
        s = await setting(client, age=14)
        await read_as(client, s, "coordinator")  # denied: consent pending
        for n in (0, 1):
            await give(client, s, s.party("guardian", n))
        await read_as(client, s, "coordinator")  # permitted on consent
        await read_as(client, s, "police_contact")  # minimised
        h = await as_(client, "steering_reader")  # not on the team: no such case
        assert (await client.get(f"/api/cases/{s.id}", headers=h)).status_code == 404
        ola = s.ola
        assert (
            await ola.post("/api/subjects/search", json={"identityNumber": NUMBER_A})
        ).status_code == 200
        assert (
            await ola.post("/api/subjects/search", json={"identityNumber": NUMBER_B})
        ).status_code == 200
        r = await ola.post("/api/subjects/search", json={"identityNumber": NUMBER_A + "\x00"})
        assert r.status_code == 422
        assert (await ola.get(f"/api/cases/{s.id}/access-report")).status_code == 200
        r = await open_case(ola, {}, number=NUMBER_A)  # the same identity number again
        assert r.status_code < 500, r.text
        h = await as_(client, "coordinator")
        r = await client.post(
            f"/api/cases/{s.id}/break-glass",
            json={"reason": f"Akutt: {NUMBER_B} Barn Testesen", "basis": "necessary_for_own_tasks"},
            headers=h,
        )
        assert r.status_code < 500, r.text
        r = await client.post(
            f"/api/cases/{s.id}/notes", json={"category": "health", "text": note}, headers=h
        )
        assert r.status_code < 500, r.text
    lines = _lines(caplog)
    text = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    for value in personal:
        assert value not in text, value
    routes = {route for _, route, _ in _access(lines)}
    assert {"/api/cases", "/api/cases/{id}", "/api/subjects/search"} <= routes
    assert not any(s.id in route for route in routes)
