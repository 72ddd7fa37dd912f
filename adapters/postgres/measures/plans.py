"""Measures room: action plans on PostgreSQL. A tree (plans, their focus areas, their goals) is read
in three statements however many plans a list holds; ``update`` replaces the tree in the unit
of work's transaction, keeping every id it is given (measures refer to them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.measures.constraints import domain_error
from adapters.postgres.measures.plan_tables import ACTION_PLAN, FOCUS_AREA, GOAL
from adapters.postgres.organisation.base import STALE, Statements
from adapters.postgres.organisation.sql import Reader, Row
from domain.measures.plan import ActionPlan, FocusArea, Goal, Weighting
from domain.shared.errors import NotFound, StaleVersion

_PLANS = (
    "SELECT id, unit_id, title, description, period_start, period_end, weighting, adopted,"
    " decision_id, version FROM action_plan WHERE unit_id = $1"
)
GET = f"{_PLANS} AND id = ANY($2::uuid[])"
LIST = f"{_PLANS} ORDER BY period_start DESC, id"
FOCUS_AREAS = (
    "SELECT id, plan_id, title, strategies, weight FROM plan_focus_area"
    " WHERE unit_id = $1 AND plan_id = ANY($2::uuid[]) ORDER BY plan_id, position"
)
GOALS = (
    "SELECT g.id, g.focus_area_id, g.title, g.weight FROM plan_goal g"
    " JOIN plan_focus_area f ON f.unit_id = g.unit_id AND f.id = g.focus_area_id"
    " WHERE g.unit_id = $1 AND f.plan_id = ANY($2::uuid[]) ORDER BY g.focus_area_id, g.position"
)
FOCUS_AREA_IDS = "SELECT id FROM plan_focus_area WHERE unit_id = $1"
GOAL_IDS = "SELECT id, focus_area_id FROM plan_goal WHERE unit_id = $1"
WRITES = Statements(ACTION_PLAN)
DROP_TREE = sa.delete(FOCUS_AREA).where(
    FOCUS_AREA.c.unit_id == sa.bindparam("w_unit"), FOCUS_AREA.c.plan_id == sa.bindparam("w_id")
)


def _values(p: ActionPlan) -> dict[str, Any]:
    return {
        "title": p.title,
        "description": p.description,
        "period_start": p.period_start,
        "period_end": p.period_end,
        "weighting": p.weighting.value,
        "adopted": p.adopted,
        "decision_id": p.decision_id,
        "version": p.version,
    }


class PgPlanRepository:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.conn = conn
        self.unit_id = unit_id
        self.read = Reader(conn)

    async def _write(self, statement: Any, params: Any, *, deleting: bool = False) -> Any:
        try:
            return await self.conn.execute(statement, params)
        except IntegrityError as exc:
            raise domain_error(exc, deleting=deleting) from None

    async def _trees(self, plans: list[Row]) -> list[ActionPlan]:
        if not plans:
            return []
        ids = [p["id"] for p in plans]
        goals: dict[UUID, list[Goal]] = defaultdict(list)
        for g in await self.read.rows(GOALS, self.unit_id, ids):
            goals[g["focus_area_id"]].append(Goal(id=g["id"], title=g["title"], weight=g["weight"]))
        areas: dict[UUID, list[FocusArea]] = defaultdict(list)
        for f in await self.read.rows(FOCUS_AREAS, self.unit_id, ids):
            areas[f["plan_id"]].append(
                FocusArea(
                    id=f["id"],
                    title=f["title"],
                    goals=tuple(goals[f["id"]]),
                    strategies=tuple(f["strategies"]),
                    weight=f["weight"],
                )
            )
        return [
            ActionPlan(
                id=p["id"],
                unit_id=p["unit_id"],
                title=p["title"],
                description=p["description"],
                period_start=p["period_start"],
                period_end=p["period_end"],
                weighting=Weighting(p["weighting"]),
                adopted=p["adopted"],
                decision_id=p["decision_id"],
                version=p["version"],
                focus_areas=tuple(areas[p["id"]]),
            )
            for p in plans
        ]

    async def get(self, id: UUID) -> ActionPlan:
        found = await self.get_many([id])
        if not found:
            raise NotFound(f"No action plan with id {id}.")
        return found[0]

    async def get_many(self, ids: Sequence[UUID]) -> Sequence[ActionPlan]:
        return await self._trees(await self.read.rows(GET, self.unit_id, list(ids)))

    async def list(self) -> Sequence[ActionPlan]:
        return await self._trees(await self.read.rows(LIST, self.unit_id))

    async def focus_area_ids(self) -> frozenset[UUID]:
        return frozenset(r["id"] for r in await self.read.rows(FOCUS_AREA_IDS, self.unit_id))

    async def goal_ids(self) -> dict[UUID, UUID]:
        rows = await self.read.rows(GOAL_IDS, self.unit_id)
        return {r["id"]: r["focus_area_id"] for r in rows}

    async def _tree(self, p: ActionPlan) -> None:
        """The focus areas and goals afresh (the goals go with their focus areas: CASCADE)."""
        await self._write(DROP_TREE, {"w_unit": self.unit_id, "w_id": p.id})
        u = self.unit_id
        areas = [
            {
                "id": f.id,
                "unit_id": u,
                "plan_id": p.id,
                "position": i,
                "title": f.title,
                "strategies": list(f.strategies),
                "weight": f.weight,
            }
            for i, f in enumerate(p.focus_areas)
        ]
        goals = [
            {
                "id": g.id,
                "unit_id": u,
                "focus_area_id": f.id,
                "position": i,
                "title": g.title,
                "weight": g.weight,
            }
            for f in p.focus_areas
            for i, g in enumerate(f.goals)
        ]
        if areas:
            await self._write(sa.insert(FOCUS_AREA), areas)
        if goals:
            await self._write(sa.insert(GOAL), goals)

    async def add(self, item: ActionPlan) -> None:
        await self._write(WRITES.insert, {"id": item.id, "unit_id": self.unit_id, **_values(item)})
        await self._tree(item)

    async def update(self, item: ActionPlan, expected_version: int) -> None:
        values = _values(item)
        params = {f"v_{k}": v for k, v in values.items()}
        params.update(w_unit=self.unit_id, w_id=item.id, w_version=expected_version)
        result = await self._write(WRITES.update(tuple(values)), params)
        if result.rowcount == 0:
            await self.get(item.id)
            raise StaleVersion(STALE)
        await self._tree(item)

    async def delete(self, id: UUID, expected_version: int) -> None:
        params = {"w_unit": self.unit_id, "w_id": id, "w_version": expected_version}
        result = await self._write(WRITES.delete, params, deleting=True)
        if result.rowcount == 0:
            await self.get(id)
            raise StaleVersion(STALE)
