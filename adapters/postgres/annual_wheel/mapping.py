"""Annual-wheel room: rows (asyncpg records, by column name) to the wheel's domain objects, and the
column lists the reads select."""

from __future__ import annotations

from typing import Any

from domain.annual_wheel.task import TaskStatus, WheelTask
from domain.annual_wheel.template import OwnerRole, WheelTemplate
from domain.organisation.model import Level
from domain.shared.calendar import FeedScope, FeedToken

Row = Any


def columns(table: str, *names: str) -> str:
    return ", ".join(f"{table}.{n}" for n in names)


TEMPLATE_COLUMNS = columns(
    "wheel_template", "id", "unit_id", "title", "month", "day", "owner_role", "body_level",
    "description", "active", "version",
)  # fmt: skip
TASK_COLUMNS = columns(
    "wheel_task", "id", "unit_id", "template_id", "year", "title", "due", "owner_role",
    "body_level", "body_id", "owner_person_id", "description", "status", "version",
)  # fmt: skip
TOKEN_COLUMNS = columns(
    "feed_token", "id", "unit_id", "scope", "subject_id", "token_hash", "created_at", "revoked_at"
)


def _level(value: str | None) -> Level | None:
    return None if value is None else Level(value)


def template(r: Row) -> WheelTemplate:
    return WheelTemplate(
        id=r["id"],
        unit_id=r["unit_id"],
        title=r["title"],
        month=r["month"],
        day=r["day"],
        owner_role=OwnerRole(r["owner_role"]),
        body_level=_level(r["body_level"]),
        description=r["description"],
        active=r["active"],
        version=r["version"],
    )


def task(r: Row) -> WheelTask:
    return WheelTask(
        id=r["id"],
        unit_id=r["unit_id"],
        template_id=r["template_id"],
        year=r["year"],
        title=r["title"],
        due=r["due"],
        owner_role=OwnerRole(r["owner_role"]),
        body_level=_level(r["body_level"]),
        body_id=r["body_id"],
        owner_person_id=r["owner_person_id"],
        description=r["description"],
        status=TaskStatus(r["status"]),
        version=r["version"],
    )


def feed_token(r: Row) -> FeedToken:
    return FeedToken(
        id=r["id"],
        unit_id=r["unit_id"],
        scope=FeedScope(r["scope"]),
        subject_id=r["subject_id"],
        token_hash=r["token_hash"],
        created_at=r["created_at"],
        revoked_at=r["revoked_at"],
    )
