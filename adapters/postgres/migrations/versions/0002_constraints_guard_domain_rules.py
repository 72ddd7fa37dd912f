"""Domain rules that parallel requests could break become constraints: no overlapping memberships
of one person in one body, one chair per body at a time (see docs/adr/0007).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# valid_to is the last day of membership (inclusive), so the period is '[]': a membership ending
# on the day another starts overlaps it, exactly as Membership.overlaps says.
PERIOD = "daterange(valid_from, valid_to, '[]')"

# The embedded server has no btree_gist, and GiST has no uuid equality without it. A range of
# uuid is built in and GiST's range_ops support "=", so uuidrange(x, x, '[]') WITH = is equality.
# Declared in this order on purpose: PostgreSQL checks a row against the constraints' indexes in
# the order they were created, so a person appointed chair twice hits the overlap rule first, like the
# application check does.
CONSTRAINTS = {
    "ex_membership_no_overlap": (
        "EXCLUDE USING gist (uuidrange(body_id, body_id, '[]') WITH =, "
        f"uuidrange(person_id, person_id, '[]') WITH =, {PERIOD} WITH &&)"
    ),
    "ex_membership_one_chair": (
        f"EXCLUDE USING gist (uuidrange(body_id, body_id, '[]') WITH =, {PERIOD} WITH &&) "
        "WHERE (role = 'chair')"
    ),
}

OVERLAPS = {
    "ex_membership_no_overlap": "a.person_id = b.person_id",
    "ex_membership_one_chair": "a.role = 'chair' AND b.role = 'chair'",
}


def upgrade() -> None:
    op.execute("CREATE TYPE uuidrange AS RANGE (subtype = uuid)")
    for name, definition in CONSTRAINTS.items():
        _refuse_existing_overlaps(name)
        op.execute(f"ALTER TABLE membership ADD CONSTRAINT {name} {definition}")


def downgrade() -> None:
    for name in reversed(CONSTRAINTS):
        op.execute(f"ALTER TABLE membership DROP CONSTRAINT {name}")
    op.execute("DROP TYPE uuidrange")


def _refuse_existing_overlaps(name: str) -> None:
    """Rows stored by the race this revision closes would make ADD CONSTRAINT fail with one key
    pair; say how many there are and what to do instead. Nothing is deleted: which row is right is
    a coordinator's call."""
    # The condition comes from this module's constants, never from input.
    sql = (
        "SELECT count(*) FROM membership a JOIN membership b ON a.body_id = b.body_id "  # noqa: S608
        f"AND a.id < b.id AND {OVERLAPS[name]} "
        "AND daterange(a.valid_from, a.valid_to, '[]') && daterange(b.valid_from, b.valid_to, '[]')"
    )
    clashes = op.get_bind().execute(sa.text(sql)).scalar_one()
    if clashes:
        raise RuntimeError(
            f"{clashes} pair(s) of memberships break {name}; end or remove one of each pair "
            f"(find them with: {sql.replace('count(*)', 'a.id, b.id')}) and upgrade again."
        )
