"""Meetings domain room: use cases of writing the minutes — start the draft, write an item's two
layers, record decisions and action items (every text through the free-text guard first)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID, uuid4

from domain.meetings import policies as pol
from domain.meetings.action_item import ActionItem, ActionStatus
from domain.meetings.base import UseCases
from domain.meetings.decision import Decision
from domain.meetings.minutes import ItemMinutes, MinutesVersion
from domain.meetings.ports import MeetingsUnitOfWork
from domain.meetings.status import MeetingStatus
from domain.shared.changes import expect_version
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal


async def _item_of(uow: MeetingsUnitOfWork, meeting_id: UUID, agenda_item_id: UUID) -> None:
    try:
        item = await uow.agenda.get(agenda_item_id)
    except NotFound:
        item = None
    if item is None or item.meeting_id != meeting_id:
        raise ValidationFailed.single("agendaItemId", "unknown", "No such item on this agenda.")


class RecordingUseCases(UseCases):
    async def start_minutes(
        self, p: Principal, meeting_id: UUID, expected_version: int | None
    ) -> MinutesVersion:
        """A held meeting gets its draft minutes (version 1, empty)."""
        async with self._open(p) as uow:
            meeting = await self._managed(uow, p, meeting_id)
            expected = expect_version(meeting.version, expected_version)
            moved = meeting.moved_to(MeetingStatus.MINUTES_DRAFT)
            draft = MinutesVersion(
                id=uuid4(), unit_id=p.unit_id, meeting_id=meeting_id, written_at=self._clock.now()
            )
            await uow.meetings.update(moved, expected)
            await uow.minutes.add(draft)
            await uow.commit()
        return draft

    async def write_item_minutes(
        self,
        p: Principal,
        meeting_id: UUID,
        agenda_item_id: UUID,
        *,
        open_text: str,
        restricted_text: str | None,
        expected_version: int | None,
        override_reason: str | None = None,
    ) -> MinutesVersion:
        """Writes both layers of one item into the draft (``expected_version``: the draft's)."""
        async with self._open(p) as uow:
            meeting = await self._drafting(uow, p, meeting_id)
            await _item_of(uow, meeting_id, agenda_item_id)
            draft = await uow.minutes.current(meeting_id)
            assert draft is not None  # a meeting in minutes_draft has its draft
            expected = expect_version(draft.version, expected_version)
            restricted = (restricted_text or "").strip() or None
            if not pol.can_see_restricted(p, meeting.body_id):
                # A manager without a seat writes the restricted layer blind: sending none keeps
                # what members wrote, and replacing text they cannot read is refused.
                written = draft.item(agenda_item_id)
                kept = written.restricted_text if written else None
                require(restricted is None or kept is None, "replace restricted text unseen")
                restricted = restricted or kept
            item = ItemMinutes(
                agenda_item_id=agenda_item_id,
                open_text=open_text.strip(),
                restricted_text=restricted,
            )
            new = draft.with_item(item)
            texts = {"openText": item.open_text, "restrictedText": item.restricted_text}
            await self._screen(uow, p, meeting, texts, override_reason)
            await uow.minutes.update(new, expected)
            await uow.commit()
        # The draft as the writer may read it: a manager without a seat on the body writes the
        # restricted layer but, like every reader without a seat, never reads it back (nor the
        # other items' restricted texts).
        return new.as_seen(restricted=pol.can_see_restricted(p, meeting.body_id))

    async def record_decision(
        self,
        p: Principal,
        meeting_id: UUID,
        agenda_item_id: UUID,
        text: str,
        override_reason: str | None = None,
    ) -> Decision:
        """A decision under an item, numbered when the minutes are approved."""
        async with self._open(p) as uow:
            meeting = await self._drafting(uow, p, meeting_id)
            await _item_of(uow, meeting_id, agenda_item_id)
            decision = Decision(
                id=uuid4(),
                unit_id=p.unit_id,
                meeting_id=meeting_id,
                agenda_item_id=agenda_item_id,
                body_id=meeting.body_id,
                text=text.strip(),
                ordinal=len(await uow.decisions.of_meeting(meeting_id)) + 1,
            )
            decision.check()
            await self._screen(uow, p, meeting, {"text": decision.text}, override_reason)
            await uow.decisions.add(decision)
            await uow.commit()
        return decision

    async def add_action_item(
        self,
        p: Principal,
        meeting_id: UUID,
        agenda_item_id: UUID,
        *,
        text: str,
        owner_person_id: UUID,
        due: date | None = None,
        override_reason: str | None = None,
    ) -> ActionItem:
        async with self._open(p) as uow:
            meeting = await self._drafting(uow, p, meeting_id)
            await _item_of(uow, meeting_id, agenda_item_id)
            action = ActionItem(
                id=uuid4(),
                unit_id=p.unit_id,
                meeting_id=meeting_id,
                agenda_item_id=agenda_item_id,
                text=text.strip(),
                owner_person_id=owner_person_id,
                due=due,
            )
            action.check()
            await self._screen(uow, p, meeting, {"text": action.text}, override_reason)
            await uow.actions.add(action)
            await uow.commit()
        return action

    async def set_action_status(
        self, p: Principal, id: UUID, status: ActionStatus, expected_version: int | None
    ) -> ActionItem:
        """The owner, or whoever manages the body's meetings, moves an item on — also after the
        minutes are approved: the work goes on after the meeting (the text does not change)."""
        async with self._open(p) as uow:
            action = await uow.actions.get(id)
            meeting = await uow.meetings.get(action.meeting_id)
            owner = p.is_person and p.person_id == action.owner_person_id
            require(owner or pol.can_manage_meetings(p, meeting.body_id), "change this action item")
            expected = expect_version(action.version, expected_version)
            new = action.with_status(status)
            await uow.actions.update(new, expected)
            await uow.commit()
        return new

    async def action_items(self, p: Principal, meeting_id: UUID) -> Sequence[ActionItem]:
        """The meeting's action items, for whoever may read the meeting."""
        async with self._open(p) as uow:
            await self._readable(uow, p, meeting_id)
            return await uow.actions.of_meeting(meeting_id)

    async def my_action_items(self, p: Principal) -> Sequence[ActionItem]:
        """The principal's own action items (a person's home page); a machine has none."""
        if p.person_id is None:
            return []
        async with self._open(p) as uow:
            return await uow.actions.of_owner(p.person_id)
