"""Cases domain room: the access log's entry (PRIVACY.md § 2 fields; a pseudonymous subject
reference, never a name or number), its canonical form and the chain a sealer links after the
fact — ``chain_hash`` and ``verify`` are pure, so the adapter's verifier and tests share them."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

GENESIS = "0" * 64


class Action(enum.StrEnum):
    READ = "read"
    WRITE = "write"
    DISCLOSE = "disclose"
    EXPORT = "export"
    PRINT = "print"
    DELETE = "delete"


class Outcome(enum.StrEnum):
    PERMIT = "permit"
    DENY = "deny"


@dataclass(frozen=True, slots=True, kw_only=True)
class AccessEntry:
    id: UUID
    at: datetime
    unit_id: UUID
    actor_person_id: UUID | None
    actor_subject_key: str  # keyed hash of the actor's identity number (never the number)
    actor_organisation_id: UUID | None
    actor_role: str | None  # lead | member | break_glass | unit_admin | …
    subject_ref: UUID | None  # the subject's UUID: pseudonymous
    case_id: UUID | None
    object_type: str  # case | subject | guardian | note | commitment | consent | …
    object_id: UUID | None
    category: str | None
    regime: str | None
    action: Action
    purpose: str | None
    basis: str | None
    consent_id: UUID | None = None
    decision: Outcome = Outcome.PERMIT
    deny_reason: str | None = None
    break_glass_id: UUID | None = None
    client: str | None = None
    request_id: str | None = None


def canonical(e: AccessEntry) -> bytes:
    """Every field as canonical JSON (sorted keys, no spaces; UUIDs and times as strings)."""
    data: dict[str, object] = {}
    for name in AccessEntry.__dataclass_fields__:
        value = getattr(e, name)
        if isinstance(value, UUID):
            value = str(value)
        elif isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, enum.Enum):
            value = value.value
        data[name] = value
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()


def chain_hash(prev: str, entry: AccessEntry) -> str:
    """sha256(prev || canonical entry): the sealer's link for one position."""
    return hashlib.sha256(prev.encode() + canonical(entry)).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class ChainLink:
    position: int  # 1..
    entry_id: UUID
    hash: str


def verify(entries: Sequence[AccessEntry], chain: Sequence[ChainLink]) -> int | None:
    """The first position whose link does not hold — an entry changed, deleted, reordered or a
    link missing — or None when the whole chain verifies. ``entries`` in chain order."""
    prev = GENESIS
    by_id = {e.id: e for e in entries}
    for expected, link in enumerate(chain, start=1):
        entry = by_id.get(link.entry_id)
        if link.position != expected or entry is None or chain_hash(prev, entry) != link.hash:
            return expected
        prev = link.hash
    return None
