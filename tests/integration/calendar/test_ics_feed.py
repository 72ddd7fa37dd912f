"""ICS writer tests: every feed is written by ``IcsCalendarWriter`` and parsed back with ``icalendar``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from uuid import uuid4
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from adapters.calendar import IcsCalendarWriter
from domain.shared.calendar import (
    CalendarEvent,
    CalendarFeed,
    CalendarWriter,
    EventStatus,
    event_uid,
)

if TYPE_CHECKING:  # the adapter fills its port
    _writer: CalendarWriter = IcsCalendarWriter()

OSLO = ZoneInfo("Europe/Oslo")
WRITER = IcsCalendarWriter()
EDITED = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def meeting(**kw: object) -> CalendarEvent:
    values: dict[str, object] = {
        "uid": event_uid("meeting", uuid4()),
        "sequence": 0,
        "start": datetime(2026, 3, 12, 9, 0, tzinfo=OSLO),
        "end": datetime(2026, 3, 12, 11, 0, tzinfo=OSLO),
        "summary": "Koordineringsgruppa",
        "location": "Rådhuset, møterom 2",
        "url": "https://samordna.example/meetings/1",
        "last_modified": EDITED,
    }
    values.update(kw)
    return CalendarEvent(**values)  # type: ignore[arg-type]


def written(*events: CalendarEvent, name: str = "Koordineringsgruppa") -> bytes:
    return WRITER.write(CalendarFeed(name=name, events=events))


def parsed(data: bytes) -> list[Event]:
    return list(Calendar.from_ical(data).events)


def test_an_event_round_trips() -> None:
    ev = meeting()
    (out,) = parsed(written(ev))
    assert str(out["UID"]) == ev.uid
    assert out.decoded("SEQUENCE") == 0
    assert str(out["SUMMARY"]) == "Koordineringsgruppa"
    assert str(out["LOCATION"]) == "Rådhuset, møterom 2"
    assert str(out["URL"]) == "https://samordna.example/meetings/1"
    assert str(out["STATUS"]) == "CONFIRMED"
    assert out.decoded("DTSTART") == ev.start
    assert out.decoded("DTEND") == ev.end
    assert out.decoded("DTSTAMP") == EDITED == out.decoded("LAST-MODIFIED")


def test_an_update_keeps_the_uid_and_raises_the_sequence() -> None:
    first = meeting()
    moved = first.revised(
        EDITED + timedelta(days=1), start=first.start + timedelta(hours=1), end=first.end
    )
    (a,) = parsed(written(first))
    (b,) = parsed(written(moved))
    assert str(a["UID"]) == str(b["UID"]) == first.uid
    assert b.decoded("SEQUENCE") == a.decoded("SEQUENCE") + 1
    assert b.decoded("DTSTAMP") > a.decoded("DTSTAMP")
    assert b.decoded("DTSTART") == datetime(2026, 3, 12, 9, 0, tzinfo=UTC)  # 10:00 in Oslo


def test_a_cancelled_event_stays_in_the_feed_as_cancelled() -> None:
    ev = meeting()
    cancelled = ev.revised(EDITED + timedelta(hours=1), status=EventStatus.CANCELLED)
    data = written(cancelled)
    assert b"STATUS:CANCELLED\r\n" in data
    (out,) = parsed(data)
    assert str(out["STATUS"]) == "CANCELLED"
    assert str(out["TRANSP"]) == "TRANSPARENT"  # no longer blocks the person's time
    assert str(out["UID"]) == ev.uid
    assert out.decoded("SEQUENCE") == 1


def test_commas_semicolons_backslashes_and_line_breaks_are_escaped() -> None:
    summary = "Politirådet; budsjett, plan\nog oppfølging \\ Ungdata"
    location = "Rådhuset; sal 1, 2. etg.\nInngang bak"
    data = written(meeting(summary=summary, location=location))
    assert b"SUMMARY:Politir\xc3\xa5det\\; budsjett\\, plan\\nog oppf" in data
    assert b"\\\\ Ungdata" in data
    (out,) = parsed(data)
    assert str(out["SUMMARY"]) == summary
    assert str(out["LOCATION"]) == location


def test_long_norwegian_text_is_folded_at_75_octets_and_unfolds_intact() -> None:
    summary = ("Årlig samling for alle nivåer i SLT-arbeidet – særlig øvelse på æøå " * 3)[:200]
    data = written(meeting(summary=summary))
    lines = data.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # it was folded
    for line in lines:  # never inside a multi-octet character
        line.decode("utf-8")
    (out,) = parsed(data)
    assert str(out["SUMMARY"]) == summary


def test_times_are_written_in_utc_without_vtimezone() -> None:
    winter = meeting(
        start=datetime(2026, 1, 15, 9, 0, tzinfo=OSLO),
        end=datetime(2026, 1, 15, 10, 0, tzinfo=OSLO),
    )
    summer = meeting(
        start=datetime(2026, 6, 15, 9, 0, tzinfo=OSLO),
        end=datetime(2026, 6, 15, 10, 0, tzinfo=OSLO),
    )
    data = written(winter, summer)
    assert b"DTSTART:20260115T080000Z\r\n" in data  # CET, UTC+1
    assert b"DTSTART:20260615T070000Z\r\n" in data  # CEST, UTC+2
    assert b"VTIMEZONE" not in data
    assert b"TZID" not in data
    starts = [e.decoded("DTSTART") for e in parsed(data)]
    assert starts == [winter.start, summer.start]
    assert all(s.utcoffset() == timedelta(0) for s in starts)


def test_a_feed_crossing_the_autumn_clock_change_keeps_the_instant() -> None:
    # 02:30 on 25 October 2026 happens twice in Oslo; fold=1 is the second, in CET.
    ev = meeting(
        start=datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=1),
        end=datetime(2026, 10, 25, 3, 30, tzinfo=OSLO),
    )
    (out,) = parsed(written(ev))
    assert out.decoded("DTSTART") == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_the_calendar_names_itself_and_asks_to_be_refreshed() -> None:
    data = written(meeting(), name="Politirådet, Drammen")
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//Samordna//")
    assert str(cal["X-WR-CALNAME"]) == "Politirådet, Drammen"
    assert str(cal["NAME"]) == "Politirådet, Drammen"
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in data
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in data
    assert b"METHOD" not in data  # a subscription, not an iTIP message
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")


def test_the_same_feed_gives_the_same_bytes_in_any_order() -> None:
    a = meeting(
        start=datetime(2026, 5, 1, 9, tzinfo=OSLO), end=datetime(2026, 5, 1, 10, tzinfo=OSLO)
    )
    b = meeting(summary="Styringsgruppa")
    assert written(a, b) == written(b, a) == written(a, b)
    assert [str(e["UID"]) for e in parsed(written(a, b))] == [b.uid, a.uid]  # by start


def test_only_open_fields_leave() -> None:
    data = written(meeting(location=None, url=None))
    for prop in (b"DESCRIPTION", b"ATTENDEE", b"ORGANIZER", b"COMMENT", b"LOCATION", b"URL"):
        assert prop not in data


def test_an_empty_feed_is_a_valid_calendar() -> None:
    data = written()
    assert parsed(data) == []
    assert str(Calendar.from_ical(data)["VERSION"]) == "2.0"


def test_an_all_day_event_is_written_as_dates_with_an_exclusive_end() -> None:
    day = CalendarEvent(
        uid=event_uid("wheel-task", uuid4()),
        sequence=2,
        start=date(2026, 11, 30),
        end=date(2026, 12, 1),
        summary="Politirådets egenevaluering",
        last_modified=EDITED,
    )
    data = written(day, meeting())
    assert b"DTSTART;VALUE=DATE:20261130\r\n" in data
    assert b"DTEND;VALUE=DATE:20261201\r\n" in data
    first, second = parsed(data)
    assert str(first["UID"]) != day.uid  # the March meeting comes first
    assert second.decoded("DTSTART") == date(2026, 11, 30)
    assert second.decoded("SEQUENCE") == 2
