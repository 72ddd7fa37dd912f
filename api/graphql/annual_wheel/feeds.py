"""GraphQL, annual-wheel context: calendar feeds' tokens (create: shown once with the URL; list
without it; revoke). The feed itself is REST only (``text/calendar``, the token its credential)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from api.graphql.annual_wheel.context import FeedScope, feed_url, feeds
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, guard
from domain.shared.calendar import FeedToken as DFeedToken


@strawberry.type
class CalendarFeed:
    id: UUID
    scope: FeedScope  # type: ignore[valid-type]
    subject_id: UUID
    created_at: datetime
    revoked_at: datetime | None
    active: bool

    @classmethod
    def of(cls, t: DFeedToken) -> CalendarFeed:
        return cls(
            id=t.id, scope=t.scope, subject_id=t.subject_id, created_at=t.created_at,
            revoked_at=t.revoked_at, active=t.active,
        )  # fmt: skip


@strawberry.type
class IssuedCalendarFeed:
    feed: CalendarFeed
    token: str = strawberry.field(description="Shown this once; only a keyed hash is kept.")
    url: str


IssueResult = Annotated[IssuedCalendarFeed | Problems, strawberry.union("IssueCalendarFeedResult")]
FeedResult = Annotated[CalendarFeed | Problems, strawberry.union("CalendarFeedResult")]


@strawberry.type
class FeedQuery:
    @strawberry.field(description="A person's or a body's feeds, revoked ones too (no tokens).")
    async def calendar_feeds(
        self,
        info: I,
        scope: FeedScope,
        subject_id: UUID,  # type: ignore[valid-type]
    ) -> list[CalendarFeed]:
        found = await feeds(info.context).list_tokens(info.context.principal, scope, subject_id)
        return [CalendarFeed.of(t) for t in found]


@strawberry.type
class FeedMutation:
    @strawberry.mutation
    async def create_calendar_feed(
        self,
        info: I,
        scope: FeedScope,
        subject_id: UUID,  # type: ignore[valid-type]
    ) -> IssueResult:
        c = info.context
        return await guard(
            feeds(c).issue(c.principal, scope, subject_id),
            lambda i: IssuedCalendarFeed(
                feed=CalendarFeed.of(i.record), token=i.secret, url=feed_url(c, i.secret)
            ),
        )

    @strawberry.mutation
    async def revoke_calendar_feed(self, info: I, id: UUID) -> FeedResult:
        c = info.context
        return await guard(feeds(c).revoke(c.principal, id), CalendarFeed.of)
