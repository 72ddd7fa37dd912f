"""Organisation room: the organisations of a unit on PostgreSQL."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from adapters.postgres.organisation import mapping
from adapters.postgres.organisation.base import Statements, VersionedRepository
from adapters.postgres.organisation.sql import Listing, keyset, like, search
from adapters.postgres.organisation.tables import ORGANISATION
from domain.organisation.filters import OrganisationFilter
from domain.organisation.model import Organisation
from domain.shared.pagination import Page, PageRequest

LISTING = Listing(
    columns=mapping.ORG_COLUMNS,
    source="organisation",
    sort="lower(organisation.name)",
    id="organisation.id",
)
IN_USE = (
    "SELECT EXISTS (SELECT FROM person p WHERE p.unit_id = $1 AND p.organisation_id = $2)"
    " OR EXISTS (SELECT FROM membership m WHERE m.unit_id = $1 AND m.organisation_id = $2)"
)


class PgOrganisationRepository(VersionedRepository[Organisation]):
    writes = Statements(ORGANISATION)
    name = "organisation"
    columns = mapping.ORG_COLUMNS
    noun = "organisation"
    to_domain = staticmethod(mapping.organisation)

    async def list(self, f: OrganisationFilter, page: PageRequest) -> Page[Organisation]:
        where: list[tuple[str, Any]] = [("organisation.unit_id = {}", self.unit_id)]
        if f.q:
            where.append((search("organisation.name"), like(f.q)))
        if f.type is not None:
            where.append(("organisation.type = {}", f.type.value))
        if f.active is not None:
            where.append(("organisation.active = {}", f.active))
        return await keyset(self.read, LISTING, where, page, mapping.organisation)

    async def in_use(self, id: UUID) -> bool:
        return bool(await self.read.value(IN_USE, self.unit_id, id))
