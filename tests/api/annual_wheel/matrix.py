"""Annual-wheel API tests room: the cases the role matrix and tenant isolation walk — a seeded
and generated wheel and a body feed made by the coordinator before the persona logs in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx

from adapters.postgres.demo import demo_id
from tests.api.annual_wheel.conftest import WHEEL, seeded
from tests.api.annual_wheel.feeds import FEEDS, new_feed

RAD = demo_id("body/politirad")
ORDFORER = demo_id("person/ordforer")  # owns the chair's tasks; no persona is him
STALE = {"If-Match": '"999"'}
YEAR = 2027

READ, WRITE, FEED = "read", "write", "feed"  # FEED: may keep Politirådet's feeds


@dataclass(frozen=True)
class Ids:
    template: str
    task: str  # owned by the chair of Politirådet
    feed: str  # Politirådet's feed


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    route: str
    policy: str
    allowed_status: int
    json: dict | None = None
    headers: dict | None = None
    has_id: bool = True  # names one of the unit's rows (the other unit gets 404)


async def build(c: httpx.AsyncClient) -> Ids:
    templates = await seeded(c)
    r = await c.post(f"{WHEEL}/years/{YEAR}/generate")
    assert r.status_code == 200, r.text
    task = next(t for t in r.json()["tasks"] if t["ownerPersonId"] == str(ORDFORER))
    feed = await new_feed(c, "body", RAD)
    return Ids(template=templates[0]["id"], task=task["id"], feed=feed["id"])


def cases(ids: Ids) -> list[Case]:
    w, t = WHEEL, f"{WHEEL}/templates/{ids.template}"
    domain_invalid = {"title": "Møte", "month": 1, "ownerRole": "chair"}  # no body level
    return [
        Case("GET", f"{w}/templates", f"{w}/templates", READ, 200, has_id=False),
        Case("POST", f"{w}/templates", f"{w}/templates", WRITE, 422, domain_invalid, has_id=False),
        Case("POST", f"{w}/templates/seed", f"{w}/templates/seed", WRITE, 200, has_id=False),
        Case("PATCH", t, f"{w}/templates/{{id}}", WRITE, 412, {"month": 2}, STALE),
        Case("DELETE", t, f"{w}/templates/{{id}}", WRITE, 412, None, STALE),
        Case("GET", f"{w}/years/{YEAR}", f"{w}/years/{{year}}", READ, 200, has_id=False),
        Case(
            "POST",
            f"{w}/years/{YEAR}/generate",
            f"{w}/years/{{year}}/generate",
            WRITE,
            200,
            has_id=False,
        ),
        Case(
            "PATCH",
            f"{w}/tasks/{ids.task}",
            f"{w}/tasks/{{id}}",
            WRITE,
            412,
            {"status": "done"},
            STALE,
        ),
        Case("GET", f"{w}/norms?year={YEAR}", f"{w}/norms", READ, 200, has_id=False),
        Case("POST", FEEDS, FEEDS, FEED, 201, {"scope": "body", "subjectId": str(RAD)}),
        Case("GET", f"{FEEDS}?scope=body&subjectId={RAD}", FEEDS, FEED, 200),
        Case("DELETE", f"{FEEDS}/{ids.feed}", f"{FEEDS}/{{id}}", FEED, 204),
    ]


BLANK = Ids(template=str(uuid.UUID(int=1)), task=str(uuid.UUID(int=2)), feed=str(uuid.UUID(int=3)))
