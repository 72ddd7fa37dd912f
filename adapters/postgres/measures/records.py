"""Measures room: the append-only records on PostgreSQL — the stage history (a second step with
the same sequence, a concurrent transition, is ``StaleVersion``), progress notes, the guard's
override log (kinds and counts, never the text) — and the unit's settings row."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.measures.constraints import domain_error
from adapters.postgres.measures.record_tables import PROGRESS_NOTE, STAGE_CHANGE
from adapters.postgres.measures.tables import MEASURE_SETTINGS, MEASURE_TEXT_OVERRIDE
from adapters.postgres.organisation.sql import Reader, Row
from domain.measures.history import ProgressNote, StageChange
from domain.measures.limits import DEFAULT_EVALUATION_THRESHOLD_NOK
from domain.measures.overrides import MeasureOverrideRecord
from domain.measures.stage import Stage

# One read serves one measure or many (GraphQL's DataLoader): ``$2`` is the list of measures.
HISTORY = (
    "SELECT id, unit_id, measure_id, sequence, from_stage, to_stage, at, actor_person_id,"
    " actor_name, reason, decision_id, decision_label FROM measure_stage_change"
    " WHERE unit_id = $1 AND measure_id = ANY($2::uuid[]) ORDER BY measure_id, sequence"
)
NOTES = (
    "SELECT id, unit_id, measure_id, at, author_person_id, author_name, text"
    " FROM measure_progress_note WHERE unit_id = $1 AND measure_id = ANY($2::uuid[])"
    " ORDER BY at DESC, id DESC"
)
THRESHOLD = "SELECT evaluation_threshold_nok FROM measure_settings WHERE unit_id = $1"
_SET = insert(MEASURE_SETTINGS)
SET_THRESHOLD = _SET.on_conflict_do_update(
    index_elements=[MEASURE_SETTINGS.c.unit_id],
    set_={
        "evaluation_threshold_nok": _SET.excluded.evaluation_threshold_nok,
        "updated_at": sa.func.now(),
    },
)


class _Repository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def _insert(self, table: sa.Table, values: dict[str, object]) -> None:
        try:
            await self.conn.execute(sa.insert(table), values)
        except IntegrityError as exc:
            raise domain_error(exc) from None


def _change(r: Row) -> StageChange:
    return StageChange(
        id=r["id"],
        unit_id=r["unit_id"],
        measure_id=r["measure_id"],
        from_stage=None if r["from_stage"] is None else Stage(r["from_stage"]),
        to_stage=Stage(r["to_stage"]),
        at=r["at"],
        actor_person_id=r["actor_person_id"],
        actor_name=r["actor_name"],
        reason=r["reason"],
        decision_id=r["decision_id"],
        decision_label=r["decision_label"],
        sequence=r["sequence"],
    )


class PgStageHistory(_Repository):
    async def append(self, change: StageChange) -> None:
        await self._insert(
            STAGE_CHANGE,
            {
                "id": change.id,
                "unit_id": self.unit_id,
                "measure_id": change.measure_id,
                "sequence": change.sequence,
                "from_stage": None if change.from_stage is None else change.from_stage.value,
                "to_stage": change.to_stage.value,
                "at": change.at,
                "actor_person_id": change.actor_person_id,
                "actor_name": change.actor_name,
                "reason": change.reason,
                "decision_id": change.decision_id,
                "decision_label": change.decision_label,
            },
        )

    async def of_measure(self, measure_id: UUID) -> Sequence[StageChange]:
        return await self.of_measures([measure_id])

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[StageChange]:
        """By measure, then sequence."""
        rows = await self.read.rows(HISTORY, self.unit_id, list(measure_ids))
        return [_change(r) for r in rows]


class PgProgressNotes(_Repository):
    async def add(self, note: ProgressNote) -> None:
        await self._insert(
            PROGRESS_NOTE,
            {
                "id": note.id,
                "unit_id": self.unit_id,
                "measure_id": note.measure_id,
                "at": note.at,
                "author_person_id": note.author_person_id,
                "author_name": note.author_name,
                "text": note.text,
            },
        )

    async def of_measure(self, measure_id: UUID) -> Sequence[ProgressNote]:
        return await self.of_measures([measure_id])

    async def of_measures(self, measure_ids: Sequence[UUID]) -> Sequence[ProgressNote]:
        """Newest first."""
        rows = await self.read.rows(NOTES, self.unit_id, list(measure_ids))
        return [ProgressNote(**dict(r.items())) for r in rows]


class PgMeasureOverrideLog(_Repository):
    async def record(self, entry: MeasureOverrideRecord) -> None:
        o = entry.override
        await self._insert(
            MEASURE_TEXT_OVERRIDE,
            {
                "id": uuid4(),
                "unit_id": self.unit_id,
                "measure_id": entry.measure_id,
                "person_id": entry.person_id,
                "subject_key": entry.subject_key,
                "field": o.field,
                "reason": o.reason,
                "rule": o.rule,
                "counts": {kind.value: n for kind, n in o.counts},
                "at": entry.at,
            },
        )


class PgMeasureSettings(_Repository):
    async def evaluation_threshold_nok(self) -> int:
        value = await self.read.value(THRESHOLD, self.unit_id)
        return DEFAULT_EVALUATION_THRESHOLD_NOK if value is None else int(value)

    async def set_evaluation_threshold_nok(self, amount: int) -> None:
        try:
            await self.conn.execute(
                SET_THRESHOLD, {"unit_id": self.unit_id, "evaluation_threshold_nok": amount}
            )
        except IntegrityError as exc:
            raise domain_error(exc) from None
