"""The ``samordna`` command line, archive room (issue 13): ``samordna worker`` delivers finished
records to the archive; ``samordna archive extract`` writes a unit's Noark 5 deposit."""

from __future__ import annotations

import asyncio
import logging
import logging.config
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.console import Console

from api import archive_wiring, bootstrap
from api.logs import log_config
from api.settings import Settings

archive = typer.Typer(
    help="The archive (FIKS Arkiv delivery, Noark 5 deposit).", no_args_is_help=True
)
console = Console(stderr=True)


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:
        console.print(f"[red]Configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


def worker(
    idle: Annotated[float, typer.Option(help="Seconds to wait when nothing is due.")] = 2.0,
    batch: Annotated[int, typer.Option(help="Messages claimed at a time.", min=1)] = 10,
    lease: Annotated[
        float, typer.Option(help="Seconds a claim holds before another worker may take it.")
    ] = 120.0,
    until_idle: Annotated[
        bool, typer.Option(help="Stop once nothing is due (a one-off drain).")
    ] = False,
) -> None:
    """Deliver finished records to the archive (SAMORDNA_ARCHIVE_TRANSPORT) until stopped
    (SIGTERM/SIGINT finish the batch in flight). Several workers may run side by side."""
    s = _settings()
    logging.config.dictConfig(log_config())
    current, head = asyncio.run(bootstrap.schema_status(bootstrap.database_urls(s)))
    if current != head:
        console.print(f"[red]The database schema is at {current or 'nothing'}, not {head}.[/red]")
        raise typer.Exit(1)
    report = asyncio.run(
        archive_wiring.run_archive_worker(
            s, idle=idle, batch=batch, lease=timedelta(seconds=lease), until_idle=until_idle
        )
    )
    console.print(
        f"Archive worker stopped: delivered {report.delivered}, failed {report.failed},"
        f" dead {report.dead}."
    )


@archive.command("extract")
def archive_extract(
    unit: Annotated[UUID, typer.Option(help="The SLT unit's id.")],
    from_: Annotated[datetime, typer.Option("--from", formats=["%Y-%m-%d"], help="First day.")],
    to: Annotated[datetime, typer.Option(formats=["%Y-%m-%d"], help="Last day (inclusive).")],
    out: Annotated[Path, typer.Option(help="The zip to write (replaced when it exists).")],
) -> None:
    """Write the unit's Noark 5 deposit extract (arkivuttrekk) of the records enqueued for the
    archive in the period: arkivstruktur.xml, arkivuttrekk.xml (ADDML), endringslogg.xml, the
    XSDs and DOKUMENT/, as one zip."""
    from rich.progress import Progress

    from domain.shared.errors import ValidationFailed

    s = _settings()
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("Arkivuttrekk", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            count = asyncio.run(
                archive_wiring.write_archive_extract(
                    s, unit, from_.date(), to.date(), out, progress
                )
            )
        except LookupError:
            console.print(f"[red]No SLT unit with id {unit}.[/red]")
            raise typer.Exit(2) from None
        except ValidationFailed as exc:
            console.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
    console.print(f"Wrote {out} ({count} records).")
