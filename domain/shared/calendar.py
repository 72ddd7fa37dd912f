"""Shared kernel room: calendar feeds — the event a feed carries, its writer port, and feed tokens.

``CalendarEvent`` holds only what may be published: there is no description field, so no
restricted text can reach a calendar. The meetings context maps a meeting onto it (its id as the
UID, its version as the SEQUENCE, so an update keeps the UID and raises the SEQUENCE and calendars
update in place); the annual wheel maps its tasks. A feed is reached by an unguessable token that
is stored only as a keyed hash and can be revoked.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol
from uuid import UUID

from domain.shared.errors import Errors
from domain.shared.validation import text, well_formed

SUMMARY_MAX = 200
LOCATION_MAX = 500
URL_MAX = 500
FEED_NAME_MAX = 200
EVENTS_MAX = 5000  # a body meeting weekly for ten years, with room to spare
UID_DOMAIN = "samordna.no"  # RFC 5545 3.8.4.7: a UID is globally unique, so it names its origin
TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 256 bits, 43 characters
TOKEN_MAX = 100  # anything longer in a feed URL is not ours: refused before hashing
KEY_MIN = 32  # the hashing key's bytes (a configuration fault below that)


class EventStatus(StrEnum):
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


def event_uid(kind: str, id: UUID) -> str:
    """The UID of ``id``'s event: the same for every version, so an update replaces the event."""
    return f"{kind}-{id}@{UID_DOMAIN}"


def _aware(value: date) -> bool:
    return isinstance(value, datetime) and value.utcoffset() is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarEvent:
    """One event of a feed: open text only. A timed event has timezone-aware ``start`` and
    ``end`` (the writer decides how they are written); an all-day event (an annual-wheel task)
    has dates, ``end`` exclusive as RFC 5545 has it. ``sequence`` rises with every published
    change; a cancelled event stays in the feed as cancelled, so subscribed calendars remove it
    instead of keeping a stale copy."""

    uid: str
    sequence: int
    start: datetime | date
    end: datetime | date
    summary: str
    last_modified: datetime
    location: str | None = None
    url: str | None = None
    status: EventStatus = EventStatus.CONFIRMED

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    def __post_init__(self) -> None:
        e = Errors()
        well_formed(e, self)
        text(e, "uid", self.uid, required=True, max_len=SUMMARY_MAX)
        text(e, "summary", self.summary, required=True, max_len=SUMMARY_MAX)
        text(e, "location", self.location, required=False, max_len=LOCATION_MAX)
        text(e, "url", self.url, required=False, max_len=URL_MAX)
        if self.url and not self.url.startswith("https://"):
            e.add("url", "https-only", "A link in a feed is an https URL.")
        if self.sequence < 0:
            e.add("sequence", "negative", "SEQUENCE starts at 0.")
        if not _aware(self.last_modified):
            e.add("lastModified", "naive", "With a time zone.")
        if self.all_day:
            if isinstance(self.end, datetime):
                e.add("end", "not-a-date", "An all-day event ends on a date.")
        else:
            for name in ("start", "end"):
                if not _aware(getattr(self, name)):
                    e.add(name, "naive", "With a time zone.")
        if not e.items and self.end <= self.start:  # both dates or both aware times by now
            e.add("end", "before-start", "An event ends after it starts.")
        e.raise_if_any()

    def revised(self, at: datetime, **changes: Any) -> CalendarEvent:
        """The next published version: same UID, SEQUENCE one higher, modified ``at``."""
        return replace(self, **changes, sequence=self.sequence + 1, last_modified=at)


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarFeed:
    """A named list of events (a person's or a body's), written as one iCalendar object."""

    name: str
    events: tuple[CalendarEvent, ...]

    def __post_init__(self) -> None:
        e = Errors()
        text(e, "name", self.name, required=True, max_len=FEED_NAME_MAX)
        if len(self.events) > EVENTS_MAX:
            e.add("events", "too-many", f"At most {EVENTS_MAX} events.", {"max": EVENTS_MAX})
        if len({ev.uid for ev in self.events}) != len(self.events):
            e.add("events", "duplicate-uid", "One event per UID.")
        e.raise_if_any()


class CalendarWriter(Protocol):
    """Writes a feed as an RFC 5545 iCalendar object (``text/calendar``, UTF-8). Deterministic:
    the same feed gives the same bytes, so the door can answer with an ETag."""

    def write(self, feed: CalendarFeed) -> bytes: ...


class FeedScope(StrEnum):
    PERSON = "person"  # the meetings and tasks of one person
    BODY = "body"  # the meetings of one body


def hash_feed_token(key: bytes, token: str) -> str:
    """The keyed hash (HMAC-SHA-256, hex) under which a token is stored and looked up. Keyed, so a
    copy of the table alone opens no feed."""
    if len(key) < KEY_MIN:
        raise ValueError(f"The feed-token key needs at least {KEY_MIN} bytes.")
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedToken:
    """A stored feed token: its keyed hash, never the token itself. Revoked tokens are kept (who
    had a feed, until when) but open nothing."""

    id: UUID
    unit_id: UUID
    scope: FeedScope
    subject_id: UUID  # the person or the body
    token_hash: str
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def revoke(self, at: datetime) -> FeedToken:
        return self if self.revoked_at is not None else replace(self, revoked_at=at)


@dataclass(frozen=True, slots=True, kw_only=True)
class IssuedFeedToken:
    """A new token: ``secret`` is shown once (in the feed URL) and never stored."""

    secret: str
    record: FeedToken


def issue_feed_token(
    key: bytes, *, id: UUID, unit_id: UUID, scope: FeedScope, subject_id: UUID, at: datetime
) -> IssuedFeedToken:
    secret = secrets.token_urlsafe(TOKEN_BYTES)
    record = FeedToken(
        id=id,
        unit_id=unit_id,
        scope=scope,
        subject_id=subject_id,
        token_hash=hash_feed_token(key, secret),
        created_at=at,
    )
    return IssuedFeedToken(secret=secret, record=record)


class FeedTokenRepository(Protocol):
    """Feed tokens by keyed hash. ``find`` is the one lookup before any unit is known (the feed
    URL carries no session), so it reads across units by exact hash only (None when unknown).
    ``revoke`` sets ``revoked_at`` once; tokens are never deleted."""

    async def add(self, token: FeedToken) -> None: ...

    async def find(self, token_hash: str) -> FeedToken | None: ...

    async def of_subject(self, scope: FeedScope, subject_id: UUID) -> Sequence[FeedToken]: ...

    async def revoke(self, id: UUID, at: datetime) -> None: ...


async def resolve_feed_token(repo: FeedTokenRepository, key: bytes, token: str) -> FeedToken | None:
    """The active token ``token`` opens, else None (unknown, revoked, or not a token at all).
    The caller answers 404 either way, so a probe learns nothing."""
    if not token or len(token) > TOKEN_MAX:
        return None
    found = await repo.find(hash_feed_token(key, token))
    return found if found is not None and found.active else None
