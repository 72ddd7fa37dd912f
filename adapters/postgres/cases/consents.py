"""Cases room: consents (scope, notice, parties; the child's view sealed) and their event logs
on PostgreSQL. Events are only ever appended (grants and a trigger refuse the rest) and
``UNIQUE (consent_id, party_id, seq)`` makes one of two concurrent appends the winner: the
other is ``ConsentConflict``. Status is never stored: the domain derives it from the events."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from adapters.postgres.cases.base import CasesRepository, Row
from domain.cases.consent import (
    CollectionMethod,
    Consent,
    ConsentEvent,
    ConsentParty,
    ConsentScope,
    EventKind,
    Forum,
    Notice,
    PartyKind,
    Purpose,
)
from domain.cases.regimes import Category
from domain.shared.errors import NotFound

K = "consent"
_PARTIES = (
    "ARRAY(SELECT ROW(p.id, p.kind, p.guardian_id, p.identity_verified_by) FROM consent_party p"
    " WHERE p.unit_id = k.unit_id AND p.consent_id = k.id ORDER BY p.position) AS parties"
)
_SELECT = (
    "SELECT k.id, k.case_id, k.purposes, k.allowed_categories, k.excluded_categories,"  # noqa: S608
    " k.source_organisation_ids, k.recipient_organisation_ids, k.forums, k.valid_from,"
    " k.valid_to, k.onward_sharing, k.notice_version, k.notice_language, k.notice_sha256,"
    " k.notice_easy_read, k.collected_by_person_id, k.collected_by_organisation_id, k.method,"
    f" k.child_view_enc, k.version, k.created_at, {_PARTIES} FROM consent k WHERE k.unit_id = $1"
)
GET = f"{_SELECT} AND k.id = $2"
OF_CASE = f"{_SELECT} AND k.case_id = $2 ORDER BY k.created_at, k.id"
OF_OPEN_CASES = (
    f"{_SELECT} AND EXISTS (SELECT FROM follow_up_case c WHERE c.unit_id = k.unit_id"
    " AND c.id = k.case_id AND c.status = 'open') ORDER BY k.case_id, k.created_at, k.id"
)
INSERT = (
    "INSERT INTO consent (id, unit_id, case_id, purposes, allowed_categories,"
    " excluded_categories, source_organisation_ids, recipient_organisation_ids, forums,"
    " valid_from, valid_to, onward_sharing, notice_version, notice_language, notice_sha256,"
    " notice_easy_read, collected_by_person_id, collected_by_organisation_id, method,"
    " child_view_enc, version) VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,"
    " $14, $15, $16, $17, $18, $19, $20, $21)"
)
PARTY = (
    "INSERT INTO consent_party (id, unit_id, consent_id, position, kind, guardian_id,"
    " identity_verified_by) VALUES ($2, $1, $3, $4, $5, $6, $7)"
)
_EVENTS = (
    "SELECT consent_id, party_id, seq, kind, at, recorded_by, method, evidence_ref, prev_hash,"
    " hash FROM consent_event WHERE unit_id = $1"
)
EVENTS = f"{_EVENTS} AND consent_id = ANY($2::uuid[]) ORDER BY consent_id, party_id, seq"
APPEND = (
    "INSERT INTO consent_event (unit_id, consent_id, party_id, seq, kind, at, recorded_by,"
    " method, evidence_ref, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
)


def _sorted(values: frozenset[Category] | frozenset[Purpose] | frozenset[Forum]) -> list[str]:
    return sorted(v.value for v in values)


def event(r: Row) -> ConsentEvent:
    return ConsentEvent(
        consent_id=r["consent_id"],
        party_id=r["party_id"],
        seq=r["seq"],
        kind=EventKind(r["kind"]),
        at=r["at"],
        recorded_by=r["recorded_by"],
        method=CollectionMethod(r["method"]),
        evidence_ref=r["evidence_ref"],
        prev_hash=r["prev_hash"],
        hash=r["hash"],
    )


class PgConsentRepository(CasesRepository):
    def _consent(self, r: Row) -> Consent:
        kid = r["id"]
        scope = ConsentScope(
            purposes=frozenset(Purpose(p) for p in r["purposes"]),
            allowed_categories=frozenset(Category(c) for c in r["allowed_categories"]),
            excluded_categories=frozenset(Category(c) for c in r["excluded_categories"]),
            source_organisation_ids=frozenset(r["source_organisation_ids"]),
            recipient_organisation_ids=frozenset(r["recipient_organisation_ids"]),
            forums=frozenset(Forum(f) for f in r["forums"]),
            valid_from=r["valid_from"],
            valid_to=r["valid_to"],
            onward_sharing=r["onward_sharing"],
        )
        notice = Notice(
            version=r["notice_version"],
            language=r["notice_language"],
            sha256=r["notice_sha256"],
            easy_read=r["notice_easy_read"],
        )
        parties = tuple(
            ConsentParty(id=pid, kind=PartyKind(kind), guardian_id=g, identity_verified_by=how)
            for pid, kind, g, how in r["parties"]
        )
        return Consent(
            id=kid,
            case_id=r["case_id"],
            scope=scope,
            notice=notice,
            parties=parties,
            collected_by_person_id=r["collected_by_person_id"],
            collected_by_organisation_id=r["collected_by_organisation_id"],
            method=CollectionMethod(r["method"]),
            child_view=self.open_opt(r["child_view_enc"], K, "child_view_enc", kid),
            created_at=r["created_at"],
            version=r["version"],
        )

    async def get(self, id: UUID) -> Consent:
        r = await self.row(GET, id)
        if r is None:
            raise NotFound(f"No consent with id {id}.")
        return self._consent(r)

    async def of_case(self, case_id: UUID) -> Sequence[Consent]:
        return [self._consent(r) for r in await self.rows(OF_CASE, case_id)]

    async def of_open_cases(self) -> Sequence[Consent]:
        return [self._consent(r) for r in await self.rows(OF_OPEN_CASES)]

    async def add(self, consent: Consent) -> None:
        k, s, n = consent, consent.scope, consent.notice
        await self.write(
            INSERT, k.id, k.case_id, _sorted(s.purposes), _sorted(s.allowed_categories),
            _sorted(s.excluded_categories), sorted(s.source_organisation_ids, key=str),
            sorted(s.recipient_organisation_ids, key=str), _sorted(s.forums), s.valid_from,
            s.valid_to, s.onward_sharing, n.version, n.language, n.sha256, n.easy_read,
            k.collected_by_person_id, k.collected_by_organisation_id, k.method.value,
            self.seal_opt(k.child_view, K, "child_view_enc", k.id), k.version,
        )  # fmt: skip
        for position, p in enumerate(k.parties):
            await self.write(
                PARTY, p.id, k.id, position, p.kind.value, p.guardian_id, p.identity_verified_by
            )


class PgConsentEvents(CasesRepository):
    async def append(self, event: ConsentEvent) -> None:
        e = event
        await self.write(
            APPEND, e.consent_id, e.party_id, e.seq, e.kind.value, e.at, e.recorded_by,
            e.method.value, e.evidence_ref, e.prev_hash, e.hash,
        )  # fmt: skip

    async def of_consent(self, consent_id: UUID) -> Sequence[ConsentEvent]:
        return await self.of_consents([consent_id])

    async def of_consents(self, consent_ids: Sequence[UUID]) -> Sequence[ConsentEvent]:
        return [event(r) for r in await self.rows(EVENTS, list(consent_ids))]
