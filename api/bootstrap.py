"""The composition root: the one module of ``api`` that imports ``adapters``.

It resolves the database, builds the engine, the unit-of-work factory, the identity adapters and
the use-case services, and hands them to the front doors as one ``Container``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.calendar import IcsCalendarWriter
from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.crypto.keys import KeyRing
from adapters.disclosure.highs import HighsIntervalSolver
from adapters.documents.lazy import LazyPlanRenderer
from adapters.identity.config import IdentityConfig
from adapters.identity.person_key import HmacPersonKeys
from adapters.identity.wiring import Identity, build_identity, dev_machine_token
from adapters.postgres import demo, migrate
from adapters.postgres.access.accounts import PgAccessDirectory
from adapters.postgres.access.admin import PgAccessUnitOfWorkFactory
from adapters.postgres.agreements.uow import PgAgreementsUnitOfWorkFactory
from adapters.postgres.annual_wheel.uow import PgAnnualWheelUnitOfWorkFactory
from adapters.postgres.archive.uow import PgArchiveUnitOfWorkFactory
from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.audit.names import PgRegisteredNames
from adapters.postgres.cases.rotation import RotationReport, rotate
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory
from adapters.postgres.connection import RequestConnections
from adapters.postgres.database import DatabaseUrls, make_engine, ping, resolve_urls
from adapters.postgres.demo.archive import load_archive
from adapters.postgres.demo.knowledge import load_knowledge
from adapters.postgres.demo.trends import load_trends
from adapters.postgres.measures.uow import PgMeasuresUnitOfWorkFactory
from adapters.postgres.meetings.uow import PgMeetingsUnitOfWorkFactory
from adapters.postgres.uow import PgUnitOfWorkFactory
from api import archive_wiring as archive
from api import knowledge_wiring, trends_wiring
from api.demo_seed import demo_accounts, demo_machines
from api.outbox import WeasyRenderer, outbound_mail
from api.outbox import mail_config as mail_config  # re-exported: the tests' and the ADR's name
from api.outbox import start_mail_catcher as start_mail_catcher
from api.settings import Settings
from domain.access.service import AccessService
from domain.agreements.service import AgreementsService
from domain.annual_wheel.feeds import FeedService, derive_key
from domain.annual_wheel.service import AnnualWheelService
from domain.archive.service import ArchiveService
from domain.cases.service import CasesService
from domain.knowledge.limits import RUNNING_AT_ONCE
from domain.knowledge.service import KnowledgeService
from domain.measures.ports import PlanRenderer
from domain.measures.service import MeasuresService
from domain.meetings.guard import KernelGuard
from domain.meetings.service import MeetingsService, Outbox
from domain.organisation.service import OrganisationService
from domain.shared.documents import MinutesRenderer
from domain.shared.identity import Authenticator, LoginFlow
from domain.shared.mail import OutboundMail
from domain.trends.service import TrendsService

OSLO = ZoneInfo("Europe/Oslo")
# Short: a probe must answer before the orchestrator's own timeout (often 1-3 s).
READY_TIMEOUT_SECONDS = 1.0


class SystemClock:
    """Wall-clock time in UTC (the unit's calendar day is the Norwegian one; see ``today``)."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(OSLO).date()


@dataclass
class Container:
    settings: Settings
    urls: DatabaseUrls
    engine: AsyncEngine
    identity: Identity
    organisation: OrganisationService
    clock: SystemClock
    access: AccessService
    meetings: MeetingsService
    annual_wheel: AnnualWheelService
    agreements: AgreementsService
    measures: MeasuresService
    cases: CasesService  # the confidential core (issue 11)
    # Distribution of minutes (ADR 0014): the relay, or the local catcher outside production.
    mail: OutboundMail
    renderer: MinutesRenderer
    plan_renderer: PlanRenderer  # action plans as PDF/A (the minutes' renderer's sibling)
    feeds: FeedService  # calendar feeds: tokens and the token-only feed
    # The request path's own pool (AUTOCOMMIT: each look-up one round trip); ``engine`` serves
    # the rest (readiness, tools). ADR 0011.
    connections: RequestConnections
    # The bulk imports' own small pool: one connection per running job, with the session
    # settings of a bulk load (``IMPORT_SESSION``) that a shared connection could not take.
    imports_engine: AsyncEngine

    @cached_property
    def archive_uow(self) -> PgArchiveUnitOfWorkFactory:
        """The archive's units of work (outbox, settings, extracts, the finished records)."""
        return archive.archive_uow_factory(
            self.connections, self.renderer, self.measures, self.plan_renderer
        )

    @cached_property
    def archive(self) -> ArchiveService:
        """The archive's use cases (messages, retry, record status, settings, extracts)."""
        return archive.archive_service(self.archive_uow, self.clock)

    @cached_property
    def knowledge(self) -> KnowledgeService:  # knowledge + imports (api/knowledge_wiring.py)
        return knowledge_wiring.knowledge_service(self)

    @cached_property
    def import_runner(self) -> knowledge_wiring.ImportRunner:
        return knowledge_wiring.import_runner(self)

    @cached_property
    def trends(self) -> TrendsService:  # TREND-A releases and pulls (api/trends_wiring.py)
        return trends_wiring.trends_service(self)

    @property
    def authenticator(self) -> Authenticator:
        return self.identity.authenticator

    @property
    def login_flow(self) -> LoginFlow:
        return self.identity.login_flow

    async def database_ready(self, within_seconds: float = READY_TIMEOUT_SECONDS) -> bool:
        """Whether the database answers within that many seconds (the readiness probe)."""
        return await ping(self.engine, within_seconds)

    async def aclose(self) -> None:
        await self.identity.aclose()
        await self.connections.aclose()
        await self.imports_engine.dispose()
        await self.engine.dispose()


def database_urls(settings: Settings, database: str = "samordna") -> DatabaseUrls:
    return resolve_urls(
        settings.database_url, settings.database_admin_url, settings.state_dir, database
    )


def identity_config(settings: Settings) -> IdentityConfig:
    return IdentityConfig(
        public_base_url=settings.public_base_url,
        person_key_secret=settings.person_secret,
        state_dir=settings.state_dir,
        oidc_issuer=settings.oidc_issuer,
        oidc_client_id=settings.oidc_client_id,
        oidc_client_key_file=settings.oidc_client_key_file,
        oidc_min_acr=settings.oidc_min_acr,
        oidc_scope=settings.oidc_scope,
        machine_issuer=settings.machine_issuer,
        machine_jwks_uri=settings.machine_jwks_uri,
        machine_audience=settings.machine_audience,
        secure_cookies=settings.secure_cookies,
        session_idle_minutes=settings.session_idle_minutes,
        session_max_minutes=settings.session_max_minutes,
        dev_idp_enabled=settings.dev_idp_enabled,
    )


def field_cipher(settings: Settings) -> AesGcmFieldCipher:
    """The cases' field cipher from the configured (or, outside production, generated) keys."""
    return AesGcmFieldCipher(KeyRing.parse(settings.field_data_keys, settings.field_index_key))


def build_container(settings: Settings, urls: DatabaseUrls | None = None) -> Container:
    urls = urls or database_urls(settings)
    engine = make_engine(urls.app)
    connections = RequestConnections(make_engine(urls.app, autocommit=True))
    clock = SystemClock()
    directory = PgAccessDirectory(connections)
    # The session store takes the request path's engine: it runs on the request's connection.
    identity = build_identity(identity_config(settings), connections.engine, directory)
    mail, renderer = outbound_mail(settings), WeasyRenderer()
    outbox = Outbox(mail, renderer, settings.mail_from)
    # One guard for every context that screens free text; it knows every name registered in
    # the unit's cases (opened in memory, cached per unit until the register changes).
    guard = KernelGuard(names=PgRegisteredNames(connections, field_cipher(settings)))
    return Container(
        settings=settings,
        urls=urls,
        engine=engine,
        identity=identity,
        organisation=OrganisationService(PgUnitOfWorkFactory(connections), clock),
        clock=clock,
        access=AccessService(
            PgAccessUnitOfWorkFactory(connections),
            HmacPersonKeys(settings.person_secret),
            directory,
            clock,
        ),
        meetings=MeetingsService(PgMeetingsUnitOfWorkFactory(connections), clock, guard, outbox),
        annual_wheel=AnnualWheelService(PgAnnualWheelUnitOfWorkFactory(connections), clock),
        agreements=AgreementsService(PgAgreementsUnitOfWorkFactory(connections), clock),
        measures=MeasuresService(
            PgMeasuresUnitOfWorkFactory(connections), clock, guard, mail, settings.mail_from
        ),
        cases=CasesService(
            PgCasesUnitOfWorkFactory(connections, field_cipher(settings), PgAccessLog),
            clock,
            mail,
            guard,
            settings.mail_from,
        ),
        mail=mail,
        renderer=renderer,
        plan_renderer=LazyPlanRenderer(),
        feeds=FeedService(
            PgAnnualWheelUnitOfWorkFactory(connections),
            clock,
            derive_key(settings.secret),
            IcsCalendarWriter(),
        ),
        connections=connections,
        imports_engine=make_engine(
            urls.app, pool_size=RUNNING_AT_ONCE, session=knowledge_wiring.IMPORT_SESSION
        ),
    )


async def schema_status(urls: DatabaseUrls) -> tuple[str | None, str]:
    return await migrate.current_revision(urls.admin), migrate.head_revision()


def upgrade_schema(urls: DatabaseUrls, revision: str = "head") -> None:
    migrate.upgrade(urls.admin, revision)


async def load_demo(settings: Settings, urls: DatabaseUrls, *, measures: bool = False) -> None:
    """The demo units; ``measures``: their plan, measures and cases too (``samordna demo``; the
    tests' demo starts without them)."""
    engine = make_engine(urls.admin, pool_size=1)
    today = SystemClock().today()
    try:
        await demo.load_demo(
            engine,
            person_secret=settings.person_secret,
            accounts=demo_accounts(),
            machines=demo_machines(),
            today=today,
        )
        if measures:
            await demo.load_measures(engine, today=today)
            await demo.load_cases(engine, field_cipher(settings), today=today)
            await load_archive(engine)  # after the records that enqueued its messages
            await load_knowledge(engine, today=today)  # indicators, areas, events
            await load_trends(engine, HighsIntervalSolver(), today=today)  # after the events
    finally:
        await engine.dispose()


async def rotate_keys(settings: Settings, urls: DatabaseUrls) -> RotationReport:
    """``samordna keys rotate``: every sealed value re-sealed with the current data key (and
    identity hashes under the current index key), as the schema owner."""
    engine = make_engine(urls.admin, pool_size=1)
    try:
        return await rotate(engine, field_cipher(settings))
    finally:
        await engine.dispose()


def machine_token(settings: Settings, persona: str, scopes: list[str]) -> str:
    return asyncio.run(dev_machine_token(identity_config(settings), persona, scopes))


async def unit_ids(urls: DatabaseUrls) -> list[UUID]:
    """Every SLT unit's id, read as the owner (under RLS each unit sees only itself)."""
    engine = make_engine(urls.admin, pool_size=1)
    try:
        async with engine.connect() as conn:
            rows = await conn.exec_driver_sql("SELECT id FROM slt_unit ORDER BY name")
            return [row[0] for row in rows]
    finally:
        await engine.dispose()
