"""Schemathesis hooks for tests/contract: no server errors, and every error answer is an RFC
9457 problem."""

from __future__ import annotations

import json

import schemathesis

PROBLEM_JSON = "application/problem+json"


@schemathesis.check
def no_server_error(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> bool | None:
    """No 5xx, and no GraphQL error the server itself labels ``internal-error``."""
    assert response.status_code < 500, f"server error {response.status_code}"
    if response.request.url and response.request.url.endswith("/graphql"):
        body = json.loads(response.content or b"{}")
        codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]
        assert "internal-error" not in codes, "GraphQL internal-error"
    return True


@schemathesis.check
def errors_are_problems(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> bool | None:
    """A 4xx/5xx answer is ``application/problem+json`` with a string ``type`` and its status."""
    if response.status_code < 400:
        return None
    media = response.headers.get("content-type", [""])[0].split(";")[0].strip().lower()
    assert media == PROBLEM_JSON, f"{response.status_code} answered as {media or 'nothing'}"
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise AssertionError(f"{response.status_code} problem is not JSON") from exc
    assert isinstance(body, dict), "the problem is not a JSON object"
    assert isinstance(body.get("type"), str) and body["type"], "the problem has no type"
    assert body.get("status") == response.status_code, "the problem's status differs"
    return True
