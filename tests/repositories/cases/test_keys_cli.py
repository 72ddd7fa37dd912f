"""``samordna keys rotate`` end to end on a database of its own with the demo's cases: with a new
key put first, it re-seals every value under it and says how many per column; a second run has
nothing left; a value no configured key opens stops it with exit code 1 and no value printed."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from adapters.crypto.keys import new_key
from adapters.postgres import migrate
from adapters.postgres.database import (
    DatabaseUrls,
    drop_embedded_database,
    fresh_embedded_database,
)
from adapters.postgres.demo.cases import CASES
from api import bootstrap
from api.cli import app as cli
from api.settings import Settings
from tests.conftest import STATE


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[DatabaseUrls, Path]]:
    name = f"samordna_keys_{os.getpid()}"
    urls = fresh_embedded_database(STATE, name)
    migrate.upgrade(urls.admin, "head")
    settings = Settings(environment="test", state_dir=tmp_path, database_url=None)
    asyncio.run(bootstrap.load_demo(settings, urls, measures=True))
    yield urls, tmp_path
    drop_embedded_database(STATE, name)


def _rotate(urls: DatabaseUrls, state: Path, data_keys: str) -> tuple[int, str]:
    env = {
        "SAMORDNA_ENVIRONMENT": "test",
        "SAMORDNA_STATE_DIR": str(state),
        "DATABASE_URL": urls.app,
        "SAMORDNA_DATABASE_ADMIN_URL": urls.admin,
        "SAMORDNA_DATA_KEYS": data_keys,
    }
    result = CliRunner().invoke(cli, ["keys", "rotate"], env=env)
    return result.exit_code, result.output


def test_keys_rotate_reseals_under_the_new_key(demo: tuple[DatabaseUrls, Path]) -> None:
    urls, state = demo
    dev = (state / "data-keys").read_text().strip()
    keys = f"k2:{new_key()},{dev}"
    code, out = _rotate(urls, state, keys)
    assert code == 0, out
    # One subject record per demo case (ADR 0017); the total is the sum of the per-column lines.
    assert f"case_subject.name_enc: {len(CASES)} re-sealed" in out
    per_column = [int(n) for n in re.findall(r": (\d+) re-sealed", out)]
    assert sum(per_column) > len(CASES) and f"re-sealed {sum(per_column)} values" in out
    code, out = _rotate(urls, state, keys)
    assert code == 0 and "re-sealed 0 values" in out
    code, out = _rotate(urls, state, f"k3:{new_key()}")  # the key that sealed them is gone
    assert code == 1 and "CipherError" in out and "Demo" not in out
