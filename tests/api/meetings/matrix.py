"""Meetings REST tests room: the fixtures the role matrix and tenant isolation walk — a planned,
a draft and an approved meeting of one body, with an agenda item, a decision and an action item."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx

from adapters.postgres.demo import demo_id
from api.rest.meetings import (
    action_items,
    agenda,
    attendance,
    decisions,
    distribution,
    meetings,
    minutes,
)
from tests.api.meetings.support import drafting, etag, headers, meeting_etag, plan

OLA = demo_id("person/ola")  # Ola (the body_member persona) has no seat on the body


@dataclass(frozen=True)
class Ids:
    planned: str
    item: str  # on the planned meeting's agenda
    draft: str
    draft_item: str
    decision: str
    action: str  # owned by Ola
    approved: str
    approved_item: str


async def build(client: httpx.AsyncClient) -> Ids:
    """Made by the coordinator (who chairs the body), before the persona under test logs in."""
    h = await headers(client)
    planned = await plan(client, h, hours_from_now=48)
    pid = planned.json()["id"]
    item = await client.post(
        f"/api/meetings/{pid}/agenda", json={"title": "Orientering"}, headers=h
    )
    assert item.status_code == 201, item.text
    draft, draft_item, _ = await drafting(client, h)
    d = await client.post(
        f"/api/meetings/{draft}/decisions",
        json={"agendaItemId": draft_item, "text": "Vedtatt."},
        headers=h,
    )
    assert d.status_code == 201, d.text
    a = await client.post(
        f"/api/meetings/{draft}/action-items",
        json={"agendaItemId": draft_item, "text": "Følge opp.", "ownerPersonId": str(OLA)},
        headers=h,
    )
    assert a.status_code == 201, a.text
    approved, approved_item, started = await drafting(client, h, hours_from_now=-30)
    w = await client.put(
        f"/api/meetings/{approved}/minutes/items/{approved_item}",
        json={"openText": "Referat."},
        headers={**h, **etag(started)},
    )
    assert w.status_code == 200, w.text
    ap = await client.post(
        f"/api/meetings/{approved}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **(await meeting_etag(client, h, approved))},
    )
    assert ap.status_code == 200, ap.text
    return Ids(
        planned=pid,
        item=item.json()["id"],
        draft=draft,
        draft_item=draft_item,
        decision=d.json()["id"],
        action=a.json()["id"],
        approved=approved,
        approved_item=approved_item,
    )


STALE = {"If-Match": '"999"'}
READ, MANAGE, CHAIR, OWNER, ME = "read", "manage", "chair", "owner", "me"


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    route: str
    policy: str
    allowed_status: int
    json: dict | None = None
    headers: dict | None = None


def cases(i: Ids) -> list[Case]:
    """Writes stop at a harmless rule for an allowed caller (a stale If-Match, a field error)."""
    m, d, a = (
        f"/api/meetings/{i.planned}",
        f"/api/meetings/{i.draft}",
        f"/api/meetings/{i.approved}",
    )
    blank = {"agendaItemId": i.draft_item, "text": "   "}
    return [
        Case(
            "GET", f"/api/meetings?bodyId={demo_id('body/koord-barn')}", "/api/meetings", READ, 200
        ),
        Case(
            "POST",
            "/api/meetings",
            "/api/meetings",
            MANAGE,
            422,
            {
                "bodyId": str(demo_id("body/koord-barn")),
                "startsAt": "2026-03-02T10:00:00+01:00",
                "endsAt": "2026-03-02T12:00:00+01:00",
            },
        ),
        Case("GET", m, "/api/meetings/{id}", READ, 200),
        Case("PATCH", m, "/api/meetings/{id}", MANAGE, 412, {"place": "Et sted"}, STALE),
        Case("POST", f"{m}/hold", "/api/meetings/{id}/hold", MANAGE, 412, None, STALE),
        Case(
            "POST", f"{m}/cancel", "/api/meetings/{id}/cancel", MANAGE, 412, {"reason": "X"}, STALE
        ),
        Case("GET", f"{m}/quorum", "/api/meetings/{id}/quorum", READ, 200),
        Case("GET", f"{m}/agenda", "/api/meetings/{id}/agenda", READ, 200),
        Case("POST", f"{m}/agenda", "/api/meetings/{id}/agenda", MANAGE, 422, {"title": "  "}),
        Case(
            "PUT",
            f"{m}/agenda/order",
            "/api/meetings/{id}/agenda/order",
            MANAGE,
            422,
            {"order": []},
        ),
        Case(
            "PATCH", f"/api/agenda-items/{i.item}", "/api/agenda-items/{id}", MANAGE, 412, {}, STALE
        ),
        Case(
            "DELETE",
            f"/api/agenda-items/{i.item}",
            "/api/agenda-items/{id}",
            MANAGE,
            412,
            None,
            STALE,
        ),
        Case("GET", f"{m}/attendance", "/api/meetings/{id}/attendance", READ, 200),
        Case(
            "PUT",
            f"{m}/attendance/{OLA}",
            "/api/meetings/{id}/attendance/{personId}",
            MANAGE,
            422,
            {"presence": "present", "substituteForPersonId": str(OLA)},
        ),
        Case("GET", f"{d}/minutes", "/api/meetings/{id}/minutes", READ, 200),
        Case("POST", f"{m}/minutes", "/api/meetings/{id}/minutes", MANAGE, 412, None, STALE),
        Case(
            "PUT",
            f"{d}/minutes/items/{i.draft_item}",
            "/api/meetings/{id}/minutes/items/{agendaItemId}",
            MANAGE,
            412,
            {"openText": "Tekst"},
            STALE,
        ),
        Case(
            "POST",
            f"{d}/minutes/approve",
            "/api/meetings/{id}/minutes/approve",
            CHAIR,
            412,
            {"kind": "chair"},
            STALE,
        ),
        Case(
            "POST",
            f"{a}/minutes/corrections",
            "/api/meetings/{id}/minutes/corrections",
            CHAIR,
            422,
            {"reason": "Rettelse", "items": [{"agendaItemId": str(uuid.UUID(int=7))}]},
        ),
        Case("GET", f"{a}/minutes/open", "/api/meetings/{id}/minutes/open", READ, 200),
        # Stops at the stale If-Match before any mail is rendered or sent.
        Case(
            "POST", f"{a}/distribution", "/api/meetings/{id}/distribution", MANAGE, 412, None, STALE
        ),
        Case("GET", f"{d}/decisions", "/api/meetings/{id}/decisions", READ, 200),
        Case("POST", f"{d}/decisions", "/api/meetings/{id}/decisions", MANAGE, 422, blank),
        Case(
            "PATCH",
            f"/api/decisions/{i.decision}",
            "/api/decisions/{id}",
            MANAGE,
            412,
            {"text": "Nytt vedtak"},
            STALE,
        ),
        Case(
            "DELETE",
            f"/api/decisions/{i.decision}",
            "/api/decisions/{id}",
            MANAGE,
            412,
            None,
            STALE,
        ),
        Case("GET", f"{d}/action-items", "/api/meetings/{id}/action-items", READ, 200),
        Case(
            "POST",
            f"{d}/action-items",
            "/api/meetings/{id}/action-items",
            MANAGE,
            422,
            {**blank, "ownerPersonId": str(OLA)},
        ),
        Case(
            "PATCH",
            f"/api/action-items/{i.action}",
            "/api/action-items/{id}",
            MANAGE,
            412,
            {},
            STALE,
        ),
        Case(
            "POST",
            f"/api/action-items/{i.action}/status",
            "/api/action-items/{id}/status",
            OWNER,
            412,
            {"status": "done"},
            STALE,
        ),
        Case(
            "DELETE",
            f"/api/action-items/{i.action}",
            "/api/action-items/{id}",
            MANAGE,
            412,
            None,
            STALE,
        ),
        Case("GET", "/api/me/action-items", "/api/me/action-items", ME, 200),
    ]


MODULES = (meetings, agenda, attendance, minutes, decisions, action_items, distribution)


def routes() -> set[tuple[str, str]]:
    """Every route of the meetings door's modules, as (method, path): this matrix covers them all
    (the organisation matrix leaves them to this one)."""
    return {
        (method, route.path)  # type: ignore[attr-defined]
        for module in MODULES
        for route in module.router.routes
        for method in route.methods  # type: ignore[attr-defined]
    }
