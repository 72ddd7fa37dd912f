"""GraphQL, meetings context: its service and its per-request DataLoaders (each a batch use case,
so a nested query costs a constant number of statements whatever the list lengths)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader

from api.graphql.context import Context
from domain.meetings.action_item import ActionItem
from domain.meetings.agenda_item import AgendaItem
from domain.meetings.attendance import Attendance, Quorum
from domain.meetings.decision import Decision
from domain.meetings.meeting import Meeting
from domain.meetings.minutes import MinutesVersion
from domain.meetings.service import MeetingsService
from domain.shared.errors import ValidationFailed
from domain.shared.pagination import MAX_LIMIT
from domain.shared.principal import Principal

T = TypeVar("T")


def svc(ctx: Context) -> MeetingsService:
    return ctx.services.meetings  # type: ignore[no-any-return]


def loaders(ctx: Context) -> Loaders:
    return ctx.scoped("meetings", lambda: make_loaders(svc(ctx), ctx.principal))


@dataclass
class Loaders:
    meeting: DataLoader[UUID, Meeting | None]
    agenda: DataLoader[UUID, list[AgendaItem]]
    attendance: DataLoader[UUID, list[Attendance]]
    decisions: DataLoader[UUID, list[Decision]]
    actions: DataLoader[UUID, list[ActionItem]]
    minutes: DataLoader[UUID, list[MinutesVersion]]
    quorum: DataLoader[UUID, Quorum | None]


Batch = Callable[[Principal, Sequence[UUID]], Awaitable[dict[UUID, Any]]]


def make_loaders(s: MeetingsService, p: Principal) -> Loaders:
    def batch(fetch: Batch, missing: Callable[[], Any]) -> Any:
        async def load(ids: Sequence[UUID]) -> list[Any]:
            found = await fetch(p, list(dict.fromkeys(ids)))
            return [found[i] if i in found else missing() for i in ids]

        return load

    return Loaders(
        meeting=DataLoader(batch(s.meetings_by_id, lambda: None)),
        agenda=DataLoader(batch(s.agenda_of_meetings, list)),
        attendance=DataLoader(batch(s.attendance_of_meetings, list)),
        decisions=DataLoader(batch(s.decisions_of_meetings, list)),
        actions=DataLoader(batch(s.actions_of_meetings, list)),
        minutes=DataLoader(batch(s.minutes_of_meetings, list)),
        quorum=DataLoader(batch(s.quorums_of_meetings, lambda: None)),
    )


def cut(rows: Sequence[T], limit: int | None) -> list[T]:
    """A nested list's first ``limit`` rows (the cost rule counts ``limit``; 1..MAX_LIMIT)."""
    if limit is None:
        return list(rows)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed.single(
            "limit",
            "out-of-range",
            f"The limit must be between 1 and {MAX_LIMIT}.",
            {"min": 1, "max": MAX_LIMIT},
        )
    return list(rows[:limit])
