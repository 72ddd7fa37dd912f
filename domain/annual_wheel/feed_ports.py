"""Annual-wheel domain room: the ports of the calendar feeds — the meetings and tasks a feed
carries (read by the adapter from the meetings context's tables, so this context never imports
it), the unit's feed tokens, and a unit of work that has both besides the wheel's own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from domain.annual_wheel.ports import AnnualWheelUnitOfWork
from domain.annual_wheel.task import WheelTask
from domain.organisation.ports import PersonRepository
from domain.shared.calendar import FeedToken, FeedTokenRepository


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedMeeting:
    """What a feed may say of a meeting: its open fields only. ``digital`` says that it has a
    link, never the link itself (a link may admit anyone who reads the calendar)."""

    id: UUID
    body_id: UUID
    starts_at: datetime
    ends_at: datetime
    place: str | None
    digital: bool
    cancelled: bool
    version: int
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class StampedTask:
    task: WheelTask
    updated_at: datetime


class FeedReads(Protocol):
    async def meetings_of_bodies(
        self, body_ids: Sequence[UUID], since: date, limit: int
    ) -> Sequence[FeedMeeting]:
        """The bodies' meetings starting on or after ``since`` (cancelled ones too), by start."""
        ...

    async def tasks_of_owner(
        self, person_id: UUID, since_year: int, limit: int
    ) -> Sequence[StampedTask]:
        """The wheel tasks ``person_id`` owns from ``since_year`` on, by due date."""
        ...


class FeedTokens(FeedTokenRepository, Protocol):
    async def get(self, id: UUID) -> FeedToken:
        """One of the unit's tokens (NotFound otherwise)."""
        ...


class FeedUnitOfWork(AnnualWheelUnitOfWork, Protocol):
    @property
    def feed_tokens(self) -> FeedTokens: ...

    @property
    def feed(self) -> FeedReads: ...

    @property
    def persons(self) -> PersonRepository: ...


class FeedUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> FeedUnitOfWork: ...
