"""Knowledge domain room: the context's records — indicators, areas, populations, observations,
de-identified event records, import jobs and saved column mappings (frozen; ``version`` for ETags)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from domain.knowledge.periods import Period


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    id: UUID
    unit_id: UUID
    code: str
    name: str
    source: str  # vocab.SOURCES
    category: str  # vocab.CATEGORIES
    measure_unit: str  # vocab.MEASURE_UNITS
    factors: tuple[str, ...] = ()  # vocab.FACTORS: the logic model link to measures
    description: str | None = None
    higher_is_better: bool | None = None
    version: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class AreaPopulation:
    area_code: str
    year: int
    age_band: str  # vocab.AGE_BANDS
    residents: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Area:
    id: UUID
    unit_id: UUID
    code: str
    name: str
    municipality_number: str  # one of the unit's municipalities
    kind: str = "district"  # vocab.AREA_KINDS
    version: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Observation:
    indicator_code: str
    area_code: str
    period: Period
    cohort: str = "all"  # vocab.COHORTS
    gender: str = "all"  # vocab.GENDERS
    value: Decimal
    count: int | None = None
    denominator: int | None = None
    import_id: UUID | None = None  # provenance: the import that wrote it last


@dataclass(frozen=True, slots=True, kw_only=True)
class EventRecord:
    """De-identified: a pseudonymous ``subject_key`` only, never a name or an identity number.
    Never read one by one: only the trends context counts them."""

    external_id: str
    category: str  # vocab.EVENT_CATEGORIES
    area_code: str
    age_band: str  # vocab.AGE_BANDS
    occurred_on: date
    subject_key: str
    import_id: UUID | None = None


class ImportKind(enum.StrEnum):
    INDICATORS = "indicators"
    AREAS = "areas"
    POPULATIONS = "populations"
    OBSERVATIONS = "observations"
    EVENTS = "events"


class ImportFormat(enum.StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    XLSX = "xlsx"


class ImportMode(enum.StrEnum):
    PREVIEW = "preview"  # validate and count, then roll back: nothing is written
    COMMIT = "commit"


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    PREVIEWED = "previewed"
    COMMITTED = "committed"
    FAILED = "failed"
    INTERRUPTED = "interrupted"
    ROLLED_BACK = "rolled_back"


@dataclass(frozen=True, slots=True, kw_only=True)
class JobProgress:
    rows_read: int = 0
    bytes_read: int = 0
    bytes_total: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """What a run found (preview) or did (commit). ``error_count`` counts every row error;
    ``rejected_rows`` the distinct rows with at least one."""

    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected_rows: int = 0
    error_count: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class JobError:
    """A file-level problem (``errors.FileProblem`` code) and its message."""

    code: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RowError:
    """One bad cell (or row: ``column`` None). ``row`` counts data rows from 1 (the header is
    not a row); ``column`` is the TARGET column; ``value`` is cut to 200 characters and is never
    logged; ``code`` is one of ``rows.ROW_ERROR_CODES``."""

    row: int
    column: str | None
    value: str | None
    code: str
    message: str


Row = Mapping[str, str | None]  # a mapped row: target column → cell text (None: empty)


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportOutcome:
    """What ``ImportPipeline.run`` returns: counts, the first row errors, their total and the
    first mapped rows (a preview's sample)."""

    result: ImportResult
    errors: tuple[RowError, ...] = ()
    error_count: int = 0
    sample: tuple[Row, ...] = ()
    rows_read: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportJob:
    id: UUID
    unit_id: UUID
    kind: ImportKind
    format: ImportFormat
    filename: str
    size_bytes: int
    sha256: str
    file_ref: str | None  # the spooled file (None once deleted)
    mode: ImportMode
    mapping: Mapping[str, str]  # target column → source header
    columns: tuple[str, ...] = ()  # the file's header, as in the file
    ignored_columns: tuple[str, ...] = ()  # source headers no target maps
    source_name: str | None = None
    status: JobStatus = JobStatus.QUEUED
    progress: JobProgress = field(default_factory=JobProgress)
    result: ImportResult | None = None
    sample: tuple[Row, ...] = ()
    error: JobError | None = None
    started_by_name: str
    started_by_person_id: UUID | None = None
    machine_org: str | None = None
    created_at: datetime
    started_at: datetime | None = None
    heartbeat_at: datetime | None = None
    finished_at: datetime | None = None
    rolled_back_at: datetime | None = None
    rolled_back_by_name: str | None = None
    version: int = 1

    @property
    def has_row_errors(self) -> bool:
        return self.result is not None and self.result.error_count > 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ColumnMapping:
    """A saved mapping for files of one (kind, source name) — "Ungdata 2025", "STRASAK"."""

    unit_id: UUID
    kind: ImportKind
    source_name: str
    mapping: Mapping[str, str]
    version: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class SpooledFile:
    ref: str
    size_bytes: int
    sha256: str
