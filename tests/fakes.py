"""In-memory test doubles for the domain's ports (``domain/<context>/ports.py``) and principal builders.

One ``FakeStore`` holds every unit's rows; a ``FakeUnitOfWork`` is bound to one unit and sees only
that unit's rows, so tenant isolation is visible even without PostgreSQL. A unit of work works on a
copy of the store and publishes it on ``commit``; leaving without ``commit`` discards the copy
(the rollback). Repositories follow the Protocols' contracts: ``get`` raises ``NotFound`` (also for
another unit's id), ``update``/``delete`` check ``expected_version`` and raise ``StaleVersion``,
lists page by keyset (``lower(name)``, ``id``) with ``domain.shared.pagination.Cursor``.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar
from uuid import UUID, uuid4

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
from domain.organisation.ports import (
    BodyRepository,
    EstablishmentRepository,
    MembershipRepository,
    OrganisationRepository,
    PersonRepository,
    ReferenceData,
    UnitOfWork,
    UnitOfWorkFactory,
    UnitRepository,
)
from domain.shared.errors import Conflict, NotFound, StaleVersion
from domain.shared.pagination import Cursor, Page, PageRequest
from domain.shared.principal import BodyRole, Principal, PrincipalKind, Role, Scope

T = TypeVar("T")

MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality(number="0301", name="Oslo", county="Oslo", police_district="oslo"),
    Municipality(number="3105", name="Sarpsborg", county="Østfold", police_district="ost"),
    Municipality(number="3201", name="Bærum", county="Akershus", police_district="oslo"),
    Municipality(number="3301", name="Drammen", county="Buskerud", police_district="sor-ost"),
    Municipality(number="4640", name="Sogndal", county="Vestland", police_district="vest"),
    Municipality(number="4644", name="Luster", county="Vestland", police_district="vest"),
)
POLICE_DISTRICTS: tuple[PoliceDistrict, ...] = (
    PoliceDistrict(code="oslo", name="Oslo"),
    PoliceDistrict(code="ost", name="Øst"),
    PoliceDistrict(code="sor-ost", name="Sør-Øst"),
    PoliceDistrict(code="vest", name="Vest"),
)


# -- the store ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Tables:
    """Every unit's rows, keyed by id (establishments by unit id)."""

    units: dict[UUID, SltUnit] = dataclasses.field(default_factory=dict)
    establishments: dict[UUID, Establishment] = dataclasses.field(default_factory=dict)
    organisations: dict[UUID, Organisation] = dataclasses.field(default_factory=dict)
    persons: dict[UUID, Person] = dataclasses.field(default_factory=dict)
    bodies: dict[UUID, Body] = dataclasses.field(default_factory=dict)
    memberships: dict[UUID, Membership] = dataclasses.field(default_factory=dict)

    def copy(self) -> Tables:
        # Entities are frozen dataclasses, so copying the dicts is a full snapshot.
        return Tables(**{f.name: dict(getattr(self, f.name)) for f in dataclasses.fields(self)})


class FakeStore:
    """The shared in-memory 'database' behind every fake unit of work."""

    def __init__(self) -> None:
        self.tables = Tables()
        self.commits = 0
        self.municipalities: list[Municipality] = list(MUNICIPALITIES)
        self.police_districts: list[PoliceDistrict] = list(POLICE_DISTRICTS)

    def seed_unit(
        self,
        *,
        name: str = "SLT Drammen",
        kind: UnitKind = UnitKind.MUNICIPALITY,
        municipality_numbers: tuple[str, ...] = ("3301",),
        police_district: str = "sor-ost",
        oslo_district_number: str | None = None,
    ) -> SltUnit:
        unit = SltUnit(
            id=uuid4(),
            name=name,
            kind=kind,
            municipality_numbers=municipality_numbers,
            police_district=police_district,
            oslo_district_number=oslo_district_number,
        )
        unit.check()
        self.tables.units[unit.id] = unit
        return unit

    def put(self, *items: Any) -> None:
        """Seed rows directly (bypassing use cases), e.g. a membership that ended long ago."""
        for item in items:
            match item:
                case SltUnit():
                    self.tables.units[item.id] = item
                case Establishment():
                    self.tables.establishments[item.unit_id] = item
                case Organisation():
                    self.tables.organisations[item.id] = item
                case Person():
                    self.tables.persons[item.id] = item
                case Body():
                    self.tables.bodies[item.id] = item
                case Membership():
                    self.tables.memberships[item.id] = item
                case _:
                    raise TypeError(f"cannot store {item!r}")


# -- keyset pagination -------------------------------------------------------------------------


def keyset_page(
    items: Iterable[T], sort_key: Callable[[T], str], row_id: Callable[[T], UUID], page: PageRequest
) -> Page[T]:
    """Sort by (sort_key, id), skip past ``page.after``, return ``page.limit`` rows and a cursor."""
    rows = sorted(items, key=lambda x: (sort_key(x), str(row_id(x))))
    total = len(rows)
    if page.after is not None:
        after = (page.after.key, page.after.id)
        rows = [x for x in rows if (sort_key(x), str(row_id(x))) > after]
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    next_cursor = (
        Cursor(key=sort_key(rows[-1]), id=str(row_id(rows[-1]))).encode() if more else None
    )
    return Page(items=rows, total=total, next_cursor=next_cursor)


_SPELLED_OUT = str.maketrans(
    {"æ": "ae", "ß": "ss", "œ": "oe", "ø": "o", "đ": "d", "ł": "l"} | {"ŧ": "t", "ŋ": "n"}
)


def fold(text: str) -> str:
    """What migration 0004's ``samordna_fold`` does: NFKD, no combining marks, lower case, and the
    letters without a decomposition spelled out."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")
    return bare.lower().translate(_SPELLED_OUT)


def _contains(haystack: str | None, needle: str) -> bool:
    return haystack is not None and fold(needle) in fold(haystack)


def _active_on(m: Membership, day: date | None) -> bool:
    return day is None or m.active_on(day)


# -- repositories ------------------------------------------------------------------------------


class FakeEntityRepository(Generic[T]):
    """Shared get/get_many/add/update/delete over one table of the unit of work's copy."""

    table: str
    noun: str

    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    @property
    def _rows(self) -> dict[UUID, Any]:
        rows: dict[UUID, Any] = getattr(self._uow.tables, self.table)
        return rows

    def _mine(self) -> list[T]:
        return [r for r in self._rows.values() if r.unit_id == self.unit_id]

    def _own(self, item: Any) -> None:
        # The domain must never write a row into another unit: fail loudly, in the test.
        assert item.unit_id == self.unit_id, (
            f"{self.noun} of unit {item.unit_id} written via {self.unit_id}"
        )

    async def get(self, id: UUID) -> T:
        row = self._rows.get(id)
        if row is None or row.unit_id != self.unit_id:
            raise NotFound(f"No {self.noun} with id {id}.")
        return row  # type: ignore[no-any-return]

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[T]:
        wanted = set(ids)
        return [r for r in self._mine() if r.id in wanted]  # type: ignore[attr-defined]

    async def add(self, item: T) -> None:
        self._own(item)
        if item.id in self._rows:  # type: ignore[attr-defined]
            raise Conflict(f"A {self.noun} with that id exists.")
        self._rows[item.id] = item  # type: ignore[attr-defined]

    async def update(self, item: T, expected_version: int) -> None:
        self._own(item)
        stored = await self.get(item.id)  # type: ignore[attr-defined]
        if stored.version != expected_version:  # type: ignore[attr-defined]
            raise StaleVersion("Someone else changed this in the meantime.")
        self._rows[item.id] = item  # type: ignore[attr-defined]

    async def delete(self, id: UUID, expected_version: int) -> None:
        stored = await self.get(id)
        if stored.version != expected_version:  # type: ignore[attr-defined]
            raise StaleVersion("Someone else changed this in the meantime.")
        del self._rows[id]


class FakeOrganisationRepository(FakeEntityRepository[Organisation]):
    table = "organisations"
    noun = "organisation"

    async def list(self, f: OrganisationFilter, page: PageRequest) -> Page[Organisation]:
        rows = [
            o
            for o in self._mine()
            if (not f.q or _contains(o.name, f.q))
            and (f.type is None or o.type is f.type)
            and (f.active is None or o.active is f.active)
        ]
        return keyset_page(rows, lambda o: o.name.lower(), lambda o: o.id, page)

    async def in_use(self, id: UUID) -> bool:
        t = self._uow.tables
        return any(
            p.unit_id == self.unit_id and p.organisation_id == id for p in t.persons.values()
        ) or any(
            m.unit_id == self.unit_id and m.organisation_id == id for m in t.memberships.values()
        )


class FakePersonRepository(FakeEntityRepository[Person]):
    table = "persons"
    noun = "person"

    async def list(self, f: PersonFilter, page: PageRequest) -> Page[Person]:
        rows = [
            p
            for p in self._mine()
            if (
                not f.q
                or _contains(p.name, f.q)
                or _contains(p.title, f.q)
                or _contains(p.email, f.q)
            )
            and (f.organisation_id is None or p.organisation_id == f.organisation_id)
            and (f.organisation_type is None or self._org_type(p) is f.organisation_type)
        ]
        return keyset_page(rows, lambda p: p.name.lower(), lambda p: p.id, page)

    def _org_type(self, p: Person) -> OrganisationType | None:
        org = self._uow.tables.organisations.get(p.organisation_id) if p.organisation_id else None
        return org.type if org is not None and org.unit_id == self.unit_id else None

    async def in_use(self, id: UUID) -> bool:
        t = self._uow.tables
        est = t.establishments.get(self.unit_id)
        return any(
            m.unit_id == self.unit_id and m.person_id == id for m in t.memberships.values()
        ) or (est is not None and id in (est.coordinator_person_id, est.police_contact_person_id))


class FakeBodyRepository(FakeEntityRepository[Body]):
    table = "bodies"
    noun = "body"

    async def list(self, f: BodyFilter, page: PageRequest) -> Page[Body]:
        rows = [
            b
            for b in self._mine()
            if (not f.q or _contains(b.name, f.q)) and (f.level is None or b.level is f.level)
        ]
        return keyset_page(rows, lambda b: b.name.lower(), lambda b: b.id, page)

    async def all(self) -> Sequence[Body]:
        return sorted(self._mine(), key=lambda b: (b.name.lower(), str(b.id)))

    async def summaries(self, on: date) -> Sequence[BodySummary]:
        t = self._uow.tables
        out = []
        for b in await self.all():
            current = [
                m
                for m in t.memberships.values()
                if m.unit_id == self.unit_id and m.body_id == b.id and m.active_on(on)
            ]
            chairs = sorted(
                (m for m in current if m.role is BodyRole.CHAIR),
                key=lambda m: m.valid_from,
                reverse=True,
            )
            chair = chairs[0] if chairs else None
            person = t.persons.get(chair.person_id) if chair else None
            out.append(
                BodySummary(
                    body=b,
                    chair_person_id=chair.person_id if chair else None,
                    chair_name=person.name if person else None,
                    member_count=len(current),
                )
            )
        return out


class FakeMembershipRepository(FakeEntityRepository[Membership]):
    table = "memberships"
    noun = "membership"

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


class FakeUnitRepository:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    async def get(self, id: UUID) -> SltUnit:
        unit = self._uow.tables.units.get(id)
        if unit is None or id != self.unit_id:
            raise NotFound("No such SLT unit.")
        return unit

    async def update(self, item: SltUnit, expected_version: int) -> None:
        stored = await self.get(item.id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed the unit in the meantime.")
        self._uow.tables.units[item.id] = item


class FakeEstablishmentRepository:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow
        self.unit_id = uow.unit_id

    async def get(self, unit_id: UUID) -> Establishment | None:
        if unit_id != self.unit_id:
            return None
        return self._uow.tables.establishments.get(unit_id)

    async def save(self, item: Establishment, expected_version: int) -> None:
        assert item.unit_id == self.unit_id, "establishment written into another unit"
        stored = self._uow.tables.establishments.get(self.unit_id)
        stored_version = 0 if stored is None else stored.version
        if stored_version != expected_version:
            raise StaleVersion("Someone else changed the record in the meantime.")
        self._uow.tables.establishments[self.unit_id] = item


class FakeReferenceData:
    def __init__(self, store: FakeStore) -> None:
        self._store = store

    async def municipalities(self) -> Sequence[Municipality]:
        return sorted(self._store.municipalities, key=lambda m: m.number)

    async def municipality(self, number: str) -> Municipality | None:
        return next((m for m in self._store.municipalities if m.number == number), None)

    async def police_districts(self) -> Sequence[PoliceDistrict]:
        return sorted(self._store.police_districts, key=lambda d: d.name)


# -- unit of work ------------------------------------------------------------------------------


class FakeUnitOfWork:
    """One 'transaction' bound to one unit: a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.committed = False
        self.tables = store.tables.copy()
        # Typed as the ports, so mypy checks that every fake keeps its Protocol.
        self.units: UnitRepository = FakeUnitRepository(self)
        self.establishments: EstablishmentRepository = FakeEstablishmentRepository(self)
        self.organisations: OrganisationRepository = FakeOrganisationRepository(self)
        self.persons: PersonRepository = FakePersonRepository(self)
        self.bodies: BodyRepository = FakeBodyRepository(self)
        self.memberships: MembershipRepository = FakeMembershipRepository(self)
        self.reference: ReferenceData = FakeReferenceData(store)

    async def __aenter__(self) -> Self:
        self.tables = self.store.tables.copy()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Without commit the working copy is simply dropped: that is the rollback.
        self.tables = self.store.tables.copy()

    async def commit(self) -> None:
        self.store.tables = self.tables.copy()
        self.store.commits += 1
        self.committed = True


class FakeUnitOfWorkFactory:
    """Hands out units of work over one shared store; remembers which units were opened."""

    def __init__(self, store: FakeStore | None = None) -> None:
        self.store = store or FakeStore()
        self.opened: list[UUID] = []

    def __call__(self, unit_id: UUID) -> FakeUnitOfWork:
        self.opened.append(unit_id)
        return FakeUnitOfWork(self.store, unit_id)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: UnitOfWork = FakeUnitOfWork(FakeStore(), uuid4())
    _factory: UnitOfWorkFactory = FakeUnitOfWorkFactory()


# -- clock -------------------------------------------------------------------------------------


class FakeClock:
    """A clock that stands still until a test moves it."""

    def __init__(self, at: datetime | None = None) -> None:
        self.at = at or datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def today(self) -> date:
        return self.at.date()

    def advance(self, *, days: int = 0, seconds: float = 0) -> None:
        self.at += timedelta(days=days, seconds=seconds)


# -- principals --------------------------------------------------------------------------------


def person(
    unit: UUID,
    *roles: Role,
    body_roles: dict[UUID, BodyRole] | None = None,
    name: str = "Test Person",
    person_id: UUID | None = None,
) -> Principal:
    """A logged-in person of ``unit`` with the given unit roles and body seats (none: no rights)."""
    return Principal(
        kind=PrincipalKind.PERSON,
        subject_key=f"test:{uuid4().hex}",
        unit_id=unit,
        display_name=name,
        roles=frozenset(roles),
        body_roles=dict(body_roles or {}),
        assurance="high",
        person_id=person_id or uuid4(),
    )


def coordinator(unit: UUID) -> Principal:
    return person(unit, Role.COORDINATOR, name="Kari Koordinator")


def unit_admin(unit: UUID) -> Principal:
    return person(unit, Role.UNIT_ADMIN, name="Arne Admin")


def police_contact(unit: UUID) -> Principal:
    return person(unit, Role.POLICE_CONTACT, name="Petter Politikontakt")


def steering_reader(unit: UUID) -> Principal:
    return person(unit, Role.STEERING_READER, name="Stine Styring")


def body_member(unit: UUID, body_id: UUID, role: BodyRole = BodyRole.MEMBER) -> Principal:
    return person(unit, body_roles={body_id: role}, name=f"Body {role.value}")


def machine(unit: UUID, scopes: Iterable[Scope | str] = ()) -> Principal:
    return Principal(
        kind=PrincipalKind.MACHINE,
        subject_key="0192:974760673",
        unit_id=unit,
        display_name="Machine client",
        scopes=frozenset(str(s) for s in scopes),
        client_id="test-client",
    )
