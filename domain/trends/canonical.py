"""Trends domain room: freezing — a table's canonical JSON and CSV bytes with TREND-A's metadata
(byte-identical for identical inputs; the only time in them is the release's ``released_at``),
and reading a frozen JSON body back into its ``TableRelease``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from domain.knowledge.periods import Period
from domain.knowledge.vocab import VOCAB_VERSION
from domain.trends import rules as r
from domain.trends.model import Cell, PublishedBody, TableRelease, UnitRef
from domain.trends.specs import BY_CODE, MUNICIPALITY, TABLES_VERSION

JSON_TYPE = "application/json"
CSV_TYPE = "text/csv; charset=utf-8"


def timestamp(at: datetime) -> str:
    """UTC, whole seconds, ``Z``: the one way a release time is written."""
    return at.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _body(content: bytes, media_type: str) -> PublishedBody:
    return PublishedBody(
        content=content, media_type=media_type, etag=hashlib.sha256(content).hexdigest()
    )


def _cell(dimensions: Sequence[str], c: Cell) -> dict[str, Any]:
    return {**dict(zip(dimensions, c.dims, strict=False)), "value": c.value, "flags": [*c.flags]}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def metadata(
    table: str, unit: UnitRef, period: Period, revision: int, at: datetime, vintage: int | None
) -> dict[str, Any]:
    spec = BY_CODE[table]
    return {
        "table": table,
        "title": spec.title,
        "ruleSet": r.RULE_SET,
        "tablesVersion": TABLES_VERSION,
        "vocabularyVersion": VOCAB_VERSION,
        "parameters": dict(r.PARAMETERS),
        "populationVintage": vintage,
        "period": str(period),
        "periodStart": period.start.isoformat(),
        "periodEndExclusive": period.end.isoformat(),
        "revision": revision,
        "releasedAt": timestamp(at),
        "unit": {"id": str(unit.id), "name": unit.name, "municipalities": [*unit.municipalities]},
        "dimensions": [*spec.dimensions],
        "suppressedMarker": r.SUPPRESSED,
        "flags": [*r.FLAGS],
    }


def freeze(
    table: str,
    unit: UnitRef,
    period: Period,
    revision: int,
    at: datetime,
    vintage: int | None,
    cells: Sequence[Cell],
    totals: Sequence[Cell],
) -> TableRelease:
    meta = metadata(table, unit, period, revision, at, vintage)
    dims = BY_CODE[table].dimensions
    doc = {
        **meta,
        "cells": [_cell(dims, c) for c in cells],
        "totals": [_cell((MUNICIPALITY,), c) for c in totals],
    }
    raw = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    lines = [f"# {k}: {_one_line(json.dumps(meta[k], ensure_ascii=False))}" for k in sorted(meta)]
    lines.append(";".join(("kind", *dims, "value", "flags")))
    for kind, rows in (("cell", cells), ("total", totals)):
        for c in rows:
            pad = [*c.dims, *[""] * (len(dims) - len(c.dims))]
            shown = r.SUPPRESSED if c.value is None else str(c.value)
            lines.append(";".join((kind, *pad, shown, "|".join(c.flags))))
    return TableRelease(
        table=table,
        unit_id=unit.id,
        period=period,
        revision=revision,
        dimensions=dims,
        cells=tuple(cells),
        totals=tuple(totals),
        json=_body(raw.encode(), JSON_TYPE),
        csv=_body(("\n".join(lines) + "\n").encode(), CSV_TYPE),
        released_at=datetime.fromisoformat(timestamp(at).replace("Z", "+00:00")),
    )


def _parse_cell(dimensions: Sequence[str], raw: dict[str, Any]) -> Cell:
    value = raw["value"]
    return Cell(
        tuple(str(raw[d]) for d in dimensions if d in raw),
        None if value is None else int(value),
        tuple(str(f) for f in raw["flags"]),
    )


def thaw(json_body: bytes, csv_body: bytes) -> TableRelease:
    """The stored bodies back into their ``TableRelease`` (the store keeps only bytes)."""
    doc = json.loads(json_body)
    dims = tuple(str(d) for d in doc["dimensions"])
    return TableRelease(
        table=str(doc["table"]),
        unit_id=UUID(doc["unit"]["id"]),
        period=Period.parse(doc["period"]),
        revision=int(doc["revision"]),
        dimensions=dims,
        cells=tuple(_parse_cell(dims, c) for c in doc["cells"]),
        totals=tuple(_parse_cell((MUNICIPALITY,), c) for c in doc["totals"]),
        json=_body(json_body, JSON_TYPE),
        csv=_body(csv_body, CSV_TYPE),
        released_at=datetime.fromisoformat(str(doc["releasedAt"]).replace("Z", "+00:00")),
    )
