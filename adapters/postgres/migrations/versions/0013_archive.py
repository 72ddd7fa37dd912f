"""Archive delivery: the transactional outbox, per-unit archive settings and the archive's receipts (issue 13). Filled in by the archive adapter.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
