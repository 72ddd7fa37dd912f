"""Calendar adapter room: ``IcsCalendarWriter`` writes a ``CalendarFeed`` as RFC 5545 iCalendar.

Decisions (tested in tests/integration/calendar):
- Times are written in UTC (``DTSTART:20260312T080000Z``): unambiguous in every client, no
  VTIMEZONE to keep in step with the tz database, and the client shows local (Oslo) time itself.
  All-day events (annual-wheel tasks) are floating dates (``VALUE=DATE``, DTEND exclusive).
- No METHOD property: the feed is a subscription, not an iTIP message. Then RFC 5545 § 3.8.7.2
  makes DTSTAMP the time the event was last revised, so DTSTAMP = LAST-MODIFIED and the same feed
  gives the same bytes (the door can answer with an ETag and 304).
- UID is kept across versions and SEQUENCE comes from the event, so calendars update in place;
  a cancelled event stays in the feed with STATUS:CANCELLED.
- Only the event's open fields are written; TEXT escaping (``,`` ``;`` ``\\`` and line breaks)
  and line folding at 75 octets are the ``icalendar`` package's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from domain.shared.calendar import CalendarEvent, CalendarFeed, EventStatus

PRODID = "-//Samordna//Samordna calendar feed//NB"
REFRESH = timedelta(hours=1)  # how often subscribing clients are asked to fetch again


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _when(value: datetime | date) -> datetime | date:
    """A time in UTC; a date (an all-day event) as it is, written ``VALUE=DATE``."""
    return _utc(value) if isinstance(value, datetime) else value


def _order(ev: CalendarEvent) -> tuple[datetime, str]:
    start = ev.start
    at = start if isinstance(start, datetime) else datetime.combine(start, time(), UTC)
    return _utc(at), ev.uid


def _event(ev: CalendarEvent) -> Event:
    out = Event()
    out.add("uid", ev.uid)
    out.add("dtstamp", _utc(ev.last_modified))
    out.add("last-modified", _utc(ev.last_modified))
    out.add("sequence", ev.sequence)
    out.add("dtstart", _when(ev.start))
    out.add("dtend", _when(ev.end))
    out.add("summary", ev.summary)
    if ev.location:
        out.add("location", ev.location)
    if ev.url:
        out.add("url", ev.url)
    out.add("status", "CANCELLED" if ev.status is EventStatus.CANCELLED else "CONFIRMED")
    out.add("transp", "TRANSPARENT" if ev.status is EventStatus.CANCELLED else "OPAQUE")
    return out


class IcsCalendarWriter:
    """A ``CalendarWriter``: one VCALENDAR per feed, events by start (an all-day event at midnight UTC), then UID."""

    def write(self, feed: CalendarFeed) -> bytes:
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("name", feed.name)  # RFC 7986
        cal.add("x-wr-calname", feed.name)  # what Outlook and Apple Calendar read
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})  # RFC 7986
        cal.add("x-published-ttl", "PT1H")  # an X- property is TEXT: written as RFC 5545 spells it
        for ev in sorted(feed.events, key=_order):
            cal.add_component(_event(ev))
        ical: bytes = cal.to_ical()
        return ical
