"""Fakes room: the cases context's consents, their append-only events, break-glass grants and the
access log in memory (consent events unique per (consent, party, seq) even across concurrent
units of work, as the database's UNIQUE makes them)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from domain.cases.access import AccessEntry
from domain.cases.breakglass import BreakGlass
from domain.cases.consent import Consent, ConsentEvent
from domain.cases.errors import ConsentConflict
from domain.shared.errors import NotFound, StaleVersion
from tests.fakes.cases_repos import _Child

if TYPE_CHECKING:
    from tests.fakes.cases import FakeCasesUnitOfWork


class FakeConsentRepository(_Child):
    async def get(self, id: UUID) -> Consent:
        c: Consent | None = self._uow.tables.consents.get(id)
        if c is None or not self._case_ok(c.case_id):
            raise NotFound("No such consent.")
        return c

    async def add(self, consent: Consent) -> None:
        assert self._case_ok(consent.case_id), "consent of an unknown case"
        self._uow.tables.consents[consent.id] = consent

    async def of_case(self, case_id: UUID) -> Sequence[Consent]:
        rows = [c for c in self._uow.tables.consents.values() if c.case_id == case_id]
        return sorted((c for c in rows if self._case_ok(c.case_id)), key=lambda c: str(c.id))

    async def of_open_cases(self) -> Sequence[Consent]:
        t = self._uow.tables
        return [
            c
            for c in t.consents.values()
            if self._case_ok(c.case_id) and t.cases[c.case_id].is_open
        ]


class FakeConsentEvents(_Child):
    async def append(self, event: ConsentEvent) -> None:
        c = self._uow.tables.consents.get(event.consent_id)
        assert c is not None and self._case_ok(c.case_id), "event of an unknown consent"
        for e in self._uow.store.tables.consent_events + self._uow.tables.consent_events:
            if (e.consent_id, e.party_id, e.seq) == (event.consent_id, event.party_id, event.seq):
                raise ConsentConflict("Another event was recorded for the party first.")
        self._uow.tables.consent_events.append(event)

    async def of_consent(self, consent_id: UUID) -> Sequence[ConsentEvent]:
        return await self.of_consents([consent_id])

    async def of_consents(self, consent_ids: Sequence[UUID]) -> Sequence[ConsentEvent]:
        wanted = set(consent_ids)
        rows = [e for e in self._uow.tables.consent_events if e.consent_id in wanted]
        return sorted(rows, key=lambda e: (str(e.consent_id), str(e.party_id), e.seq))


class FakeBreakGlassRepository(_Child):
    async def get(self, id: UUID) -> BreakGlass:
        g: BreakGlass | None = self._uow.tables.break_glass.get(id)
        if g is None or not self._case_ok(g.case_id):
            raise NotFound("No such break-glass access.")
        return g

    async def add(self, grant: BreakGlass) -> None:
        assert self._case_ok(grant.case_id), "grant on an unknown case"
        self._uow.tables.break_glass[grant.id] = grant

    async def update(self, grant: BreakGlass, expected_version: int) -> None:
        stored = await self.get(grant.id)
        if stored.version != expected_version:
            raise StaleVersion("Someone else changed this in the meantime.")
        self._uow.tables.break_glass[grant.id] = grant

    def _mine(self) -> list[BreakGlass]:
        return [g for g in self._uow.tables.break_glass.values() if self._case_ok(g.case_id)]

    async def active(self, case_id: UUID, person_id: UUID, at: datetime) -> BreakGlass | None:
        rows = [
            g
            for g in self._mine()
            if g.case_id == case_id and g.person_id == person_id and g.active_at(at)
        ]
        return max(rows, key=lambda g: g.opened_at, default=None)

    async def of_person(self, person_id: UUID, at: datetime) -> Sequence[BreakGlass]:
        return [g for g in self._mine() if g.person_id == person_id and g.active_at(at)]

    async def all(self) -> Sequence[BreakGlass]:
        return sorted(self._mine(), key=lambda g: (g.reviewed, -g.opened_at.timestamp()))


class FakeAccessLog:
    """INSERT only: entries are appended, never changed (tests read ``store.access_log``)."""

    def __init__(self, uow: FakeCasesUnitOfWork) -> None:
        self._uow = uow

    async def append(self, entries: Sequence[AccessEntry]) -> None:
        for e in entries:
            assert e.unit_id == self._uow.unit_id, "access entry of another unit"
            self._uow.tables.case_access_log.append(dataclasses.replace(e))

    def _mine(self) -> list[AccessEntry]:
        return [e for e in self._uow.tables.case_access_log if e.unit_id == self._uow.unit_id]

    async def of_subject(self, subject_id: UUID) -> Sequence[AccessEntry]:
        return [e for e in self._mine() if e.subject_ref == subject_id]

    async def of_case(self, case_id: UUID) -> Sequence[AccessEntry]:
        return [e for e in self._mine() if e.case_id == case_id]
