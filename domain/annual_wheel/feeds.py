"""Annual-wheel domain room: use cases of the calendar feeds — issue, list and revoke a feed's
token, and write the feed a token opens.

A feed is a person's (the meetings of the bodies they sit on and the wheel tasks they own) or a
body's (its meetings). A person may keep their own feeds; a body's member may keep the body's;
the coordinator and the unit admin may keep any. The token is shown once; only its keyed hash is
stored. The feed door has no session: ``feed`` finds the token by hash alone (a constant-time
index look-up, the same work for a wrong and a revoked token) and answers None for anything it
does not open, so the door's 404 tells a probe nothing. Its unit of work reads persons, so the
year's wheel with its owners' names is read here too, in one transaction."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from domain.annual_wheel import circle, feed_content
from domain.annual_wheel.circle import WheelView
from domain.annual_wheel.feed_ports import FeedUnitOfWork, FeedUnitOfWorkFactory
from domain.annual_wheel.ports import Clock
from domain.annual_wheel.template import check_year
from domain.shared import policies as pol
from domain.shared.calendar import (
    EVENTS_MAX,
    CalendarFeed,
    CalendarWriter,
    FeedScope,
    FeedToken,
    IssuedFeedToken,
    issue_feed_token,
    resolve_feed_token,
)
from domain.shared.errors import Conflict, NotFound
from domain.shared.principal import Principal

ACTIVE_TOKENS_MAX = 10  # per subject: more than that and nobody knows who has which
NO_UNIT = UUID(int=0)  # the look-up by hash runs before any unit is known
YEARS_BACK = 1  # a feed starts on 1 January of last year: older meetings are history


def derive_key(secret: str) -> bytes:
    """The feed tokens' hashing key, derived from the application secret (its own purpose)."""
    return hmac.new(secret.encode(), b"samordna/feed-token/v1", hashlib.sha256).digest()


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenFeed:
    body: bytes  # text/calendar, UTF-8
    etag: str


class FeedService:
    def __init__(
        self, uow_factory: FeedUnitOfWorkFactory, clock: Clock, key: bytes, writer: CalendarWriter
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._key = key
        self._writer = writer

    @staticmethod
    def _may_keep_feeds(p: Principal) -> None:
        pol.require(pol.can_read_organisation(p) and p.is_person, "keep calendar feeds")

    async def _authorise(
        self, p: Principal, uow: FeedUnitOfWork, scope: FeedScope, id: UUID
    ) -> None:
        """The subject exists in the principal's unit (else 404), and ``p`` may keep its feeds."""
        self._may_keep_feeds(p)
        if scope is FeedScope.PERSON:
            await uow.persons.get(id)
            mine = p.person_id == id
        else:
            await uow.bodies.get(id)
            mine = id in p.body_roles
        pol.require(mine or pol.can_manage_organisation(p), "keep this calendar feed")

    async def issue(self, p: Principal, scope: FeedScope, subject_id: UUID) -> IssuedFeedToken:
        async with self._uow(p.unit_id) as uow:
            await self._authorise(p, uow, scope, subject_id)
            held = await uow.feed_tokens.of_subject(scope, subject_id)
            if sum(1 for t in held if t.active) >= ACTIVE_TOKENS_MAX:
                raise Conflict(f"At most {ACTIVE_TOKENS_MAX} active feeds; revoke one first.")
            issued = issue_feed_token(
                self._key,
                id=uuid4(),
                unit_id=p.unit_id,
                scope=scope,
                subject_id=subject_id,
                at=self._clock.now(),
            )
            await uow.feed_tokens.add(issued.record)
            await uow.commit()
        return issued

    async def list_tokens(
        self, p: Principal, scope: FeedScope, subject_id: UUID
    ) -> list[FeedToken]:
        async with self._uow(p.unit_id) as uow:
            await self._authorise(p, uow, scope, subject_id)
            return list(await uow.feed_tokens.of_subject(scope, subject_id))

    async def revoke(self, p: Principal, id: UUID) -> FeedToken:
        """Revoke one token (again: nothing changes)."""
        self._may_keep_feeds(p)  # before the look-up: a caller without feeds learns of none
        async with self._uow(p.unit_id) as uow:
            token = await uow.feed_tokens.get(id)
            await self._authorise(p, uow, token.scope, token.subject_id)
            revoked = token.revoke(self._clock.now())
            if revoked is not token:
                await uow.feed_tokens.revoke(id, revoked.revoked_at or self._clock.now())
                await uow.commit()
        return revoked

    async def wheel_with_owners(self, p: Principal, year: int) -> tuple[WheelView, dict[UUID, str]]:
        """The year's wheel and its owners' names, in one transaction (the feeds' unit of work
        reads persons too)."""
        check_year(year)
        pol.require(pol.can_read_organisation(p), "see this unit's annual wheel")
        async with self._uow(p.unit_id) as uow:
            tasks = await uow.tasks.of_year(year)
            ids = sorted({t.owner_person_id for t in tasks if t.owner_person_id}, key=str)
            persons = await uow.persons.get_many(ids) if ids else []
        names = {x.id: x.name for x in persons}
        return circle.view(year, tasks, self._clock.today()), names

    async def feed(self, token: str) -> WrittenFeed | None:
        """The feed ``token`` opens, written; None when it opens nothing."""
        async with self._uow(NO_UNIT) as uow:
            found = await resolve_feed_token(uow.feed_tokens, self._key, token)
        if found is None:
            return None
        since = date(self._clock.today().year - YEARS_BACK, 1, 1)
        try:
            async with self._uow(found.unit_id) as uow:
                content = await self._content(uow, found, since)
        except NotFound:  # the person or body is gone
            return None
        body = self._writer.write(content)
        return WrittenFeed(body=body, etag=hashlib.sha256(body).hexdigest()[:32])

    async def _content(self, uow: FeedUnitOfWork, token: FeedToken, since: date) -> CalendarFeed:
        bodies = {b.id: b.name for b in await uow.bodies.all()}
        if token.scope is FeedScope.BODY:
            await uow.bodies.get(token.subject_id)
            meetings = await uow.feed.meetings_of_bodies([token.subject_id], since, EVENTS_MAX)
            name = feed_content.BODY_FEED.format(name=bodies[token.subject_id])
            return feed_content.feed(name, meetings, bodies)
        await uow.persons.get(token.subject_id)
        seats = [
            m
            for m in await uow.memberships.all()
            if m.person_id == token.subject_id and (m.valid_to is None or m.valid_to >= since)
        ]
        sits_on = sorted({m.body_id for m in seats}, key=str)
        meetings = [  # only while they had the seat: a member who left stops seeing new dates
            x
            for x in await uow.feed.meetings_of_bodies(sits_on, since, EVENTS_MAX // 2)
            if any(
                m.body_id == x.body_id and m.active_on(feed_content.local_day(x.starts_at))
                for m in seats
            )
        ]
        tasks = await uow.feed.tasks_of_owner(token.subject_id, since.year, EVENTS_MAX // 2)
        return feed_content.feed(feed_content.PERSON_FEED, meetings, bodies, tasks)
