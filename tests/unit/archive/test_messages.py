"""Archive unit tests room: keys, backoff with full jitter and the outbox status transitions."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from uuid import uuid4

import pytest

from domain.archive import keys
from domain.archive import messages as m
from domain.archive.messages import MessageStatus, Receipt
from domain.archive.records import RecordKind
from domain.shared.errors import Conflict
from tests.fakes.archive import FakeArchiveStore
from tests.unit.archive.samples import AT, case_record, meeting, minutes_item


class Fixed:
    def __init__(self, value: float) -> None:
        self.value = value

    def random(self) -> float:
        return self.value


def message() -> m.OutboxMessage:
    found = FakeArchiveStore().enqueue(uuid4(), RecordKind.AGREEMENT, uuid4(), at=AT)
    assert found is not None
    return found


def test_keys_are_stable_and_carry_no_text() -> None:
    mt = meeting()
    first = minutes_item(mt, 1)
    assert keys.mappe_key(first) == f"minutes/{mt.meeting_id}"
    assert keys.record_outbox_key(first) == f"minutes/{first.record_id}/{first.part_id}"
    assert keys.registration_key(first) == keys.record_outbox_key(first)
    assert keys.document_key(first, 1) == f"minutes/{first.record_id}/{first.part_id}/dokument/1"
    retitled = replace(first, title="Et helt annet navn")
    assert keys.registration_key(retitled) == keys.registration_key(first)
    plan = case_record(RecordKind.ACTION_PLAN)
    assert keys.mappe_key(plan) == f"action_plan/{plan.record_id}"
    assert keys.registration_key(plan) == f"action_plan/{plan.record_id}/registrering"


def test_a_corrected_minutes_version_is_a_new_registration_in_the_same_meeting() -> None:
    mt = meeting()
    v1 = minutes_item(mt, 1)
    v2 = replace(v1, record_id=uuid4(), version=2)  # a correction is a new minutes version
    assert keys.mappe_key(v2) == keys.mappe_key(v1) == f"minutes/{mt.meeting_id}"
    assert keys.registration_key(v2) == f"minutes/{v2.record_id}/{v1.part_id}"
    assert keys.registration_key(v2) != keys.registration_key(v1)


def test_folder_names_are_file_system_safe() -> None:
    name = keys.folder_name("agreement/0b0c/../x y")
    assert "/" not in name and " " not in name and name == "agreement_0b0c_.._x-y"


@pytest.mark.parametrize(
    ("attempt", "ceiling"),
    [(1, 10), (2, 20), (3, 40), (8, 1280), (9, 2560), (10, 3600), (60, 3600)],
)
def test_backoff_is_full_jitter_under_a_capped_exponential_ceiling(
    attempt: int, ceiling: int
) -> None:
    assert m.backoff(attempt, Fixed(0.0)) == timedelta(0)
    assert m.backoff(attempt, Fixed(0.999999)) <= timedelta(seconds=ceiling)
    assert m.backoff(attempt, Fixed(0.5)) == timedelta(seconds=ceiling / 2)
    rng = random.Random(7)
    waits = {m.backoff(attempt, rng) for _ in range(50)}
    assert len(waits) > 40 and all(timedelta(0) <= w <= timedelta(seconds=ceiling) for w in waits)


def test_claim_deliver() -> None:
    msg = message()
    assert msg.claimable(AT)
    claimed = m.claimed(msg, AT)
    assert claimed.status is MessageStatus.DELIVERING and claimed.attempts == 1
    assert claimed.lease_until == AT + m.LEASE and not claimed.claimable(AT + timedelta(minutes=1))
    assert claimed.claimable(AT + m.LEASE)  # the worker died: the lease expired
    done = m.delivered(claimed, Receipt(saksnummer="2025/7"), AT)
    assert done.status is MessageStatus.DELIVERED and done.receipt == Receipt(saksnummer="2025/7")
    assert not done.claimable(AT + timedelta(days=9))
    with pytest.raises(Conflict):
        m.claimed(done, AT)


def test_failures_back_off_then_die_after_max_attempts() -> None:
    msg = message()
    now = AT
    for attempt in range(1, m.MAX_ATTEMPTS + 1):
        msg = m.claimed(msg, now)
        assert msg.attempts == attempt
        msg = m.after_failure(msg, "HTTP 503\n  Service   Unavailable", now, Fixed(0.5))
        if attempt < m.MAX_ATTEMPTS:
            assert msg.status is MessageStatus.FAILED
            assert msg.next_attempt_at == now + m.backoff(attempt, Fixed(0.5))
            assert not msg.claimable(now) or msg.next_attempt_at == now
            now = msg.next_attempt_at
    assert msg.status is MessageStatus.DEAD and msg.last_error == "HTTP 503 Service Unavailable"
    assert not msg.claimable(now + timedelta(days=30))


def test_a_rejection_is_dead_at_once_and_a_retry_starts_over() -> None:
    msg = m.after_rejection(m.claimed(message(), AT), "x" * 2000)
    assert msg.status is MessageStatus.DEAD and len(msg.last_error or "") == m.ERROR_MAX
    again = m.retried(msg, AT + timedelta(hours=1))
    assert again.status is MessageStatus.PENDING and again.attempts == 0
    assert again.claimable(AT + timedelta(hours=1)) and again.version == msg.version + 1
    with pytest.raises(Conflict):
        m.retried(again, AT)
