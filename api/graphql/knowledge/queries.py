"""GraphQL knowledge room: the reads — indicators, areas, observations, the picture, the import
kinds and jobs (every person of the unit; jobs also for machines that import)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from api.graphql.knowledge.types import (
    Area,
    ImportColumn,
    ImportJob,
    ImportKindSpec,
    Indicator,
    Observation,
    SituationalPicture,
)
from api.graphql.shared.mapping import from_domain
from api.graphql.shared.pages import Page, page_of
from api.graphql.shared.resolvers import I, page_request
from domain.knowledge import limits, policies
from domain.knowledge.filters import IndicatorFilter, ObservationFilter, PictureQuery
from domain.knowledge.periods import Period
from domain.knowledge.service import KnowledgeService
from domain.shared.errors import Errors
from domain.shared.policies import require
from domain.shared.validation import CONTROL_CHARACTERS, CONTROL_MESSAGE, plain

CODES_MAX = 50


def svc(info: I) -> KnowledgeService:
    return info.context.services.knowledge  # type: ignore[no-any-return]


def _texts(errors: Errors, name: str, values: list[str] | None, most: int) -> tuple[str, ...]:
    """Codes as arguments: bounded and plain, as REST's query parameters."""
    values = values or []
    if len(values) > CODES_MAX:
        errors.add(name, "too-long", "Too many codes.", {"max": CODES_MAX})
    for v in values:
        if len(v) > most:
            errors.add(name, "too-long", "Too long.", {"max": most})
        elif not plain(v):
            errors.add(name, CONTROL_CHARACTERS, CONTROL_MESSAGE)
    return tuple(values)


def _one(errors: Errors, name: str, value: str | None, most: int = limits.CODE_MAX) -> str | None:
    return _texts(errors, name, [value], most)[0] if value else None


def _period(errors: Errors, text: str | None, field: str) -> Period | None:
    if not text:
        return None
    p = Period.try_parse(text)
    if p is None:
        errors.add(field, "bad-period", "A period is YYYY, YYYYH1/H2 or YYYYQ1..Q4.")
    return p


@strawberry.type
class KnowledgeQuery:
    @strawberry.field(description="The unit's indicator definitions by code.")
    async def indicators(
        self,
        info: I,
        category: str | None = None,
        source: str | None = None,
        factor: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Indicator]:
        errors = Errors()
        f = IndicatorFilter(
            category=_one(errors, "category", category),
            source=_one(errors, "source", source),
            factor=_one(errors, "factor", factor),
            search=_one(errors, "q", q, limits.NAME_MAX),
        )
        errors.raise_if_any()
        page = await svc(info).indicators(info.context.principal, f, page_request(limit, cursor))
        return page_of(page, Indicator.of)

    @strawberry.field
    async def indicator(self, info: I, id: UUID) -> Indicator:
        return Indicator.of(await svc(info).indicator(info.context.principal, id))

    @strawberry.field(description="The unit's areas by code, with their populations.")
    async def areas(self, info: I) -> list[Area]:
        return [Area.of(v) for v in await svc(info).areas(info.context.principal)]

    @strawberry.field(description="Observations, filtered; periods as YYYY, YYYYH1 or YYYYQ1.")
    async def observations(
        self,
        info: I,
        indicators: list[str] | None = None,
        areas: list[str] | None = None,
        cohorts: list[str] | None = None,
        genders: list[str] | None = None,
        period_from: str | None = None,
        period_to: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Page[Observation]:
        errors = Errors()
        f = ObservationFilter(
            indicator_codes=_texts(errors, "indicators", indicators, limits.CODE_MAX),
            area_codes=_texts(errors, "areas", areas, limits.CODE_MAX),
            cohorts=_texts(errors, "cohorts", cohorts, limits.CODE_MAX),
            genders=_texts(errors, "genders", genders, limits.CODE_MAX),
            period_from=_period(errors, period_from, "periodFrom"),
            period_to=_period(errors, period_to, "periodTo"),
        )
        errors.raise_if_any()
        page = await svc(info).observations(info.context.principal, f, page_request(limit, cursor))
        return page_of(page, Observation.of)

    @strawberry.field(
        description="The situational picture: series per indicator × area × cohort × gender "
        "and the measures targeting each factor."
    )
    async def situational_picture(
        self,
        info: I,
        indicators: list[str] | None = None,
        area: str | None = None,
        cohort: str | None = None,
        period_from: str | None = None,
        period_to: str | None = None,
    ) -> SituationalPicture:
        errors = Errors()
        q = PictureQuery(
            indicator_codes=_texts(errors, "indicators", indicators, limits.CODE_MAX) or None,
            area_code=_one(errors, "area", area),
            cohort=_one(errors, "cohort", cohort),
            period_from=_period(errors, period_from, "periodFrom"),
            period_to=_period(errors, period_to, "periodTo"),
        )
        errors.raise_if_any()
        return SituationalPicture.of(await svc(info).picture(info.context.principal, q))

    @strawberry.field(description="Every import kind: columns, aliases, vocabularies, key.")
    def import_kinds(self, info: I) -> list[ImportKindSpec]:
        require(policies.can_see_imports(info.context.principal), "see the import kinds")
        return [
            ImportKindSpec(
                kind=s.kind,
                columns=[from_domain(ImportColumn, c) for c in s.columns],
                key=list(s.key),
            )
            for s in svc(info).kinds()
        ]

    @strawberry.field(
        description="The unit's import history, newest first. Uploading a file is REST-only "
        "(multipart POST /api/imports)."
    )
    async def import_jobs(
        self, info: I, limit: int | None = None, cursor: str | None = None
    ) -> Page[ImportJob]:
        page = await svc(info).jobs(info.context.principal, page_request(limit, cursor))
        return page_of(page, ImportJob.of)

    @strawberry.field(description="One import job: status, progress, result, file-level error.")
    async def import_job(self, info: I, id: UUID) -> ImportJob:
        return ImportJob.of(await svc(info).job(info.context.principal, id))
