"""Meetings domain room: use cases of the agenda (add, change, reorder, remove items)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.meetings.agenda_item import AgendaItem, AgendaKind, renumbered, reorder
from domain.meetings.base import UseCases
from domain.meetings.limits import AGENDA_ITEMS_MAX
from domain.meetings.meeting import Meeting
from domain.meetings.ports import MeetingsUnitOfWork
from domain.meetings.status import MeetingStatus, require_status
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import InUse, ValidationFailed
from domain.shared.principal import Principal

S = MeetingStatus
# The agenda is settled until the minutes are approved (an item may be added at the meeting).
EDITABLE = frozenset({S.PLANNED, S.HELD, S.MINUTES_DRAFT})


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItemChanges(Changes):
    title: str | Unset = UNSET
    kind: AgendaKind | Unset = UNSET
    owner_person_id: UUID | Unset | None = UNSET
    measure_id: UUID | Unset | None = UNSET
    focus_area_id: UUID | Unset | None = UNSET


class AgendaUseCases(UseCases):
    async def _agenda_of(self, uow: MeetingsUnitOfWork, p: Principal, meeting_id: UUID) -> Meeting:
        meeting = await self._managed(uow, p, meeting_id)
        require_status(meeting.status, EDITABLE, "changing the agenda")
        return meeting

    async def agenda(self, p: Principal, meeting_id: UUID) -> Sequence[AgendaItem]:
        async with self._open(p) as uow:
            await self._readable(uow, p, meeting_id)
            return await uow.agenda.of_meeting(meeting_id)

    async def add_agenda_item(
        self,
        p: Principal,
        meeting_id: UUID,
        *,
        title: str,
        kind: AgendaKind = AgendaKind.INFORMATION,
        owner_person_id: UUID | None = None,
        measure_id: UUID | None = None,
        focus_area_id: UUID | None = None,
        override_reason: str | None = None,
    ) -> AgendaItem:
        """A new item at the end of the agenda; its title passes the free-text guard first."""
        async with self._open(p) as uow:
            meeting = await self._agenda_of(uow, p, meeting_id)
            items = await uow.agenda.of_meeting(meeting_id)
            if len(items) >= AGENDA_ITEMS_MAX:
                raise ValidationFailed.single(
                    "agenda",
                    "too-many",
                    f"At most {AGENDA_ITEMS_MAX} items.",
                    {"max": AGENDA_ITEMS_MAX},
                )
            item = AgendaItem(
                id=uuid4(),
                unit_id=p.unit_id,
                meeting_id=meeting_id,
                position=len(items) + 1,
                title=title.strip(),
                kind=kind,
                owner_person_id=owner_person_id,
                measure_id=measure_id,
                focus_area_id=focus_area_id,
            )
            item.check()
            await self._screen(uow, p, meeting, {"title": item.title}, override_reason)
            await uow.agenda.add(item)
            await uow.commit()
        return item

    async def update_agenda_item(
        self,
        p: Principal,
        id: UUID,
        changes: AgendaItemChanges,
        expected_version: int | None,
        override_reason: str | None = None,
    ) -> AgendaItem:
        async with self._open(p) as uow:
            item = await uow.agenda.get(id)
            meeting = await self._agenda_of(uow, p, item.meeting_id)
            expected = expect_version(item.version, expected_version)
            new = apply(item, changes.trimmed())
            new.check()
            if new.title != item.title:
                await self._screen(uow, p, meeting, {"title": new.title}, override_reason)
            await uow.agenda.update(new, expected)
            await uow.commit()
        return new

    async def reorder_agenda(
        self, p: Principal, meeting_id: UUID, order: Sequence[UUID]
    ) -> Sequence[AgendaItem]:
        """The agenda in ``order`` (every item once); positions become 1..n."""
        async with self._open(p) as uow:
            await self._agenda_of(uow, p, meeting_id)
            items = await uow.agenda.of_meeting(meeting_id)
            return await self._renumber(uow, items, reorder(items, order))

    async def remove_agenda_item(
        self, p: Principal, id: UUID, expected_version: int | None
    ) -> None:
        """Removes an item with nothing recorded under it; the items after it close up."""
        async with self._open(p) as uow:
            item = await uow.agenda.get(id)
            await self._agenda_of(uow, p, item.meeting_id)
            expected = expect_version(item.version, expected_version)
            decisions = await uow.decisions.of_meeting(item.meeting_id)
            actions = await uow.actions.of_meeting(item.meeting_id)
            minutes = await uow.minutes.current(item.meeting_id)
            if (
                any(d.agenda_item_id == id for d in decisions)
                or any(a.agenda_item_id == id for a in actions)
                or (minutes is not None and minutes.item(id) is not None)
            ):
                raise InUse("Minutes, decisions or action items are recorded under this item.")
            await uow.agenda.delete(id, expected)
            rest = [i for i in await uow.agenda.of_meeting(item.meeting_id) if i.id != id]
            await self._renumber(uow, rest, renumbered(rest))

    @staticmethod
    async def _renumber(
        uow: MeetingsUnitOfWork, old: Sequence[AgendaItem], new: Sequence[AgendaItem]
    ) -> Sequence[AgendaItem]:
        versions = {i.id: i.version for i in old}
        for item in new:
            if item.version != versions[item.id]:
                await uow.agenda.update(item, versions[item.id])
        await uow.commit()
        return new
