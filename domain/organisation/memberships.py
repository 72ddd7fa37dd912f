"""Organisation domain room: use cases of memberships (a person's term in a body); the dated
role changes and chair hand-overs are in ``terms``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from uuid import UUID, uuid4

from domain.organisation.base import UseCases, exists, find
from domain.organisation.filters import MembershipFilter
from domain.organisation.model import Membership, MembershipView
from domain.organisation.terms import check_overlaps, membership_for_change
from domain.shared import policies as pol
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import AlreadyEnded, Errors, ValidationFailed
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import BodyRole, Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class MembershipChanges(Changes):
    role: BodyRole | Unset = UNSET
    organisation_id: UUID | Unset | None = UNSET
    valid_from: date | Unset = UNSET
    valid_to: date | Unset | None = UNSET


class MembershipUseCases(UseCases):
    async def list_memberships(
        self, p: Principal, f: MembershipFilter, page: PageRequest
    ) -> Page[MembershipView]:
        async with self._read(p) as uow:
            return await uow.memberships.list(f, page)

    async def get_membership(self, p: Principal, id: UUID) -> Membership:
        async with self._read(p) as uow:
            return await uow.memberships.get(id)

    async def get_membership_view(self, p: Principal, id: UUID) -> MembershipView:
        """A membership with the names a screen shows (what a list row carries)."""
        async with self._read(p) as uow:
            return await uow.memberships.view(id)

    async def add_membership(
        self,
        p: Principal,
        *,
        body_id: UUID,
        person_id: UUID,
        role: BodyRole,
        valid_from: date | None = None,
        valid_to: date | None = None,
        organisation_id: UUID | None = None,
    ) -> Membership:
        pol.require(pol.can_manage_memberships(p, body_id), "change this body's memberships")
        async with self._open(p) as uow:
            errors = Errors()
            if not await exists(uow.bodies, body_id):
                errors.add("bodyId", "unknown", "No such body in this unit.")
            person = await find(uow.persons, person_id)
            if person is None:
                errors.add("personId", "unknown", "No such person in this unit.")
            if organisation_id is not None and not await exists(uow.organisations, organisation_id):
                errors.add("organisationId", "unknown", "No such organisation in this unit.")
            errors.raise_if_any()
            m = Membership(
                id=uuid4(),
                unit_id=p.unit_id,
                body_id=body_id,
                person_id=person_id,
                role=role,
                valid_from=valid_from or self._clock.today(),
                valid_to=valid_to,
                organisation_id=organisation_id or (person.organisation_id if person else None),
            )
            m.check()
            await check_overlaps(uow, m)
            await uow.memberships.add(m)
            await uow.commit()
        return m

    async def update_membership(
        self,
        p: Principal,
        id: UUID,
        changes: MembershipChanges,
        expected_version: int | None,
    ) -> Membership:
        async with self._open(p) as uow:
            m = await membership_for_change(uow, p, id)
            expected = expect_version(m.version, expected_version)
            new = apply(m, changes)
            new.check()
            if new.organisation_id is not None and not await exists(
                uow.organisations, new.organisation_id
            ):
                raise ValidationFailed.single("organisationId", "unknown", "No such organisation.")
            await check_overlaps(uow, new)
            await uow.memberships.update(new, expected)
            await uow.commit()
        return new

    async def end_membership(
        self, p: Principal, id: UUID, on: date | None, expected_version: int | None
    ) -> Membership:
        """Ending keeps the history (valid_to is set); removing is for entries made by mistake.

        ``valid_to`` is the last day of membership. Without a date the membership ends *now*: its
        last day is yesterday, so a successor (say, a new chair) can start today without overlap.
        """
        today = self._clock.today()
        async with self._open(p) as uow:
            m = await membership_for_change(uow, p, id)
            expected = expect_version(m.version, expected_version)
            if m.valid_to is not None and m.valid_to < today:
                raise AlreadyEnded(
                    "The membership has already ended; correct its dates with an update instead."
                )
            end = on if on is not None else max(today - timedelta(days=1), m.valid_from)
            new = replace(m, valid_to=end, version=m.version + 1)
            new.check()
            await uow.memberships.update(new, expected)
            await uow.commit()
        return new

    async def delete_membership(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._open(p) as uow:
            m = await membership_for_change(uow, p, id)
            expected = expect_version(m.version, expected_version)
            await uow.memberships.delete(id, expected)
            await uow.commit()
