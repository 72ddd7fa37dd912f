"""The ``samordna`` command line: serve, migrate, load demo data, write the API contracts, send
evaluation reminders, and get a development machine token."""

from __future__ import annotations

import asyncio
import json
import logging
import logging.config
import sys
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.console import Console

from api import bootstrap, cli_archive, cli_import
from api.logs import log_config
from api.settings import Settings

app = typer.Typer(help="Samordna: the working tool of the SLT model.", no_args_is_help=True)
db = typer.Typer(help="The database schema.", no_args_is_help=True)
dev = typer.Typer(help="Development helpers (dev identity provider only).", no_args_is_help=True)
measures = typer.Typer(help="Prevention measures (tiltak).", no_args_is_help=True)
app.add_typer(db, name="db")
app.add_typer(dev, name="dev")
app.add_typer(measures, name="measures")
app.add_typer(cli_archive.archive, name="archive")
app.command()(cli_archive.worker)
app.command("import")(cli_import.import_file)
keys = typer.Typer(help="The keys of the cases' field cipher.", no_args_is_help=True)
app.add_typer(keys, name="keys")
audit_cli = typer.Typer(help="The access log of subject data (issue 11).", no_args_is_help=True)
app.add_typer(audit_cli, name="audit")
console = Console(stderr=True)


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:
        console.print(f"[red]Configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the API, GraphQL and the SPA. Refuses to start on a schema behind head."""
    import uvicorn

    s = _settings()
    urls = bootstrap.database_urls(s)
    current, head = asyncio.run(bootstrap.schema_status(urls))
    if current != head:
        console.print(
            f"[red]The database schema is at {current or 'nothing'}, this code needs {head}.[/red]\n"
            "Run [bold]samordna db upgrade[/bold] first (make run does it for you)."
        )
        raise typer.Exit(1)
    config = log_config()
    logging.config.dictConfig(config)
    console.print(f"Samordna on [bold]{s.public_base_url}[/bold] (REST /api, GraphQL /graphql)")
    catcher = bootstrap.start_mail_catcher(s)  # development: mail lands as .eml files, not sent
    if catcher is not None:
        console.print(f"Mail caught on 127.0.0.1:{catcher.port} into {s.state_dir / 'mail'}/")
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host or s.host,
        port=port or s.port,
        workers=workers,
        proxy_headers=True,
        # uvicorn's access line prints the raw path and query (?q= can hold personal data):
        # api.middleware.access_log writes one with the route template instead.
        access_log=False,
        log_config=config,  # applied again in each worker process
    )


@db.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Migrate the schema up (to head by default)."""
    s = _settings()
    urls = bootstrap.database_urls(s)
    bootstrap.upgrade_schema(urls, revision)
    console.print(f"Schema at {asyncio.run(bootstrap.schema_status(urls))[0]}.")


@db.command("current")
def db_current() -> None:
    """Show the schema revision and the code's head."""
    current, head = asyncio.run(bootstrap.schema_status(bootstrap.database_urls(_settings())))
    typer.echo(f"database: {current or '-'}  code: {head}")
    raise typer.Exit(0 if current == head else 1)


@app.command("demo")
def demo_load() -> None:
    """Load the fictional demo units (idempotent: safe to run again)."""
    s = _settings()
    if s.environment == "production":
        console.print("[red]Demo data is not loaded with production settings.[/red]")
        raise typer.Exit(2)
    asyncio.run(bootstrap.load_demo(s, bootstrap.database_urls(s), measures=True))
    console.print("Demo data loaded: SLT Lillestrøm (demo) and SLT Indre Sogn (demo).")


@app.command()
def openapi(
    out: Annotated[Path, typer.Option(help="Folder for openapi.json and schema.graphql.")] = Path(
        "openapi"
    ),
    check: Annotated[bool, typer.Option(help="Fail if the committed files differ.")] = False,
) -> None:
    """Write the REST (OpenAPI) and GraphQL contracts, or check that they are current."""
    from api.contracts import graphql_sdl, openapi_json

    files = {out / "openapi.json": openapi_json(), out / "schema.graphql": graphql_sdl()}
    stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    if check:
        if stale:
            console.print(
                f"[red]Stale contracts:[/red] {', '.join(map(str, stale))}. Run `make openapi`."
            )
            raise typer.Exit(1)
        console.print("Contracts are current.")
        return
    out.mkdir(parents=True, exist_ok=True)
    for p, text in files.items():
        p.write_text(text)
    console.print(f"Wrote {', '.join(map(str, files))}.")


@measures.command("remind")
def measures_remind(
    unit: Annotated[
        UUID | None, typer.Option(help="One SLT unit's id (default: every unit).")
    ] = None,
) -> None:
    """Mail each evaluation due within 30 days (or overdue) to the measure's owner and the
    unit's coordinator; prints what was sent per unit. Each run mails every evaluation still
    due, so schedule it weekly (cron), not daily."""
    from api.jobs import run_reminders
    from domain.shared.mail import MailUnavailable

    s = _settings()
    catcher = bootstrap.start_mail_catcher(s)  # development: the mail lands as .eml files
    try:
        reports = asyncio.run(run_reminders(s, unit))
    except LookupError:
        console.print(f"[red]No SLT unit with id {unit}.[/red]")
        raise typer.Exit(2) from None
    except MailUnavailable as exc:
        console.print(f"[red]Mail could not be sent:[/red] {exc}")
        raise typer.Exit(1) from None
    finally:
        if catcher is not None:
            catcher.stop()
    for unit_id, r in reports:
        typer.echo(f"{unit_id}: sent {r.sent}, without address {r.without_address}")


@keys.command("rotate")
def keys_rotate() -> None:
    """Re-seal every value still under an older data key with the current one (the first of
    SAMORDNA_DATA_KEYS); keep the old key configured until this has run."""
    s = _settings()
    try:
        report = asyncio.run(bootstrap.rotate_keys(s, bootstrap.database_urls(s)))
    except Exception as exc:  # a value no configured key opens: name the kind, never a value
        typer.echo(f"Rotation stopped: {type(exc).__name__}: {exc}", err=True)
        raise typer.Exit(1) from None
    for column, n in sorted(report.resealed.items()):
        typer.echo(f"{column}: {n} re-sealed")
    typer.echo(f"re-sealed {report.total} values, {report.rehashed} identity hashes recomputed")


@audit_cli.command("seal")
def audit_seal() -> None:
    """Link every access-log entry not yet sealed into the hash chain (the app's lifespan does
    this every few seconds; one sealer at a time across processes)."""
    from api import audit

    r = asyncio.run(audit.seal(_settings()))
    if r.locked_out:
        console.print("Another sealer is running; nothing done.")
        return
    typer.echo(f"sealed {r.sealed}, chain head at position {r.head}")


@audit_cli.command("verify")
def audit_verify(
    checkpoints: Annotated[
        Path | None, typer.Option(help="Folder of signed checkpoint files (default: configured).")
    ] = None,
) -> None:
    """Recompute the whole chain: names the position and entry of each changed, deleted or
    reordered entry, and a tail cut off behind a signed checkpoint. Exit 1 on any problem."""
    from api import audit

    report = asyncio.run(audit.verify_log(_settings(), checkpoints))
    for problem in report.problems:
        typer.echo(str(problem))
    typer.echo(f"checked {report.checked} links, {report.unsealed} entries not sealed yet")
    raise typer.Exit(0 if report.ok else 1)


@audit_cli.command("checkpoint")
def audit_checkpoint(
    out: Annotated[Path | None, typer.Option(help="Folder for the checkpoint file.")] = None,
) -> None:
    """Seal, then sign the chain's head (Ed25519) into a file outside the database."""
    from api import audit

    path = asyncio.run(audit.checkpoint(_settings(), out))
    typer.echo(f"wrote {path}" if path else "the access log is empty: no checkpoint")


@dev.command("token")
def dev_token(
    client: Annotated[
        str, typer.Argument(help="Machine persona: police_system, archive_system, import_script.")
    ] = "archive_system",
    scope: Annotated[list[str] | None, typer.Option(help="Scope to ask for (repeatable).")] = None,
) -> None:
    """Print an access token from the dev identity provider (JWT-bearer grant, signed assertion)."""
    s = _settings()
    if not s.dev_idp_enabled:
        console.print("[red]The dev identity provider is off.[/red]")
        raise typer.Exit(2)
    scopes = scope or ["samordna:organisation.read"]
    sys.stdout.write(bootstrap.machine_token(s, client, scopes) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()


__all__ = ["app", "json", "main"]
