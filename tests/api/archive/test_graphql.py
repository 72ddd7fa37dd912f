"""Archive GraphQL tests room: the same rules as REST — managers list messages, retry a dead
letter and change the settings; the archive machine reads messages only; the unit's readers see a
record's status only; another unit sees no message; stale versions are StaleVersionProblem."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.api.archive.support import archived_meeting, auth, messages, ok
from tests.api.archive.test_role_matrix import ALLOWED, BADGE, MANAGE, STATUS


async def gql(client: httpx.AsyncClient, h: dict[str, str], query: str) -> Any:
    r = await client.post("/graphql", json={"query": query}, headers=h)
    return r


@pytest.fixture
async def world(client: httpx.AsyncClient, admin_engine: AsyncEngine) -> tuple[str, dict[str, Any]]:
    h = await auth(client, "coordinator")
    mid = await archived_meeting(client, h, admin_engine)
    (dead,) = await messages(client, h, "dead")
    client.cookies.clear()
    return mid, dead


def _code(r: httpx.Response) -> str | None:
    if r.status_code in (401, 403):
        return "forbidden"
    errors = r.json().get("errors")
    return errors[0]["extensions"]["code"] if errors else None


@pytest.mark.parametrize("who", list(ALLOWED))
async def test_graphql_matches_rest(
    client: httpx.AsyncClient, world: tuple[str, dict[str, Any]], who: str
) -> None:
    mid, dead = world
    h = await auth(client, who)
    reads = {
        STATUS: "{ archiveMessages(status: DEAD) { total items { id status lastError } } }",
        BADGE: f'{{ archiveRecordStatus(kind: MINUTES, id: "{mid}") {{ state saksnummer }} }}',
        MANAGE: "{ archiveSettings { enabled version } }",
    }
    for policy, query in reads.items():
        r = await gql(client, h, query)
        if policy in ALLOWED[who]:
            assert _code(r) is None, (who, query, r.text)
        else:
            assert _code(r) == "forbidden", (who, query, r.text)
    assert (
        ok(await gql(client, h, reads[STATUS]))["data"]["archiveMessages"]["total"] == 1
        if STATUS in ALLOWED[who]
        else True
    )
    changes = [
        f'retryArchiveMessage(id: "{dead["id"]}", version: 99)',
        "updateArchiveSettings(version: 99, input: {enabled: true})",
    ]
    for call in changes:
        r = await gql(client, h, f"mutation {{ x: {call} {{ __typename }} }}")
        if r.status_code in (401, 403):
            assert MANAGE not in ALLOWED[who]
            continue
        expected = "StaleVersionProblem" if MANAGE in ALLOWED[who] else "ForbiddenProblem"
        assert r.json()["data"]["x"]["__typename"] == expected, (who, call, r.text)


async def test_retry_and_settings_through_graphql(
    client: httpx.AsyncClient, world: tuple[str, dict[str, Any]]
) -> None:
    mid, dead = world
    h = await auth(client, "coordinator")
    r = await gql(
        client,
        h,
        f'mutation {{ retryArchiveMessage(id: "{dead["id"]}", version: {dead["version"]}) {{'
        " __typename ... on ArchiveMessage { status attempts } } }",
    )
    assert ok(r)["data"]["retryArchiveMessage"] == {
        "__typename": "ArchiveMessage",
        "status": "PENDING",
        "attempts": 0,
    }
    again = f'mutation {{ retryArchiveMessage(id: "{dead["id"]}", version: {dead["version"] + 1}) {{ __typename }} }}'
    assert (
        ok(await gql(client, h, again))["data"]["retryArchiveMessage"]["__typename"]
        == "ConflictProblem"
    )
    r = await gql(
        client,
        h,
        'mutation { updateArchiveSettings(version: 0, input: {enabled: true, classId: "026"}) {'
        " __typename ... on ArchiveSettings { enabled classId version }"
        " ... on ValidationProblem { fieldErrors { field code } } } }",
    )
    assert ok(r)["data"]["updateArchiveSettings"] == {
        "__typename": "ArchiveSettings", "enabled": True, "classId": "026", "version": 1,
    }  # fmt: skip
    bad = (
        'mutation { updateArchiveSettings(version: 1, input: {classId: "'
        + "x" * 101
        + '"}) { __typename } }'
    )
    assert (
        ok(await gql(client, h, bad))["data"]["updateArchiveSettings"]["__typename"]
        == "ValidationProblem"
    )
    status = ok(
        await gql(
            client,
            h,
            f'{{ archiveRecordStatus(kind: MINUTES, id: "{mid}") {{ state saksnummer journalpostnummer }} }}',
        )
    )
    assert status["data"]["archiveRecordStatus"] == {"state": "WAITING", "saksnummer": "2026/123", "journalpostnummer": "45"}  # fmt: skip


async def test_another_unit_sees_no_message(
    client: httpx.AsyncClient, world: tuple[str, dict[str, Any]]
) -> None:
    mid, dead = world
    h = await auth(client, "other_unit_coordinator")
    r = ok(await gql(client, h, "{ archiveMessages { total } }"))
    assert r["data"]["archiveMessages"]["total"] == 0
    call = f'retryArchiveMessage(id: "{dead["id"]}", version: {dead["version"]})'
    r = ok(await gql(client, h, f"mutation {{ x: {call} {{ __typename }} }}"))
    assert r["data"]["x"]["__typename"] == "NotFoundProblem"
    q = f'{{ archiveRecordStatus(kind: MINUTES, id: "{mid}") {{ state messages {{ id }} }} }}'
    assert ok(await gql(client, h, q))["data"]["archiveRecordStatus"] == {
        "state": "NONE",
        "messages": [],
    }
