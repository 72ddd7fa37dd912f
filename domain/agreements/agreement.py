"""Agreements domain room: the agreement aggregate — kind, parties, dates, derived status, the
documentation status and archive-worthy flag, and the metadata of its signed document."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from domain.agreements.limits import (
    FILENAME_MAX,
    PARTIES_MAX,
    PARTIES_MIN,
    REVIEW_MONTHS_BEFORE,
    TITLE_MAX,
)
from domain.shared import validation as v
from domain.shared.errors import Errors


class AgreementKind(enum.StrEnum):
    COOPERATION = "cooperation"  # samarbeidsavtale
    POLICE_COUNCIL = "police_council"  # politirådsavtale


class AgreementStatus(enum.StrEnum):
    """Derived from the dates and today, never stored."""

    ACTIVE = "active"
    DUE_FOR_REVIEW = "due_for_review"
    EXPIRED = "expired"


class DocumentationStatus(enum.StrEnum):
    PRIVATE_NOTE = "private_note"
    IN_PROGRESS = "in_progress"
    FINAL = "final"


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentInfo:
    """The signed document's metadata (its bytes stay in the store until downloaded)."""

    filename: str
    media_type: str
    size: int
    sha256: str
    pdfa: bool
    uploaded_at: datetime


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, or that month's last day (31 May - 3 months = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def default_review_on(signed_on: date, valid_until: date) -> date:
    """Three months before expiry, but never before the signing."""
    return max(signed_on, months_before(valid_until, REVIEW_MONTHS_BEFORE))


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement:
    id: UUID
    unit_id: UUID
    kind: AgreementKind
    title: str
    party_ids: tuple[UUID, ...]
    signed_on: date
    valid_until: date
    review_on: date
    documentation_status: DocumentationStatus = DocumentationStatus.FINAL
    archive_worthy: bool = True  # agreements are archive-worthy unless the coordinator says no
    document: DocumentInfo | None = None
    version: int = 1

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(e, "title", self.title, required=True, max_len=TITLE_MAX)
        if len(self.party_ids) < PARTIES_MIN:
            e.add("partyIds", "too-few", "At least two parties.", {"min": PARTIES_MIN})
        elif len(self.party_ids) > PARTIES_MAX:
            e.add("partyIds", "too-many", f"At most {PARTIES_MAX} parties.", {"max": PARTIES_MAX})
        if len(set(self.party_ids)) != len(self.party_ids):
            e.add("partyIds", "duplicate", "A party is listed twice.")
        if None not in (self.signed_on, self.valid_until) and self.valid_until <= self.signed_on:
            e.add("validUntil", "not-after-signed", "Valid until must be after the signing date.")
        elif None not in (self.signed_on, self.review_on, self.valid_until) and not (
            self.signed_on <= self.review_on <= self.valid_until
        ):
            e.add(
                "reviewOn",
                "outside-period",
                "The review reminder falls between signing and expiry.",
            )
        e.raise_if_any()

    def status(self, today: date) -> AgreementStatus:
        if today > self.valid_until:
            return AgreementStatus.EXPIRED
        if today >= self.review_on:
            return AgreementStatus.DUE_FOR_REVIEW
        return AgreementStatus.ACTIVE


def clean_filename(name: str | None) -> str:
    """A display name for the download: the last path segment, control characters and quotes
    dropped, bounded; never trusted for the type (the content decides that)."""
    raw = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(ch for ch in raw if v.plain(ch) and ch not in '"\r\n\t' and v.storable(ch))
    kept = kept.strip().strip(".")[:FILENAME_MAX].strip()
    if not kept:
        return "avtale.pdf"
    return kept if kept.lower().endswith(".pdf") else f"{kept[: FILENAME_MAX - 4]}.pdf"
