"""Archive domain room: a record's archive status, summarised from its messages (the badge)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from domain.archive.messages import MessageStatus, OutboxMessage


class ArchiveState(enum.StrEnum):
    NONE = "none"  # nothing enqueued (not finished, or not archive-worthy)
    NOT_CONFIGURED = "not_configured"  # waiting: the unit's archive is not enabled
    WAITING = "waiting"
    DELIVERED = "delivered"
    FAILED = "failed"  # some message failed and waits for its next attempt
    DEAD = "dead"


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordArchiveStatus:
    state: ArchiveState
    messages: tuple[OutboxMessage, ...]
    saksnummer: str | None
    journalpostnummer: str | None


def summarise(messages: Sequence[OutboxMessage], enabled: bool) -> RecordArchiveStatus:
    """Worst first: dead, failed, waiting, delivered. The references come from the first receipt
    that carries them (for minutes: the first agenda item's)."""
    statuses = {m.status for m in messages}
    if not messages:
        state = ArchiveState.NONE
    elif MessageStatus.DEAD in statuses:
        state = ArchiveState.DEAD
    elif MessageStatus.FAILED in statuses:
        state = ArchiveState.FAILED
    elif statuses == {MessageStatus.DELIVERED}:
        state = ArchiveState.DELIVERED
    else:
        state = ArchiveState.WAITING if enabled else ArchiveState.NOT_CONFIGURED
    receipts = [m.receipt for m in messages if m.receipt is not None]
    saksnummer = next((r.saksnummer for r in receipts if r.saksnummer), None)
    journalpost = next((r.journalpostnummer for r in receipts if r.journalpostnummer), None)
    return RecordArchiveStatus(
        state=state, messages=tuple(messages), saksnummer=saksnummer, journalpostnummer=journalpost
    )
