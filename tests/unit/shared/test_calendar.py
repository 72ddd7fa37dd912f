"""The shared kernel's calendar room: the feed event's rules, SEQUENCE on revision, feed tokens."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest

from domain.shared.calendar import (
    TOKEN_BYTES,
    CalendarEvent,
    CalendarFeed,
    EventStatus,
    FeedScope,
    event_uid,
    hash_feed_token,
    issue_feed_token,
    resolve_feed_token,
)
from domain.shared.errors import ValidationFailed
from tests.fakes import FakeFeedTokenRepository

AT = datetime(2026, 3, 1, 12, tzinfo=UTC)
KEY = b"k" * 32


def event(**kw: object) -> CalendarEvent:
    values: dict[str, object] = {
        "uid": event_uid("meeting", uuid4()),
        "sequence": 0,
        "start": AT,
        "end": AT + timedelta(hours=2),
        "summary": "Politirådet",
        "last_modified": AT,
    }
    values.update(kw)
    return CalendarEvent(**values)  # type: ignore[arg-type]


def codes(**kw: object) -> set[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        event(**kw)
    return {(e.field, e.code) for e in caught.value.errors}


def test_the_event_carries_no_field_for_restricted_text() -> None:
    names = {f.name for f in dataclasses.fields(CalendarEvent)}
    assert names == {
        "uid", "sequence", "start", "end", "summary", "last_modified", "location", "url", "status",
    }  # fmt: skip


def test_event_rules() -> None:
    assert ("summary", "required") in codes(summary=" ")
    assert ("summary", "too-long") in codes(summary="x" * 201)
    assert ("summary", "control-characters") in codes(summary="a\x00b")
    assert ("end", "before-start") in codes(end=AT)
    assert ("start", "naive") in codes(start=datetime(2026, 3, 1, 12))
    assert ("url", "https-only") in codes(url="http://samordna.example/m/1")
    assert ("url", "https-only") in codes(url="javascript:alert(1)")
    assert ("sequence", "negative") in codes(sequence=-1)


def test_a_revision_keeps_the_uid_and_raises_the_sequence() -> None:
    first = event()
    later = AT + timedelta(days=1)
    second = first.revised(later, status=EventStatus.CANCELLED)
    assert (second.uid, second.sequence, second.last_modified) == (first.uid, 1, later)
    assert second.status is EventStatus.CANCELLED
    assert second.revised(later).sequence == 2


def test_uids_are_stable_and_name_their_origin() -> None:
    id = uuid4()
    assert event_uid("meeting", id) == event_uid("meeting", id) == f"meeting-{id}@samordna.no"
    assert event_uid("task", id) != event_uid("meeting", id)


def test_a_feed_has_one_event_per_uid() -> None:
    ev = event()
    with pytest.raises(ValidationFailed):
        CalendarFeed(name="Feed", events=(ev, ev.revised(AT)))


def test_tokens_are_unguessable_and_stored_only_as_a_keyed_hash() -> None:
    issued = [
        issue_feed_token(
            KEY, id=uuid4(), unit_id=uuid4(), scope=FeedScope.BODY, subject_id=uuid4(), at=AT
        )
        for _ in range(50)
    ]
    secrets_ = {i.secret for i in issued}
    assert len(secrets_) == 50
    assert all(len(s) >= 43 for s in secrets_)  # 32 bytes, base64url
    assert TOKEN_BYTES >= 32
    for i in issued:
        assert i.record.token_hash == hash_feed_token(KEY, i.secret)
        assert i.secret not in repr(i.record)
        assert i.record.token_hash != hash_feed_token(b"x" * 32, i.secret)  # keyed
    with pytest.raises(ValueError, match="32 bytes"):
        hash_feed_token(b"short", "token")


async def test_a_token_opens_its_feed_until_revoked() -> None:
    repo = FakeFeedTokenRepository()
    body_id = uuid4()
    issued = issue_feed_token(
        KEY, id=uuid4(), unit_id=uuid4(), scope=FeedScope.BODY, subject_id=body_id, at=AT
    )
    await repo.add(issued.record)
    found = await resolve_feed_token(repo, KEY, issued.secret)
    assert found is not None and found.subject_id == body_id
    for probe in ("", "x" * 101, issued.secret + "x", issued.secret.upper()):
        assert await resolve_feed_token(repo, KEY, probe) is None
    assert await resolve_feed_token(repo, b"y" * 32, issued.secret) is None
    await repo.revoke(issued.record.id, AT + timedelta(days=1))
    assert await resolve_feed_token(repo, KEY, issued.secret) is None
    (kept,) = await repo.of_subject(FeedScope.BODY, body_id)
    assert kept.revoked_at == AT + timedelta(days=1)
    assert kept.revoke(AT + timedelta(days=9)).revoked_at == kept.revoked_at  # once


def test_an_all_day_event_has_dates_and_ends_exclusive() -> None:
    day = date(2026, 11, 30)
    ev = event(start=day, end=day + timedelta(days=1))
    assert ev.all_day
    assert not event().all_day
    assert ("end", "before-start") in codes(start=day, end=day)
    assert ("end", "not-a-date") in codes(start=day, end=AT)
    assert ("end", "naive") in codes(end=date(2026, 3, 2))  # a timed start needs a timed end
