"""The access log's wiring: ``samordna audit seal|checkpoint|verify`` on a configured database
(the app role, checkpoint files in a folder outside it), and the app's lifespan sealer — it
links what requests appended every few seconds and stops cleanly on shutdown."""

from __future__ import annotations

import asyncio
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from typer.testing import CliRunner

from adapters.postgres.audit.verifier import verify
from adapters.postgres.database import DatabaseUrls
from api import audit, bootstrap
from api.app import create_app
from api.cli import app as cli
from api.settings import Settings
from tests.repositories.audit.conftest import append, entry, tamper


def _settings(database: DatabaseUrls, state: Path, **extra: object) -> Settings:
    return Settings(
        environment="test",
        database_url=database.app,
        database_admin_url=database.admin,
        state_dir=state,
        **extra,  # type: ignore[arg-type]
    )


async def test_seal_checkpoint_and_verify_as_configured(
    database: DatabaseUrls, app_engine: AsyncEngine, admin_engine: AsyncEngine, tmp_path: Path
) -> None:
    s = _settings(database, tmp_path)
    unit = uuid4()
    await append(app_engine, unit, [entry(unit, n) for n in range(4)])
    assert (await audit.seal(s)).sealed == 4
    path = await audit.checkpoint(s)
    assert path is not None and path.parent == tmp_path / "audit-checkpoints"
    assert (await audit.verify_log(s)).ok
    await tamper(admin_engine, "DELETE FROM access_log_checkpoint; DELETE FROM access_log_chain"
                 " WHERE position = 4")  # fmt: skip
    assert [str(p) for p in (await audit.verify_log(s)).problems] == ["truncated at position 4"]


def test_the_command_line_reports_and_exits_by_the_result(
    database: DatabaseUrls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database.app)
    monkeypatch.setenv("SAMORDNA_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("SAMORDNA_ENVIRONMENT", "test")
    runner = CliRunner()
    sealed = runner.invoke(cli, ["audit", "seal"])
    assert sealed.exit_code == 0 and "chain head at position" in sealed.output
    written = runner.invoke(cli, ["audit", "checkpoint"])
    assert written.exit_code == 0, written.output
    checked = runner.invoke(cli, ["audit", "verify"])
    assert checked.exit_code == 0 and "checked" in checked.output, checked.output


async def test_the_lifespan_sealer_links_and_stops(
    database: DatabaseUrls, app_engine: AsyncEngine, tmp_path: Path
) -> None:
    s = _settings(database, tmp_path, audit_sealer=True, audit_seal_interval_seconds=0.05)
    c = bootstrap.build_container(s, database)
    app = create_app(s, c)
    unit = uuid4()
    async with app.router.lifespan_context(app):
        await append(app_engine, unit, [entry(unit, n) for n in range(3)])
        for _ in range(200):
            if (await verify(app_engine)).checked == 3:
                break
            await asyncio.sleep(0.02)
    report = await verify(app_engine)
    assert report.ok and report.checked == 3 and report.unsealed == 0
    sealer = [t for t in asyncio.all_tasks() if t.get_name() == "audit-sealer"]
    assert not sealer  # stopped with the app


def test_the_sealer_is_off_in_tests_unless_asked(tmp_path: Path) -> None:
    assert not Settings(environment="test", state_dir=tmp_path).audit_sealer_enabled
    assert Settings(environment="development", state_dir=tmp_path).audit_sealer_enabled
    assert Settings(environment="test", state_dir=tmp_path, audit_sealer=True).audit_sealer_enabled
