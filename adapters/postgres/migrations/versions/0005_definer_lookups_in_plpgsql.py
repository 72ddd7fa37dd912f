"""The two login look-ups (``samordna_accounts_for``, ``samordna_machine_clients``) in PL/pgSQL.

A SECURITY DEFINER SQL function is never inlined, and PostgreSQL plans its body again on every
call; PL/pgSQL keeps the plan per connection. They run on every authenticated request (ADR 0011).
Same signatures, rows, order and grants; the tables stay closed to the app role (ADR 0003).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACCOUNTS_QUERY = """
          SELECT a.unit_id, u.name, a.roles, a.person_id, p.name,
                 coalesce((SELECT jsonb_object_agg(m.body_id::text, m.role)
                             FROM membership m
                            WHERE m.unit_id = a.unit_id AND m.person_id = a.person_id
                              AND m.valid_from <= current_date
                              AND (m.valid_to IS NULL OR m.valid_to >= current_date)), '{}'::jsonb)
            FROM user_account a
            JOIN slt_unit u ON u.id = a.unit_id
            LEFT JOIN person p ON p.unit_id = a.unit_id AND p.id = a.person_id
           WHERE a.person_key = p_person_key
           ORDER BY a.created_at, a.unit_id"""

CLIENTS_QUERY = """
          SELECT c.unit_id, u.name, c.name, c.scopes FROM machine_client c
            JOIN slt_unit u ON u.id = c.unit_id
           WHERE c.consumer_id = p_consumer_id ORDER BY c.created_at, c.unit_id"""

ACCOUNTS_HEAD = """
        CREATE OR REPLACE FUNCTION samordna_accounts_for(p_person_key text)
        RETURNS TABLE (unit_id uuid, unit_name text, roles text[], person_id uuid,
                       display_name text, body_roles jsonb)"""

CLIENTS_HEAD = """
        CREATE OR REPLACE FUNCTION samordna_machine_clients(p_consumer_id text)
        RETURNS TABLE (unit_id uuid, unit_name text, name text, scopes text[])"""

DEFINER = "STABLE SECURITY DEFINER SET search_path = public, pg_temp"


# RETURN QUERY wants the declared types exactly (varchar columns are not text).
CASTS = {"u.name,": "u.name::text,", "p.name,": "p.name::text,", "c.name,": "c.name::text,"}


def _plpgsql(head: str, query: str) -> str:
    # The OUT columns share names with table columns: the query's columns win.
    for plain, cast in CASTS.items():
        query = query.replace(plain, cast, 1)
    return (
        f"{head}\n        LANGUAGE plpgsql {DEFINER} AS $$\n        #variable_conflict use_column\n"
        f"        BEGIN\n          RETURN QUERY{query};\n        END\n        $$"
    )


def _sql(head: str, query: str) -> str:
    return f"{head}\n        LANGUAGE sql {DEFINER} AS $${query}\n        $$"


def upgrade() -> None:
    op.execute(_plpgsql(ACCOUNTS_HEAD, ACCOUNTS_QUERY))
    op.execute(_plpgsql(CLIENTS_HEAD, CLIENTS_QUERY))


def downgrade() -> None:
    op.execute(_sql(ACCOUNTS_HEAD, ACCOUNTS_QUERY))
    op.execute(_sql(CLIENTS_HEAD, CLIENTS_QUERY))
