"""Archive integration: ``samordna archive extract`` as a real process against the test database —
the deposit of the records enqueued in the period, as one zip with the Noark 5 structure, the
ADDML description, the change log, the XSDs and the minutes PDF/A; the restricted layer nowhere;
an unknown unit and a reversed period are refused without a file."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta

from tests.api.meetings.support import headers
from tests.integration.archive.served import ROOT
from tests.integration.archive.support import RESTRICTED, UNIT, approvable, approve


def _extract(database, tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": database.app,
        "SAMORDNA_DATABASE_ADMIN_URL": database.admin,
        "SAMORDNA_ENVIRONMENT": "test",
        "SAMORDNA_STATE_DIR": str(tmp_path),
        "SAMORDNA_MAIL_CATCHER": "false",
    }
    command = [sys.executable, "-m", "api.cli", "archive", "extract", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


async def test_the_cli_writes_the_deposit_of_the_period(client, database, tmp_path):
    h = await headers(client)
    mid, _ = await approvable(client, h, items=2)
    assert (await approve(client, h, mid)).status_code == 200
    today = datetime.now(UTC).date()
    out = tmp_path / "uttrekk.zip"
    period = ["--from", str(today - timedelta(days=1)), "--to", str(today + timedelta(days=1))]
    r = _extract(database, tmp_path, "--unit", str(UNIT), *period, "--out", str(out))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "records" in r.stderr
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert {"arkivstruktur.xml", "arkivuttrekk.xml", "endringslogg.xml"} <= set(names)
        assert any(n.startswith("DOKUMENT/") and n.endswith(".pdf") for n in names)
        assert any(n.endswith(".xsd") for n in names)
        assert all(RESTRICTED.encode() not in z.read(n) for n in names)
        structure = z.read("arkivstruktur.xml").decode()
        assert "Sak 1 om oppfølging" in structure and "Sak 2 om oppfølging" in structure
    assert not list(tmp_path.glob(".*.part"))


async def test_the_cli_refuses_an_unknown_unit_and_a_reversed_period(demo, database, tmp_path):
    out = tmp_path / "x.zip"
    unknown = _extract(
        database, tmp_path, "--unit", "00000000-0000-4000-8000-000000000001",
        "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out),
    )  # fmt: skip
    assert unknown.returncode == 2 and "No SLT unit" in unknown.stderr
    reversed_ = _extract(
        database, tmp_path, "--unit", str(UNIT),
        "--from", "2026-12-31", "--to", "2026-01-01", "--out", str(out),
    )  # fmt: skip
    assert reversed_.returncode == 2
    assert not out.exists()
