"""Agreements room: rows (asyncpg records, by column name) to the agreements' domain objects, the
columns the reads select, and the constraint names that become the domain's own errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError

from adapters.postgres.constraints import domain_error as shared_error
from domain.agreements.agreement import (
    Agreement,
    AgreementKind,
    DocumentationStatus,
    DocumentInfo,
)
from domain.agreements.document import UnsupportedDocument, too_large
from domain.shared.errors import DomainError, ValidationFailed

Row = Any

COLUMNS = (
    "agreement.id, agreement.unit_id, agreement.kind, agreement.title, agreement.signed_on,"
    " agreement.valid_until, agreement.review_on, agreement.documentation_status,"
    " agreement.archive_worthy, agreement.version,"
    " ARRAY(SELECT p.organisation_id FROM agreement_party p WHERE p.unit_id = agreement.unit_id"
    " AND p.agreement_id = agreement.id ORDER BY p.position) AS party_ids,"
    " d.filename, d.media_type, d.size_bytes, d.sha256, d.pdfa, d.uploaded_at"
)
SOURCE = (
    "agreement LEFT JOIN agreement_document d"
    " ON d.unit_id = agreement.unit_id AND d.agreement_id = agreement.id"
)


def agreement(r: Row) -> Agreement:
    document = None
    if r["filename"] is not None:
        document = DocumentInfo(
            filename=r["filename"],
            media_type=r["media_type"],
            size=r["size_bytes"],
            sha256=r["sha256"],
            pdfa=r["pdfa"],
            uploaded_at=r["uploaded_at"],
        )
    return Agreement(
        id=r["id"],
        unit_id=r["unit_id"],
        kind=AgreementKind(r["kind"]),
        title=r["title"],
        party_ids=tuple(r["party_ids"]),
        signed_on=r["signed_on"],
        valid_until=r["valid_until"],
        review_on=r["review_on"],
        documentation_status=DocumentationStatus(r["documentation_status"]),
        archive_worthy=r["archive_worthy"],
        document=document,
        version=r["version"],
    )


def _field(field: str, code: str, message: str) -> Callable[[], DomainError]:
    return lambda: ValidationFailed.single(field, code, message)


# What the domain's checks say about the same rules (ADR 0007).
RULES: dict[str, Callable[[], DomainError]] = {
    "ck_agreement_period": _field(
        "validUntil", "not-after-signed", "Valid until must be after the signing date."
    ),
    "ck_agreement_review": _field(
        "reviewOn", "outside-period", "The review reminder falls between signing and expiry."
    ),
    "ck_agreement_title": _field("title", "too-long", "The title is too long."),
    "agreement_party_unit_id_organisation_id_fkey": _field(
        "partyIds", "unknown", "No such organisation in this unit."
    ),
    "ck_agreement_document_pdf": lambda: UnsupportedDocument("Only PDF documents are accepted."),
    "ck_agreement_document_size": too_large,
}


def domain_error(exc: IntegrityError, *, deleting: bool = False) -> DomainError:
    cause = getattr(exc.orig, "__cause__", None)
    rule = RULES.get(getattr(cause, "constraint_name", None) or "")
    return rule() if rule is not None else shared_error(exc, deleting=deleting)
