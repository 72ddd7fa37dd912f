"""Dated membership changes: a role changes from a given day and the chair is handed over, history kept.

A term is one membership row: one person, one role, one period. A change never rewrites a term;
it ends the current one the day before the change and starts the next one on that day, in one
unit of work, so "who chaired before" stays answerable.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import UUID, uuid4

from domain.organisation.base import UseCases
from domain.organisation.model import Membership
from domain.organisation.ports import UnitOfWork
from domain.shared import policies as pol
from domain.shared.changes import expect_version
from domain.shared.errors import ChairOverlap, MembershipOverlap, NotFound, ValidationFailed
from domain.shared.principal import BodyRole, Principal

CHAIR_TAKEN = "The body already has a chair in that period; hand over the chair instead."


async def membership_for_change(uow: UnitOfWork, p: Principal, id: UUID) -> Membership:
    """The membership ``id``, once the principal may change its body's memberships."""
    # Authorise before revealing anything: a reader who may not edit learns nothing from a 404/403
    # split beyond what reading already allows, and an outsider never reaches this unit's rows.
    pol.require(pol.can_read_organisation(p), "see this unit's organisation")
    m = await uow.memberships.get(id)
    pol.require(pol.can_manage_memberships(p, m.body_id), "change this body's memberships")
    return m


async def check_overlaps(uow: UnitOfWork, m: Membership) -> None:
    """The friendly check of the rules the exclusion constraints guarantee (ADR 0007)."""
    others = [o for o in await uow.memberships.of_body(m.body_id) if o.id != m.id]
    if any(o.person_id == m.person_id and o.overlaps(m) for o in others):
        raise MembershipOverlap("The person is already a member of this body in that period.")
    if m.role is BodyRole.CHAIR and any(o.role is BodyRole.CHAIR and o.overlaps(m) for o in others):
        raise ChairOverlap(CHAIR_TAKEN)


def _successor(m: Membership, role: BodyRole, on: date) -> tuple[Membership, Membership]:
    """``m`` ended the day before ``on``, and the term that follows it in ``role`` from ``on``."""
    ended = replace(m, valid_to=on - timedelta(days=1), version=m.version + 1)
    following = replace(m, id=uuid4(), role=role, valid_from=on, version=1)
    ended.check()
    following.check()
    return ended, following


def _within(m: Membership, on: date, field: str) -> None:
    if not m.active_on(on):
        raise ValidationFailed.single(
            field, "outside-term", "The change must fall within the current term."
        )


class MembershipTerms(UseCases):
    """The dated membership use cases, composed into ``OrganisationService``."""

    async def change_role(
        self, p: Principal, id: UUID, role: BodyRole, on: date | None, expected_version: int | None
    ) -> Membership:
        """From ``on`` (default today) the person holds ``role``: the current term ends the day
        before and a new one starts, keeping organisation and end date. A term that starts that
        very day has no history yet, so its role is simply corrected."""
        day = on or self._clock.today()
        async with self._open(p) as uow:
            m = await membership_for_change(uow, p, id)
            expect_version(m.version, expected_version)
            if role is m.role:
                raise ValidationFailed.single(
                    "role", "unchanged", "The person already has that role."
                )
            _within(m, day, "on")
            if day == m.valid_from:
                corrected = replace(m, role=role, version=m.version + 1)
                await check_overlaps(uow, corrected)
                await uow.memberships.update(corrected, m.version)
                await uow.commit()
                return corrected
            ended, following = _successor(m, role, day)
            # The constraints are checked row by row: the old term ends before the new one starts.
            await uow.memberships.update(ended, m.version)
            await check_overlaps(uow, following)
            await uow.memberships.add(following)
            await uow.commit()
        return following

    async def hand_over_chair(
        self,
        p: Principal,
        body_id: UUID,
        person_id: UUID,
        on: date | None,
        previous_chair_role: BodyRole | None = BodyRole.MEMBER,
    ) -> Membership:
        """One transaction: the current chair's chair term ends the day before ``on`` (and, when
        ``previous_chair_role`` is given, they go on in that role); ``person_id`` chairs from ``on``
        — their current term, if any, ends the day before, so their earlier role stays on record."""
        pol.require(pol.can_manage_memberships(p, body_id), "change this body's memberships")
        day = on or self._clock.today()
        if previous_chair_role is BodyRole.CHAIR:
            raise ValidationFailed.single(
                "previousChairRole", "invalid", "The previous chair cannot stay chair."
            )
        async with self._open(p) as uow:
            await uow.bodies.get(body_id)  # NotFound for another unit's body
            try:
                person = await uow.persons.get(person_id)
            except NotFound:
                raise ValidationFailed.single(
                    "personId", "unknown", "No such person in this unit."
                ) from None
            terms = [m for m in await uow.memberships.of_body(body_id) if m.active_on(day)]
            chair = next((m for m in terms if m.role is BodyRole.CHAIR), None)
            current = next((m for m in terms if m.person_id == person_id), None)
            if chair is not None and chair.person_id == person_id:
                raise ValidationFailed.single("personId", "unchanged", "The person already chairs.")
            if chair is not None:
                await self._end_chair(uow, chair, day, previous_chair_role)
            if current is not None and current.valid_from == day:
                new = replace(current, role=BodyRole.CHAIR, version=current.version + 1)
                await check_overlaps(uow, new)
                await uow.memberships.update(new, current.version)
            elif current is not None:
                ended, new = _successor(current, BodyRole.CHAIR, day)
                await uow.memberships.update(ended, current.version)
                await check_overlaps(uow, new)
                await uow.memberships.add(new)
            else:
                new = Membership(
                    id=uuid4(),
                    unit_id=p.unit_id,
                    body_id=body_id,
                    person_id=person_id,
                    role=BodyRole.CHAIR,
                    valid_from=day,
                    organisation_id=person.organisation_id,
                )
                await check_overlaps(uow, new)
                await uow.memberships.add(new)
            await uow.commit()
        return new

    @staticmethod
    async def _end_chair(
        uow: UnitOfWork, chair: Membership, day: date, then: BodyRole | None
    ) -> None:
        if chair.valid_from == day:
            raise ValidationFailed.single(
                "on",
                "outside-term",
                "The current chair's term starts that day; correct or remove it instead.",
            )
        ended, following = _successor(chair, then or BodyRole.MEMBER, day)
        await uow.memberships.update(ended, chair.version)
        if then is not None:
            await check_overlaps(uow, following)
            await uow.memberships.add(following)
