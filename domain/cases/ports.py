"""Cases domain room: the context's ports as Protocols — its repositories (all within the unit
of work's SLT unit), the access log, the field cipher and the registered names the adapter
implements, and the unit of work. Organisations, persons and bodies are read through the
organisation context's own repositories."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.cases.access import AccessEntry
from domain.cases.bases import LegalBasisRecord
from domain.cases.breakglass import BreakGlass
from domain.cases.case import Case, CaseMember
from domain.cases.commitment import Commitment
from domain.cases.consent import Consent, ConsentEvent
from domain.cases.note import DutyAnswer, Note
from domain.cases.retention import CaseStatistics
from domain.cases.subject import Subject
from domain.meetings.guard import FreeTextGuard as FreeTextGuard  # re-exported for the service
from domain.meetings.guard import RegisteredNames as RegisteredNames  # the guard's names port
from domain.organisation.ports import BodyRepository, OrganisationRepository, PersonRepository
from domain.shared.mail import OutboundMail as OutboundMail  # re-exported for notifications
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases
from domain.shared.ports import EntityRepository


class SubjectRepository(EntityRepository[Subject], Protocol):
    """Subjects with their guardians (written as one aggregate). Names, birth dates, identity
    numbers and contacts are encrypted by the adapter with the ``FieldCipher``."""

    async def find_by_identity_number(self, identity_number: str) -> Sequence[Subject]:
        """Every subject record of the unit with this number, through the keyed hash (the number
        itself is never compared in SQL). Each case opened for a new subject registers its own
        record, so one child may have several (ADR 0017: a second opening learns nothing)."""
        ...


class CaseRepository(EntityRepository[Case], Protocol):
    """``add`` raises ``OpenCaseExists`` when the subject already has an open case of the same
    kind on the same body (a partial unique index decides between concurrent opens)."""

    async def of_person(self, person_id: UUID) -> Sequence[Case]:
        """The cases whose team has ``person_id`` on it, newest start first."""
        ...

    async def of_subject(self, subject_id: UUID) -> Sequence[Case]: ...

    async def next_seq(self, year: int) -> int:
        """The next reference number of ``year`` in this unit (1..; a counter row, never reused)."""
        ...

    async def closed_on_or_before(self, day: date) -> Sequence[Case]: ...

    async def purge(self, case: Case, statistics: CaseStatistics, *, subject_too: bool) -> None:
        """Really delete the case and everything under it (members, commitments, notes, duty
        prompts, consents AND their events, legal bases, break-glass grants), the subject with
        its guardians when ``subject_too``, and store ``statistics`` — one purge function, the
        only way append-only rows go. ``StaleVersion`` when the case moved on."""
        ...


class MemberRepository(Protocol):
    """A case's team. ``add`` raises ``AlreadyOnTeam`` for a second seat of one person on one
    case (UNIQUE (case_id, person_id))."""

    async def get(self, id: UUID) -> CaseMember: ...

    async def of_case(self, case_id: UUID) -> Sequence[CaseMember]:
        """Leads first, then by name."""
        ...

    async def of_person(self, person_id: UUID) -> Sequence[CaseMember]: ...

    async def add(self, member: CaseMember) -> None: ...

    async def remove(self, id: UUID) -> None: ...


class CommitmentRepository(EntityRepository[Commitment], Protocol):
    async def of_case(self, case_id: UUID) -> Sequence[Commitment]: ...


class NoteRepository(Protocol):
    """Notes are written once and never edited (a correction is a new note)."""

    async def get(self, id: UUID) -> Note: ...

    async def add(self, note: Note) -> None: ...

    async def of_case(self, case_id: UUID) -> Sequence[Note]:
        """Newest first."""
        ...


class DutyAnswers(Protocol):
    """Append-only: a later answer to the same duty is a new row; the latest counts."""

    async def add(self, answer: DutyAnswer) -> None: ...

    async def of_notes(self, note_ids: Sequence[UUID]) -> Sequence[DutyAnswer]:
        """Oldest first."""
        ...


class ConsentRepository(Protocol):
    """Consents; their status lives in the events, so a consent itself never changes state."""

    async def get(self, id: UUID) -> Consent: ...

    async def add(self, consent: Consent) -> None: ...

    async def of_case(self, case_id: UUID) -> Sequence[Consent]: ...

    async def of_open_cases(self) -> Sequence[Consent]:
        """Every consent of the unit's open cases (the reminders)."""
        ...


class ConsentEvents(Protocol):
    """Append-only (no update, no delete: a trigger and the grants refuse them)."""

    async def append(self, event: ConsentEvent) -> None:
        """A second event with the same (consent, party, seq) — a concurrent append — raises
        ``ConsentConflict``."""
        ...

    async def of_consent(self, consent_id: UUID) -> Sequence[ConsentEvent]:
        """By party, then seq."""
        ...

    async def of_consents(self, consent_ids: Sequence[UUID]) -> Sequence[ConsentEvent]: ...


class LegalBases(Protocol):
    async def add(self, record: LegalBasisRecord) -> None: ...

    async def of_case(self, case_id: UUID) -> Sequence[LegalBasisRecord]: ...


class BreakGlassRepository(Protocol):
    async def get(self, id: UUID) -> BreakGlass: ...

    async def add(self, grant: BreakGlass) -> None: ...

    async def update(self, grant: BreakGlass, expected_version: int) -> None: ...

    async def active(self, case_id: UUID, person_id: UUID, at: datetime) -> BreakGlass | None:
        """The person's grant on the case that is open at ``at`` (the latest one)."""
        ...

    async def of_person(self, person_id: UUID, at: datetime) -> Sequence[BreakGlass]:
        """The person's grants active at ``at`` (any case)."""
        ...

    async def all(self) -> Sequence[BreakGlass]:
        """Every grant of the unit, unreviewed first, newest first."""
        ...


class AccessLog(Protocol):
    """The access log (PRIVACY.md § 2): INSERT only, in the request's transaction; a sealer
    links the entries into the hash chain afterwards (``adapters/postgres/audit``)."""

    async def append(self, entries: Sequence[AccessEntry]) -> None: ...

    async def of_subject(self, subject_id: UUID) -> Sequence[AccessEntry]:
        """Oldest first."""
        ...

    async def of_case(self, case_id: UUID) -> Sequence[AccessEntry]: ...


class CaseSettingsStore(Protocol):
    """The unit's case settings (one row per unit; the policy's default when none is stored)."""

    async def retention_days(self) -> int: ...

    async def set_retention_days(self, days: int) -> None: ...


class AccessControllers(Protocol):
    """Where break-glass notifications go: the unit admins' addresses (no names needed)."""

    async def emails(self) -> Sequence[str]: ...


class FieldCipher(Protocol):
    """Application-level encryption (``adapters/crypto``): AES-GCM, the key id stored with each
    value, ``context`` (table/column/row id) as associated data so a value cannot be moved."""

    def encrypt(self, plaintext: str, *, context: str) -> bytes: ...

    def decrypt(self, stored: bytes, *, context: str) -> str: ...

    def blind_index(self, value: str) -> str:
        """The keyed hash (HMAC-SHA256) an identity number is searched by."""
        ...


class CasesUnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it
    rolls back — the access-log entries with it, so a read is never logged apart from itself."""

    @property
    def subjects(self) -> SubjectRepository: ...

    @property
    def cases(self) -> CaseRepository: ...

    @property
    def members(self) -> MemberRepository: ...

    @property
    def commitments(self) -> CommitmentRepository: ...

    @property
    def notes(self) -> NoteRepository: ...

    @property
    def duty_answers(self) -> DutyAnswers: ...

    @property
    def consents(self) -> ConsentRepository: ...

    @property
    def consent_events(self) -> ConsentEvents: ...

    @property
    def bases(self) -> LegalBases: ...

    @property
    def break_glass(self) -> BreakGlassRepository: ...

    @property
    def access_log(self) -> AccessLog: ...

    @property
    def settings(self) -> CaseSettingsStore: ...

    @property
    def controllers(self) -> AccessControllers: ...

    @property
    def organisations(self) -> OrganisationRepository: ...

    @property
    def persons(self) -> PersonRepository: ...

    @property
    def bodies(self) -> BodyRepository: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class CasesUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> CasesUnitOfWork: ...
