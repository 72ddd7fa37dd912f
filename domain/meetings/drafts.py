"""Meetings domain room: use cases that correct a draft's decisions and action items (change or
remove them) before approval; after approval only an action item's status moves on."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain.meetings.action_item import ActionItem
from domain.meetings.base import UseCases
from domain.meetings.decision import Decision
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionItemChanges(Changes):
    text: str | Unset = UNSET
    owner_person_id: UUID | Unset = UNSET
    due: date | Unset | None = UNSET


class DraftUseCases(UseCases):
    async def update_decision(
        self,
        p: Principal,
        id: UUID,
        text: str,
        expected_version: int | None,
        override_reason: str | None = None,
    ) -> Decision:
        async with self._open(p) as uow:
            decision = await uow.decisions.get(id)
            meeting = await self._drafting(uow, p, decision.meeting_id)
            expected = expect_version(decision.version, expected_version)
            new = replace(decision, text=text.strip(), version=decision.version + 1)
            new.check()
            await self._screen(uow, p, meeting, {"text": new.text}, override_reason)
            await uow.decisions.update(new, expected)
            await uow.commit()
        return new

    async def remove_decision(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        """A draft decision goes without trace: it had no number yet, so no gap is left."""
        async with self._open(p) as uow:
            decision = await uow.decisions.get(id)
            await self._drafting(uow, p, decision.meeting_id)
            await uow.decisions.delete(id, expect_version(decision.version, expected_version))
            await uow.commit()

    async def update_action_item(
        self,
        p: Principal,
        id: UUID,
        changes: ActionItemChanges,
        expected_version: int | None,
        override_reason: str | None = None,
    ) -> ActionItem:
        async with self._open(p) as uow:
            action = await uow.actions.get(id)
            meeting = await self._drafting(uow, p, action.meeting_id)
            expected = expect_version(action.version, expected_version)
            new = apply(action, changes.trimmed())
            new.check()
            if new.text != action.text:
                await self._screen(uow, p, meeting, {"text": new.text}, override_reason)
            await uow.actions.update(new, expected)
            await uow.commit()
        return new

    async def remove_action_item(
        self, p: Principal, id: UUID, expected_version: int | None
    ) -> None:
        async with self._open(p) as uow:
            action = await uow.actions.get(id)
            await self._drafting(uow, p, action.meeting_id)
            await uow.actions.delete(id, expect_version(action.version, expected_version))
            await uow.commit()
