"""Knowledge PostgreSQL room: rows (asyncpg records) to the context's records and back."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from domain.knowledge.model import (
    Area,
    AreaPopulation,
    ColumnMapping,
    ImportFormat,
    ImportJob,
    ImportKind,
    ImportMode,
    ImportResult,
    Indicator,
    JobError,
    JobProgress,
    JobStatus,
    Observation,
    RowError,
)
from domain.knowledge.periods import Period

Row = Any

INDICATOR_COLUMNS = (
    "id, unit_id, code, name, source, category, measure_unit, factors, description,"
    " higher_is_better, version"
)
AREA_COLUMNS = "id, unit_id, code, name, municipality_number, kind, version"
OBSERVATION_COLUMNS = (
    "indicator_code, area_code, period, cohort, gender, value, count, denominator, import_id"
)
JOB_COLUMNS = (
    "id, unit_id, kind, format, filename, size_bytes, sha256, file_ref, mode, mapping, columns,"
    " ignored_columns, source_name, status, rows_read, bytes_read, bytes_total, result, sample,"
    " error_code, error_message, started_by_name, started_by_person_id, machine_org, created_at,"
    " started_at, heartbeat_at, finished_at, rolled_back_at, rolled_back_by_name, version"
)


def loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def indicator(r: Row) -> Indicator:
    return Indicator(
        id=r["id"], unit_id=r["unit_id"], code=r["code"], name=r["name"], source=r["source"],
        category=r["category"], measure_unit=r["measure_unit"], factors=tuple(r["factors"]),
        description=r["description"], higher_is_better=r["higher_is_better"],
        version=r["version"],
    )  # fmt: skip


def area(r: Row) -> Area:
    return Area(
        id=r["id"], unit_id=r["unit_id"], code=r["code"], name=r["name"],
        municipality_number=r["municipality_number"], kind=r["kind"], version=r["version"],
    )  # fmt: skip


def population(r: Row) -> AreaPopulation:
    return AreaPopulation(
        area_code=r["area_code"], year=r["year"], age_band=r["age_band"], residents=r["residents"]
    )


def observation(r: Row) -> Observation:
    return Observation(
        indicator_code=r["indicator_code"], area_code=r["area_code"],
        period=Period.try_parse(r["period"]) or Period(1900), cohort=r["cohort"],
        gender=r["gender"], value=r["value"], count=r["count"], denominator=r["denominator"],
        import_id=r["import_id"],
    )  # fmt: skip


def result_json(result: ImportResult | None) -> str | None:
    if result is None:
        return None
    return json.dumps(
        {
            "inserted": result.inserted,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "rejected_rows": result.rejected_rows,
            "error_count": result.error_count,
        }
    )


def _result(value: Any) -> ImportResult | None:
    data = loads(value)
    return None if data is None else ImportResult(**{k: int(v) for k, v in data.items()})


def job(r: Row) -> ImportJob:
    error = None
    if r["error_code"] is not None:
        error = JobError(code=r["error_code"], message=r["error_message"] or "")
    return ImportJob(
        id=r["id"], unit_id=r["unit_id"], kind=ImportKind(r["kind"]),
        format=ImportFormat(r["format"]), filename=r["filename"], size_bytes=r["size_bytes"],
        sha256=r["sha256"], file_ref=r["file_ref"], mode=ImportMode(r["mode"]),
        mapping=loads(r["mapping"]), columns=tuple(r["columns"]),
        ignored_columns=tuple(r["ignored_columns"]), source_name=r["source_name"],
        status=JobStatus(r["status"]),
        progress=JobProgress(
            rows_read=r["rows_read"], bytes_read=r["bytes_read"], bytes_total=r["bytes_total"]
        ),
        result=_result(r["result"]), sample=tuple(loads(r["sample"]) or ()), error=error,
        started_by_name=r["started_by_name"], started_by_person_id=r["started_by_person_id"],
        machine_org=r["machine_org"], created_at=r["created_at"], started_at=r["started_at"],
        heartbeat_at=r["heartbeat_at"], finished_at=r["finished_at"],
        rolled_back_at=r["rolled_back_at"], rolled_back_by_name=r["rolled_back_by_name"],
        version=r["version"],
    )  # fmt: skip


def job_values(j: ImportJob) -> tuple[Any, ...]:
    """In ``JOB_COLUMNS`` order."""
    return (
        j.id, j.unit_id, j.kind.value, j.format.value, j.filename, j.size_bytes, j.sha256,
        j.file_ref, j.mode.value, json.dumps(dict(j.mapping)), list(j.columns),
        list(j.ignored_columns), j.source_name, j.status.value, j.progress.rows_read,
        j.progress.bytes_read, j.progress.bytes_total, result_json(j.result),
        json.dumps([dict(s) for s in j.sample]), j.error.code if j.error else None,
        j.error.message if j.error else None, j.started_by_name, j.started_by_person_id,
        j.machine_org, j.created_at, j.started_at, j.heartbeat_at, j.finished_at,
        j.rolled_back_at, j.rolled_back_by_name, j.version,
    )  # fmt: skip


def row_error(r: Row) -> RowError:
    return RowError(
        row=r["row_no"], column=r["column_name"], value=r["value"], code=r["code"],
        message=r["message"],
    )  # fmt: skip


def column_mapping(r: Row, unit_id: UUID) -> ColumnMapping:
    return ColumnMapping(
        unit_id=unit_id, kind=ImportKind(r["kind"]), source_name=r["source_name"],
        mapping=loads(r["mapping"]), version=r["version"],
    )  # fmt: skip
