"""Column helpers shared by the table modules."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Field


def stamp() -> Any:
    """A ``timestamptz`` column that the database fills in."""
    return Field(
        sa_type=sa.DateTime(timezone=True), sa_column_kwargs={"server_default": sa.text("now()")}
    )
