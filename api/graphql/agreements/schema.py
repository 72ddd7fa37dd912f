"""GraphQL, agreements context: types, queries and mutations over the same use cases, rules and
errors as REST's /api/agreements. The signed document's bytes travel over REST only (binary);
GraphQL shows its metadata."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.problems import Deleted, DeleteResult, Problems
from api.graphql.shared.resolvers import I, guard, page_request, required, sent
from domain.agreements import agreement as m
from domain.agreements.agreements import AgreementChanges
from domain.agreements.filters import AgreementFilter
from domain.agreements.service import AgreementsService

AgreementKind = strawberry.enum(m.AgreementKind, name="AgreementKind")
AgreementStatus = strawberry.enum(m.AgreementStatus, name="AgreementStatus")
DocumentationStatus = strawberry.enum(m.DocumentationStatus, name="AgreementDocumentationStatus")


def _svc(info: I) -> AgreementsService:
    return info.context.services.agreements  # type: ignore[no-any-return]


@strawberry.type
class SignedDocument:
    filename: str
    media_type: str
    size: int
    sha256: str
    pdfa: bool
    uploaded_at: datetime


@strawberry.type
class Agreement:
    id: UUID
    kind: AgreementKind  # type: ignore[valid-type]
    title: str
    party_ids: list[UUID]
    signed_on: date
    valid_until: date
    review_on: date
    status: AgreementStatus  # type: ignore[valid-type]
    documentation_status: DocumentationStatus  # type: ignore[valid-type]
    archive_worthy: bool
    document: SignedDocument | None
    version: int

    @classmethod
    def of(cls, a: m.Agreement, today: date) -> Agreement:
        d = a.document
        return cls(
            id=a.id,
            kind=a.kind,
            title=a.title,
            party_ids=list(a.party_ids),
            signed_on=a.signed_on,
            valid_until=a.valid_until,
            review_on=a.review_on,
            status=a.status(today),
            documentation_status=a.documentation_status,
            archive_worthy=a.archive_worthy,
            document=None
            if d is None
            else SignedDocument(
                filename=d.filename,
                media_type=d.media_type,
                size=d.size,
                sha256=d.sha256,
                pdfa=d.pdfa,
                uploaded_at=d.uploaded_at,
            ),
            version=a.version,
        )


AgreementResult = Annotated[Agreement | Problems, strawberry.union("AgreementResult")]


@strawberry.input
class AgreementInput:
    kind: AgreementKind | None = strawberry.UNSET  # type: ignore[valid-type]
    title: str | None = strawberry.UNSET
    party_ids: list[UUID] | None = strawberry.UNSET
    signed_on: date | None = strawberry.UNSET
    valid_until: date | None = strawberry.UNSET
    review_on: date | None = strawberry.UNSET
    documentation_status: DocumentationStatus | None = strawberry.UNSET  # type: ignore[valid-type]
    archive_worthy: bool | None = strawberry.UNSET


def _values(inp: AgreementInput) -> dict[str, Any]:
    v = sent(inp)
    if v.get("party_ids") is not None:
        v["party_ids"] = tuple(v["party_ids"])
    return v


@strawberry.type
class AgreementQuery:
    @strawberry.field
    async def agreements(
        self,
        info: I,
        q: str | None = None,
        kind: AgreementKind | None = None,  # type: ignore[valid-type]
        status: AgreementStatus | None = None,  # type: ignore[valid-type]
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Agreement]:
        svc = _svc(info)
        page = await svc.list_agreements(
            info.context.principal,
            AgreementFilter(q=q, kind=kind, status=status),
            page_request(limit, cursor),
        )
        today = svc.today()
        return page_of(page, lambda a: Agreement.of(a, today))

    @strawberry.field
    async def agreement(self, info: I, id: UUID) -> Agreement:
        svc = _svc(info)
        return Agreement.of(await svc.get_agreement(info.context.principal, id), svc.today())


@strawberry.type
class AgreementMutation:
    @strawberry.mutation
    async def create_agreement(self, info: I, input: AgreementInput) -> AgreementResult:
        c, svc, v = info.context, _svc(info), _values(input)

        async def run() -> Any:
            required(v, "kind", "title", "party_ids", "signed_on", "valid_until")
            return await svc.create_agreement(c.principal, **v)

        return await guard(run(), lambda a: Agreement.of(a, svc.today()))

    @strawberry.mutation
    async def update_agreement(
        self, info: I, id: UUID, version: int, input: AgreementInput
    ) -> AgreementResult:
        c, svc = info.context, _svc(info)

        async def run() -> Any:
            changes = AgreementChanges.from_mapping(_values(input))
            return await svc.update_agreement(c.principal, id, changes, version)

        return await guard(run(), lambda a: Agreement.of(a, svc.today()))

    @strawberry.mutation
    async def delete_agreement(self, info: I, id: UUID, version: int) -> DeleteResult:
        c = info.context
        return await guard(
            _svc(info).delete_agreement(c.principal, id, version), lambda _: Deleted(id=id)
        )


Query = AgreementQuery
Mutation = AgreementMutation
