"""Security tests room: hostile input on every cases route that takes a body — NUL bytes, nulls
for each field, a 1 MB string, wrong types, invalid UUIDs, dates out of range and identity
numbers with bad checksums — as the case's lead (so it reaches the rules): always a 4xx
problem+json, never a 500; a NUL byte, a lone surrogate or a 1 MB string is never accepted
(a well-formed value may be: "not-a-uuid" is a fine note text)."""

from __future__ import annotations

from typing import Any

from tests.api.cases.matrix import build, rows
from tests.api.cases.support import as_, open_case

BAD: list[Any] = [
    None,
    "\x00",
    "a\x00b",
    "x" * 1_000_000,
    12345,
    -1,
    1e308,
    True,
    [],
    {},
    ["\x00"],
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "0000-00-00",
    "10000-01-01",
    "0001-01-01",
    "03851250018",  # a bad checksum
    "\ud800",
]


def _variants(body: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for key, value in body.items():
        for bad in BAD:
            out.append({**body, key: bad})
        if isinstance(value, dict):
            for sub in _variants(value):
                out.append({**body, key: sub})
    return out


async def _probe(client, method: str, path: str, body: Any, h: dict[str, str]) -> str | None:
    try:
        r = await client.request(method, path, json=body, headers=h)
    except (UnicodeEncodeError, ValueError):
        return None  # not sendable as JSON
    text = str(body)
    never_ok = "\x00" in text or len(text) > 100_000 or "\ud800" in text
    if r.status_code >= 500 or (r.status_code < 400 and never_ok):
        return f"{method} {path} {str(body)[:120]!r}: {r.status_code} {r.text[:160]}"
    if r.status_code < 400:
        return None
    if not r.headers["content-type"].startswith("application/problem+json"):
        return f"{method} {path}: {r.headers['content-type']}"
    return None


async def test_hostile_bodies_on_every_cases_route(client, admin_engine) -> None:
    ids = await build(client)
    h = await as_(client, "body_member")
    case = (await open_case(client, h, number=None)).json()
    wrong: list[str] = []
    for row in rows(ids):
        if row.method in ("GET", "DELETE") or not row.json:
            continue
        headers = {**h, **(row.headers or {})}
        for body in _variants(row.json):
            problem = await _probe(client, row.method, row.path, body, headers)
            if problem:
                wrong.append(problem)
        for body in (None, [], "x", 0, {"\x00": 1}):
            problem = await _probe(client, row.method, row.path, body, headers)
            if problem:
                wrong.append(problem)
    for body in _variants({"identityNumber": "03851250017"}):
        problem = await _probe(client, "POST", "/api/subjects/search", body, h)
        if problem and "search" not in problem:
            wrong.append(problem)
    assert not wrong, "\n".join(wrong[:30])
    assert case["id"]


async def test_dates_out_of_range_and_bad_numbers_are_field_errors(client, admin_engine) -> None:
    from tests.security.test_idor import counts

    h = await as_(client, "body_member")
    good = (await open_case(client, h, number=None)).json()
    assert good["id"]
    before = await counts(admin_engine)
    from tests.api.cases.support import RUS_PSYK, TEAM_NORD, subject

    base = {
        "bodyId": str(TEAM_NORD),
        "kind": "follow_up_team",
        "startOn": "2026-01-05",
        "organisationId": str(RUS_PSYK),
    }
    cases: list[tuple[dict[str, Any], str]] = [
        ({**base, "startOn": "0001-01-01", "subject": subject(number=None)}, "startOn"),
        ({**base, "startOn": "9999-12-31", "subject": subject(number=None)}, "startOn"),
        ({**base, "endOn": "9999-12-31", "subject": subject(number=None)}, "endOn"),
        ({**base, "subject": {**subject(number=None), "birthDate": "0001-01-01"}}, "birthDate"),
        ({**base, "subject": {**subject(number=None), "birthDate": "2999-01-01"}}, "birthDate"),
        ({**base, "subject": subject(number="03851250018")}, "identityNumber"),
        ({**base, "subject": subject(number="0385125001")}, "identityNumber"),
        ({**base, "subject": subject(number="0385125001X")}, "identityNumber"),
    ]
    wrong = []
    for body, field in cases:
        r = await client.post("/api/cases", json=body, headers=h)
        fields = [e["field"] for e in r.json().get("errors", [])] if r.status_code == 422 else []
        if r.status_code != 422 or not any(f.endswith(field) for f in fields):
            wrong.append(f"{field}: {r.status_code} {r.text[:200]}")
        if "03851250018" in r.text or "0385125001" in r.text:
            wrong.append(f"{field}: the number is echoed")
    assert not wrong, "\n".join(wrong)
    assert await counts(admin_engine) == before
