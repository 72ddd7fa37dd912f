"""Meetings domain room: minutes versions — per agenda item an open and a restricted text.

The open layer is what may leave the system (mail, PDF, calendar, archive); the restricted layer
is for the body's members only and never leaves. A draft is written in place; once approved a
version never changes again: a correction is the next version, with a reason, and every
version is kept (``MinutesRepository.versions``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID

from domain.meetings.approval import Approval
from domain.meetings.errors import MinutesLocked
from domain.meetings.limits import REASON_MAX, TEXT_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemMinutes:
    """The minutes of one agenda item: the open summary and the members-only text."""

    agenda_item_id: UUID
    open_text: str = ""
    restricted_text: str | None = None

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "openText", self.open_text, required=False, max_len=TEXT_MAX)
        v.text(e, "restrictedText", self.restricted_text, required=False, max_len=TEXT_MAX)
        e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class MinutesVersion:
    """One version of a meeting's minutes. ``number`` 1 is the original; above 1 a correction."""

    id: UUID
    unit_id: UUID
    meeting_id: UUID
    written_at: datetime
    number: int = 1
    items: tuple[ItemMinutes, ...] = ()
    approval: Approval | None = None
    correction_reason: str | None = None
    version: int = 1  # the row's version while it is a draft (optimistic concurrency)

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        if self.number > 1:
            v.text(e, "reason", self.correction_reason, required=True, max_len=REASON_MAX)
        ids = [i.agenda_item_id for i in self.items]
        if len(ids) != len(set(ids)):
            e.add("items", "duplicate-item", "One minutes text per agenda item.")
        e.raise_if_any()
        for item in self.items:
            item.check()

    @property
    def approved(self) -> bool:
        return self.approval is not None

    def item(self, agenda_item_id: UUID) -> ItemMinutes | None:
        return next((i for i in self.items if i.agenda_item_id == agenda_item_id), None)

    def with_item(self, item: ItemMinutes) -> MinutesVersion:
        """The draft with ``item``'s texts written (``MinutesLocked`` once approved)."""
        self._refuse_if_approved()
        others = tuple(i for i in self.items if i.agenda_item_id != item.agenda_item_id)
        new = replace(self, items=(*others, item), version=self.version + 1)
        new.check()
        return new

    def approved_by(self, approval: Approval) -> MinutesVersion:
        self._refuse_if_approved()
        return replace(self, approval=approval, version=self.version + 1)

    def corrected(
        self, *, id: UUID, items: tuple[ItemMinutes, ...], reason: str, approval: Approval
    ) -> MinutesVersion:
        """The next version: this one stays as it is; the correction names its reason and is
        approved as it is made (only an approved version can be corrected)."""
        if not self.approved:
            raise MinutesLocked("Only approved minutes are corrected; edit the draft instead.")
        new = MinutesVersion(
            id=id,
            unit_id=self.unit_id,
            meeting_id=self.meeting_id,
            written_at=approval.approved_at,
            number=self.number + 1,
            items=items,
            approval=approval,
            correction_reason=reason.strip(),
        )
        new.check()
        return new

    def as_seen(self, *, restricted: bool) -> MinutesVersion:
        """This version as a reader sees it: without the restricted layer unless ``restricted``."""
        if restricted:
            return self
        items = tuple(replace(i, restricted_text=None) for i in self.items)
        return replace(self, items=items)

    def open_layer(self) -> dict[UUID, str]:
        """The open text per agenda item: all of the minutes that may leave the system."""
        return {i.agenda_item_id: i.open_text for i in self.items}

    def _refuse_if_approved(self) -> None:
        if self.approved:
            raise MinutesLocked("These minutes are approved; correct them as a new version.")
