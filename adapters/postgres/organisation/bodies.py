"""Organisation room: the bodies of a unit on PostgreSQL, and the three-level picture's summaries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from adapters.postgres.organisation import mapping
from adapters.postgres.organisation.base import Statements, VersionedRepository
from adapters.postgres.organisation.sql import Listing, keyset, like, search
from adapters.postgres.organisation.tables import BODY
from domain.organisation.filters import BodyFilter
from domain.organisation.model import Body, BodySummary
from domain.shared.pagination import Page, PageRequest

LISTING = Listing(
    columns=mapping.BODY_COLUMNS, source="body", sort="lower(body.name)", id="body.id"
)
# The SQL below is assembled from constants only; every value is a positional argument.
ALL = (
    f"SELECT {mapping.BODY_COLUMNS} FROM body WHERE body.unit_id = $1"  # noqa: S608
    " ORDER BY lower(body.name)"
)
# Every body with its chair and member count on a day: one statement for the whole picture.
SUMMARIES = f"""
SELECT {mapping.BODY_COLUMNS}, c.person_id AS chair_person_id, c.name AS chair_name,
       (SELECT count(*) FROM membership m
         WHERE m.unit_id = body.unit_id AND m.body_id = body.id
           AND m.valid_from <= $1 AND (m.valid_to IS NULL OR m.valid_to >= $1)
       ) AS member_count
  FROM body
  LEFT JOIN LATERAL (
    SELECT m.person_id, p.name FROM membership m
      JOIN person p ON p.unit_id = m.unit_id AND p.id = m.person_id
     WHERE m.unit_id = body.unit_id AND m.body_id = body.id AND m.role = 'chair'
       AND m.valid_from <= $1 AND (m.valid_to IS NULL OR m.valid_to >= $1)
     ORDER BY m.valid_from DESC LIMIT 1
  ) c ON true
 WHERE body.unit_id = $2
 ORDER BY lower(body.name), body.id
"""  # noqa: S608


class PgBodyRepository(VersionedRepository[Body]):
    writes = Statements(BODY)
    name = "body"
    columns = mapping.BODY_COLUMNS
    noun = "body"
    to_domain = staticmethod(mapping.body)

    async def list(self, f: BodyFilter, page: PageRequest) -> Page[Body]:
        where: list[tuple[str, Any]] = [("body.unit_id = {}", self.unit_id)]
        if f.q:
            where.append((search("body.name"), like(f.q)))
        if f.level is not None:
            where.append(("body.level = {}", f.level.value))
        return await keyset(self.read, LISTING, where, page, mapping.body)

    async def all(self) -> Sequence[Body]:
        return [mapping.body(r) for r in await self.read.rows(ALL, self.unit_id)]

    async def summaries(self, on: date) -> Sequence[BodySummary]:
        return [
            BodySummary(
                body=mapping.body(r),
                chair_person_id=r["chair_person_id"],
                chair_name=r["chair_name"],
                member_count=r["member_count"],
            )
            for r in await self.read.rows(SUMMARIES, on, self.unit_id)
        ]
