"""Meetings domain room: the meeting aggregate (one body's meeting: when, where, its status)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.meetings.limits import LINK_MAX, MEETING_LENGTH_MAX, PLACE_MAX, REASON_MAX
from domain.meetings.status import (
    APPROVED,
    DocumentationStatus,
    MeetingStatus,
    require_transition,
)
from domain.shared import validation as v
from domain.shared.errors import Errors

OSLO = ZoneInfo("Europe/Oslo")
YEARS = (2000, 2100)  # the years a meeting may be planned in (and its decisions numbered)
_LINK = re.compile(r"^https://[^\s/$.?#][^\s]*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    """A meeting of one body. It takes place somewhere (``place``), online (``link``) or both.

    ``documentation_status`` and ``archive_worthy`` are for the archive capability: a planned
    meeting's record is in progress; approved minutes are final and archive-worthy by default.
    """

    id: UUID
    unit_id: UUID
    body_id: UUID
    starts_at: datetime
    ends_at: datetime
    place: str | None = None
    link: str | None = None
    status: MeetingStatus = MeetingStatus.PLANNED
    cancel_reason: str | None = None
    documentation_status: DocumentationStatus = DocumentationStatus.IN_PROGRESS
    archive_worthy: bool = False
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "place", self.place, required=False, max_len=PLACE_MAX)
        v.text(e, "link", self.link, required=False, max_len=LINK_MAX)
        if self.link and not _LINK.match(self.link):
            e.add("link", "invalid-link", "A digital meeting link is an https:// address.")
        if not (self.place or self.link):
            e.add("place", "required", "A meeting needs a place or a digital link.")
        if self.starts_at.tzinfo is None or self.ends_at.tzinfo is None:
            e.add("startsAt", "naive-datetime", "Times must carry their offset.")
        elif not YEARS[0] <= self.starts_at.year <= YEARS[1]:
            # Decisions are numbered in years 2000-2100, and a time at the calendar's edge
            # cannot even be read in Norwegian time.
            e.add(
                "startsAt", "out-of-range", "A year 2000-2100.", {"min": YEARS[0], "max": YEARS[1]}
            )
        elif self.ends_at <= self.starts_at:
            e.add("endsAt", "before-start", "The meeting must end after it starts.")
        elif self.ends_at - self.starts_at > MEETING_LENGTH_MAX:
            e.add(
                "endsAt", "meeting-too-long", "A meeting lasts at most 24 hours.", {"maxHours": 24}
            )
        if self.status is MeetingStatus.CANCELLED:
            v.text(e, "cancelReason", self.cancel_reason, required=True, max_len=REASON_MAX)
        elif self.cancel_reason is not None:
            e.add("cancelReason", "not-cancelled", "Only a cancelled meeting has a reason.")
        if self.status in APPROVED and self.documentation_status is not DocumentationStatus.FINAL:
            e.add(
                "documentationStatus",
                "final-after-approval",
                "Approved minutes are a final record.",
            )
        e.raise_if_any()

    @property
    def day(self) -> date:
        """The meeting's date in Norway: the day memberships (the chair, the quorum) are read on."""
        return self.starts_at.astimezone(OSLO).date()

    @property
    def year(self) -> int:
        """The year its decisions are numbered in."""
        return self.day.year

    def moved_to(self, target: MeetingStatus) -> Meeting:
        """This meeting in ``target`` (``IllegalTransition`` unless the table allows it); approved
        minutes make the record final and archive-worthy."""
        require_transition(self.status, target)
        changes: dict[str, object] = {"status": target}
        if target is MeetingStatus.MINUTES_APPROVED:
            changes.update(documentation_status=DocumentationStatus.FINAL, archive_worthy=True)
        return replace(self, **changes, version=self.version + 1)  # type: ignore[arg-type]

    def cancelled(self, reason: str) -> Meeting:
        require_transition(self.status, MeetingStatus.CANCELLED)
        new = replace(
            self,
            status=MeetingStatus.CANCELLED,
            cancel_reason=reason.strip(),
            version=self.version + 1,
        )
        new.check()
        return new
