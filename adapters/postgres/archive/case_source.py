"""Archive delivery room: adopted action plans, agreements, completed evaluations and concluded
measures as archive records (a saksmappe with one journalpost, or an arkivnotat without a
document), read by SQL from their contexts' tables; the signed agreement and the evaluation report
travel as stored, the plan as the plan renderer's PDF/A (``PlanDocuments``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from adapters.postgres.organisation.sql import Reader
from domain.archive.records import ArchiveDocument, ArchiveRecord, RecordKind

# (unit, plan) → the adopted plan's PDF/A, or None when it cannot be had.
PlanDocuments = Callable[[UUID, UUID], Awaitable[bytes | None]]

PLAN = (
    "SELECT p.id, p.title, p.description, p.period_start, p.period_end, p.version, p.created_at,"
    " p.updated_at, m.starts_at AS decided_at, b.name AS body_name"
    " FROM action_plan p LEFT JOIN decision d ON d.unit_id = p.unit_id AND d.id = p.decision_id"
    " LEFT JOIN meeting m ON m.unit_id = d.unit_id AND m.id = d.meeting_id"
    " LEFT JOIN body b ON b.unit_id = d.unit_id AND b.id = d.body_id"
    " WHERE p.unit_id = $1 AND p.id = $2 AND p.adopted"
)
AGREEMENT = (
    "SELECT a.id, a.kind, a.title, a.signed_on, a.valid_until, a.version, a.created_at,"
    " d.filename, d.media_type, d.content,"
    " (SELECT string_agg(o.name, ', ' ORDER BY p.position) FROM agreement_party p"
    "   JOIN organisation o ON o.unit_id = p.unit_id AND o.id = p.organisation_id"
    "  WHERE p.unit_id = a.unit_id AND p.agreement_id = a.id) AS parties"
    " FROM agreement a JOIN agreement_document d ON d.unit_id = a.unit_id AND d.agreement_id = a.id"
    " WHERE a.unit_id = $1 AND a.id = $2 AND a.documentation_status = 'final' AND a.archive_worthy"
)
EVALUATION = (
    "SELECT e.id, e.findings, e.conclusion, e.completed_on, e.version, e.created_at,"
    " m.title AS measure_title, r.filename, r.media_type, r.content"
    " FROM evaluation e JOIN measure m ON m.unit_id = e.unit_id AND m.id = e.measure_id"
    " LEFT JOIN evaluation_report r ON r.unit_id = e.unit_id AND r.evaluation_id = e.id"
    " WHERE e.unit_id = $1 AND e.id = $2 AND e.conclusion IS NOT NULL"
)
MEASURE = (
    "SELECT m.id, m.title, m.problem, m.closing_note, m.version, m.created_at,"
    " (SELECT max(c.at) FROM measure_stage_change c WHERE c.unit_id = m.unit_id"
    "   AND c.measure_id = m.id AND c.to_stage = 'concluded') AS concluded_at"
    " FROM measure m WHERE m.unit_id = $1 AND m.id = $2 AND m.stage = 'concluded'"
)
OSLO = ZoneInfo("Europe/Oslo")
AGREEMENT_KINDS = {"cooperation": "Samarbeidsavtale", "police_council": "Politirådsavtale"}
CONCLUSIONS = {"continue": "videreføres", "adjust": "justeres", "stop": "avsluttes"}


def _day(value: datetime | date) -> date:
    return value.astimezone(OSLO).date() if isinstance(value, datetime) else value


def _stored(row: Any, title: str) -> tuple[ArchiveDocument, ...]:
    if row["content"] is None:
        return ()
    content = bytes(row["content"])
    return (ArchiveDocument.of(row["filename"], row["media_type"], content, title),)


class CaseRecords:
    def __init__(self, read: Reader, unit_id: UUID, plans: PlanDocuments | None) -> None:
        self.read = read
        self.unit_id = unit_id
        self.plans = plans

    async def plan(self, id: UUID) -> ArchiveRecord | None:
        r = await self.read.row(PLAN, self.unit_id, id)
        if r is None:
            return None
        pdf = await self.plans(self.unit_id, id) if self.plans is not None else None
        title = f"Handlingsplan {r['title']}"
        docs = (
            ()
            if pdf is None
            else (ArchiveDocument.of("handlingsplan.pdf", "application/pdf", pdf, title),)
        )
        period = f"{r['period_start']:%d.%m.%Y}–{r['period_end']:%d.%m.%Y}"
        return ArchiveRecord(
            kind=RecordKind.ACTION_PLAN, record_id=id, part_id=None, version=1,
            title=f"Vedtatt handlingsplan {r['title']} ({period})", case_title=title,
            record_date=_day(r["decided_at"] or r["updated_at"]), created_at=r["created_at"],
            description=r["description"], author=r["body_name"], documents=docs,
        )  # fmt: skip

    async def agreement(self, id: UUID) -> ArchiveRecord | None:
        r = await self.read.row(AGREEMENT, self.unit_id, id)
        if r is None:
            return None
        kind = AGREEMENT_KINDS.get(r["kind"], "Avtale")
        return ArchiveRecord(
            kind=RecordKind.AGREEMENT, record_id=id, part_id=None, version=1,
            title=f"Signert {kind.lower()}: {r['title']}", case_title=f"{kind}: {r['title']}",
            record_date=r["signed_on"], created_at=r["created_at"],
            description=f"Parter: {r['parties'] or '-'}. Gyldig til {r['valid_until']:%d.%m.%Y}.",
            documents=_stored(r, f"{kind} {r['title']}"),
        )  # fmt: skip

    async def evaluation(self, id: UUID) -> ArchiveRecord | None:
        r = await self.read.row(EVALUATION, self.unit_id, id)
        if r is None:
            return None
        conclusion = CONCLUSIONS.get(r["conclusion"], r["conclusion"])
        return ArchiveRecord(
            kind=RecordKind.EVALUATION, record_id=id, part_id=None, version=1,
            title=f"Evaluering av tiltak: {r['measure_title']}",
            case_title=f"Evaluering: {r['measure_title']}",
            record_date=r["completed_on"], created_at=r["created_at"],
            description=f"{r['findings']}\n\nKonklusjon: tiltaket {conclusion}.",
            documents=_stored(r, f"Evalueringsrapport {r['measure_title']}"),
        )  # fmt: skip

    async def measure(self, id: UUID) -> ArchiveRecord | None:
        r = await self.read.row(MEASURE, self.unit_id, id)
        if r is None:
            return None
        return ArchiveRecord(
            kind=RecordKind.MEASURE, record_id=id, part_id=None, version=1,
            title=f"Avsluttet tiltak: {r['title']}", case_title=f"Tiltak: {r['title']}",
            record_date=_day(r["concluded_at"] or r["created_at"]), created_at=r["created_at"],
            description=r["closing_note"] or r["problem"],
        )  # fmt: skip
