"""Memberships gain the deputy (vara) role; search ignores case and diacritics ("hakon" finds
"Håkon") through one IMMUTABLE folding function, indexed by trigram where pg_trgm exists.

The embedded server ships neither ``unaccent`` nor ``pg_trgm``, so the function folds with
built-ins only: NFKD, drop the combining marks, lower-case, and spell out the letters that have no
decomposition (æ ø đ ł ŧ ŋ ß œ). Where pg_trgm is available the ``LIKE '%…%'`` searches use a GIN
index on the folded name; without it they scan the unit's rows (found through its unit_id index).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES_BEFORE = "role IN ('chair','secretary','member','observer')"
ROLES_AFTER = "role IN ('chair','deputy','secretary','member','observer')"

# Keep in step with tests/fakes.py ``fold`` (the unit tests' stand-in for this function).
FOLD = r"""
CREATE FUNCTION samordna_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(
    replace(replace(replace(replace(
      lower(regexp_replace(normalize(value, NFKD), '[\u0300-\u036f]', '', 'g')),
      'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'), 'œ', 'oe'),
    'øØđĐłŁŧŦŋŊ', 'ooddllttnn')
$$
"""

# Trigram indexes only where the extension exists; tests/migrations leaves ``*_trgm`` out of the
# table-definition comparison for that reason.
TRIGRAM_INDEXES = {
    "ix_person_name_trgm": "person",
    "ix_organisation_name_trgm": "organisation",
    "ix_body_name_trgm": "body",
}


def _has_trigrams() -> bool:
    sql = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    return op.get_bind().execute(sa.text(sql)).first() is not None


def upgrade() -> None:
    op.drop_constraint("ck_membership_role", "membership", type_="check")
    op.create_check_constraint("ck_membership_role", "membership", ROLES_AFTER)
    op.execute(FOLD)
    op.execute("GRANT EXECUTE ON FUNCTION samordna_fold(text) TO PUBLIC")
    if _has_trigrams():
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table in TRIGRAM_INDEXES.items():
            op.execute(
                f"CREATE INDEX {name} ON {table} USING gin (samordna_fold(name) gin_trgm_ops)"
            )


def downgrade() -> None:
    for name in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    deputies = op.get_bind().execute(
        sa.text("SELECT count(*) FROM membership WHERE role = 'deputy'")
    )
    if deputies.scalar_one():
        raise RuntimeError(
            "Memberships in the deputy role exist; change or remove them before downgrading."
        )
    op.execute("DROP FUNCTION samordna_fold(text)")
    op.drop_constraint("ck_membership_role", "membership", type_="check")
    op.create_check_constraint("ck_membership_role", "membership", ROLES_BEFORE)
