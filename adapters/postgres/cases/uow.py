"""Cases room: the cases context's unit of work — one transaction on the request's connection
(``adapters/postgres/transaction.py``, ``samordna.unit_id`` set for row-level security), its
repositories sealing and opening personal fields with the field cipher, the access log
(``adapters/postgres/audit``, appended in the same transaction: a read is never logged apart
from itself) and the organisation context's organisations, persons and bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.postgres import connection as tx
from adapters.postgres.cases.cases import PgCaseRepository
from adapters.postgres.cases.consents import PgConsentEvents, PgConsentRepository
from adapters.postgres.cases.constraints import at_commit
from adapters.postgres.cases.grants import (
    PgAccessControllers,
    PgBreakGlassRepository,
    PgCaseSettings,
    PgLegalBases,
)
from adapters.postgres.cases.notes import PgDutyAnswers, PgNoteRepository
from adapters.postgres.cases.plan import PgCommitmentRepository
from adapters.postgres.cases.subjects import PgSubjectRepository
from adapters.postgres.cases.team import PgMemberRepository
from adapters.postgres.organisation.repositories import (
    PgBodyRepository,
    PgOrganisationRepository,
    PgPersonRepository,
)
from adapters.postgres.transaction import PgTransaction, request_connections
from domain.cases.ports import AccessLog

if TYPE_CHECKING:
    from domain.cases.ports import CasesUnitOfWork, CasesUnitOfWorkFactory

# The access log on the unit of work's connection and unit (the audit room's adapter).
AccessLogFactory = Callable[[AsyncConnection, UUID], AccessLog]


class PgCasesUnitOfWork(PgTransaction):
    subjects: PgSubjectRepository
    cases: PgCaseRepository
    members: PgMemberRepository
    commitments: PgCommitmentRepository
    notes: PgNoteRepository
    duty_answers: PgDutyAnswers
    consents: PgConsentRepository
    consent_events: PgConsentEvents
    bases: PgLegalBases
    break_glass: PgBreakGlassRepository
    access_log: AccessLog
    settings: PgCaseSettings
    controllers: PgAccessControllers
    organisations: PgOrganisationRepository
    persons: PgPersonRepository
    bodies: PgBodyRepository
    constraint_error = staticmethod(at_commit)

    def __init__(
        self,
        connections: tx.RequestConnections,
        unit_id: UUID,
        cipher: AesGcmFieldCipher,
        access_log: AccessLogFactory,
    ) -> None:
        super().__init__(connections, unit_id)
        self._cipher = cipher
        self._access_log = access_log

    def _bind(self) -> None:
        c, u, k = self.conn, self.unit_id, self._cipher
        self.subjects = PgSubjectRepository(c, u, k)
        self.cases = PgCaseRepository(c, u, k)
        self.members = PgMemberRepository(c, u, k)
        self.commitments = PgCommitmentRepository(c, u, k)
        self.notes = PgNoteRepository(c, u, k)
        self.duty_answers = PgDutyAnswers(c, u, k)
        self.consents = PgConsentRepository(c, u, k)
        self.consent_events = PgConsentEvents(c, u, k)
        self.bases = PgLegalBases(c, u, k)
        self.break_glass = PgBreakGlassRepository(c, u, k)
        self.access_log = self._access_log(c, u)
        self.settings = PgCaseSettings(c, u, k)
        self.controllers = PgAccessControllers(c, u, k)
        self.organisations = PgOrganisationRepository(c, u)
        self.persons = PgPersonRepository(c, u)
        self.bodies = PgBodyRepository(c, u)


class PgCasesUnitOfWorkFactory:
    def __init__(
        self,
        engine: AsyncEngine | tx.RequestConnections,
        cipher: AesGcmFieldCipher,
        access_log: AccessLogFactory,
    ) -> None:
        self._connections = request_connections(engine)
        self.cipher = cipher
        self.access_log = access_log

    def __call__(self, unit_id: UUID) -> PgCasesUnitOfWork:
        return PgCasesUnitOfWork(self._connections, unit_id, self.cipher, self.access_log)


if TYPE_CHECKING:  # the adapter satisfies the port it stands in for
    _uow: CasesUnitOfWork = PgCasesUnitOfWork(None, UUID(int=0), None, None)  # type: ignore[arg-type]
    _factory: CasesUnitOfWorkFactory = PgCasesUnitOfWorkFactory(None, None, None)  # type: ignore[arg-type]
