"""REST knowledge room: the import job's read (status, progress, result, file-level error,
ignored columns), its row errors, the import kinds for the SPA and the saved column mappings."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Self
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto, Input
from api.rest.inputs import NOT_BLANK, stated
from domain.knowledge import limits
from domain.knowledge.kinds import ColumnType, KindSpec, Reference, Rule
from domain.knowledge.model import (
    ColumnMapping,
    ImportFormat,
    ImportJob,
    ImportKind,
    ImportMode,
    JobStatus,
)

MAPPING_DESCRIPTION = (
    "Target column → the file's header that fills it (headers as in the file). Left out: "
    "each target takes the header equal to its name or an alias, case-insensitively."
)


class JobProgressRead(Dto):
    rows_read: int
    bytes_read: int
    bytes_total: int


class ImportResultRead(Dto):
    inserted: int
    updated: int
    unchanged: int
    rejected_rows: int = Field(description="Rows with at least one error.")
    error_count: int = Field(description="Every row error found (the job keeps the first 1000).")


class JobErrorRead(Dto):
    code: str = Field(description="The file-level problem, e.g. import-encoding.")
    message: str


class ImportJobRead(Dto):
    id: UUID
    kind: ImportKind
    format: ImportFormat
    filename: str
    size_bytes: int
    sha256: str = Field(description="SHA-256 of the uploaded file, hex.")
    mode: ImportMode
    mapping: dict[str, str] = Field(description=MAPPING_DESCRIPTION)
    columns: list[str] = Field(description="The file's header, as in the file.")
    ignored_columns: list[str] = Field(description="Headers of the file no target column takes.")
    source_name: str | None
    status: JobStatus
    progress: JobProgressRead
    result: ImportResultRead | None
    sample: list[dict[str, str | None]] = Field(
        description="A preview's first mapped rows (target column → cell); none for events."
    )
    error: JobErrorRead | None = Field(description="Why the whole file was refused, if it was.")
    file_kept: bool = Field(
        description="The uploaded file is still on the server: a preview can be committed and an"
        f" interrupted import retried only while it is ({limits.FILE_KEPT_HOURS} hours after it ended)."
    )
    started_by_name: str
    machine_org: str | None = Field(description="The machine client's organisation, if one.")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    rolled_back_at: datetime | None
    rolled_back_by_name: str | None
    version: int

    @classmethod
    def of(cls, job: ImportJob) -> Self:
        # Event records are never shown row by row, not even in a preview's sample.
        sample = [] if job.kind is ImportKind.EVENTS else [dict(r) for r in job.sample]
        values: dict[str, Any] = {
            f: getattr(job, f)
            for f in cls.model_fields
            if f not in ("mapping", "sample", "file_kept")
        }
        values["progress"] = JobProgressRead.from_domain(job.progress)
        values["result"] = None if job.result is None else ImportResultRead.from_domain(job.result)
        values["error"] = None if job.error is None else JobErrorRead.from_domain(job.error)
        values |= {"mapping": dict(job.mapping), "sample": sample}
        values["file_kept"] = job.file_ref is not None
        return cls.model_validate(values)


class RowErrorRead(Dto):
    row: int = Field(description="The data row, from 1 (the header is not a row).")
    column: str | None = Field(description="The target column; null for the row as a whole.")
    value: str | None = Field(description="The cell as sent, cut to 200 characters.")
    code: str = Field(description="A stable row error code, e.g. not-a-number, duplicate-key.")
    message: str


class RowErrorPage(Dto):
    items: list[RowErrorRead]
    total: int = Field(description="Row errors the job kept (the first 1000).")
    error_count: int = Field(description="Every row error found.")
    next_cursor: str | None


class ColumnRead(Dto):
    name: str
    type: ColumnType
    required: bool
    max_length: int
    aliases: list[str] = Field(description="Headers accepted for it, case-insensitively.")
    vocabulary: list[str] | None = Field(description="The codes an enum or codes column takes.")
    default: str | None = Field(description="What an empty cell becomes.")
    minimum: int | None
    maximum: int | None
    references: Reference | None = Field(description="What the code must name in the unit.")
    rule: Rule | None


class ImportKindRead(Dto):
    kind: ImportKind
    columns: list[ColumnRead]
    key: list[str] = Field(description="The columns that identify a row (the upsert key).")

    @classmethod
    def of(cls, spec: KindSpec) -> Self:
        return cls(
            kind=spec.kind,
            columns=[ColumnRead.from_domain(c) for c in spec.columns],
            key=list(spec.key),
        )


class ColumnMappingRead(Dto):
    kind: ImportKind
    source_name: str
    mapping: dict[str, str] = Field(description=MAPPING_DESCRIPTION)
    version: int

    @classmethod
    def of(cls, m: ColumnMapping) -> Self:
        return cls(
            kind=m.kind, source_name=m.source_name, mapping=dict(m.mapping), version=m.version
        )


class ColumnMappingPut(Input):
    mapping: dict[str, str] = Field(max_length=limits.MAPPING_MAX, description=MAPPING_DESCRIPTION)


SOURCE_FIELD = {
    "min_length": 1,
    "max_length": limits.SOURCE_NAME_MAX,
    "json_schema_extra": stated(pattern=NOT_BLANK),
}
