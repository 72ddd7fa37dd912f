"""Knowledge PostgreSQL room: the write half of the pipeline, generated from a ``KindSpec`` and the
job's mapping — the previous values of the rows the import will change (row history, for
rollback), the upsert by key with provenance that counts inserted and updated rows, and the
counts a preview reports (what WOULD be inserted or updated) without writing.

Only the columns the file maps are compared and updated: a file without a ``description`` column
leaves the descriptions as they are. Unchanged rows keep their provenance."""

from __future__ import annotations

from collections.abc import Mapping

from adapters.postgres.knowledge.kinds_sql import KindSql
from domain.knowledge.kinds import ColumnType


def _expr(k: KindSql, name: str) -> str:
    c = k.spec.column(name)
    if c.type is ColumnType.CODES:
        return f"coalesce(s.v_{name}, '{{}}'::text[])"
    return f"s.v_{name}{k.cast(name)}"


def _mapped_values(k: KindSql, mapping: Mapping[str, str]) -> list[str]:
    return [c.name for c in k.spec.columns if c.name not in k.spec.key and c.name in mapping]


def _inserted(k: KindSql, mapping: Mapping[str, str]) -> list[str]:
    """Key columns, mapped columns and columns with a default."""
    return [
        c.name
        for c in k.spec.columns
        if c.name in k.spec.key or c.name in mapping or c.default is not None
    ]


def _join(k: KindSql) -> str:
    on = " AND ".join(f"t.{k.column(n)} = {_expr(k, n)}" for n in k.spec.key)
    return f"t.unit_id = $1 AND {on}"


def _changed(k: KindSql, mapping: Mapping[str, str], excluded: bool = False) -> str | None:
    names = _mapped_values(k, mapping)
    if not names:
        return None
    mine = ", ".join(f"t.{k.column(n)}" for n in names)
    theirs = ", ".join(f"EXCLUDED.{k.column(n)}" if excluded else _expr(k, n) for n in names)
    return f"ROW({mine}) IS DISTINCT FROM ROW({theirs})"


def history_sql(k: KindSql, mapping: Mapping[str, str]) -> str | None:
    """``$1`` unit, ``$2`` job: the whole previous row of each row the upsert will change."""
    changed = _changed(k, mapping)
    if changed is None:
        return None
    key = ", ".join(f"t.{c}::text" for c in k.key)
    return (
        "INSERT INTO knowledge_import_row_history (unit_id, job_id, key, previous)"  # noqa: S608
        f" SELECT $1, $2, ARRAY[{key}], to_jsonb(t) FROM knowledge_checked s"
        f" JOIN {k.table} t ON {_join(k)} WHERE {changed}"
    )


def upsert_sql(k: KindSql, mapping: Mapping[str, str]) -> str:
    """``$1`` unit, ``$2`` job → (inserted, updated): ``INSERT … ON CONFLICT`` — for the editable
    records (indicators, areas), which a coordinator may also create while the import runs."""
    names = _inserted(k, mapping)
    cols = ["unit_id", *(c for c, _ in k.inserted), *(k.column(n) for n in names)]
    exprs = ["$1", *(e for _, e in k.inserted), *(_expr(k, n) for n in names)]
    cols += ["import_id", "first_import_id"]
    exprs += ["$2", "$2"]
    changed = _changed(k, mapping, excluded=True)
    if changed is None:
        action = "DO NOTHING"
    else:
        sets = [f"{k.column(n)} = EXCLUDED.{k.column(n)}" for n in _mapped_values(k, mapping)]
        sets.append("import_id = EXCLUDED.import_id")
        if k.versioned:
            sets += ["version = t.version + 1", "updated_at = now()"]
        action = f"DO UPDATE SET {', '.join(sets)} WHERE {changed}"
    return (
        f"WITH up AS (INSERT INTO {k.table} AS t ({', '.join(cols)})"  # noqa: S608
        f" SELECT {', '.join(exprs)} FROM knowledge_checked s"
        f" ON CONFLICT (unit_id, {', '.join(k.key)}) {action} RETURNING (xmax = 0) AS ins)"
        " SELECT count(*) FILTER (WHERE ins) AS inserted,"
        " count(*) FILTER (WHERE NOT ins) AS updated FROM up"
    )


def update_sql(k: KindSql, mapping: Mapping[str, str]) -> str | None:
    """``$1`` unit, ``$2`` job: the rows whose mapped values changed (none: nothing to update).
    With ``insert_sql`` the upsert of the bulk tables, which only imports and their rollback
    write, each under the (unit, kind) lock: a join and a plain insert instead of ``ON
    CONFLICT``, whose speculative insertion cost ~4x a plain insert, and which locked (and
    wrote WAL for) every unchanged row it skipped."""
    names = _mapped_values(k, mapping)
    changed = _changed(k, mapping)
    if changed is None:
        return None
    sets = [f"{k.column(n)} = {_expr(k, n)}" for n in names]
    return (
        f"UPDATE {k.table} t SET {', '.join(sets)}, import_id = $2"  # noqa: S608
        f" FROM knowledge_checked s WHERE {_join(k)} AND {changed}"
    )


def insert_sql(k: KindSql, mapping: Mapping[str, str]) -> str:
    """``$1`` unit, ``$2`` job: the rows whose key the unit does not have yet."""
    names = _inserted(k, mapping)
    cols = ["unit_id", *(c for c, _ in k.inserted), *(k.column(n) for n in names)]
    exprs = ["$1", *(e for _, e in k.inserted), *(_expr(k, n) for n in names)]
    return (
        f"INSERT INTO {k.table} ({', '.join(cols)}, import_id, first_import_id)"  # noqa: S608
        f" SELECT {', '.join(exprs)}, $2, $2 FROM knowledge_checked s"
        f" WHERE NOT EXISTS (SELECT FROM {k.table} t WHERE {_join(k)})"
    )


def preview_sql(k: KindSql, mapping: Mapping[str, str], valid: str) -> str:
    """``$1`` unit → (inserted, updated, unchanged) of the valid rows, nothing written."""
    changed = _changed(k, mapping) or "false"
    return (
        "SELECT count(*) FILTER (WHERE t.unit_id IS NULL) AS inserted,"  # noqa: S608
        f" count(*) FILTER (WHERE t.unit_id IS NOT NULL AND {changed}) AS updated,"
        f" count(*) FILTER (WHERE t.unit_id IS NOT NULL AND NOT ({changed})) AS unchanged"
        f" FROM knowledge_checked s LEFT JOIN {k.table} t ON {_join(k)} WHERE {valid}"
    )


def sample_sql(k: KindSql, src: Mapping[str, str], limit: int) -> str:
    """The first rows as mapped objects: the canonical value, else the trimmed cell."""
    pairs = []
    for c in k.spec.columns:
        value = f"s.v_{c.name}::text"
        if c.type is ColumnType.CODES:
            value = f"array_to_string(s.v_{c.name}, ',')"
        raw = src[c.name].replace("s.", "r.", 1)
        if c.rule is not None:  # a subject key that is not pseudonymous is never shown
            raw = "NULL::text"
        pairs.append(f"'{c.name}', coalesce({value}, nullif(btrim({raw}, E' \\t'), ''))")
    return (
        f"SELECT jsonb_build_object({', '.join(pairs)})::text AS row"  # noqa: S608
        f" FROM (SELECT * FROM knowledge_checked ORDER BY row_no LIMIT {limit}) s"
        f" JOIN (SELECT * FROM knowledge_staging ORDER BY row_no LIMIT {limit}) r"
        " ON r.row_no = s.row_no ORDER BY s.row_no"
    )
