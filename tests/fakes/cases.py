"""Fakes room: the cases context's ports (``domain/cases/ports.py``) in memory.

``FakeCasesStore`` is a ``FakeStore`` whose tables also hold the cases context's rows, so the
organisation fakes (organisations, persons, bodies) and the cases share one snapshot per unit of
work: ``commit`` publishes both, leaving without it drops both — the access-log entries too, as
in PostgreSQL. The repositories (``cases_repos``) hold the database's uniqueness rules.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

from domain.cases.access import AccessEntry
from domain.cases.policy import RETENTION_DAYS_DEFAULT
from domain.cases.ports import (
    AccessControllers,
    AccessLog,
    BreakGlassRepository,
    CaseRepository,
    CaseSettingsStore,
    CasesUnitOfWork,
    CasesUnitOfWorkFactory,
    CommitmentRepository,
    ConsentEvents,
    ConsentRepository,
    DutyAnswers,
    LegalBases,
    MemberRepository,
    NoteRepository,
    SubjectRepository,
)
from domain.cases.retention import CaseStatistics
from domain.meetings.guard import RegisteredNames
from domain.organisation.ports import BodyRepository, OrganisationRepository, PersonRepository
from domain.shared.free_text.index import NameIndex
from tests.fakes.cases_consent_repos import (
    FakeAccessLog,
    FakeBreakGlassRepository,
    FakeConsentEvents,
    FakeConsentRepository,
)
from tests.fakes.cases_repos import (
    FakeCaseRepository,
    FakeCommitmentRepository,
    FakeDutyAnswers,
    FakeLegalBases,
    FakeMemberRepository,
    FakeNoteRepository,
    FakeSubjectRepository,
)
from tests.fakes.organisation import (
    FakeBodyRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
)
from tests.fakes.snapshot import SnapshotUnitOfWork
from tests.fakes.store import FakeStore, Tables


@dataclasses.dataclass
class CasesTables(Tables):
    subjects: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    cases: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    members: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    commitments: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    notes: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    duty_answers: list[Any] = dataclasses.field(default_factory=list)
    consents: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    consent_events: list[Any] = dataclasses.field(default_factory=list)
    bases: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    break_glass: dict[UUID, Any] = dataclasses.field(default_factory=dict)
    case_counters: dict[tuple[UUID, int], int] = dataclasses.field(default_factory=dict)
    retention_days: dict[UUID, int] = dataclasses.field(default_factory=dict)  # by unit
    statistics: list[CaseStatistics] = dataclasses.field(default_factory=list)
    case_access_log: list[AccessEntry] = dataclasses.field(default_factory=list)

    def copy(self) -> CasesTables:
        return CasesTables(
            **{f.name: copy.copy(getattr(self, f.name)) for f in dataclasses.fields(self)}
        )


class FakeCasesStore(FakeStore):
    def __init__(self) -> None:
        super().__init__()
        self.tables: CasesTables = CasesTables()
        self.admin_emails: dict[UUID, list[str]] = {}  # the access controllers' addresses by unit

    @property
    def access_log(self) -> list[AccessEntry]:
        """Every committed access-log entry (all units), in append order."""
        return self.tables.case_access_log


class FakeCaseSettings:
    def __init__(self, uow: FakeCasesUnitOfWork) -> None:
        self._uow = uow

    async def retention_days(self) -> int:
        return self._uow.tables.retention_days.get(self._uow.unit_id, RETENTION_DAYS_DEFAULT)

    async def set_retention_days(self, days: int) -> None:
        self._uow.tables.retention_days[self._uow.unit_id] = days


class FakeAccessControllers:
    def __init__(self, uow: FakeCasesUnitOfWork) -> None:
        self._uow = uow

    async def emails(self) -> Sequence[str]:
        return list(self._uow.store.admin_emails.get(self._uow.unit_id, []))


class FakeCasesUnitOfWork(SnapshotUnitOfWork[FakeCasesStore, CasesTables]):
    """One 'transaction' of the cases context over a copy of the store, published on ``commit``."""

    def __init__(self, store: FakeCasesStore, unit_id: UUID) -> None:
        self.store = store
        self.unit_id = unit_id
        self.tables: CasesTables = store.tables.copy()
        self.subjects: SubjectRepository = FakeSubjectRepository(self)  # type: ignore[arg-type]
        self.cases: CaseRepository = FakeCaseRepository(self)  # type: ignore[arg-type]
        self.members: MemberRepository = FakeMemberRepository(self)
        self.commitments: CommitmentRepository = FakeCommitmentRepository(self)  # type: ignore[arg-type]
        self.notes: NoteRepository = FakeNoteRepository(self)
        self.duty_answers: DutyAnswers = FakeDutyAnswers(self)
        self.consents: ConsentRepository = FakeConsentRepository(self)
        self.consent_events: ConsentEvents = FakeConsentEvents(self)
        self.bases: LegalBases = FakeLegalBases(self)
        self.break_glass: BreakGlassRepository = FakeBreakGlassRepository(self)
        self.access_log: AccessLog = FakeAccessLog(self)
        self.settings: CaseSettingsStore = FakeCaseSettings(self)
        self.controllers: AccessControllers = FakeAccessControllers(self)
        self.organisations: OrganisationRepository = FakeOrganisationRepository(self)  # type: ignore[arg-type]
        self.persons: PersonRepository = FakePersonRepository(self)  # type: ignore[arg-type]
        self.bodies: BodyRepository = FakeBodyRepository(self)  # type: ignore[arg-type]
        self.committed = False
        self.committed = True


class FakeRegisteredNames:
    """``RegisteredNames`` over the store's committed subjects and guardians of a unit."""

    def __init__(self, store: FakeCasesStore) -> None:
        self.store = store

    async def index(self, unit_id: UUID) -> NameIndex:
        index = NameIndex()
        for s in self.store.tables.subjects.values():
            if s.unit_id == unit_id:
                for name in (s.name, *(g.name for g in s.guardians)):
                    index.add(name)
        return index


class FakeCasesUnitOfWorkFactory:
    def __init__(self, store: FakeCasesStore | None = None) -> None:
        self.store = store or FakeCasesStore()

    def __call__(self, unit_id: UUID) -> FakeCasesUnitOfWork:
        return FakeCasesUnitOfWork(self.store, unit_id)


if TYPE_CHECKING:  # the fakes must satisfy the ports they stand in for
    _uow: CasesUnitOfWork = FakeCasesUnitOfWork(FakeCasesStore(), uuid4())
    _factory: CasesUnitOfWorkFactory = FakeCasesUnitOfWorkFactory()
    _names: RegisteredNames = FakeRegisteredNames(FakeCasesStore())
