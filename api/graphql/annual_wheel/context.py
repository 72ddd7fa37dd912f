"""GraphQL, annual-wheel context: its services from the composition root, and its enums under their
schema names (``Level`` is organisation's, shared, as the schema has one type of a name)."""

from __future__ import annotations

import strawberry

from api.graphql.context import Context
from domain.annual_wheel.feeds import FeedService
from domain.annual_wheel.norms import NormStatus as DNormStatus
from domain.annual_wheel.norms import NormWarning as DNormWarning
from domain.annual_wheel.service import AnnualWheelService
from domain.annual_wheel.task import TaskStatus as DTaskStatus
from domain.annual_wheel.template import OwnerRole as DOwnerRole
from domain.shared.calendar import FeedScope as DFeedScope

OwnerRole = strawberry.enum(DOwnerRole, name="WheelOwnerRole")
TaskStatus = strawberry.enum(DTaskStatus, name="WheelTaskStatus")
NormStatus = strawberry.enum(DNormStatus, name="NormStatus")
NormWarning = strawberry.enum(DNormWarning, name="NormWarning")
FeedScope = strawberry.enum(DFeedScope, name="FeedScope")

FEED_PATH = "/api/feeds/{token}.ics"  # the REST door serves the feed itself


def wheel(ctx: Context) -> AnnualWheelService:
    return ctx.services.annual_wheel  # type: ignore[no-any-return]


def feeds(ctx: Context) -> FeedService:
    return ctx.services.feeds  # type: ignore[no-any-return]


def feed_url(ctx: Context, secret: str) -> str:
    base = str(ctx.services.settings.public_base_url).rstrip("/")
    return base + FEED_PATH.format(token=secret)
