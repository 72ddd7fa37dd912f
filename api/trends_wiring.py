"""Composition root room (trends): ``TrendsService`` on the PostgreSQL unit of work (one
connection per request, ADR 0011; police systems' cross-unit reads through migration 0015's
definer functions) and the HiGHS interval solver of the release audit. Only ``api.bootstrap``
uses it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.disclosure.highs import HighsIntervalSolver
from adapters.postgres.trends.uow import PgTrendsUnitOfWorkFactory
from domain.trends.service import TrendsService

if TYPE_CHECKING:
    from api.bootstrap import Container


def trends_service(c: Container) -> TrendsService:
    return TrendsService(PgTrendsUnitOfWorkFactory(c.connections), c.clock, HighsIntervalSolver())
