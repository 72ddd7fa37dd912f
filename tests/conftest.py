"""Test harness: one database per run, built from the migrations; the real app over httpx.

The embedded PostgreSQL (pgserver) is the default; set ``DATABASE_URL`` (the app role) and
``DATABASE_ADMIN_URL`` (the owner) to run against another server. API tests start from the demo
units, loaded once and put back from a snapshot before each test, so no test sees another's writes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.mail.catcher import MailCatcher, free_port
from adapters.postgres import migrate
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
    make_engine,
    resolve_urls,
)
from api import bootstrap
from api.app import create_app
from api.settings import Settings
from tests.support.log_capture import LogCapture, forbidden_strings
from tests.support.snapshot import Snapshot

ROOT = Path(__file__).resolve().parent.parent
# The embedded server's state; ``SAMORDNA_TEST_STATE`` puts a run on a server of its own.
STATE = Path(os.environ.get("SAMORDNA_TEST_STATE") or ROOT / "var").resolve()
# One database per test run (named by pid, so parallel runs on one machine never collide).
TEST_DB = f"samordna_test_{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fresh_database() -> DatabaseUrls:
    if os.environ.get("DATABASE_URL"):
        return resolve_urls(os.environ["DATABASE_URL"], os.environ.get("DATABASE_ADMIN_URL"), STATE)
    server = resolve_urls(None, None, STATE, "postgres").embedded
    listing = server.psql("SELECT datname FROM pg_database WHERE datname LIKE 'samordna_test_%';")
    for pid in re.findall(r"samordna_test_(\d+)", listing):
        if not _alive(int(pid)):  # left behind by a run that was killed
            drop_embedded_database(STATE, f"samordna_test_{pid}")
    return fresh_embedded_database(STATE, TEST_DB)


@pytest.fixture(scope="session", autouse=True)
def log_privacy() -> Iterator[LogCapture]:
    """Every log line of the run, as the service would write it; at the end the run fails if
    one carries an identity number, a name or an e-mail the tests used (ARCHITECTURE 19)."""
    capture, root = LogCapture(), logging.getLogger()
    level = root.level
    root.addHandler(capture)
    root.setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "strawberry", "sqlalchemy"):
        logging.getLogger(name).propagate = True
    # The test client's own request lines quote its URLs; they are not the service's logs.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    yield capture
    root.removeHandler(capture)
    root.setLevel(level)
    found = capture.violations(forbidden_strings())
    if found:
        pytest.fail(
            f"{len(found)} log line(s) carry personal data the tests used:\n"
            + "\n".join(found[:20]),
            pytrace=False,
        )


@pytest.fixture(scope="session")
def database() -> DatabaseUrls:
    urls = _fresh_database()
    migrate.upgrade(urls.admin)
    return urls


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        environment="test",
        state_dir=tmp_path_factory.mktemp("state"),
        public_base_url="http://testserver",
        database_url=None,
        # The suite logs in and calls with tokens hundreds of times from one address: limits
        # this high never bite; tests/api/test_rate_limits.py builds an app with tight ones.
        rate_limit_login="100000/minute",
        rate_limit_machine="100000/minute",
        # A port of this run's own: the ``mail_catcher`` fixture listens there (distribution).
        mail_catcher_port=free_port(),
    )


@pytest.fixture
def mail_catcher(settings: Settings) -> Iterator[MailCatcher]:
    """A real SMTP server (aiosmtpd) where the app's mail goes, fresh for the test: it reads
    ``caught`` (also kept as .eml files under ``state_dir/mail``); a test may stop it early."""
    catcher = MailCatcher(port=settings.mail_catcher_port, folder=settings.state_dir / "mail")
    yield catcher.start()
    with contextlib.suppress(AssertionError):  # already stopped by the test
        catcher.stop()


@pytest.fixture(scope="session")
async def admin_engine(database: DatabaseUrls) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database.admin, pool_size=2)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def container(
    settings: Settings, database: DatabaseUrls
) -> AsyncIterator[bootstrap.Container]:
    c = bootstrap.build_container(settings, database)
    yield c
    await c.aclose()


@pytest.fixture(scope="session")
def app(settings: Settings, container: bootstrap.Container):  # type: ignore[no-untyped-def]
    return create_app(settings, container)


# The demo as loaded once per run, per database (tests/support/snapshot.py).
_SNAPSHOTS: dict[str, Snapshot] = {}
# SAMORDNA_TEST_RELOAD=1: empty and reload the demo before every test, as before the snapshot
# (to compare the two; to rule the snapshot out when a test fails).
RELOAD = os.environ.get("SAMORDNA_TEST_RELOAD") == "1"


async def reset(admin_engine: AsyncEngine, settings: Settings, database: DatabaseUrls) -> None:
    """Put the tenant tables back to the demo as first loaded: the first time by emptying them and
    loading the demo (then kept as a snapshot), every later time from that snapshot."""
    snapshot = _SNAPSHOTS.get(database.admin)
    if snapshot is None or RELOAD:
        await Snapshot.empty_tables(admin_engine)
        await bootstrap.load_demo(settings, database)
        if not RELOAD:
            _SNAPSHOTS[database.admin] = await Snapshot.take(admin_engine)
        return
    await snapshot.restore(admin_engine)


@pytest.fixture
async def demo(admin_engine: AsyncEngine, settings: Settings, database: DatabaseUrls) -> None:
    """The demo units, fresh for this test."""
    await reset(admin_engine, settings, database)


@pytest.fixture
async def client(app, demo: None) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c
