"""Cases' unit tests: the access log's canonical entry and the chain the sealer links — verify
names the exact position of a changed, deleted or reordered entry or a flipped hash byte."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from uuid import uuid4

from domain.cases.access import (
    GENESIS,
    AccessEntry,
    Action,
    ChainLink,
    Outcome,
    canonical,
    chain_hash,
    verify,
)

UNIT = uuid4()


def entries(n: int) -> list[AccessEntry]:
    at = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
    return [
        AccessEntry(
            id=uuid4(),
            at=at + timedelta(seconds=i),
            unit_id=UNIT,
            actor_person_id=uuid4(),
            actor_subject_key="key",
            actor_organisation_id=uuid4(),
            actor_role="member",
            subject_ref=uuid4(),
            case_id=uuid4(),
            object_type="note",
            object_id=uuid4(),
            category="health",
            regime="health",
            action=Action.READ,
            purpose="follow_up",
            basis=None if i % 2 else "consent",
            decision=Outcome.DENY if i % 2 else Outcome.PERMIT,
            deny_reason="consent-withdrawn" if i % 2 else None,
        )
        for i in range(n)
    ]


def seal(rows: list[AccessEntry]) -> list[ChainLink]:
    prev, out = GENESIS, []
    for position, e in enumerate(rows, start=1):
        prev = chain_hash(prev, e)
        out.append(ChainLink(position=position, entry_id=e.id, hash=prev))
    return out


def test_an_untouched_chain_verifies() -> None:
    rows = entries(6)
    assert verify(rows, seal(rows)) is None


def test_the_canonical_form_is_stable_and_carries_no_spaces() -> None:
    e = entries(1)[0]
    assert canonical(e) == canonical(dataclasses.replace(e))
    assert b", " not in canonical(e) and b'"action":"read"' in canonical(e)


def test_a_changed_entry_is_found_at_its_position() -> None:
    rows = entries(6)
    chain = seal(rows)
    rows[3] = dataclasses.replace(rows[3], decision=Outcome.PERMIT, deny_reason=None)
    assert verify(rows, chain) == 4


def test_a_deleted_entry_is_found_at_its_position() -> None:
    rows = entries(6)
    chain = seal(rows)
    del rows[2]
    assert verify(rows, chain) == 3


def test_reordered_entries_are_found() -> None:
    rows = entries(6)
    chain = seal(rows)
    chain[1], chain[2] = (
        dataclasses.replace(chain[2], position=2),
        dataclasses.replace(chain[1], position=3),
    )
    assert verify(rows, chain) == 2


def test_a_flipped_byte_in_a_link_is_found() -> None:
    rows = entries(5)
    chain = seal(rows)
    h = chain[4].hash
    chain[4] = dataclasses.replace(chain[4], hash=h[:10] + ("0" if h[10] != "0" else "1") + h[11:])
    assert verify(rows, chain) == 5


def test_a_gap_in_positions_is_found() -> None:
    rows = entries(4)
    chain = seal(rows)
    chain[2] = dataclasses.replace(chain[2], position=7)
    assert verify(rows, chain) == 3
