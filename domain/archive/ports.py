"""Archive domain room: the ports — the unit's repositories (outbox, settings, extract jobs), the
record source, the worker's cross-unit delivery queue, the message builder, the transport and the
extract writer, as Protocols."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from types import TracebackType
from typing import BinaryIO, Protocol, Self
from uuid import UUID

from domain.archive.extracts import ExtractJob, Period
from domain.archive.messages import MessageStatus, OutboxMessage, Receipt
from domain.archive.records import ArchivePackage, ArchiveRecord, RecordKind
from domain.archive.settings import ArchiveSettings
from domain.shared.pagination import Page, PageRequest
from domain.shared.ports import Clock as Clock  # re-exported for the context's use cases

Progress = Callable[[int, int], None]  # (done, total)


class TransientFailure(Exception):
    """The archive could not take the message now (5xx, timeout, connection): try again later.
    The text is composed by the transport (status, error class) and never carries record content."""


class Rejected(Exception):
    """The archive refused the message (4xx, a feilmelding): sending it again will not help."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unbuildable(Exception):
    """The record cannot make a valid message (the builder's XSD check refused it): sending later
    will not help until the code or the record changes. The text names schema paths, no content."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OutboxRepository(Protocol):
    """The unit's outbox (rows are written by the database triggers, never by Python)."""

    async def list(self, status: MessageStatus | None, page: PageRequest) -> Page[OutboxMessage]:
        """Newest first (created_at, then id)."""
        ...

    async def get(self, id: UUID) -> OutboxMessage:
        """``NotFound`` for a missing id (or another unit's)."""
        ...

    async def for_record(self, kind: RecordKind, subject_id: UUID) -> Sequence[OutboxMessage]:
        """Every message of one record by its ``subject_id`` (the meeting for minutes: all its
        versions and agenda items), oldest first."""
        ...

    async def in_period(self, period: Period) -> Sequence[OutboxMessage]:
        """The messages created in the period (any status), per key the newest (by created_at),
        oldest first: what a deposit extract holds."""
        ...

    async def retry(self, id: UUID, expected_version: int, now: datetime) -> OutboxMessage:
        """Store ``messages.retried`` of the message: ``StaleVersion`` when the version differs,
        ``Conflict`` unless failed or dead, ``NotFound``."""
        ...


class SettingsRepository(Protocol):
    async def get(self) -> ArchiveSettings:
        """The unit's settings; the defaults (version 0, disabled) when never stored."""
        ...

    async def save(self, settings: ArchiveSettings, expected_version: int) -> ArchiveSettings:
        """Insert (expected 0) or update; returns the stored settings with their new version."""
        ...


class ExtractJobRepository(Protocol):
    async def add(self, job: ExtractJob) -> None: ...

    async def get(self, id: UUID) -> ExtractJob: ...

    async def update(self, job: ExtractJob) -> None: ...

    async def put_content(self, id: UUID, content: bytes) -> None: ...

    async def content(self, id: UUID) -> bytes | None: ...


class RecordSource(Protocol):
    """Finished records of the unit as ``ArchiveRecord`` values: the open layer only, documents
    rendered (minutes PDF/A on the first agenda item's record). ``None`` when the record is gone."""

    async def load(
        self, kind: RecordKind, record_id: UUID, part_id: UUID | None
    ) -> ArchiveRecord | None: ...


class ArchiveUnitOfWork(Protocol):
    """One transaction bound to one SLT unit. The use case calls ``commit``; leaving without it rolls back."""

    @property
    def outbox(self) -> OutboxRepository: ...

    @property
    def settings(self) -> SettingsRepository: ...

    @property
    def extracts(self) -> ExtractJobRepository: ...

    @property
    def records(self) -> RecordSource: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class ArchiveUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> ArchiveUnitOfWork: ...


class DeliveryQueue(Protocol):
    """The worker's view of every unit's outbox. Each call is its own short transaction.

    ``claim``: up to ``n`` claimable messages (``OutboxMessage.claimable``) of units whose archive
    is enabled, ``FOR UPDATE SKIP LOCKED``, stored as ``messages.claimed`` (delivering, lease,
    attempts + 1). ``mark_*`` store the outcome only while the row is still ``delivering`` with
    the claimed ``attempts`` (the fence against a worker whose lease expired); False otherwise."""

    async def claim(self, n: int, now: datetime, lease: timedelta) -> list[OutboxMessage]: ...

    async def mark_delivered(
        self, claimed: OutboxMessage, receipt: Receipt, now: datetime
    ) -> bool: ...

    async def mark_failed(self, outcome: OutboxMessage) -> bool:
        """Store ``after_failure`` / ``after_rejection`` of a claimed message."""
        ...


class MessageBuilder(Protocol):
    def build(self, record: ArchiveRecord, settings: ArchiveSettings) -> ArchivePackage: ...


class ArchiveTransport(Protocol):
    async def send(self, package: ArchivePackage) -> Receipt:
        """The archive's receipt; raises ``TransientFailure`` or ``Rejected``. A key the archive
        already holds answers with its receipt (``existing``), never a second record."""
        ...


class ExtractWriter(Protocol):
    def write(
        self,
        records: Sequence[ArchiveRecord],
        settings: ArchiveSettings,
        period: Period,
        out: BinaryIO,
        progress: Progress | None = None,
    ) -> None:
        """The arkivuttrekk as a zip into ``out``; ``progress(done, total)`` per record."""
        ...
