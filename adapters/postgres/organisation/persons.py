"""Organisation room: the persons of a unit on PostgreSQL (staff and representatives)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from adapters.postgres.organisation import mapping
from adapters.postgres.organisation.base import Statements, VersionedRepository
from adapters.postgres.organisation.sql import Listing, keyset, like, search
from adapters.postgres.organisation.tables import PERSON
from domain.organisation.filters import PersonFilter
from domain.organisation.model import Person
from domain.shared.pagination import Page, PageRequest

LISTING = Listing(
    columns=mapping.PERSON_COLUMNS, source="person", sort="lower(person.name)", id="person.id"
)
OF_TYPE = (
    "EXISTS (SELECT FROM organisation o WHERE o.unit_id = person.unit_id"
    " AND o.id = person.organisation_id AND o.type = {})"
)
IN_USE = (
    "SELECT EXISTS (SELECT FROM membership m WHERE m.unit_id = $1 AND m.person_id = $2)"
    " OR EXISTS (SELECT FROM establishment e WHERE e.unit_id = $1"
    " AND (e.coordinator_person_id = $2 OR e.police_contact_person_id = $2))"
    " OR EXISTS (SELECT FROM user_account a WHERE a.unit_id = $1 AND a.person_id = $2)"
)


class PgPersonRepository(VersionedRepository[Person]):
    writes = Statements(PERSON)
    name = "person"
    columns = mapping.PERSON_COLUMNS
    noun = "person"
    to_domain = staticmethod(mapping.person)

    async def list(self, f: PersonFilter, page: PageRequest) -> Page[Person]:
        where: list[tuple[str, Any]] = [("person.unit_id = {}", self.unit_id)]
        if f.q:
            where.append((search("person.name", "person.title", "person.email"), like(f.q)))
        if f.organisation_id is not None:
            where.append(("person.organisation_id = {}", f.organisation_id))
        if f.organisation_type is not None:
            where.append((OF_TYPE, f.organisation_type.value))
        return await keyset(self.read, LISTING, where, page, mapping.person)

    async def in_use(self, id: UUID) -> bool:
        return bool(await self.read.value(IN_USE, self.unit_id, id))
