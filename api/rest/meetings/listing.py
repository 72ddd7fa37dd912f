"""REST meetings room: a body's meetings filtered (year, status) and paged by a keyset cursor."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain.meetings.meeting import Meeting
from domain.meetings.status import MeetingStatus
from domain.shared.errors import ValidationFailed
from domain.shared.pagination import Cursor, Page, PageRequest


def _after(cursor: Cursor) -> tuple[datetime, str]:
    """The cursor's position as an instant and an id; a forged one is the cursor's field error."""
    try:
        at = datetime.fromisoformat(cursor.key)
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise ValidationFailed.single("cursor", "invalid", "The cursor is not valid.")
    return at, cursor.id


def page_of(
    meetings: Sequence[Meeting],
    *,
    year: int | None,
    status: MeetingStatus | None,
    request: PageRequest,
) -> Page[Meeting]:
    """Meetings by start time (then id); the cursor is the last row's start and id."""
    rows = sorted(
        (
            m
            for m in meetings
            if (year is None or m.year == year) and (status is None or m.status is status)
        ),
        key=lambda m: (m.starts_at, str(m.id)),
    )
    total = len(rows)
    if request.after is not None:
        after = _after(request.after)
        rows = [m for m in rows if (m.starts_at, str(m.id)) > after]
    chunk = rows[: request.limit]
    last = chunk[-1] if chunk and len(rows) > request.limit else None
    cursor = Cursor(key=last.starts_at.isoformat(), id=str(last.id)).encode() if last else None
    return Page(items=chunk, total=total, next_cursor=cursor)
