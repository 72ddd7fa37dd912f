"""Annual-wheel domain room: what a calendar feed carries, as pure functions — a meeting as a
timed event (open text only: the body's name, time, place; never the restricted layer, never a
digital meeting's link), a task as an all-day event (``feed.task_event``), and the feed's name.

UIDs are stable (``meeting-<id>@samordna.no``) and SEQUENCE is the stored version less one, so
every update of a meeting raises it and subscribed calendars update in place; a cancelled
meeting stays in the feed as cancelled."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.annual_wheel.feed import task_event
from domain.annual_wheel.feed_ports import FeedMeeting, StampedTask
from domain.shared.calendar import (
    LOCATION_MAX,
    SUMMARY_MAX,
    CalendarEvent,
    CalendarFeed,
    EventStatus,
    event_uid,
)

OSLO = ZoneInfo("Europe/Oslo")
MEETING_KIND = "meeting"
DIGITAL = "Digitalt møte"  # the place shown for a meeting held only online (the link stays home)
MEETING = "Møte"
PERSON_FEED = "Samordna: mine møter og oppgaver"
BODY_FEED = "Samordna: {name}"


def local_day(at: datetime) -> date:
    """A meeting's date in Norway (membership periods are Norwegian dates)."""
    return at.astimezone(OSLO).date()


def _clip(text: str) -> str:
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def meeting_event(m: FeedMeeting, body_name: str | None) -> CalendarEvent:
    place = m.place or (DIGITAL if m.digital else None)
    if m.place and m.digital:
        place = f"{m.place} / {DIGITAL.lower()}"
    return CalendarEvent(
        uid=event_uid(MEETING_KIND, m.id),
        sequence=max(0, m.version - 1),
        start=m.starts_at,
        end=m.ends_at,
        summary=_clip(f"{MEETING}: {body_name}" if body_name else MEETING),
        location=place[:LOCATION_MAX] if place else None,
        last_modified=m.updated_at,
        status=EventStatus.CANCELLED if m.cancelled else EventStatus.CONFIRMED,
    )


def feed(
    name: str,
    meetings: Iterable[FeedMeeting],
    body_names: Mapping[UUID, str],
    tasks: Iterable[StampedTask] = (),
) -> CalendarFeed:
    events = [meeting_event(m, body_names.get(m.body_id)) for m in meetings]
    events += [task_event(t.task, t.updated_at) for t in tasks]
    return CalendarFeed(name=_clip(name), events=tuple(events))
