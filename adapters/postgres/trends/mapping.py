"""Trends PostgreSQL room: frozen releases to and from their rows (cells, totals, the audit and
the change log as JSON; the bodies as the bytes that were built, never re-encoded)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from domain.knowledge.periods import Period
from domain.trends.canonical import CSV_TYPE, JSON_TYPE
from domain.trends.model import (
    Audit,
    AuditAction,
    Cell,
    CellChange,
    CellWidth,
    PublishedBody,
    Release,
    TableRelease,
    UnitRef,
)
from domain.trends.specs import TABLES

_ORDER = {spec.code: i for i, spec in enumerate(TABLES)}
Row = Any


def cells_json(cells: Sequence[Cell]) -> str:
    return json.dumps([[list(c.dims), c.value, list(c.flags)] for c in cells])


def cells_of(text: str) -> tuple[Cell, ...]:
    return tuple(Cell(tuple(d), v, tuple(f)) for d, v, f in json.loads(text))


def audit_json(audit: Audit) -> str:
    return json.dumps(
        {
            "rounds": audit.rounds,
            "passed": audit.passed,
            "actions": [
                {
                    "round": a.round,
                    "kind": a.kind,
                    "table": a.table,
                    "dims": list(a.dims),
                    "detail": a.detail,
                }
                for a in audit.actions
            ],
            "widths": [
                {"table": w.table, "dims": list(w.dims), "lo": w.lo, "hi": w.hi}
                for w in audit.widths
            ],
        }
    )


def audit_of(text: str) -> Audit:
    a = json.loads(text)
    return Audit(
        rounds=a["rounds"],
        passed=a["passed"],
        actions=tuple(
            AuditAction(
                round=x["round"],
                kind=x["kind"],
                table=x["table"],
                dims=tuple(x["dims"]),
                detail=x["detail"],
            )
            for x in a["actions"]
        ),
        widths=tuple(
            CellWidth(table=w["table"], dims=tuple(w["dims"]), lo=w["lo"], hi=w["hi"])
            for w in a["widths"]
        ),
    )


def changes_json(changes: Sequence[CellChange]) -> str:
    return json.dumps(
        [
            {
                "table": c.table,
                "dims": list(c.dims),
                "old": c.old,
                "new": c.new,
                "added": c.added,
                "removed": c.removed,
            }
            for c in changes
        ]
    )


def changes_of(text: str) -> tuple[CellChange, ...]:
    return tuple(
        CellChange(table=c["table"], dims=tuple(c["dims"]), old=c["old"], new=c["new"],
                   added=c["added"], removed=c["removed"])
        for c in json.loads(text)
    )  # fmt: skip


def table_args(unit_id: UUID, release: Release, t: TableRelease, rule_set: str,
               tables_version: str) -> tuple[Any, ...]:  # fmt: skip
    """The INSERT's arguments (``releases.INSERT``) for one table of ``release``."""
    mine = [c for c in release.change_log if c.table == t.table]
    return (
        unit_id, t.table, str(release.period), release.revision, rule_set, tables_version,
        list(t.dimensions), cells_json(t.cells), cells_json(t.totals), release.population_vintage,
        t.json.content, t.csv.content, t.json.etag, t.csv.etag, t.cells_released,
        release.released_at, release.released_by, audit_json(release.audit), changes_json(mine),
    )  # fmt: skip


def table_release(row: Row) -> TableRelease:
    return TableRelease(
        table=row["table_code"],
        unit_id=row["unit_id"],
        period=Period.parse(row["period"]),
        revision=row["revision"],
        dimensions=tuple(row["dimensions"]),
        cells=cells_of(row["cells"]),
        totals=cells_of(row["totals"]),
        json=PublishedBody(content=bytes(row["body_json"]), media_type=JSON_TYPE,
                           etag=row["sha256"]),
        csv=PublishedBody(content=bytes(row["body_csv"]), media_type=CSV_TYPE,
                          etag=row["csv_sha256"]),
        released_at=row["released_at"],
    )  # fmt: skip


def release(unit: UnitRef, rows: Sequence[Row]) -> Release:
    """One release from its tables' rows (one period and revision), tables in the specs' order."""
    first = rows[0]
    tables = tuple(sorted((table_release(r) for r in rows), key=lambda t: _ORDER.get(t.table, 99)))
    return Release(
        unit=unit,
        period=tables[0].period,
        revision=first["revision"],
        tables=tables,
        audit=audit_of(first["audit"]),
        change_log=tuple(c for r in rows for c in changes_of(r["change_log"])),
        released_at=first["released_at"],
        released_by=first["released_by_name"],
        population_vintage=first["population_vintage"],
    )
