"""Import reader tests room: ``samordna import`` end to end on PostgreSQL — a commit, the same
file again (all unchanged), a preview, row errors with the report written, a refused file, an
unknown unit — and the command's exit codes through typer."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID, uuid4

import pytest
from typer.testing import CliRunner

from adapters.postgres.demo import DEMO_UNIT
from api import cli, cli_import
from domain.knowledge.model import ImportFormat, ImportKind, ImportMode

AREAS = "\ufeffkode;navn;kommune;type\r\n" + "".join(
    f"cli-{i};Område {i};3205;bydel\r\n" for i in range(40)
)
PREVIEW, COMMIT = ImportMode.PREVIEW, ImportMode.COMMIT


async def run(container, file: Path, mode: ImportMode = COMMIT, unit: UUID = DEMO_UNIT) -> int:
    report = file.with_suffix(".report.csv")
    return await cli_import.import_into(
        container, ImportKind.AREAS, file, unit, None, mode, None, report
    )


async def test_commit_then_the_same_file_again_changes_nothing(
    container, demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "områder.csv"
    file.write_text(AREAS, encoding="utf-8")
    assert await run(container, file, PREVIEW) == 0
    assert "would be inserted 40," in capsys.readouterr().out
    assert await run(container, file) == 0
    out = capsys.readouterr().out
    assert ": committed" in out and "inserted 40, updated 0, unchanged 0" in out
    assert await run(container, file) == 0
    assert "inserted 0, updated 0, unchanged 40" in capsys.readouterr().out


async def test_row_errors_write_the_report_and_nothing(
    container, demo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "feil.csv"
    file.write_text("kode;navn;kommune\nok-1;Bra;3205\nok-1;Igjen;3205\nx;Y;9999\n", "utf-8")
    assert await run(container, file) == 1
    out = capsys.readouterr().out
    report = file.with_suffix(".report.csv")
    assert f"error report: {report}" in out
    lines = report.read_text("utf-8-sig").splitlines()
    assert lines[0] == "rad;kolonne;kildekolonne;kode;melding;verdi"
    assert any(";duplicate-key;" in line for line in lines)
    assert any(";unknown-municipality;" in line for line in lines)


async def test_a_refused_file_and_an_unknown_unit_exit_2(container, demo, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("kode;navn;kommune\nsøgne;Søgne;3205\n".encode("latin-1"))
    assert await run(container, latin) == 2
    missing = tmp_path / "kolonner.csv"
    missing.write_text("kode;kommune\na;3205\n", "utf-8")
    assert await run(container, missing) == 2
    ok = tmp_path / "ok.csv"
    ok.write_text(AREAS, "utf-8")
    assert await run(container, ok, unit=uuid4()) == 2


def test_typer_passes_the_options_and_exits_with_the_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[tuple[object, ...]] = []

    async def fake(settings: object, *args: object) -> int:
        seen.append(args)
        return 1

    monkeypatch.setattr(cli_import, "run_import", fake)
    file = tmp_path / "data.jsonl"
    file.write_text('{"kode": "a"}\n', "utf-8")
    args = ["import", "areas", str(file), "--unit", str(DEMO_UNIT), "--preview"]
    r = CliRunner().invoke(cli.app, [*args, "--format", "jsonl", "--source", "Kommunen"])
    assert r.exit_code == 1, r.output
    [(kind, path, unit, source, mode, fmt, report)] = seen
    assert (kind, path, unit, source, mode, fmt) == (
        ImportKind.AREAS, file, DEMO_UNIT, "Kommunen", PREVIEW, ImportFormat.JSONL,
    )  # fmt: skip
    assert report == tmp_path / "data.feilrapport.csv"
    assert CliRunner().invoke(cli.app, ["import", "areas", str(tmp_path / "nope.csv"),
                                        "--unit", str(DEMO_UNIT)]).exit_code == 2  # fmt: skip
