"""Fakes room: the membership repository, its read model joined in memory as the SQL joins it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from uuid import UUID

from domain.organisation.filters import MembershipFilter
from domain.organisation.model import Membership, MembershipView
from domain.shared.pagination import Page, PageRequest
from tests.fakes import rules
from tests.fakes.organisation import FakeEntityRepository
from tests.fakes.paging import keyset_page


def _active_on(m: Membership, day: date | None) -> bool:
    return day is None or m.active_on(day)


class FakeMembershipRepository(FakeEntityRepository[Membership]):
    table = "memberships"
    noun = "membership"

    def _check(self, item: Membership) -> None:
        rules.membership(self._uow.tables, item)

    def _views(self, rows: Iterable[Membership]) -> list[MembershipView]:
        t = self._uow.tables
        views = []
        for m in rows:
            person, body = t.persons.get(m.person_id), t.bodies.get(m.body_id)
            if person is None or body is None:  # inner joins, as in SQL
                continue
            org = t.organisations.get(m.organisation_id) if m.organisation_id else None
            views.append(
                MembershipView(
                    membership=m,
                    person_name=person.name,
                    body_name=body.name,
                    organisation_name=org.name if org else None,
                )
            )
        return views

    async def list(self, f: MembershipFilter, page: PageRequest) -> Page[MembershipView]:
        rows = [
            m
            for m in self._mine()
            if (f.body_id is None or m.body_id == f.body_id)
            and (f.person_id is None or m.person_id == f.person_id)
            and (f.organisation_id is None or m.organisation_id == f.organisation_id)
            and (f.role is None or m.role is f.role)
            and _active_on(m, f.active_on)
        ]
        return keyset_page(
            self._views(rows), lambda v: v.person_name.lower(), lambda v: v.membership.id, page
        )

    async def of_body(self, body_id: UUID) -> Sequence[Membership]:
        return [m for m in self._mine() if m.body_id == body_id]

    async def view(self, id: UUID) -> MembershipView:
        [found] = self._views([await self.get(id)])
        return found

    async def views_of_bodies(
        self, body_ids: Sequence[UUID], active_on: date | None
    ) -> Sequence[MembershipView]:
        wanted = set(body_ids)
        rows = [m for m in self._mine() if m.body_id in wanted and _active_on(m, active_on)]
        return sorted(
            self._views(rows), key=lambda v: (v.person_name.lower(), str(v.membership.id))
        )

    async def all(self) -> Sequence[Membership]:
        return self._mine()
