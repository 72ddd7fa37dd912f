"""Annual wheel: one template per (unit, month, day, title), so two parallel handbook seeds (or a
double-submitted create) cannot both write the wheel; the later one meets the constraint and
ends as DuplicateName (a seed: as "nothing seeded"). NULLS NOT DISTINCT (PostgreSQL 15): a
template without a day (the month's last day) takes that slot like any other day.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 10:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_unique_constraint(
        "uq_wheel_template_slot",
        "wheel_template",
        ["unit_id", "month", "day", "title"],
        postgresql_nulls_not_distinct=True,
    )


def downgrade() -> None:
    op.drop_constraint("uq_wheel_template_slot", "wheel_template", type_="unique")
