"""REST: the unit itself, its establishment record, organisation health, the three-level picture,
and reference data."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.rest.deps import IfMatchDep, PrincipalDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.organisation.deps import ServiceDep
from api.rest.organisation.dtos.unit import (
    EstablishmentRead,
    EstablishmentUpdate,
    HealthRead,
    MunicipalityRead,
    PictureRead,
    PoliceDistrictRead,
    UnitRead,
    UnitUpdate,
)
from domain.organisation.units import EstablishmentChanges, UnitChanges

router = APIRouter(prefix="/api")


@router.get("/unit", tags=["unit"], operation_id="unit-get", responses=READ_ERRORS)
async def get_unit(p: PrincipalDep, svc: ServiceDep, response: Response) -> UnitRead:
    """The caller's SLT unit."""
    unit = await svc.unit(p)
    set_etag(response, unit.version)
    return UnitRead.from_domain(unit)


@router.patch("/unit", tags=["unit"], operation_id="unit-update", responses=WRITE_ERRORS)
async def update_unit(
    body: UnitUpdate, p: PrincipalDep, svc: ServiceDep, version: IfMatchDep, response: Response
) -> UnitRead:
    """Change the unit's name or written language (unit admin only)."""
    unit = await svc.update_unit(p, UnitChanges.from_mapping(body.changes()), version)
    set_etag(response, unit.version)
    return UnitRead.from_domain(unit)


@router.get(
    "/unit/establishment", tags=["unit"], operation_id="unit-establishment", responses=READ_ERRORS
)
async def get_establishment(
    p: PrincipalDep, svc: ServiceDep, response: Response
) -> EstablishmentRead:
    """The establishment record: municipal decision, police confirmation, coordinator, police contact."""
    est = await svc.establishment(p)
    set_etag(response, est.version)
    return EstablishmentRead.from_domain(est)


@router.patch(
    "/unit/establishment",
    tags=["unit"],
    operation_id="unit-updateEstablishment",
    responses=WRITE_ERRORS,
)
async def update_establishment(
    body: EstablishmentUpdate,
    p: PrincipalDep,
    svc: ServiceDep,
    version: IfMatchDep,
    response: Response,
) -> EstablishmentRead:
    """Record or correct the establishment. Send If-Match "0" the first time."""
    est = await svc.update_establishment(
        p, EstablishmentChanges.from_mapping(body.changes()), version
    )
    set_etag(response, est.version)
    return EstablishmentRead.from_domain(est)


@router.get("/unit/health", tags=["unit"], operation_id="unit-health", responses=READ_ERRORS)
async def get_health(p: PrincipalDep, svc: ServiceDep) -> HealthRead:
    """Organisation health: each requirement of the SLT model, met or not, and what ends soon."""
    return HealthRead.from_domain(await svc.health(p))


@router.get("/unit/picture", tags=["unit"], operation_id="unit-picture", responses=READ_ERRORS)
async def get_picture(p: PrincipalDep, svc: ServiceDep) -> PictureRead:
    """The three-level picture: every body with chair, member count and meeting norm."""
    return PictureRead.from_domain(await svc.picture(p))


@router.get(
    "/reference/municipalities",
    tags=["reference"],
    operation_id="reference-municipalities",
    responses=READ_ERRORS,
)
async def municipalities(p: PrincipalDep, svc: ServiceDep) -> list[MunicipalityRead]:
    """Norway's municipalities with their official numbers and police districts."""
    return [MunicipalityRead.from_domain(x) for x in await svc.municipalities(p)]


@router.get(
    "/reference/police-districts",
    tags=["reference"],
    operation_id="reference-policeDistricts",
    responses=READ_ERRORS,
)
async def police_districts(p: PrincipalDep, svc: ServiceDep) -> list[PoliceDistrictRead]:
    """Norway's twelve police districts."""
    return [PoliceDistrictRead.from_domain(x) for x in await svc.police_districts(p)]
