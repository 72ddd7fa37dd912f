"""Annual-wheel room: the wheel's unit of work — the PostgreSQL unit of work
(``adapters/postgres/uow.py``: the request's connection, ``samordna.unit_id`` set) with the
wheel's repositories and feed tokens on the same connection, beside the organisation reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self
from uuid import UUID

from adapters.postgres.annual_wheel.feed_reads import PgFeedReads
from adapters.postgres.annual_wheel.feed_tokens import PgFeedTokenRepository
from adapters.postgres.annual_wheel.meeting_dates import PgMeetingDates
from adapters.postgres.annual_wheel.tasks import PgWheelTaskRepository
from adapters.postgres.annual_wheel.templates import PgWheelTemplateRepository
from adapters.postgres.uow import PgUnitOfWork, PgUnitOfWorkFactory

if TYPE_CHECKING:
    from domain.annual_wheel.feed_ports import FeedUnitOfWork, FeedUnitOfWorkFactory
    from domain.annual_wheel.ports import AnnualWheelUnitOfWork, AnnualWheelUnitOfWorkFactory


class PgAnnualWheelUnitOfWork(PgUnitOfWork):
    templates: PgWheelTemplateRepository
    tasks: PgWheelTaskRepository
    meeting_dates: PgMeetingDates
    feed_tokens: PgFeedTokenRepository
    feed: PgFeedReads

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        c, u = self.conn, self.unit_id
        self.templates = PgWheelTemplateRepository(c, u)
        self.tasks = PgWheelTaskRepository(c, u)
        self.meeting_dates = PgMeetingDates(c, u)
        self.feed_tokens = PgFeedTokenRepository(c, u)
        self.feed = PgFeedReads(c, u)
        return self


class PgAnnualWheelUnitOfWorkFactory(PgUnitOfWorkFactory):
    def __call__(self, unit_id: UUID) -> PgAnnualWheelUnitOfWork:
        return PgAnnualWheelUnitOfWork(self._connections, unit_id)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: AnnualWheelUnitOfWork = PgAnnualWheelUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _factory: AnnualWheelUnitOfWorkFactory = PgAnnualWheelUnitOfWorkFactory(None)  # type: ignore[arg-type]
    _feed_uow: FeedUnitOfWork = PgAnnualWheelUnitOfWork(None, UUID(int=0))  # type: ignore[arg-type]
    _feed_factory: FeedUnitOfWorkFactory = PgAnnualWheelUnitOfWorkFactory(None)  # type: ignore[arg-type]
