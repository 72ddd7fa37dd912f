"""The ``samordna`` command line, import room (issue 12): ``samordna import <kind> <file>`` uploads
a file and runs its import job inline, through the same use cases as ``POST /api/imports``, as a
system caller of the unit; a progress line on stderr, a summary, and the exit code says how it
went (0 done, 1 row errors with the error report's path, 2 file refused, 3 interrupted)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from api import bootstrap
from api.settings import Settings
from domain.knowledge.errors import FileProblem
from domain.knowledge.model import ImportFormat, ImportJob, ImportKind, ImportMode, JobStatus
from domain.shared.errors import ValidationFailed
from domain.shared.principal import Principal, PrincipalKind, Role

console = Console(stderr=True)
READ_SIZE = 1024 * 1024
OK, ROW_ERRORS, REFUSED, INTERRUPTED = 0, 1, 2, 3


def import_principal(unit_id: UUID) -> Principal:
    """The caller of ``samordna import``: the unit's coordinator role with no person behind it
    (the job's history names the command line, never a person)."""
    return Principal(
        kind=PrincipalKind.PERSON,
        subject_key="system:samordna-import",
        unit_id=unit_id,
        display_name="Samordna (kommandolinje)",
        roles=frozenset({Role.COORDINATOR}),
    )


def import_file(
    kind: Annotated[ImportKind, typer.Argument(help="What the file holds.")],
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV, JSONL or XLSX.")
    ],
    unit: Annotated[UUID, typer.Option(help="The SLT unit's id.")],
    source: Annotated[
        str | None, typer.Option(help="Source name: its saved column mapping is used.")
    ] = None,
    preview: Annotated[
        bool, typer.Option("--preview", help="Validate and count only; nothing is written.")
    ] = False,
    format_: Annotated[
        ImportFormat | None, typer.Option("--format", help="Default: from the file's extension.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option(help="Where the error report goes (default: next to the file).")
    ] = None,
) -> None:
    """Import a file into the unit's knowledge base, all or nothing: exit 0 when done (or
    previewed clean), 1 when rows were rejected (nothing written; the error report's path is
    printed), 2 when the file was refused, 3 when the run was interrupted."""
    try:
        settings = Settings()
    except ValueError as exc:
        console.print(f"[red]Configuration error:[/red] {exc}")
        raise typer.Exit(REFUSED) from None
    mode = ImportMode.PREVIEW if preview else ImportMode.COMMIT
    code = asyncio.run(
        run_import(settings, kind, file, unit, source, mode, format_, report or _report_path(file))
    )
    raise typer.Exit(code)


async def run_import(
    settings: Settings,
    kind: ImportKind,
    file: Path,
    unit_id: UUID,
    source: str | None,
    mode: ImportMode,
    fmt: ImportFormat | None,
    report: Path,
) -> int:
    """``import_into`` on a container of its own (the command line's); the exit code."""
    c = bootstrap.build_container(settings)
    try:
        return await import_into(c, kind, file, unit_id, source, mode, fmt, report)
    finally:
        await c.aclose()


async def import_into(
    c: bootstrap.Container,
    kind: ImportKind,
    file: Path,
    unit_id: UUID,
    source: str | None,
    mode: ImportMode,
    fmt: ImportFormat | None,
    report: Path,
) -> int:
    """Upload the file and run its job inline; the exit code."""
    if unit_id not in await bootstrap.unit_ids(c.urls):
        console.print(f"[red]No SLT unit with id {unit_id}.[/red]")
        return REFUSED
    p = import_principal(unit_id)
    began = time.perf_counter()
    try:
        job = await c.knowledge.upload(p, kind, fmt, file.name, _chunks(file), None, source, mode)
    except ValidationFailed as exc:  # FileRejected, or a bad source name / mapping
        console.print(f"[red]The file was refused:[/red] {_problem(exc)}")
        return REFUSED
    with ImportProgress(console, job.progress.bytes_total) as bar:
        poller = asyncio.create_task(_poll(c, p, job.id, bar))
        try:
            done = await c.knowledge.run(job.id, unit_id)
        except Exception as exc:  # the job is recorded as interrupted: nothing written
            console.print(f"[red]The import was interrupted ({type(exc).__name__}).[/red]")
            return INTERRUPTED
        finally:
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
    return await _summary(c, p, done, time.perf_counter() - began, report)


async def _chunks(file: Path) -> AsyncIterator[bytes]:
    with file.open("rb") as f:
        while chunk := f.read(READ_SIZE):
            yield chunk
            await asyncio.sleep(0)


async def _poll(c: bootstrap.Container, p: Principal, job_id: UUID, bar: ImportProgress) -> None:
    """Reads the job's heartbeat (the runner records it twice a second) into the progress bar."""
    while True:
        await asyncio.sleep(0.5)
        job = await c.knowledge.job(p, job_id)
        bar.update(job.progress.rows_read, job.progress.bytes_read)


async def _summary(
    c: bootstrap.Container, p: Principal, job: ImportJob, seconds: float, report: Path
) -> int:
    rows = job.progress.rows_read
    r = job.result
    rate = f"{rows / seconds:,.0f} rows/s" if seconds > 0 else ""
    typer.echo(f"import {job.id} ({job.kind}, {job.mode}): {job.status}")
    if r is not None:
        verb = "would be " if job.mode is ImportMode.PREVIEW else ""
        typer.echo(
            f"  {rows:,} rows in {seconds:.1f} s ({rate}): {verb}inserted {r.inserted:,}, "
            f"updated {r.updated:,}, unchanged {r.unchanged:,}; "
            f"errors {r.error_count:,} in {r.rejected_rows:,} rows"
        )
    if job.status in (JobStatus.COMMITTED, JobStatus.PREVIEWED):
        return OK
    if job.has_row_errors or (job.error and job.error.code == FileProblem.ROWS_REJECTED):
        body = await c.knowledge.error_report_csv(p, job.id)
        await asyncio.to_thread(report.write_bytes, body)
        typer.echo(f"  nothing was written; error report: {report}")
        return ROW_ERRORS
    if job.error is not None:
        console.print(f"[red]The file was refused ({job.error.code}):[/red] {job.error.message}")
        return INTERRUPTED if job.status is JobStatus.INTERRUPTED else REFUSED
    return REFUSED


class ImportProgress:
    """Rows, MB and rows/s on stderr: a live bar on a terminal, a plain line every few seconds
    otherwise (logs of a scheduled run)."""

    def __init__(self, out: Console, bytes_total: int) -> None:
        self._out, self._total = out, max(bytes_total, 1)
        self._began = self._last = time.perf_counter()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ImportProgress:
        if self._out.is_terminal:
            self._bar = Progress(
                TextColumn("Import"), BarColumn(), TextColumn("{task.fields[text]}"),
                TimeElapsedColumn(), console=self._out, transient=True,
            )  # fmt: skip
            self._bar.start()
            self._task = self._bar.add_task("import", total=self._total, text="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def update(self, rows: int, bytes_read: int) -> None:
        now = time.perf_counter()
        seconds = max(now - self._began, 1e-9)
        text = (
            f"{rows:,} rows  {bytes_read / 1e6:,.1f}/{self._total / 1e6:,.1f} MB  "
            f"{rows / seconds:,.0f} rows/s"
        )
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=bytes_read, text=text)
        elif now - self._last >= 5:
            self._last = now
            self._out.print(f"import: {text}", highlight=False)


def _problem(exc: ValidationFailed) -> str:
    fields = "; ".join(f"{e.field}: {e.message}" for e in exc.errors)
    return f"{exc.code if hasattr(exc, 'code') else ''} {fields or exc}".strip()


def _report_path(file: Path) -> Path:
    return file.with_name(f"{file.stem}.feilrapport.csv")
