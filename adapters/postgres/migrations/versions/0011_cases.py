"""Cases: subjects, guardians, follow-up cases, youth plan commitments, case notes, consents with their event logs, legal-basis records, break-glass grants and duty prompts (issue 11). Filled in by the cases adapter.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 17:00:00
"""

from collections.abc import Sequence

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
