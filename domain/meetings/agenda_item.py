"""Meetings domain room: agenda items (title, owner, kind, position, links) and their reordering."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from domain.meetings.limits import TITLE_MAX
from domain.shared import validation as v
from domain.shared.documents import AgendaKind as AgendaKind
from domain.shared.errors import Errors, ValidationFailed


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    """One item on a meeting's agenda. ``position`` counts from 1 with no gaps within a meeting.

    ``measure_id`` and ``focus_area_id`` are plain ids for now: the measures context does not
    exist yet, so nothing checks them beyond their shape.
    """

    id: UUID
    unit_id: UUID
    meeting_id: UUID
    position: int
    title: str
    kind: AgendaKind = AgendaKind.INFORMATION
    owner_person_id: UUID | None = None
    measure_id: UUID | None = None
    focus_area_id: UUID | None = None
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "title", self.title, required=True, max_len=TITLE_MAX)
        if self.position < 1:
            e.add("position", "too-small", "Positions count from 1.", {"min": 1})
        e.raise_if_any()


def reorder(items: Sequence[AgendaItem], order: Sequence[UUID]) -> tuple[AgendaItem, ...]:
    """The items in ``order`` (every item's id exactly once), numbered 1..n; only an item whose
    position changes gets a new version."""
    ids = [i.id for i in items]
    if len(order) != len(ids) or set(order) != set(ids):
        raise ValidationFailed.single(
            "order", "not-a-permutation", "Name every agenda item of the meeting exactly once."
        )
    by_id = {i.id: i for i in items}
    out = []
    for position, id_ in enumerate(order, start=1):
        item = by_id[id_]
        if item.position != position:
            item = replace(item, position=position, version=item.version + 1)
        out.append(item)
    return tuple(out)


def renumbered(items: Sequence[AgendaItem]) -> tuple[AgendaItem, ...]:
    """The items closed up after one was removed (order kept, gaps gone)."""
    return reorder(items, [i.id for i in sorted(items, key=lambda i: i.position)])
