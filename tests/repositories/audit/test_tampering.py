"""Access log tampering on real PostgreSQL: the app role cannot change or remove anything, the
owner's UPDATE and DELETE are refused by trigger, and what a superuser does with the triggers off
(a field updated, an entry deleted, two entries' contents swapped, one byte flipped, the tail cut
off) the verifier finds at the exact chain position and entry."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.checkpoints import (
    Signer,
    new_key_bytes,
    read_checkpoints,
    signing_key,
    write_checkpoint,
)
from adapters.postgres.audit.sealer import Sealer
from adapters.postgres.audit.verifier import Problem, verify
from tests.repositories.audit.conftest import append, entry, ids, raw, tamper


async def _sealed(app: AsyncEngine, admin: AsyncEngine, count: int = 10) -> list[int]:
    unit = uuid4()
    await append(app, unit, [entry(unit, n) for n in range(count)])
    await Sealer(app).seal()
    return await ids(admin)


@pytest.mark.parametrize(
    ("case", "sql", "found"),
    [
        (
            "update",
            "UPDATE access_log_entry SET decision = 'deny', deny_reason = 'x' WHERE id = {4}",
            ["changed@4"],
        ),
        ("delete", "DELETE FROM access_log_entry WHERE id = {6}", ["deleted@6"]),
        (
            "reorder",
            "UPDATE access_log_entry e SET at = o.at, object_id = o.object_id, request_id = o.request_id,"
            " actor_subject_key = o.actor_subject_key FROM access_log_entry o"
            " WHERE (e.id, o.id) IN (({3}, {7}), ({7}, {3}))",
            ["changed@3", "changed@7"],
        ),
        (
            "flipped byte",
            "UPDATE access_log_entry SET actor_subject_key = overlay(actor_subject_key"
            " placing chr(ascii(substr(actor_subject_key, 8, 1)) # 1) from 8 for 1) WHERE id = {9}",
            ["changed@9"],
        ),
        (
            "link",
            "UPDATE access_log_chain SET hash = sha256(hash) WHERE position = 5",
            ["changed@5", "link-altered@6"],
        ),
    ],
)
async def test_tampering_is_found_at_its_exact_position(
    app_engine: AsyncEngine, admin_engine: AsyncEngine, case: str, sql: str, found: list[str]
) -> None:
    chain = await _sealed(app_engine, admin_engine)
    assert (await verify(app_engine)).ok
    await tamper(admin_engine, sql.format(None, *chain))
    report = await verify(app_engine)
    expected = []
    for f in found:
        kind, position = f.split("@")
        expected.append(Problem(kind, int(position), chain[int(position) - 1]))
    assert report.problems == expected, case
    assert report.first == expected[0]


async def test_a_cut_off_tail_is_found_against_a_signed_checkpoint(
    app_engine: AsyncEngine, admin_engine: AsyncEngine, tmp_path: Path
) -> None:
    chain = await _sealed(app_engine, admin_engine)
    signer = Signer(signing_key(new_key_bytes()))
    assert await write_checkpoint(app_engine, signer, tmp_path) is not None
    marks = read_checkpoints(tmp_path, signer)
    assert [(m.position, m.valid) for m in marks] == [(10, True)]
    assert (await verify(app_engine, marks)).ok
    cut = ", ".join(str(i) for i in chain[7:])
    await tamper(
        admin_engine,
        "DELETE FROM access_log_checkpoint; DELETE FROM access_log_chain WHERE position > 7;"
        f" DELETE FROM access_log_entry WHERE id IN ({cut})",
    )
    assert (await verify(app_engine)).ok  # without the checkpoint the shorter chain holds
    assert (await verify(app_engine, marks)).problems == [Problem("truncated", 8)]
    forged = Signer(signing_key(new_key_bytes()))
    assert [m.valid for m in read_checkpoints(tmp_path, forged)] == [False]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE access_log_entry SET client = 'x'",
        "DELETE FROM access_log_entry",
        "TRUNCATE access_log_entry CASCADE",
        "UPDATE access_log_chain SET horizon = 0",
        "DELETE FROM access_log_chain",
        "TRUNCATE access_log_chain CASCADE",
        "DELETE FROM access_log_checkpoint",
    ],
)
async def test_the_app_role_may_not_change_or_remove(
    app_engine: AsyncEngine, admin_engine: AsyncEngine, sql: str
) -> None:
    await _sealed(app_engine, admin_engine, 2)
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await raw(app_engine, sql)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE access_log_entry SET client = 'x'",
        "DELETE FROM access_log_entry WHERE id NOT IN (SELECT entry_id FROM access_log_chain)",
        "TRUNCATE access_log_entry CASCADE",
        "UPDATE access_log_chain SET horizon = 0",
        "DELETE FROM access_log_chain",
    ],
)
async def test_the_owner_is_refused_too_outside_the_purge(
    app_engine: AsyncEngine, admin_engine: AsyncEngine, sql: str
) -> None:
    unit = uuid4()
    await _sealed(app_engine, admin_engine, 2)
    await append(app_engine, unit, [entry(unit, 5)])  # one unsealed entry
    with pytest.raises(asyncpg.CheckViolationError, match="append-only"):
        await raw(admin_engine, sql)


async def test_a_link_must_follow_the_head(
    app_engine: AsyncEngine, admin_engine: AsyncEngine
) -> None:
    chain = await _sealed(app_engine, admin_engine, 2)
    unit = uuid4()
    await append(app_engine, unit, [entry(unit, 5)])
    with pytest.raises(asyncpg.CheckViolationError, match="follows the head"):
        await raw(
            app_engine,
            "INSERT INTO access_log_chain (position, entry_id, prev_hash, hash, horizon)"
            " SELECT 3, max(id), sha256('x'), sha256('y'), 0 FROM access_log_entry"
            " WHERE id > $1",
            chain[-1],
        )


async def test_links_removed_from_the_middle_are_found(
    app_engine: AsyncEngine, admin_engine: AsyncEngine
) -> None:
    chain = await _sealed(app_engine, admin_engine)
    await tamper(admin_engine, "DELETE FROM access_log_chain WHERE position IN (4, 5)")
    problems = (await verify(app_engine)).problems
    assert problems[0] == Problem("link-missing", 4)
    assert Problem("link-altered", 6, chain[5]) in problems


async def test_a_changed_entry_with_non_ascii_text_is_found(
    app_engine: AsyncEngine, admin_engine: AsyncEngine
) -> None:
    unit = uuid4()
    await append(app_engine, unit, [entry(unit, n, actor_role="rådgiver ✓") for n in range(3)])
    await Sealer(app_engine).seal()
    chain = await ids(admin_engine)
    assert (await verify(app_engine)).ok
    await tamper(
        admin_engine, f"UPDATE access_log_entry SET actor_role = 'rådgivar' WHERE id = {chain[1]}"
    )
    assert (await verify(app_engine)).problems == [Problem("changed", 2, chain[1])]
