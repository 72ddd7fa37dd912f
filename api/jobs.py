"""Scheduled jobs room: work the command line starts outside a request (``samordna measures
remind``), as a system caller of one unit at a time, through the same use cases as the doors."""

from __future__ import annotations

from uuid import UUID

from api import bootstrap
from api.settings import Settings
from domain.measures.views import ReminderReport
from domain.shared.principal import Principal, PrincipalKind, Role


def system_principal(unit_id: UUID) -> Principal:
    """The caller of a scheduled job: the unit's coordinator role with no person behind it, so
    nothing it does is attributed to a real person."""
    return Principal(
        kind=PrincipalKind.PERSON,
        subject_key="system:samordna-cli",
        unit_id=unit_id,
        display_name="Samordna (planlagt jobb)",
        roles=frozenset({Role.COORDINATOR}),
    )


async def remind_evaluations(
    c: bootstrap.Container, unit_id: UUID | None = None
) -> list[tuple[UUID, ReminderReport]]:
    """Mail each evaluation due (or overdue) to its measure's owner and the unit's coordinator,
    for one unit or every unit; ``LookupError`` for an unknown unit."""
    known = await bootstrap.unit_ids(c.urls)
    if unit_id is not None and unit_id not in known:
        raise LookupError(f"no SLT unit {unit_id}")
    units = [unit_id] if unit_id is not None else known
    return [(u, await c.measures.send_evaluation_reminders(system_principal(u))) for u in units]


async def run_reminders(
    settings: Settings, unit_id: UUID | None = None
) -> list[tuple[UUID, ReminderReport]]:
    """``remind_evaluations`` on a container of its own (the command line's)."""
    c = bootstrap.build_container(settings)
    try:
        return await remind_evaluations(c, unit_id)
    finally:
        await c.aclose()
