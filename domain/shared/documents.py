"""Shared kernel room: documents that leave the system — the open minutes' shape and its renderer port.

``OpenMinutes`` holds only what may be published: there is no field for the restricted layer,
so no renderer, mail or archive export built on it can leak restricted text. The meetings
context maps an approved minutes version into it; the shared kernel knows no context.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from domain.shared.errors import DomainError, Errors
from domain.shared.validation import text

NAME_MAX = 200
TEXT_MAX = 20_000
ITEMS_MAX = 200
ATTENDEES_MAX = 300


class AgendaKind(StrEnum):
    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT_WITH_NOTICE = "absent_with_notice"
    ABSENT_WITHOUT_NOTICE = "absent_without_notice"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class DocumentRenderingFailed(DomainError):
    """The document could not be produced (a fault of the renderer, not of the input)."""

    code = "document-rendering-failed"
    title = "The document could not be produced"


@dataclass(frozen=True, slots=True, kw_only=True)
class Attendee:
    name: str
    presence: Presence
    organisation: str | None = None
    substitute_for: str | None = None  # the member this person stood in for

    def __post_init__(self) -> None:
        errors = Errors()
        text(errors, "name", self.name, required=True, max_len=NAME_MAX)
        text(errors, "organisation", self.organisation, required=False, max_len=NAME_MAX)
        text(errors, "substituteFor", self.substitute_for, required=False, max_len=NAME_MAX)
        errors.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """A decision numbered per body and year: ``label`` reads "KOG 12/2026"."""

    body_code: str
    number: int
    year: int
    text: str

    @property
    def label(self) -> str:
        return f"{self.body_code} {self.number}/{self.year}"

    def __post_init__(self) -> None:
        errors = Errors()
        text(errors, "bodyCode", self.body_code, required=True, max_len=20)
        if self.number < 1:
            errors.add("number", "too-small", "Numbers start at 1.", {"min": 1})
        if not 2000 <= self.year <= 2100:
            errors.add("year", "out-of-range", "A year 2000-2100.", {"min": 2000, "max": 2100})
        text(errors, "text", self.text, required=True, max_len=TEXT_MAX)
        errors.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class ActionItem:
    text: str
    owner: str
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN

    def __post_init__(self) -> None:
        errors = Errors()
        text(errors, "text", self.text, required=True, max_len=TEXT_MAX)
        text(errors, "owner", self.owner, required=True, max_len=NAME_MAX)
        errors.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaItem:
    """One item of the agenda with its open summary, decisions and action items."""

    number: int
    title: str
    kind: AgendaKind
    summary: str = ""
    decisions: tuple[Decision, ...] = ()
    action_items: tuple[ActionItem, ...] = ()

    def __post_init__(self) -> None:
        errors = Errors()
        if self.number < 1:
            errors.add("number", "too-small", "Items are numbered from 1.", {"min": 1})
        text(errors, "title", self.title, required=True, max_len=NAME_MAX)
        text(errors, "summary", self.summary, required=False, max_len=TEXT_MAX)
        errors.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenMinutes:
    """The open layer of one minutes version, as it may be mailed, printed and archived.

    ``starts_at``/``ends_at`` are aware datetimes (rendered in Norwegian local time); ``version``
    above 1 is a correction and then names its ``correction_reason``.
    """

    body_name: str
    starts_at: datetime
    place: str
    attendees: tuple[Attendee, ...]
    items: tuple[AgendaItem, ...]
    ends_at: datetime | None = None
    version: int = 1
    correction_reason: str | None = None
    approved_on: date | None = None
    approved_by: str | None = None

    def __post_init__(self) -> None:
        errors = Errors()
        text(errors, "bodyName", self.body_name, required=True, max_len=NAME_MAX)
        text(errors, "place", self.place, required=True, max_len=NAME_MAX)
        text(errors, "approvedBy", self.approved_by, required=False, max_len=NAME_MAX)
        if self.starts_at.tzinfo is None or (self.ends_at and self.ends_at.tzinfo is None):
            errors.add("startsAt", "naive-datetime", "Times must carry their offset.")
        elif self.ends_at is not None and self.ends_at < self.starts_at:
            errors.add("endsAt", "before-start", "The meeting cannot end before it starts.")
        if len(self.items) > ITEMS_MAX:
            errors.add("items", "too-many", f"At most {ITEMS_MAX}.", {"max": ITEMS_MAX})
        if len(self.attendees) > ATTENDEES_MAX:
            errors.add("attendees", "too-many", f"At most {ATTENDEES_MAX}.", {"max": ATTENDEES_MAX})
        if self.version < 1:
            errors.add("version", "too-small", "Versions start at 1.", {"min": 1})
        elif self.version > 1:
            text(
                errors, "correctionReason", self.correction_reason, required=True, max_len=TEXT_MAX
            )
        labels = [d.label for item in self.items for d in item.decisions]
        if len(labels) != len(set(labels)):
            errors.add("items", "duplicate-decision", "Each decision number appears once.")
        errors.raise_if_any()


class MinutesRenderer(Protocol):
    """Renders open minutes as an archivable PDF (PDF/A-2b, fonts embedded) and returns its
    bytes. Works off the event loop; raises ``DocumentRenderingFailed`` when it cannot."""

    async def render_open_minutes(self, minutes: OpenMinutes) -> bytes: ...
