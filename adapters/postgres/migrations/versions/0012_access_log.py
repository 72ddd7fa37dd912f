"""The access log of subject data: an append-only entry table the app role may only INSERT into, the sealer's hash chain and its checkpoints (issue 11). Filled in by the audit adapter.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
