"""Agreements room: the signed documents' store — ``bytea`` rows in the agreement's own
transaction (ADR 0015), so a refused or failed save leaves no orphan and row-level security
keeps another unit's bytes out of sight."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.agreements import mapping
from adapters.postgres.agreements.tables import AGREEMENT_DOCUMENT
from adapters.postgres.organisation.sql import Reader
from domain.agreements.document import SignedDocument

CONTENT = "SELECT content FROM agreement_document WHERE unit_id = $1 AND agreement_id = $2"
_D = AGREEMENT_DOCUMENT.c
_PUT = insert(AGREEMENT_DOCUMENT)
PUT = _PUT.on_conflict_do_update(
    index_elements=[_D.agreement_id],
    set_={
        n: _PUT.excluded[n]
        for n in (
            "filename",
            "media_type",
            "size_bytes",
            "sha256",
            "pdfa",
            "uploaded_at",
            "content",
        )
    },
    where=_D.unit_id == _PUT.excluded.unit_id,
)
REMOVE = sa.delete(AGREEMENT_DOCUMENT).where(
    _D.unit_id == sa.bindparam("w_unit"), _D.agreement_id == sa.bindparam("w_id")
)


class PgDocumentStore:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def put(
        self, agreement_id: UUID, filename: str, doc: SignedDocument, at: datetime
    ) -> None:
        row = {
            "agreement_id": agreement_id,
            "unit_id": self.unit_id,
            "filename": filename,
            "media_type": doc.media_type,
            "size_bytes": doc.size,
            "sha256": doc.sha256,
            "pdfa": doc.pdfa,
            "uploaded_at": at,
            "content": doc.content,
        }
        try:
            await self.conn.execute(PUT, row)
        except IntegrityError as exc:
            raise mapping.domain_error(exc) from None

    async def content(self, agreement_id: UUID) -> bytes | None:
        value = await self.read.value(CONTENT, self.unit_id, agreement_id)
        return None if value is None else bytes(value)

    async def remove(self, agreement_id: UUID) -> None:
        await self.conn.execute(REMOVE, {"w_unit": self.unit_id, "w_id": agreement_id})
