"""Fakes room: the import pipeline's ports in memory — a spool, CSV readers that emit canonical
CSV, and ``FakePipeline``: the ``ImportPipeline`` contract over ``domain.knowledge.rows`` (one
'transaction': all or nothing, preview and row errors write nothing, provenance and previous
values kept for rollback, the job marked committed together with the rows)."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from domain.knowledge import limits as lim
from domain.knowledge.errors import FileProblem, FileRejected
from domain.knowledge.kinds import KindSpec
from domain.knowledge.model import (
    Area,
    AreaPopulation,
    EventRecord,
    ImportFormat,
    ImportJob,
    ImportKind,
    ImportMode,
    ImportOutcome,
    ImportResult,
    Indicator,
    JobStatus,
    Observation,
    RowError,
    SpooledFile,
)
from domain.knowledge.periods import Period
from domain.knowledge.ports import ProgressSink
from domain.knowledge.rows import RowContext, RowValidator
from domain.knowledge.service import KnowledgeService
from tests.fakes.clock import FakeClock
from tests.fakes.knowledge import FakeKnowledgeStore, FakeKnowledgeUnitOfWorkFactory, Key

K = ImportKind
Values = Mapping[str, str | None]


class FakeSpool:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.sweeps: list[datetime] = []
        self.stored_at: dict[str, datetime] = {}
        self.clock: FakeClock | None = None  # set by FakeKnowledge.build: when a file was stored

    async def store(self, chunks: AsyncIterator[bytes], max_bytes: int) -> SpooledFile:
        buf = bytearray()
        async for chunk in chunks:
            buf += chunk
            if len(buf) > max_bytes:
                raise FileRejected(FileProblem.TOO_LARGE, f"The file is over {max_bytes} bytes.")
        ref = uuid4().hex
        self.files[ref] = bytes(buf)
        if self.clock is not None:
            self.stored_at[ref] = self.clock.now()
        return SpooledFile(ref=ref, size_bytes=len(buf), sha256=hashlib.sha256(buf).hexdigest())

    def delete(self, ref: str) -> None:
        self.files.pop(ref, None)

    def stored_before(self, before: datetime) -> list[str]:
        return [ref for ref, at in self.stored_at.items() if ref in self.files and at < before]

    def drop_unfinished(self, before: datetime) -> int:
        self.sweeps.append(before)  # a fake store finishes every write it begins
        return 0


class FakeSource:
    def __init__(self, columns: Sequence[str], body: bytes, total: int) -> None:
        self.columns, self._body, self.bytes_total, self.bytes_read = columns, body, total, 0

    async def chunks(self) -> AsyncIterator[bytes]:
        for i in range(0, len(self._body), 64):
            chunk = self._body[i : i + 64]
            self.bytes_read += len(chunk)
            yield chunk


class FakeReaders:
    """CSV only (``,`` or ``;``, a header line): the format's details are the readers' tests."""

    def __init__(self, spool: FakeSpool) -> None:
        self._spool = spool

    def _records(self, ref: str) -> list[list[str]]:
        raw = self._spool.files[ref]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise FileRejected(FileProblem.ENCODING, f"Not UTF-8 at byte {e.start}.") from None
        delimiter = (
            ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
        )
        return [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r]

    async def sniff(self, ref: str, fmt: ImportFormat) -> Sequence[str]:
        records = self._records(ref)
        if not records:
            raise FileRejected(FileProblem.EMPTY, "The file is empty.")
        return records[0]

    async def open(self, ref: str, fmt: ImportFormat) -> FakeSource:
        records = self._records(ref)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(records[1:])
        return FakeSource(records[0], out.getvalue().encode(), len(self._spool.files[ref]))


def _bool(v: str | None) -> bool | None:
    return None if v is None else v == "true"


def _int(v: str | None) -> int | None:
    return None if v is None else int(v)


def build(kind: ImportKind, unit: UUID, v: Values, job: UUID, old: Any) -> Any:
    """The typed record a row of ``kind`` stands for (keeping an updated record's id)."""
    s: dict[str, Any] = dict(v)
    if kind is K.INDICATORS:
        factors = tuple(s["factors"].split(",")) if s["factors"] else ()
        return Indicator(
            id=old.id if old else uuid4(), unit_id=unit, code=s["code"], name=s["name"],
            source=s["source"], category=s["category"], measure_unit=s["measure_unit"],
            factors=factors, description=s["description"],
            higher_is_better=_bool(s["higher_is_better"]), version=old.version if old else 1,
        )  # fmt: skip
    if kind is K.AREAS:
        return Area(
            id=old.id if old else uuid4(), unit_id=unit, code=s["code"], name=s["name"],
            municipality_number=s["municipality"], kind=s["kind"], version=old.version if old else 1,
        )  # fmt: skip
    if kind is K.POPULATIONS:
        return AreaPopulation(
            area_code=s["area"], year=int(s["year"]), age_band=s["age_band"],
            residents=int(s["residents"]),
        )  # fmt: skip
    if kind is K.OBSERVATIONS:
        return Observation(
            indicator_code=s["indicator"], area_code=s["area"], period=Period.parse(s["period"]),
            cohort=s["cohort"], gender=s["gender"], value=Decimal(s["value"]),
            count=_int(s["count"]), denominator=_int(s["denominator"]), import_id=job,
        )  # fmt: skip
    return EventRecord(
        external_id=s["external_id"], category=s["category"], area_code=s["area"],
        age_band=s["age_band"], occurred_on=date.fromisoformat(s["occurred_on"]),
        subject_key=s["subject_key"], import_id=job,
    )  # fmt: skip


def _same(new: Any, old: Any) -> bool:
    """Unchanged: equal but for provenance and version."""
    strip = {"import_id": None} if hasattr(old, "import_id") else {}
    return bool(dataclasses.replace(new, **strip) == dataclasses.replace(old, **strip))


class FakePipeline:
    def __init__(self, store: FakeKnowledgeStore, clock: FakeClock) -> None:
        self.store, self.clock = store, clock
        self.crash_before_commit = False  # a killed server: nothing may be written
        self.runs = 0

    def context(self, unit: UUID) -> RowContext:
        t = self.store.tables
        return RowContext(
            indicators=frozenset(i.code for i in self.store.of_unit(t, K.INDICATORS, unit)),
            areas=frozenset(a.code for a in self.store.of_unit(t, K.AREAS, unit)),
            municipalities=self.store.municipalities.get(unit, frozenset()),
        )

    async def run(
        self, job: ImportJob, spec: KindSpec, mapping: Mapping[str, str], source: Any,
        progress: ProgressSink,
    ) -> ImportOutcome:  # fmt: skip
        self.runs += 1
        body = bytearray()
        async for chunk in source.chunks():
            body += chunk
            await progress(body.count(b"\n"), source.bytes_read)
        records = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        if not records:
            raise FileRejected(FileProblem.EMPTY, "The file has no data rows.")
        index = {h: i for i, h in reversed(list(enumerate(source.columns)))}
        validator = RowValidator(spec=spec, ctx=self.context(job.unit_id))
        tables = self.store.tables.copy()  # this run's 'transaction'
        rows, log = tables.rows[spec.kind], []
        errors: list[RowError] = []
        counts = {"inserted": 0, "updated": 0, "unchanged": 0}
        sample: list[Values] = []
        for n, record in enumerate(records, start=1):
            raw = {
                t: record[index[h]] if index[h] < len(record) else "" for t, h in mapping.items()
            }
            values, found = validator.check(n, raw)
            errors += found
            if len(sample) < lim.SAMPLE_ROWS:
                sample.append(values)
            if found:
                continue
            key: Key = (job.unit_id, *(values[k] for k in spec.key))
            old = rows.get(key)
            new = build(spec.kind, job.unit_id, values, job.id, old)
            if old is not None and _same(new, old):
                counts["unchanged"] += 1
                continue
            counts["updated" if old is not None else "inserted"] += 1
            log.append(
                (key, None if old is None else (old, tables.provenance.get((spec.kind, key))))
            )
            if old is not None and hasattr(old, "version"):
                new = dataclasses.replace(new, version=old.version + 1)
            rows[key] = new
            tables.provenance[(spec.kind, key)] = job.id
        rejected = len({e.row for e in errors})
        result = ImportResult(**counts, rejected_rows=rejected, error_count=len(errors))
        outcome = ImportOutcome(
            result=result, errors=tuple(errors[: lim.ROW_ERRORS_KEPT]), error_count=len(errors),
            sample=tuple(sample), rows_read=len(records),
        )  # fmt: skip
        if job.mode is ImportMode.PREVIEW or errors:
            return outcome  # ROLLBACK
        if self.crash_before_commit:
            raise RuntimeError("the server was killed")
        tables.undo_log[job.id] = log
        tables.commit_order.append(job.id)
        current = tables.jobs[job.id]
        tables.jobs[job.id] = dataclasses.replace(
            current, status=JobStatus.COMMITTED, result=result, finished_at=self.clock.now(),
            version=current.version + 1,
        )  # fmt: skip
        self.store.tables = tables  # COMMIT
        return outcome


@dataclasses.dataclass
class FakeKnowledge:
    """A ``KnowledgeService`` wired to fakes, with the fakes at hand for the tests."""

    store: FakeKnowledgeStore
    clock: FakeClock
    spool: FakeSpool
    readers: FakeReaders
    pipeline: FakePipeline
    service: KnowledgeService

    @classmethod
    def build(cls, max_bytes: int = lim.IMPORT_MAX_BYTES) -> FakeKnowledge:
        store, clock, spool = FakeKnowledgeStore(), FakeClock(), FakeSpool()
        spool.clock = clock
        readers, pipeline = FakeReaders(spool), FakePipeline(store, clock)
        service = KnowledgeService(
            FakeKnowledgeUnitOfWorkFactory(store), clock, readers, spool, pipeline, max_bytes
        )
        return cls(store, clock, spool, readers, pipeline, service)
