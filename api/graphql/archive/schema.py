"""GraphQL, archive context: the outbox's messages, a record's archive status (the badge), the
unit's archive settings, a dead letter's retry and the settings' change — the same use cases,
rules and errors as REST's /api/archive."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.problems import Problems
from api.graphql.shared.resolvers import I, guard, page_request, sent
from domain.archive import messages as msg
from domain.archive import records, status
from domain.archive import settings as st
from domain.archive.service import ArchiveService
from domain.shared.errors import ValidationFailed

MessageStatus = strawberry.enum(msg.MessageStatus, name="ArchiveMessageStatus")
RecordKind = strawberry.enum(records.RecordKind, name="ArchiveRecordKind")
ArchiveState = strawberry.enum(status.ArchiveState, name="ArchiveState")


def _svc(info: I) -> ArchiveService:
    return info.context.services.archive  # type: ignore[no-any-return]


@strawberry.type
class ArchiveReceipt:
    saksnummer: str | None
    journalpostnummer: str | None
    mappe_system_id: str | None
    registrering_system_id: str | None
    existing: bool


@strawberry.type
class ArchiveMessage:
    id: UUID
    record_kind: RecordKind  # type: ignore[valid-type]
    record_id: UUID
    part_id: UUID | None
    subject_id: UUID
    key: str
    status: MessageStatus  # type: ignore[valid-type]
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    receipt: ArchiveReceipt | None
    version: int

    @classmethod
    def of(cls, m: msg.OutboxMessage) -> ArchiveMessage:
        r = m.receipt
        return cls(
            id=m.id,
            record_kind=m.record_kind,
            record_id=m.record_id,
            part_id=m.part_id,
            subject_id=m.subject_id,
            key=m.key,
            status=m.status,
            attempts=m.attempts,
            next_attempt_at=m.next_attempt_at,
            last_error=m.last_error,
            created_at=m.created_at,
            delivered_at=m.delivered_at,
            receipt=None
            if r is None
            else ArchiveReceipt(
                saksnummer=r.saksnummer,
                journalpostnummer=r.journalpostnummer,
                mappe_system_id=r.mappe_system_id,
                registrering_system_id=r.registrering_system_id,
                existing=r.existing,
            ),
            version=m.version,
        )


@strawberry.type
class ArchiveRecordStatus:
    state: ArchiveState  # type: ignore[valid-type]
    saksnummer: str | None
    journalpostnummer: str | None
    messages: list[ArchiveMessage]


@strawberry.type
class ArchiveSettings:
    enabled: bool
    classification_system: str | None
    class_id: str | None
    archive_part: str | None
    administrative_unit: str | None
    case_officer: str | None
    version: int

    @classmethod
    def of(cls, s: st.ArchiveSettings) -> ArchiveSettings:
        return cls(
            enabled=s.enabled,
            classification_system=s.classification_system,
            class_id=s.class_id,
            archive_part=s.archive_part,
            administrative_unit=s.administrative_unit,
            case_officer=s.case_officer,
            version=s.version,
        )


@strawberry.input
class ArchiveSettingsInput:
    enabled: bool | None = strawberry.UNSET
    classification_system: str | None = strawberry.UNSET
    class_id: str | None = strawberry.UNSET
    archive_part: str | None = strawberry.UNSET
    administrative_unit: str | None = strawberry.UNSET
    case_officer: str | None = strawberry.UNSET


ArchiveMessageResult = Annotated[
    ArchiveMessage | Problems, strawberry.union("ArchiveMessageResult")
]
ArchiveSettingsResult = Annotated[
    ArchiveSettings | Problems, strawberry.union("ArchiveSettingsResult")
]


def _changes(inp: ArchiveSettingsInput) -> st.SettingsChanges:
    values = sent(inp)
    if values.get("enabled", False) is None:
        raise ValidationFailed.single("enabled", "required", "This field cannot be null.")
    return st.SettingsChanges.of(**values)


@strawberry.type
class ArchiveQuery:
    @strawberry.field
    async def archive_messages(
        self,
        info: I,
        status: MessageStatus | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[ArchiveMessage]:
        page = await _svc(info).list_messages(
            info.context.principal, status, page_request(limit, cursor)
        )
        return page_of(page, ArchiveMessage.of)

    @strawberry.field
    async def archive_record_status(
        self,
        info: I,
        kind: RecordKind,  # type: ignore[valid-type]
        id: UUID,
    ) -> ArchiveRecordStatus:
        s = await _svc(info).record_status(info.context.principal, kind, id)
        return ArchiveRecordStatus(
            state=s.state,
            saksnummer=s.saksnummer,
            journalpostnummer=s.journalpostnummer,
            messages=[ArchiveMessage.of(m) for m in s.messages],
        )

    @strawberry.field
    async def archive_settings(self, info: I) -> ArchiveSettings:
        return ArchiveSettings.of(await _svc(info).settings(info.context.principal))


@strawberry.type
class ArchiveMutation:
    @strawberry.mutation
    async def retry_archive_message(self, info: I, id: UUID, version: int) -> ArchiveMessageResult:
        return await guard(_svc(info).retry(info.context.principal, id, version), ArchiveMessage.of)

    @strawberry.mutation
    async def update_archive_settings(
        self, info: I, version: int, input: ArchiveSettingsInput
    ) -> ArchiveSettingsResult:
        c, svc = info.context, _svc(info)

        async def run() -> Any:
            return await svc.update_settings(c.principal, _changes(input), version)

        return await guard(run(), ArchiveSettings.of)


Query = ArchiveQuery
Mutation = ArchiveMutation
