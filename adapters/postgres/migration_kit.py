"""Postgres adapter room: the statements every migration from 0011 on repeats — row-level
security bound to the request's unit, the app role's grants, and append-only tables.

Migrations 0001–0010 spell these out themselves and stay as they are (migrations are history);
new ones call these helpers so the tenancy and append-only rules read the same everywhere.
"""

from __future__ import annotations

from alembic import op

ALL = "SELECT, INSERT, UPDATE, DELETE"
APPEND = "SELECT, INSERT"


def isolate(table: str, rights: str = ALL, *, column: str = "unit_id") -> None:
    """Forces row-level security on ``table`` (rows of the request's unit only, read and written)
    and grants the app role ``rights`` on it."""
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY unit_isolation ON {table} "
        f"USING ({column} = samordna_current_unit()) "
        f"WITH CHECK ({column} = samordna_current_unit())"
    )
    op.execute(f"GRANT {rights} ON {table} TO samordna_app")


def append_only(table: str) -> None:
    """The app role may only read and add rows of ``table``; a trigger refuses any UPDATE, even by
    the owner (``samordna_append_only()`` of migration 0010)."""
    op.execute(
        f"CREATE TRIGGER tg_{table}_append_only BEFORE UPDATE ON {table}"
        " FOR EACH ROW EXECUTE FUNCTION samordna_append_only()"
    )
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM samordna_app")


def drop_append_only(table: str) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS tg_{table}_append_only ON {table}")
