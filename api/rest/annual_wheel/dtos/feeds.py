"""REST DTOs of the calendar feeds' tokens (the token itself appears once, on creation)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from domain.shared.calendar import FeedScope


class FeedTokenCreate(Input):
    scope: FeedScope
    subject_id: UUID = Field(description="The person or the body.")


class FeedTokenRead(Dto):
    id: UUID
    scope: FeedScope
    subject_id: UUID
    created_at: datetime
    revoked_at: datetime | None
    active: bool


class FeedTokenIssued(FeedTokenRead):
    token: str = Field(description="Shown this once; only a keyed hash of it is kept.")
    url: str = Field(description="The feed's address (text/calendar), to subscribe to.")
