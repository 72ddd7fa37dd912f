"""REST: calendar feeds — create a feed's token (shown once, with the feed's URL), list a
subject's tokens (without them), revoke one; and the feed itself, reached by its token alone.

The feed route has no session: the unguessable token in the URL is its only credential. It is
rate-limited per client address like the login routes, answers 404 for every token that opens
nothing (unknown, revoked, malformed), and the access log records the route's template, never
the path, so the token is never logged."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Header, Query, Request, Response, status

from api.middleware.rate_limit import rate_limits
from api.principal import container
from api.rest.annual_wheel.deps import FeedServiceDep
from api.rest.annual_wheel.dtos.feeds import FeedTokenCreate, FeedTokenIssued, FeedTokenRead
from api.rest.deps import PrincipalDep
from api.rest.errors import READ_ERRORS, WRITE_ERRORS, responses
from domain.shared.calendar import FeedScope
from domain.shared.errors import NotFound

router = APIRouter(prefix="/api", tags=["calendar-feeds"])

FEED_PATH = "/api/feeds/{token}.ics"
CALENDAR = "text/calendar; charset=utf-8"


def feed_url(request: Request, secret: str) -> str:
    base = str(container(request).settings.public_base_url).rstrip("/")
    return base + FEED_PATH.format(token=secret)


@router.post(
    "/calendar-feeds",
    operation_id="calendar-feeds-create",
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_ERRORS,
)
async def create_feed(
    body: FeedTokenCreate, p: PrincipalDep, svc: FeedServiceDep, request: Request
) -> FeedTokenIssued:
    """A new feed of a person (their meetings and wheel tasks) or a body (its meetings). The
    token and URL are shown this once."""
    issued = await svc.issue(p, body.scope, body.subject_id)
    return FeedTokenIssued(
        **FeedTokenRead.from_domain(issued.record).model_dump(),
        token=issued.secret,
        url=feed_url(request, issued.secret),
    )


@router.get("/calendar-feeds", operation_id="calendar-feeds-list", responses=READ_ERRORS)
async def list_feeds(
    scope: FeedScope,
    subject_id: Annotated[UUID, Query(alias="subjectId")],
    p: PrincipalDep,
    svc: FeedServiceDep,
) -> list[FeedTokenRead]:
    """The feeds of a person or a body, revoked ones too (the tokens themselves are not kept)."""
    return [FeedTokenRead.from_domain(t) for t in await svc.list_tokens(p, scope, subject_id)]


@router.delete(
    "/calendar-feeds/{id}",
    operation_id="calendar-feeds-revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_ERRORS,
)
async def revoke_feed(id: UUID, p: PrincipalDep, svc: FeedServiceDep) -> None:
    """Revoke a feed: its URL answers 404 from now on. Revoking again changes nothing."""
    await svc.revoke(p, id)


@router.get(
    FEED_PATH.removeprefix("/api"),
    operation_id="calendar-feeds-feed",
    response_class=Response,
    responses={
        200: {
            "description": "The feed, RFC 5545 iCalendar.",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        },
        304: {"description": "Not modified since the ETag sent."},
        **responses(404, 429),
    },
)
async def get_feed(
    token: str,
    request: Request,
    svc: FeedServiceDep,
    if_none_match: Annotated[str | None, Header(max_length=100)] = None,
) -> Response:
    """The calendar feed the token opens (no session: the token is the credential). 404 for a
    token that is unknown or revoked."""
    client = request.client
    limits = rate_limits(request)
    await limits.hit(limits.login, "feed", client.host if client else "unknown")
    written = await svc.feed(token)
    if written is None:
        raise NotFound("No such calendar feed.")
    etag = f'"{written.etag}"'
    headers = {
        "ETag": etag
    }  # Cache-Control: no-store, as on every /api route (the token is in the URL)
    if if_none_match == etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(content=written.body, media_type=CALENDAR, headers=headers)
