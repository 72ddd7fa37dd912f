"""Agreements domain room: use cases of the signed document — upload (checked by content before
anything is opened or written), download, removal. Each change moves the agreement's version on,
so two uploads based on the same version end in one success and one stale version."""

from __future__ import annotations

import dataclasses
from uuid import UUID

from domain.agreements.agreement import Agreement, DocumentInfo, clean_filename
from domain.agreements.base import UseCases
from domain.agreements.document import inspect
from domain.shared.changes import expect_version
from domain.shared.errors import NotFound
from domain.shared.principal import Principal


class DocumentUseCases(UseCases):
    def may_upload(self, p: Principal) -> None:
        """Refuse a caller who may not upload before a door reads a byte of the body."""
        self._write(p)

    async def upload_document(
        self,
        p: Principal,
        id: UUID,
        content: bytes,
        filename: str | None,
        expected_version: int | None,
    ) -> Agreement:
        uow_ = self._write(p)
        name = clean_filename(filename)
        at = self._clock.now()
        async with uow_ as uow:
            old = await uow.agreements.get(id)
            expected = expect_version(old.version, expected_version)
            # Judged before any write: a refusal rolls back a transaction that wrote nothing.
            # (The address and version first, so a stale or missing one answers as every
            # change does, whatever the bytes.)
            doc = inspect(content)
            info = DocumentInfo(
                filename=name,
                media_type=doc.media_type,
                size=doc.size,
                sha256=doc.sha256,
                pdfa=doc.pdfa,
                uploaded_at=at,
            )
            new = dataclasses.replace(old, document=info, version=old.version + 1)
            await uow.agreements.update(new, expected)
            await uow.documents.put(id, name, doc, at)
            await uow.commit()
        return new

    async def download_document(self, p: Principal, id: UUID) -> tuple[DocumentInfo, bytes]:
        async with self._read(p) as uow:
            agreement = await uow.agreements.get(id)
            content = await uow.documents.content(id)
        if agreement.document is None or content is None:
            raise NotFound("The agreement has no signed document yet.")
        return agreement.document, content

    async def remove_document(
        self, p: Principal, id: UUID, expected_version: int | None
    ) -> Agreement:
        async with self._write(p) as uow:
            old = await uow.agreements.get(id)
            expected = expect_version(old.version, expected_version)
            if old.document is None:
                raise NotFound("The agreement has no signed document.")
            new = dataclasses.replace(old, document=None, version=old.version + 1)
            await uow.agreements.update(new, expected)
            await uow.documents.remove(id)
            await uow.commit()
        return new
