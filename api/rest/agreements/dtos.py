"""REST DTOs of agreements: the read carries the status derived on the unit's day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input, Update
from api.rest.inputs import NOT_BLANK, Bool, IsoDate, optional, stated
from domain.agreements import limits
from domain.agreements.agreement import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    DocumentationStatus,
)

Parties = Field(
    min_length=limits.PARTIES_MIN,
    max_length=limits.PARTIES_MAX,
    description="Organisations of the unit, at least two; a politirådsavtale names the"
    " municipality and the police.",
)


class DocumentRead(Dto):
    filename: str
    media_type: str
    size: int
    sha256: str = Field(description="SHA-256 of the stored bytes, hex.")
    pdfa: bool = Field(description="Declares PDF/A (the archive wants it; not required).")
    uploaded_at: datetime


class AgreementRead(Dto):
    id: UUID
    kind: AgreementKind
    title: str
    party_ids: list[UUID]
    signed_on: date
    valid_until: date
    review_on: date
    status: AgreementStatus = Field(description="Derived from the dates on the unit's day.")
    documentation_status: DocumentationStatus
    archive_worthy: bool
    document: DocumentRead | None
    version: int

    @classmethod
    def of(cls, a: Agreement, today: date) -> Self:
        values: dict[str, Any] = {
            "id": a.id,
            "kind": a.kind,
            "title": a.title,
            "party_ids": list(a.party_ids),
            "signed_on": a.signed_on,
            "valid_until": a.valid_until,
            "review_on": a.review_on,
            "status": a.status(today),
            "documentation_status": a.documentation_status,
            "archive_worthy": a.archive_worthy,
            "document": DocumentRead.from_domain(a.document) if a.document else None,
            "version": a.version,
        }
        return cls.model_validate(values)


class AgreementCreate(Input):
    kind: AgreementKind
    title: str = Field(
        min_length=1, max_length=limits.TITLE_MAX, json_schema_extra=stated(pattern=NOT_BLANK)
    )
    party_ids: list[UUID] = Parties
    signed_on: IsoDate
    valid_until: IsoDate = Field(description="After the signing date.")
    review_on: IsoDate | None = Field(
        default=None,
        description="The review reminder; left out: three months before expiry.",
    )
    documentation_status: DocumentationStatus = DocumentationStatus.FINAL
    archive_worthy: Bool = True


class AgreementUpdate(Update):
    kind: AgreementKind = optional()
    title: str = optional(stated(pattern=NOT_BLANK), min_length=1, max_length=limits.TITLE_MAX)
    party_ids: list[UUID] = optional(min_length=limits.PARTIES_MIN, max_length=limits.PARTIES_MAX)
    signed_on: IsoDate = optional()
    valid_until: IsoDate = optional()
    review_on: IsoDate | None = Field(
        default=None, description="null: back to the default reminder."
    )
    documentation_status: DocumentationStatus = optional()
    archive_worthy: Bool = optional()

    def changes(self) -> dict[str, Any]:
        sent = super().changes()
        if "party_ids" in sent:
            sent["party_ids"] = tuple(sent["party_ids"])
        return sent
