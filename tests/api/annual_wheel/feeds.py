"""Annual-wheel API tests room: helpers for the calendar feeds (plan a meeting, read a feed back)."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
from icalendar import Calendar

FEEDS = "/api/calendar-feeds"


async def plan_meeting(c: httpx.AsyncClient, body_id: object, day: str, **extra: str) -> dict:
    r = await c.post(
        "/api/meetings",
        json={
            "bodyId": str(body_id),
            "startsAt": f"{day}T10:00:00+01:00",
            "endsAt": f"{day}T12:00:00+01:00",
            **extra,
        },
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def new_feed(c: httpx.AsyncClient, scope: str, subject_id: object) -> dict:
    r = await c.post(FEEDS, json={"scope": scope, "subjectId": str(subject_id)})
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


def path_of(feed: dict) -> str:
    return urlsplit(feed["url"]).path


async def fetch(c: httpx.AsyncClient, feed: dict) -> tuple[httpx.Response, Calendar]:
    """GET the feed with a client that has no session (``anonymous``): the token alone opens it."""
    r = await c.get(path_of(feed))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/calendar; charset=utf-8"
    return r, Calendar.from_ical(r.content)


def events(cal: Calendar) -> dict[str, dict]:
    """VEVENTs by UID: the properties the tests read, as plain values."""
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["UID"])] = {
            "sequence": int(ev["SEQUENCE"]),
            "status": str(ev["STATUS"]),
            "summary": str(ev["SUMMARY"]),
            "location": str(ev["LOCATION"]) if "LOCATION" in ev else None,
            "start": ev["DTSTART"].dt,
        }
    return out
