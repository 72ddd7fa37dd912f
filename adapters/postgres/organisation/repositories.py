"""Repositories: SQL in, domain objects out. Reads map Core rows straight to domain dataclasses
(no ORM object loading on hot paths); writes go through the SQLModel tables. Every statement also
filters on the unit, and row-level security enforces it a second time."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any, Generic, TypeVar
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.postgres import tables as t
from adapters.postgres.constraints import WRITE_ATTEMPTS, domain_error, is_deadlock
from domain.organisation.filters import (
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.model import (
    Body,
    BodySummary,
    Establishment,
    Level,
    Membership,
    MembershipView,
    Municipality,
    Organisation,
    OrganisationType,
    Person,
    PoliceDistrict,
    SltUnit,
    UnitKind,
)
from domain.shared.errors import NotFound, StaleVersion, ValidationFailed
from domain.shared.pagination import Cursor, Page, PageRequest
from domain.shared.principal import BodyRole

T = TypeVar("T")


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search(q: str, *columns: Any) -> sa.ColumnElement[bool]:
    """``q`` occurs in one of ``columns``, ignoring case and diacritics (migration 0004's
    ``samordna_fold``; folding leaves the pattern's ``%`` and escapes alone)."""
    pattern = sa.func.samordna_fold(_like(q))
    return sa.or_(*(sa.func.samordna_fold(c).like(pattern) for c in columns))


class _Repo(Generic[T]):
    """Shared get/add/update/delete for a versioned, unit-owned table with ``id``."""

    table: sa.Table
    noun: str

    def __init__(self, session: AsyncSession, unit_id: UUID) -> None:
        self.s = session
        self.unit_id = unit_id

    @staticmethod
    def to_domain(row: Mapping[str, Any]) -> T:
        raise NotImplementedError

    def to_values(self, item: T) -> dict[str, Any]:
        values = asdict(item)  # type: ignore[call-overload]
        return {k: (v.value if hasattr(v, "value") else v) for k, v in values.items()}

    @property
    def c(self) -> Any:
        return self.table.c

    async def get(self, id: UUID) -> T:
        row = (
            (
                await self.s.execute(
                    sa.select(self.table).where(self.c.unit_id == self.unit_id, self.c.id == id)
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            raise NotFound(f"No {self.noun} with id {id}.")
        return self.to_domain(row)

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[T]:
        q = sa.select(self.table).where(self.c.unit_id == self.unit_id, self.c.id.in_(list(ids)))
        return [self.to_domain(r) for r in (await self.s.execute(q)).mappings()]

    async def _write(self, statement: Any, *, deleting: bool = False) -> Any:
        """One write in its own savepoint, so a refused one leaves the transaction usable; a
        violated constraint becomes the domain error of its rule (see ``constraints``)."""
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                async with self.s.begin_nested():
                    return await self.s.execute(statement)
            except IntegrityError as exc:
                raise domain_error(exc, deleting=deleting) from None
            except DBAPIError as exc:
                if attempt == WRITE_ATTEMPTS or not is_deadlock(exc):
                    raise
        raise AssertionError("unreachable")

    async def add(self, item: T) -> None:
        await self._write(sa.insert(self.table).values(**self.to_values(item)))

    async def update(self, item: T, expected_version: int) -> None:
        values = self.to_values(item)
        id_ = values.pop("id")
        values.pop("unit_id", None)
        result = await self._write(
            sa.update(self.table)
            .where(
                self.c.unit_id == self.unit_id,
                self.c.id == id_,
                self.c.version == expected_version,
            )
            .values(**values, updated_at=sa.func.now())
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            await self.get(id_)  # NotFound if gone
            raise StaleVersion("Someone else changed this in the meantime. Reload and try again.")

    async def delete(self, id: UUID, expected_version: int) -> None:
        result = await self._write(
            sa.delete(self.table).where(
                self.c.unit_id == self.unit_id,
                self.c.id == id,
                self.c.version == expected_version,
            ),
            deleting=True,
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            await self.get(id)
            raise StaleVersion("Someone else changed this in the meantime. Reload and try again.")

    async def _page(
        self,
        query: sa.Select[Any],
        sort_key: sa.ColumnElement[Any],
        id_col: sa.ColumnElement[Any],
        page: PageRequest,
        to: Callable[[Mapping[str, Any]], Any],
    ) -> Page[Any]:
        total = (
            await self.s.execute(sa.select(sa.func.count()).select_from(query.subquery()))
        ).scalar_one()
        if page.after is not None:
            try:
                after_id = UUID(page.after.id)
            except ValueError:
                raise ValidationFailed.single(
                    "cursor", "invalid", "The cursor is not valid."
                ) from None
            query = query.where(
                sa.tuple_(sort_key, id_col)
                > sa.tuple_(sa.literal(page.after.key), sa.literal(after_id))
            )
        query = (
            query.add_columns(sort_key.label("_sort"))
            .order_by(sort_key, id_col)
            .limit(page.limit + 1)
        )
        rows = (await self.s.execute(query)).mappings().all()
        more = len(rows) > page.limit
        rows = rows[: page.limit]
        next_cursor = (
            Cursor(key=rows[-1]["_sort"], id=str(rows[-1]["id"])).encode() if more else None
        )
        return Page(items=[to(r) for r in rows], total=total, next_cursor=next_cursor)


def _org(row: Mapping[str, Any]) -> Organisation:
    return Organisation(
        id=row["id"],
        unit_id=row["unit_id"],
        name=row["name"],
        type=OrganisationType(row["type"]),
        organisation_number=row["organisation_number"],
        municipality_number=row["municipality_number"],
        active=row["active"],
        version=row["version"],
    )


def _person(row: Mapping[str, Any]) -> Person:
    return Person(
        id=row["id"],
        unit_id=row["unit_id"],
        name=row["name"],
        title=row["title"],
        organisation_id=row["organisation_id"],
        email=row["email"],
        phone=row["phone"],
        version=row["version"],
    )


def _body(row: Mapping[str, Any]) -> Body:
    return Body(
        id=row["id"],
        unit_id=row["unit_id"],
        name=row["name"],
        level=Level(row["level"]),
        mandate=row["mandate"],
        is_politiraad=row["is_politiraad"],
        meeting_norm_per_year=row["meeting_norm_per_year"],
        version=row["version"],
    )


def _membership(row: Mapping[str, Any]) -> Membership:
    return Membership(
        id=row["id"],
        unit_id=row["unit_id"],
        body_id=row["body_id"],
        person_id=row["person_id"],
        role=BodyRole(row["role"]),
        organisation_id=row["organisation_id"],
        valid_from=row["valid_from"],
        valid_to=row["valid_to"],
        version=row["version"],
    )


def _view(r: Mapping[str, Any]) -> MembershipView:
    return MembershipView(
        membership=_membership(r),
        person_name=r["person_name"],
        body_name=r["body_name"],
        organisation_name=r["organisation_name"],
    )


class PgOrganisationRepository(_Repo[Organisation]):
    table = t.OrganisationRow.__table__  # type: ignore[assignment]
    noun = "organisation"
    to_domain = staticmethod(_org)

    async def list(self, f: OrganisationFilter, page: PageRequest) -> Page[Organisation]:
        q = sa.select(self.table).where(self.c.unit_id == self.unit_id)
        if f.q:
            q = q.where(_search(f.q, self.c.name))
        if f.type is not None:
            q = q.where(self.c.type == f.type.value)
        if f.active is not None:
            q = q.where(self.c.active == f.active)
        return await self._page(q, sa.func.lower(self.c.name), self.c.id, page, _org)

    async def in_use(self, id: UUID) -> bool:
        p, m = t.PersonRow.__table__.c, t.MembershipRow.__table__.c  # type: ignore[attr-defined]
        q = sa.select(
            sa.exists().where(p.unit_id == self.unit_id, p.organisation_id == id)
            | sa.exists().where(m.unit_id == self.unit_id, m.organisation_id == id)
        )
        return bool((await self.s.execute(q)).scalar_one())


class PgPersonRepository(_Repo[Person]):
    table = t.PersonRow.__table__  # type: ignore[assignment]
    noun = "person"
    to_domain = staticmethod(_person)

    async def list(self, f: PersonFilter, page: PageRequest) -> Page[Person]:
        q = sa.select(self.table).where(self.c.unit_id == self.unit_id)
        if f.q:
            q = q.where(_search(f.q, self.c.name, self.c.title, self.c.email))
        if f.organisation_id is not None:
            q = q.where(self.c.organisation_id == f.organisation_id)
        if f.organisation_type is not None:
            o = t.OrganisationRow.__table__.c  # type: ignore[attr-defined]
            q = q.where(
                sa.exists().where(
                    o.unit_id == self.unit_id,
                    o.id == self.c.organisation_id,
                    o.type == f.organisation_type.value,
                )
            )
        return await self._page(q, sa.func.lower(self.c.name), self.c.id, page, _person)

    async def in_use(self, id: UUID) -> bool:
        m, e = t.MembershipRow.__table__.c, t.EstablishmentRow.__table__.c  # type: ignore[attr-defined]
        a = t.UserAccountRow.__table__.c  # type: ignore[attr-defined]
        q = sa.select(
            sa.exists().where(m.unit_id == self.unit_id, m.person_id == id)
            | sa.exists().where(
                e.unit_id == self.unit_id,
                (e.coordinator_person_id == id) | (e.police_contact_person_id == id),
            )
            | sa.exists().where(a.unit_id == self.unit_id, a.person_id == id)
        )
        return bool((await self.s.execute(q)).scalar_one())


class PgBodyRepository(_Repo[Body]):
    table = t.BodyRow.__table__  # type: ignore[assignment]
    noun = "body"
    to_domain = staticmethod(_body)

    async def list(self, f: BodyFilter, page: PageRequest) -> Page[Body]:
        q = sa.select(self.table).where(self.c.unit_id == self.unit_id)
        if f.q:
            q = q.where(_search(f.q, self.c.name))
        if f.level is not None:
            q = q.where(self.c.level == f.level.value)
        return await self._page(q, sa.func.lower(self.c.name), self.c.id, page, _body)

    async def all(self) -> Sequence[Body]:
        q = (
            sa.select(self.table)
            .where(self.c.unit_id == self.unit_id)
            .order_by(sa.func.lower(self.c.name))
        )
        return [_body(r) for r in (await self.s.execute(q)).mappings()]

    async def summaries(self, on: date) -> Sequence[BodySummary]:
        rows = (
            await self.s.execute(
                sa.text(
                    """
                    SELECT b.*, c.person_id AS chair_person_id, c.name AS chair_name,
                           (SELECT count(*) FROM membership m
                             WHERE m.unit_id = b.unit_id AND m.body_id = b.id
                               AND m.valid_from <= :on AND (m.valid_to IS NULL OR m.valid_to >= :on)
                           ) AS member_count
                      FROM body b
                      LEFT JOIN LATERAL (
                        SELECT m.person_id, p.name FROM membership m
                          JOIN person p ON p.unit_id = m.unit_id AND p.id = m.person_id
                         WHERE m.unit_id = b.unit_id AND m.body_id = b.id AND m.role = 'chair'
                           AND m.valid_from <= :on AND (m.valid_to IS NULL OR m.valid_to >= :on)
                         ORDER BY m.valid_from DESC LIMIT 1
                      ) c ON true
                     WHERE b.unit_id = :unit
                     ORDER BY lower(b.name), b.id
                    """
                ),
                {"on": on, "unit": self.unit_id},
            )
        ).mappings()
        return [
            BodySummary(
                body=_body(r),
                chair_person_id=r["chair_person_id"],
                chair_name=r["chair_name"],
                member_count=r["member_count"],
            )
            for r in rows
        ]


class PgMembershipRepository(_Repo[Membership]):
    table = t.MembershipRow.__table__  # type: ignore[assignment]
    noun = "membership"
    to_domain = staticmethod(_membership)

    async def list(self, f: MembershipFilter, page: PageRequest) -> Page[MembershipView]:
        q, sort_key = self._views(f)
        return await self._page(q, sort_key, self.c.id, page, _view)

    async def views_of_bodies(
        self, body_ids: Sequence[UUID], active_on: date | None
    ) -> Sequence[MembershipView]:
        q, sort_key = self._views(MembershipFilter(active_on=active_on))
        q = q.where(self.c.body_id.in_(list(body_ids))).order_by(sort_key, self.c.id)
        return [_view(r) for r in (await self.s.execute(q)).mappings()]

    async def view(self, id: UUID) -> MembershipView:
        q, _ = self._views(MembershipFilter())
        row = (await self.s.execute(q.where(self.c.id == id))).mappings().first()
        if row is None:
            raise NotFound(f"No membership with id {id}.")
        return _view(row)

    def _views(self, f: MembershipFilter) -> tuple[sa.Select[Any], sa.ColumnElement[Any]]:
        m = self.c
        p = t.PersonRow.__table__.c  # type: ignore[attr-defined]
        b = t.BodyRow.__table__.c  # type: ignore[attr-defined]
        o = t.OrganisationRow.__table__.c  # type: ignore[attr-defined]
        q = (
            sa.select(
                self.table,
                p.name.label("person_name"),
                b.name.label("body_name"),
                o.name.label("organisation_name"),
            )
            .join_from(
                self.table, t.PersonRow.__table__, (p.unit_id == m.unit_id) & (p.id == m.person_id)
            )  # type: ignore[arg-type]
            .join(t.BodyRow.__table__, (b.unit_id == m.unit_id) & (b.id == m.body_id))  # type: ignore[arg-type]
            .outerjoin(
                t.OrganisationRow.__table__,  # type: ignore[arg-type]
                (o.unit_id == m.unit_id) & (o.id == m.organisation_id),
            )
            .where(m.unit_id == self.unit_id)
        )
        if f.body_id is not None:
            q = q.where(m.body_id == f.body_id)
        if f.person_id is not None:
            q = q.where(m.person_id == f.person_id)
        if f.organisation_id is not None:
            q = q.where(m.organisation_id == f.organisation_id)
        if f.role is not None:
            q = q.where(m.role == f.role.value)
        if f.active_on is not None:
            q = q.where(
                m.valid_from <= f.active_on, (m.valid_to.is_(None)) | (m.valid_to >= f.active_on)
            )
        return q, sa.func.lower(p.name)

    async def of_body(self, body_id: UUID) -> Sequence[Membership]:
        q = sa.select(self.table).where(self.c.unit_id == self.unit_id, self.c.body_id == body_id)
        return [_membership(r) for r in (await self.s.execute(q)).mappings()]

    async def all(self) -> Sequence[Membership]:
        q = sa.select(self.table).where(self.c.unit_id == self.unit_id)
        return [_membership(r) for r in (await self.s.execute(q)).mappings()]


class PgUnitRepository:
    def __init__(self, session: AsyncSession, unit_id: UUID) -> None:
        self.s = session
        self.unit_id = unit_id

    async def get(self, id: UUID) -> SltUnit:
        row = (
            (
                await self.s.execute(
                    sa.text(
                        """
                        SELECT u.*, coalesce(array_agg(um.municipality_number ORDER BY um.position)
                                    FILTER (WHERE um.municipality_number IS NOT NULL), '{}') AS munis
                          FROM slt_unit u
                          LEFT JOIN slt_unit_municipality um ON um.unit_id = u.id
                         WHERE u.id = :id AND u.id = :unit
                         GROUP BY u.id
                        """
                    ),
                    {"id": id, "unit": self.unit_id},
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            raise NotFound("No such SLT unit.")
        return SltUnit(
            id=row["id"],
            name=row["name"],
            kind=UnitKind(row["kind"]),
            municipality_numbers=tuple(row["munis"]),
            police_district=row["police_district"],
            oslo_district_number=row["oslo_district_number"],
            language=row["language"],
            version=row["version"],
        )

    async def update(self, item: SltUnit, expected_version: int) -> None:
        u = t.SltUnitRow.__table__.c  # type: ignore[attr-defined]
        result = await self.s.execute(
            sa.update(t.SltUnitRow.__table__)  # type: ignore[arg-type]
            .where(u.id == self.unit_id, u.id == item.id, u.version == expected_version)
            .values(
                name=item.name,
                language=item.language,
                version=item.version,
                updated_at=sa.func.now(),
            )
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise StaleVersion(
                "Someone else changed the unit in the meantime. Reload and try again."
            )


class PgEstablishmentRepository:
    def __init__(self, session: AsyncSession, unit_id: UUID) -> None:
        self.s = session
        self.unit_id = unit_id
        self.table = t.EstablishmentRow.__table__  # type: ignore[attr-defined]

    async def get(self, unit_id: UUID) -> Establishment | None:
        c = self.table.c
        row = (
            (
                await self.s.execute(
                    sa.select(self.table).where(c.unit_id == self.unit_id, c.unit_id == unit_id)
                )
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        return Establishment(**{k: row[k] for k in row if k != "updated_at"})

    async def save(self, item: Establishment, expected_version: int) -> None:
        values = asdict(item)
        c = self.table.c
        try:
            async with self.s.begin_nested():
                if expected_version == 0:
                    await self.s.execute(sa.insert(self.table).values(**values))
                    return
                result = await self.s.execute(
                    sa.update(self.table)
                    .where(c.unit_id == self.unit_id, c.version == expected_version)
                    .values(**values, updated_at=sa.func.now())
                )
        except IntegrityError as exc:
            raise (
                StaleVersion("The record was created in the meantime.")
                if expected_version == 0
                else domain_error(exc)
            ) from None
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise StaleVersion(
                "Someone else changed the record in the meantime. Reload and try again."
            )


class PgReferenceData:
    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    async def municipalities(self) -> Sequence[Municipality]:
        rows = (
            await self.s.execute(sa.text("SELECT * FROM municipality ORDER BY number"))
        ).mappings()
        return [Municipality(**r) for r in rows]

    async def municipality(self, number: str) -> Municipality | None:
        row = (
            (
                await self.s.execute(
                    sa.text("SELECT * FROM municipality WHERE number = :n"), {"n": number}
                )
            )
            .mappings()
            .first()
        )
        return Municipality(**row) if row else None

    async def police_districts(self) -> Sequence[PoliceDistrict]:
        rows = (
            await self.s.execute(sa.text("SELECT * FROM police_district ORDER BY name"))
        ).mappings()
        return [PoliceDistrict(**r) for r in rows]
