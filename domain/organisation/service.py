"""Use cases of the SLT organisation. Each method: authorise, open one unit of work, apply rules, commit.

Both front doors (REST, GraphQL) call these and nothing else, so they share rules and authorisation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

from domain.organisation.filters import (
    BodyFilter,
    MembershipFilter,
    OrganisationFilter,
    PersonFilter,
)
from domain.organisation.health import OrganisationHealth, assess
from domain.organisation.model import (
    DEFAULT_MEETING_NORM,
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
)
from domain.organisation.ports import Clock, UnitOfWork, UnitOfWorkFactory
from domain.organisation.roster import Roster, build_roster
from domain.organisation.terms import MembershipTerms, check_overlaps, membership_for_change
from domain.shared import policies as pol
from domain.shared.changes import apply_changes, expect_version
from domain.shared.errors import (
    AlreadyEnded,
    Errors,
    InUse,
    NotFound,
    ValidationFailed,
)
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import BodyRole, Principal

ORG_FIELDS = frozenset({"name", "type", "organisation_number", "municipality_number", "active"})
PERSON_FIELDS = frozenset({"name", "title", "organisation_id", "email", "phone"})
BODY_FIELDS = frozenset({"name", "level", "mandate", "is_politiraad", "meeting_norm_per_year"})
MEMBERSHIP_FIELDS = frozenset({"role", "organisation_id", "valid_from", "valid_to"})
UNIT_FIELDS = frozenset({"name", "language"})
ESTABLISHMENT_FIELDS = frozenset(
    {
        "municipal_decision_date",
        "municipal_decision_ref",
        "police_confirmation_date",
        "police_confirmation_ref",
        "coordinator_person_id",
        "coordinator_fte",
        "police_contact_person_id",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganisationPicture:
    """The three-level picture: every body with chair and member count, grouped top to bottom."""

    unit: SltUnit
    levels: Mapping[Level, Sequence[BodySummary]]


class OrganisationService(MembershipTerms):
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow_factory
        self._clock = clock

    def _open(self, p: Principal) -> UnitOfWork:
        return self._uow(p.unit_id)

    def _read(self, p: Principal) -> UnitOfWork:
        pol.require(pol.can_read_organisation(p), "see this unit's organisation")
        return self._open(p)

    def _write(self, p: Principal) -> UnitOfWork:
        pol.require(pol.can_manage_organisation(p), "change this unit's organisation")
        return self._open(p)

    # -- the unit, reference data, establishment, health, picture ------------------------------

    async def unit(self, p: Principal) -> SltUnit:
        async with self._read(p) as uow:
            return await uow.units.get(p.unit_id)

    async def update_unit(
        self, p: Principal, changes: Mapping[str, Any], expected_version: int | None
    ) -> SltUnit:
        pol.require(pol.can_manage_unit(p), "change the unit record")
        async with self._open(p) as uow:
            unit = await uow.units.get(p.unit_id)
            expected = expect_version(unit.version, expected_version)
            new = apply_changes(unit, changes, UNIT_FIELDS)
            new.check()
            await uow.units.update(new, expected)
            await uow.commit()
        return new

    async def municipalities(self, p: Principal) -> Sequence[Municipality]:
        async with self._read(p) as uow:
            return await uow.reference.municipalities()

    async def police_districts(self, p: Principal) -> Sequence[PoliceDistrict]:
        async with self._read(p) as uow:
            return await uow.reference.police_districts()

    async def establishment(self, p: Principal) -> Establishment:
        async with self._read(p) as uow:
            return await uow.establishments.get(p.unit_id) or Establishment(unit_id=p.unit_id)

    async def update_establishment(
        self, p: Principal, changes: Mapping[str, Any], expected_version: int | None
    ) -> Establishment:
        pol.require(pol.can_manage_establishment(p), "change the establishment record")
        async with self._open(p) as uow:
            current = await uow.establishments.get(p.unit_id) or Establishment(unit_id=p.unit_id)
            expected = expect_version(current.version, expected_version)
            new = apply_changes(current, changes, ESTABLISHMENT_FIELDS)
            new.check(self._clock.today())
            errors = Errors()
            for field, person_id in (
                ("coordinatorPersonId", new.coordinator_person_id),
                ("policeContactPersonId", new.police_contact_person_id),
            ):
                if person_id is not None and not await _exists(uow.persons, person_id):
                    errors.add(field, "unknown", "No such person in this unit.")
            errors.raise_if_any()
            await uow.establishments.save(new, expected)
            await uow.commit()
        return new

    async def health(self, p: Principal) -> OrganisationHealth:
        async with self._read(p) as uow:
            return assess(
                establishment=await uow.establishments.get(p.unit_id),
                bodies=await uow.bodies.all(),
                memberships=await uow.memberships.all(),
                today=self._clock.today(),
            )

    async def picture(self, p: Principal) -> OrganisationPicture:
        async with self._read(p) as uow:
            unit = await uow.units.get(p.unit_id)
            summaries = await uow.bodies.summaries(self._clock.today())
        levels: dict[Level, list[BodySummary]] = {lvl: [] for lvl in Level}
        for s in summaries:
            levels[s.body.level].append(s)
        return OrganisationPicture(unit=unit, levels=levels)

    # -- organisations -------------------------------------------------------------------------

    async def list_organisations(
        self, p: Principal, f: OrganisationFilter, page: PageRequest
    ) -> Page[Organisation]:
        async with self._read(p) as uow:
            return await uow.organisations.list(f, page)

    async def get_organisation(self, p: Principal, id: UUID) -> Organisation:
        async with self._read(p) as uow:
            return await uow.organisations.get(id)

    async def create_organisation(
        self,
        p: Principal,
        *,
        name: str,
        type: OrganisationType,
        organisation_number: str | None = None,
        municipality_number: str | None = None,
        active: bool = True,
    ) -> Organisation:
        org = Organisation(
            id=uuid4(),
            unit_id=p.unit_id,
            name=name.strip(),
            type=type,
            organisation_number=organisation_number or None,
            municipality_number=municipality_number or None,
            active=active,
        )
        uow_ = self._write(p)  # authorise before looking at the input
        org.check()
        async with uow_ as uow:
            await self._check_municipality(uow, org.municipality_number)
            await uow.organisations.add(org)
            await uow.commit()
        return org

    async def update_organisation(
        self, p: Principal, id: UUID, changes: Mapping[str, Any], expected_version: int | None
    ) -> Organisation:
        async with self._write(p) as uow:
            org = await uow.organisations.get(id)
            expected = expect_version(org.version, expected_version)
            new = apply_changes(org, _clean(changes), ORG_FIELDS)
            new.check()
            await self._check_municipality(uow, new.municipality_number)
            await uow.organisations.update(new, expected)
            await uow.commit()
        return new

    async def delete_organisation(
        self, p: Principal, id: UUID, expected_version: int | None
    ) -> None:
        async with self._write(p) as uow:
            org = await uow.organisations.get(id)
            expected = expect_version(org.version, expected_version)
            if await uow.organisations.in_use(id):
                raise InUse(
                    "Persons or memberships still refer to this organisation; mark it inactive instead."
                )
            await uow.organisations.delete(id, expected)
            await uow.commit()

    @staticmethod
    async def _check_municipality(uow: UnitOfWork, number: str | None) -> None:
        if number is None:
            return
        if await uow.reference.municipality(number) is None:
            raise ValidationFailed.single("municipalityNumber", "unknown", "No such municipality.")

    # -- persons -------------------------------------------------------------------------------

    async def list_persons(self, p: Principal, f: PersonFilter, page: PageRequest) -> Page[Person]:
        async with self._read(p) as uow:
            return await uow.persons.list(f, page)

    async def get_person(self, p: Principal, id: UUID) -> Person:
        async with self._read(p) as uow:
            return await uow.persons.get(id)

    async def create_person(
        self,
        p: Principal,
        *,
        name: str,
        title: str | None = None,
        organisation_id: UUID | None = None,
        email: str | None = None,
        phone: str | None = None,
    ) -> Person:
        person = Person(
            id=uuid4(),
            unit_id=p.unit_id,
            name=name.strip(),
            title=title or None,
            organisation_id=organisation_id,
            email=email or None,
            phone=phone or None,
        )
        uow_ = self._write(p)  # authorise before looking at the input
        person.check()
        async with uow_ as uow:
            await _require_ref(uow.organisations, person.organisation_id, "organisationId")
            await uow.persons.add(person)
            await uow.commit()
        return person

    async def update_person(
        self, p: Principal, id: UUID, changes: Mapping[str, Any], expected_version: int | None
    ) -> Person:
        async with self._write(p) as uow:
            person = await uow.persons.get(id)
            expected = expect_version(person.version, expected_version)
            new = apply_changes(person, _clean(changes), PERSON_FIELDS)
            new.check()
            await _require_ref(uow.organisations, new.organisation_id, "organisationId")
            await uow.persons.update(new, expected)
            await uow.commit()
        return new

    async def delete_person(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._write(p) as uow:
            person = await uow.persons.get(id)
            expected = expect_version(person.version, expected_version)
            if await uow.persons.in_use(id):
                raise InUse(
                    "The person holds memberships or a role in the establishment record; end those first."
                )
            await uow.persons.delete(id, expected)
            await uow.commit()

    # -- bodies --------------------------------------------------------------------------------

    async def list_bodies(self, p: Principal, f: BodyFilter, page: PageRequest) -> Page[Body]:
        async with self._read(p) as uow:
            return await uow.bodies.list(f, page)

    async def get_body(self, p: Principal, id: UUID) -> Body:
        async with self._read(p) as uow:
            return await uow.bodies.get(id)

    async def create_body(
        self,
        p: Principal,
        *,
        name: str,
        level: Level,
        mandate: str | None = None,
        is_politiraad: bool = False,
        meeting_norm_per_year: int | None = None,
    ) -> Body:
        body = Body(
            id=uuid4(),
            unit_id=p.unit_id,
            name=name.strip(),
            level=level,
            mandate=mandate or None,
            is_politiraad=is_politiraad,
            meeting_norm_per_year=(
                meeting_norm_per_year
                if meeting_norm_per_year is not None
                else DEFAULT_MEETING_NORM[level]
            ),
        )
        uow_ = self._write(p)  # authorise before looking at the input
        body.check()
        async with uow_ as uow:
            await uow.bodies.add(body)
            await uow.commit()
        return body

    async def update_body(
        self, p: Principal, id: UUID, changes: Mapping[str, Any], expected_version: int | None
    ) -> Body:
        async with self._write(p) as uow:
            body = await uow.bodies.get(id)
            expected = expect_version(body.version, expected_version)
            new = apply_changes(body, _clean(changes), BODY_FIELDS)
            new.check()
            await uow.bodies.update(new, expected)
            await uow.commit()
        return new

    async def delete_body(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._write(p) as uow:
            body = await uow.bodies.get(id)
            expected = expect_version(body.version, expected_version)
            if await uow.memberships.of_body(id):
                raise InUse("The body has memberships; end and remove them first.")
            await uow.bodies.delete(id, expected)
            await uow.commit()

    # -- memberships ---------------------------------------------------------------------------

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
            if not await _exists(uow.bodies, body_id):
                errors.add("bodyId", "unknown", "No such body in this unit.")
            person = await _find(uow.persons, person_id)
            if person is None:
                errors.add("personId", "unknown", "No such person in this unit.")
            if organisation_id is not None and not await _exists(
                uow.organisations, organisation_id
            ):
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
        self, p: Principal, id: UUID, changes: Mapping[str, Any], expected_version: int | None
    ) -> Membership:
        async with self._open(p) as uow:
            m = await membership_for_change(uow, p, id)
            expected = expect_version(m.version, expected_version)
            new = apply_changes(m, changes, MEMBERSHIP_FIELDS)
            new.check()
            if new.organisation_id is not None and not await _exists(
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

    # -- batch reads (one query for many ids; the GraphQL DataLoaders use these) -----------------

    async def organisations_by_id(
        self, p: Principal, ids: Sequence[UUID]
    ) -> dict[UUID, Organisation]:
        async with self._read(p) as uow:
            return {o.id: o for o in await uow.organisations.get_many(ids)}

    async def persons_by_id(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, Person]:
        async with self._read(p) as uow:
            return {x.id: x for x in await uow.persons.get_many(ids)}

    async def bodies_by_id(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, Body]:
        async with self._read(p) as uow:
            return {x.id: x for x in await uow.bodies.get_many(ids)}

    async def roster(self, p: Principal, body_id: UUID) -> Roster:
        """A body's members today with their contact details (contact list, member exports)."""
        async with self._read(p) as uow:
            body = await uow.bodies.get(body_id)
            views = await uow.memberships.views_of_bodies([body_id], self._clock.today())
            people = await uow.persons.get_many([v.membership.person_id for v in views])
        return build_roster(body, views, {x.id: x for x in people})

    async def memberships_of_bodies(
        self, p: Principal, body_ids: Sequence[UUID], active_on: date | None
    ) -> dict[UUID, list[MembershipView]]:
        async with self._read(p) as uow:
            views = await uow.memberships.views_of_bodies(body_ids, active_on)
        out: dict[UUID, list[MembershipView]] = {b: [] for b in body_ids}
        for v in views:
            out[v.membership.body_id].append(v)
        return out


def _clean(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Updates normalise text like creates do: names trimmed, blank optional text becomes None."""
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
            if not value and key != "name":
                value = None
        out[key] = value
    return out


async def _find(repo: Any, id: UUID) -> Any:
    try:
        return await repo.get(id)
    except NotFound:
        return None


async def _exists(repo: Any, id: UUID) -> bool:
    return await _find(repo, id) is not None


async def _require_ref(repo: Any, id: UUID | None, field: str) -> None:
    if id is not None and not await _exists(repo, id):
        raise ValidationFailed.single(field, "unknown", "No such record in this unit.")
