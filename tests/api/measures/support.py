"""Measures REST tests room: helpers that record decisions through the meetings door and walk a
measure through its lifecycle over HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx

from adapters.postgres.demo import demo_id
from tests.support.auth import login

KOORD = demo_id("body/koord-barn")  # coordinating, chaired by Kari (the coordinator persona)
POLITIRAD = demo_id("body/politirad")  # steering; Kari is its secretary
TEAM = demo_id("body/team-nord")  # executive
KOMMUNE = demo_id("org/kommune")
POLITI = demo_id("org/politi")
KARI = demo_id("person/kari")
OLA = demo_id("person/ola")  # the body_member persona: a seat on Ungdomsteam Nord
PER = demo_id("person/per")


async def headers(client: httpx.AsyncClient, who: str = "coordinator") -> dict[str, str]:
    client.cookies.clear()
    csrf = await login(client, who)
    return {"X-CSRF-Token": csrf} if csrf else {}


def etag(r: httpx.Response) -> dict[str, str]:
    return {"If-Match": r.headers["ETag"]}


def ok(r: httpx.Response, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r.json() if r.content else None


def _when(hours_from_now: float) -> dict[str, str]:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=hours_from_now)
    return {"startsAt": start.isoformat(), "endsAt": (start + timedelta(hours=2)).isoformat()}


async def _held(c: httpx.AsyncClient, h: dict[str, str], body: UUID, hours: float) -> str:
    m = await c.post(
        "/api/meetings", json={"bodyId": str(body), "place": "Rådhuset", **_when(hours)}, headers=h
    )
    mid: str = ok(m, 201)["id"]
    ok(await c.post(f"/api/meetings/{mid}/hold", headers={**h, **etag(m)}))
    return mid


async def _meeting_etag(c: httpx.AsyncClient, h: dict[str, str], mid: str) -> dict[str, str]:
    return etag(await c.get(f"/api/meetings/{mid}", headers=h))


async def decision(
    c: httpx.AsyncClient,
    h: dict[str, str],
    body: UUID = KOORD,
    *,
    approve: bool = True,
    hours: float = -30,
) -> str:
    """A decision recorded in the minutes of a held meeting of ``body`` (by the coordinator),
    numbered when ``approve``: by the chair (Kari chairs the coordinating group), or at a later
    meeting of the body (the steering body, chaired by someone else)."""
    mid = await _held(c, h, body, hours)
    item = ok(
        await c.post(
            f"/api/meetings/{mid}/agenda",
            json={"title": "Forebyggende tiltak", "kind": "decision"},
            headers=h,
        ),
        201,
    )["id"]
    draft = await c.post(
        f"/api/meetings/{mid}/minutes", headers={**h, **(await _meeting_etag(c, h, mid))}
    )
    ok(draft, 201)
    ok(
        await c.put(
            f"/api/meetings/{mid}/minutes/items/{item}",
            json={"openText": "Saken ble drøftet."},
            headers={**h, **etag(draft)},
        )
    )
    d = ok(
        await c.post(
            f"/api/meetings/{mid}/decisions",
            json={"agendaItemId": item, "text": "Tiltaket settes i gang."},
            headers=h,
        ),
        201,
    )["id"]
    if not approve:
        return str(d)
    if body == KOORD:
        approval: dict[str, str] = {"kind": "chair"}
    else:
        later = await _held(c, h, body, hours + 24)
        approval = {"kind": "next_meeting", "approvingMeetingId": later}
    ok(
        await c.post(
            f"/api/meetings/{mid}/minutes/approve",
            json=approval,
            headers={**h, **(await _meeting_etag(c, h, mid))},
        )
    )
    return str(d)


def plan_of_evaluation(due_in_days: int = 200) -> dict[str, Any]:
    return {
        "aspects": ["effect", "implementation"],
        "method": "Spørreundersøkelse før og etter",
        "performer": "internal",
        "dueOn": (date.today() + timedelta(days=due_in_days)).isoformat(),
    }


async def propose(c: httpx.AsyncClient, h: dict[str, str], **extra: Any) -> httpx.Response:
    body = {
        "title": "Natteravner i sentrum",
        "problem": "Uro og rusbruk blant ungdom i sentrum på fredagskvelder.",
        "tier": "selective",
        **extra,
    }
    r = await c.post("/api/measures", json=body, headers=h)
    assert r.status_code == 201, r.text
    return r


async def move(
    c: httpx.AsyncClient, h: dict[str, str], r: httpx.Response, target: str, **extra: Any
) -> httpx.Response:
    mid = r.json()["id"]
    return await c.post(
        f"/api/measures/{mid}/transitions",
        json={"target": target, **extra},
        headers={**h, **etag(r)},
    )


async def decided(c: httpx.AsyncClient, h: dict[str, str], **extra: Any) -> httpx.Response:
    """A measure decided by the coordinating group (responsible: the municipality)."""
    r = await propose(c, h, responsibleOrganisationIds=[str(KOMMUNE)], **extra)
    r = await move(c, h, r, "assessed")
    ok(r)
    r = await move(c, h, r, "decided", decisionId=await decision(c, h))
    ok(r)
    return r


async def active(c: httpx.AsyncClient, h: dict[str, str], **extra: Any) -> httpx.Response:
    """A running measure owned by Ola, with an evaluation plan (its evaluation is planned)."""
    defaults = {
        "ownerId": str(OLA),
        "startOn": date.today().isoformat(),
        "evaluationPlan": plan_of_evaluation(),
    }
    r = await decided(c, h, **{**defaults, **extra})
    r = await move(c, h, r, "active")
    ok(r)
    return r


async def completed_evaluation(
    c: httpx.AsyncClient, h: dict[str, str], measure_id: str
) -> dict[str, Any]:
    """The measure's planned evaluation, completed with findings and a conclusion."""
    planned = ok(await c.get(f"/api/measures/{measure_id}/evaluations", headers=h))[0]
    r = await c.patch(
        f"/api/evaluations/{planned['id']}",
        json={"findings": "Færre hendelser i sentrum.", "conclusion": "continue"},
        headers={**h, "If-Match": f'"{planned["version"]}"'},
    )
    return ok(r)  # type: ignore[no-any-return]


async def fresh(c: httpx.AsyncClient, h: dict[str, str], mid: str) -> httpx.Response:
    return await c.get(f"/api/measures/{mid}", headers=h)
