"""Archive domain room: the outbox message, its status machine, the receipt and the retry backoff.

Transitions are pure functions (``claimed``, ``delivered``, ``after_failure``, ``after_rejection``,
``retried``): the repositories store what they return, the tests check them without a database.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from domain.archive.records import RecordKind
from domain.shared.errors import Conflict

MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=10)
BACKOFF_FACTOR = 2
BACKOFF_CAP = timedelta(hours=1)
LEASE = timedelta(minutes=2)
ERROR_MAX = 500  # last_error is stored and shown; never longer than this


class MessageStatus(enum.StrEnum):
    PENDING = "pending"
    DELIVERING = "delivering"
    DELIVERED = "delivered"
    FAILED = "failed"  # waiting for its next attempt
    DEAD = "dead"  # gave up: a person must look (retry resets it)


CLAIMABLE = frozenset({MessageStatus.PENDING, MessageStatus.FAILED})


@dataclass(frozen=True, slots=True, kw_only=True)
class Receipt:
    """What the archive answered (``arkivmeldingKvittering``): its references for the record."""

    saksnummer: str | None = None  # "<saksaar>/<sakssekvensnummer>", e.g. "2026/123"
    journalpostnummer: str | None = None  # journalsekvensnummer (or journalpostnummer), e.g. "45"
    mappe_system_id: str | None = None
    registrering_system_id: str | None = None
    existing: bool = False  # the archive already had the key ("Eksisterende")


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxMessage:
    id: UUID
    unit_id: UUID
    record_kind: RecordKind
    record_id: UUID
    part_id: UUID | None
    subject_id: UUID  # the record as the SPA names it: the meeting for minutes, else record_id
    key: str
    record_version: (
        str  # minutes version number, the agreement document's SHA-256, the row version …
    )
    status: MessageStatus
    attempts: int
    next_attempt_at: datetime
    lease_until: datetime | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    receipt: Receipt | None
    version: int  # the row's optimistic-concurrency version (ETag)

    def claimable(self, now: datetime) -> bool:
        """Due (pending / failed past its time), or delivering with an expired lease (worker died)."""
        if self.status in CLAIMABLE:
            return self.next_attempt_at <= now
        return (
            self.status is MessageStatus.DELIVERING
            and self.lease_until is not None
            and self.lease_until <= now
        )


class Rng(Protocol):
    def random(self) -> float: ...


def backoff(attempt: int, rng: Rng | None = None) -> timedelta:
    """Full-jitter exponential backoff: uniform in [0, min(cap, base · factor^(attempt-1))]."""
    growth: int = BACKOFF_FACTOR ** min(max(attempt - 1, 0), 20)  # 10 s · 2^20 is far past the cap
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * growth)
    fraction: float = (rng or random.SystemRandom()).random()
    return ceiling * fraction


def safe_error(text: str) -> str:
    """An error text fit to store and show: one line, bounded. Callers pass texts they composed
    (status codes, exception class names, the archive's error code) — never record content."""
    line = " ".join(text.split())
    return line[:ERROR_MAX]


def claimed(m: OutboxMessage, now: datetime, lease: timedelta = LEASE) -> OutboxMessage:
    if not m.claimable(now):
        raise Conflict("The message is not due for delivery.")
    return replace(
        m,
        status=MessageStatus.DELIVERING,
        attempts=m.attempts + 1,
        lease_until=now + lease,
        version=m.version + 1,
    )


def delivered(m: OutboxMessage, receipt: Receipt, now: datetime) -> OutboxMessage:
    return replace(
        m,
        status=MessageStatus.DELIVERED,
        receipt=receipt,
        delivered_at=now,
        lease_until=None,
        last_error=None,
        version=m.version + 1,
    )


def after_failure(
    m: OutboxMessage, error: str, now: datetime, rng: Rng | None = None
) -> OutboxMessage:
    """A transient failure: try again after the backoff, or give up (dead) after ``MAX_ATTEMPTS``."""
    dead = m.attempts >= MAX_ATTEMPTS
    return replace(
        m,
        status=MessageStatus.DEAD if dead else MessageStatus.FAILED,
        next_attempt_at=m.next_attempt_at if dead else now + backoff(m.attempts, rng),
        lease_until=None,
        last_error=safe_error(error),
        version=m.version + 1,
    )


def after_rejection(m: OutboxMessage, reason: str) -> OutboxMessage:
    """The archive refused the message (4xx): retrying the same bytes cannot help — dead at once."""
    return replace(
        m,
        status=MessageStatus.DEAD,
        lease_until=None,
        last_error=safe_error(reason),
        version=m.version + 1,
    )


def retried(m: OutboxMessage, now: datetime) -> OutboxMessage:
    """A person's retry of a dead (or waiting failed) message: pending now, attempts from zero."""
    if m.status not in (MessageStatus.DEAD, MessageStatus.FAILED):
        raise Conflict("Only a failed or dead message can be retried.")
    return replace(
        m,
        status=MessageStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        lease_until=None,
        version=m.version + 1,
    )
