"""Knowledge PostgreSQL room: rolling a committed import back, in the unit of work's transaction —
the rows it inserted deleted, the rows it updated given back their previous values (its row
history), under the same per-(unit, kind) advisory lock the pipeline's upsert takes."""

from __future__ import annotations

import asyncpg  # type: ignore[import-untyped]

from adapters.postgres.knowledge import kinds_sql
from adapters.postgres.knowledge.base import Repo
from domain.knowledge.errors import ImportNotLatest
from domain.knowledge.kinds import KindSpec
from domain.knowledge.model import ImportJob, ImportResult
from domain.shared.errors import InUse

LATER = (
    "SELECT l.id FROM knowledge_import_jobs l JOIN knowledge_import_jobs j"
    " ON j.unit_id = l.unit_id AND j.id = $3 WHERE l.unit_id = $1 AND l.kind = $2"
    " AND l.status = 'committed' AND l.id <> j.id AND l.finished_at > j.finished_at"
    " ORDER BY l.finished_at DESC LIMIT 1"
)
LOCK = "SELECT pg_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 14))"


def restore_sql(k: kinds_sql.KindSql) -> str:
    sets = ", ".join(f"{c} = p.{c}" for c in k.restored)
    if k.versioned:
        sets += ", version = t.version + 1, updated_at = now()"
    on = " AND ".join(f"t.{c} = p.{c}" for c in k.key)
    return (
        f"UPDATE {k.table} t SET {sets} FROM knowledge_import_row_history h,"  # noqa: S608
        f" jsonb_populate_record(NULL::{k.table}, h.previous) p"
        f" WHERE h.unit_id = $1 AND h.job_id = $2 AND t.unit_id = $1 AND {on}"
    )


class PgImportUndo(Repo):
    async def rollback(self, job: ImportJob, spec: KindSpec) -> ImportResult:
        k = kinds_sql.of(spec)
        await self.db.value(LOCK, str(self.unit_id), spec.kind.value)
        # Under the lock: an import of the kind committed since the use case looked comes later.
        later = await self.db.value(LATER, self.unit_id, spec.kind.value, job.id)
        if later is not None:
            raise ImportNotLatest(str(later))
        delete = (
            f"WITH d AS (DELETE FROM {k.table} WHERE unit_id = $1 AND first_import_id = $2"  # noqa: S608
            " RETURNING 1) SELECT count(*) FROM d"
        )
        restore = f"WITH u AS ({restore_sql(k)} RETURNING 1) SELECT count(*) FROM u"  # noqa: S608
        try:
            deleted = await self.db.value(delete, self.unit_id, job.id)
        except asyncpg.ForeignKeyViolationError:
            raise InUse(
                "Records of another kind refer to rows this import added; roll those back first."
            ) from None
        restored = await self.db.value(restore, self.unit_id, job.id)
        await self.db.value(
            "DELETE FROM knowledge_import_row_history WHERE unit_id = $1 AND job_id = $2",
            self.unit_id, job.id,
        )  # fmt: skip
        return ImportResult(inserted=deleted, updated=restored)
