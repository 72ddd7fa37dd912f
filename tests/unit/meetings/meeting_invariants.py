"""Meetings stateful test room: the invariants every state of the meetings store keeps (the
machine in ``test_states`` inherits them and checks them after every step)."""

from __future__ import annotations

from uuid import UUID

from hypothesis import event
from hypothesis.stateful import RuleBasedStateMachine, invariant

from domain.meetings.minutes import MinutesVersion
from domain.meetings.status import APPROVED, DocumentationStatus, MeetingStatus, allowed
from tests.fakes import FakeMeetingsStore

S = MeetingStatus
WITH_MINUTES = frozenset({S.MINUTES_DRAFT, S.MINUTES_APPROVED, S.DISTRIBUTED})
OVERRIDE_REASON = "Offentlig omtalt"


class MeetingInvariants(RuleBasedStateMachine):
    store: FakeMeetingsStore
    seen: dict[UUID, MeetingStatus]
    approved: dict[UUID, MinutesVersion]  # every approved version as first seen

    def _versions(self, id: UUID) -> list[MinutesVersion]:
        return sorted(
            (v for v in self.store.tables.minutes.values() if v.meeting_id == id),
            key=lambda v: v.number,
        )

    def _current(self, id: UUID) -> MinutesVersion | None:
        versions = self._versions(id)
        return versions[-1] if versions else None

    @invariant()
    def statuses_follow_the_table(self) -> None:
        for id, m in self.store.tables.meetings.items():
            before = self.seen.get(id, S.PLANNED)
            assert m.status is before or allowed(before, m.status), (before, m.status)
            self.seen[id] = m.status
            event(f"reached {m.status}")
            assert (m.status is S.CANCELLED) == (m.cancel_reason is not None)
            if m.status in APPROVED:
                assert m.archive_worthy and m.documentation_status is DocumentationStatus.FINAL

    @invariant()
    def minutes_match_the_status(self) -> None:
        for id, m in self.store.tables.meetings.items():
            versions = self._versions(id)
            assert bool(versions) == (m.status in WITH_MINUTES)
            assert [v.number for v in versions] == list(range(1, len(versions) + 1))
            assert all(v.approved for v in versions[:-1])
            assert all(v.correction_reason for v in versions[1:])
            if versions:
                assert versions[-1].approved == (m.status in APPROVED)

    @invariant()
    def approved_minutes_never_change(self) -> None:
        for v in self.store.tables.minutes.values():
            if v.number > 1:
                event("reached a correction")
            if v.approved:
                assert self.approved.setdefault(v.id, v) == v
        assert all(self.store.tables.minutes.get(id) == v for id, v in self.approved.items())

    @invariant()
    def decision_numbers_are_gapless_per_body_and_year(self) -> None:
        by_year: dict[int, list[int]] = {}
        for d in self.store.tables.decisions.values():
            status = self.store.tables.meetings[d.meeting_id].status
            assert (d.number is not None) == (status in APPROVED)
            if d.number is not None:
                by_year.setdefault(d.number.year, []).append(d.number.sequence)
        for numbers in by_year.values():
            assert sorted(numbers) == list(range(1, len(numbers) + 1))

    @invariant()
    def overrides_only_with_a_reason(self) -> None:
        assert all(o.override.reason == OVERRIDE_REASON for o in self.store.tables.overrides)
