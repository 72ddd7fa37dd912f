"""Agreements domain room: use cases of the agreement records (list, read, create, change, remove)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from domain.agreements.agreement import (
    Agreement,
    AgreementKind,
    DocumentationStatus,
    default_review_on,
)
from domain.agreements.base import UseCases
from domain.agreements.filters import AgreementFilter
from domain.agreements.parties import check_parties
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class AgreementChanges(Changes):
    kind: AgreementKind | Unset = UNSET
    title: str | Unset = UNSET
    party_ids: tuple[UUID, ...] | Unset = UNSET
    signed_on: date | Unset = UNSET
    valid_until: date | Unset = UNSET
    review_on: date | Unset | None = UNSET  # None: back to the default reminder
    documentation_status: DocumentationStatus | Unset = UNSET
    archive_worthy: bool | Unset = UNSET


class AgreementUseCases(UseCases):
    def today(self) -> date:
        """The unit's calendar day, which the derived status is judged on."""
        return self._clock.today()

    async def list_agreements(
        self, p: Principal, f: AgreementFilter, page: PageRequest
    ) -> Page[Agreement]:
        async with self._read(p) as uow:
            return await uow.agreements.list(f, self._clock.today(), page)

    async def get_agreement(self, p: Principal, id: UUID) -> Agreement:
        async with self._read(p) as uow:
            return await uow.agreements.get(id)

    async def create_agreement(
        self,
        p: Principal,
        *,
        kind: AgreementKind,
        title: str,
        party_ids: tuple[UUID, ...] | list[UUID],
        signed_on: date,
        valid_until: date,
        review_on: date | None = None,
        documentation_status: DocumentationStatus = DocumentationStatus.FINAL,
        archive_worthy: bool = True,
    ) -> Agreement:
        uow_ = self._write(p)  # authorise before looking at the input
        agreement = Agreement(
            id=uuid4(),
            unit_id=p.unit_id,
            kind=kind,
            title=(title or "").strip(),
            party_ids=tuple(party_ids),
            signed_on=signed_on,
            valid_until=valid_until,
            review_on=review_on or _default(signed_on, valid_until),
            documentation_status=documentation_status,
            archive_worthy=archive_worthy,
        )
        agreement.check()
        async with uow_ as uow:
            await check_parties(uow, agreement)
            await uow.agreements.add(agreement)
            await uow.commit()
        return agreement

    async def update_agreement(
        self, p: Principal, id: UUID, changes: AgreementChanges, expected_version: int | None
    ) -> Agreement:
        async with self._write(p) as uow:
            old = await uow.agreements.get(id)
            expected = expect_version(old.version, expected_version)
            sent = changes.trimmed()
            if isinstance(sent.party_ids, list):
                sent = AgreementChanges(**{**sent.set_fields(), "party_ids": tuple(sent.party_ids)})
            new = _typed(apply(old, sent))
            if sent.review_on is None or (
                sent.review_on is UNSET and _dates_moved(old, new) and _was_default(old)
            ):
                new = _with_review(new, _default(new.signed_on, new.valid_until))
            new.check()
            await check_parties(uow, new)
            await uow.agreements.update(new, expected)
            await uow.commit()
        return new

    async def delete_agreement(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._write(p) as uow:
            old = await uow.agreements.get(id)
            expected = expect_version(old.version, expected_version)
            await uow.agreements.delete(id, expected)  # the document goes with it
            await uow.commit()

    async def agreements_by_id(self, p: Principal, ids: list[UUID]) -> dict[UUID, Agreement]:
        async with self._read(p) as uow:
            return {a.id: a for a in await uow.agreements.get_many(ids)}


def _default(signed_on: date | None, valid_until: date | None) -> date:
    if signed_on is None or valid_until is None:
        return None  # type: ignore[return-value]  # check() names the missing dates
    return default_review_on(signed_on, valid_until)


def _dates_moved(old: Agreement, new: Agreement) -> bool:
    return (old.signed_on, old.valid_until) != (new.signed_on, new.valid_until)


def _was_default(old: Agreement) -> bool:
    """A reminder nobody chose follows the dates; one the coordinator set stays."""
    return old.review_on == default_review_on(old.signed_on, old.valid_until)


def _typed(a: Agreement) -> Agreement:
    """``Changes.trimmed`` strips every ``str``, and a StrEnum member comes back a plain one."""
    return dataclasses.replace(
        a,
        kind=AgreementKind(a.kind),
        documentation_status=DocumentationStatus(a.documentation_status),
    )


def _with_review(a: Agreement, review_on: date) -> Agreement:
    return dataclasses.replace(a, review_on=review_on)
