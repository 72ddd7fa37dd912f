"""Measures domain room: use cases of the measure records — list, board, read, propose, change,
remove. A proposal starts the stage history (entry 1: nothing → proposed); a change names the
version it read; only a measure still ``proposed`` may be removed."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any
from uuid import UUID, uuid4

from domain.measures import checks, refs
from domain.measures import policies as pol
from domain.measures.base import UseCases
from domain.measures.changes import MeasureChanges
from domain.measures.errors import MeasureInLifecycle
from domain.measures.filters import MeasureFilter
from domain.measures.history import StageChange
from domain.measures.measure import Measure
from domain.measures.ports import MeasuresUnitOfWork
from domain.measures.stage import Stage
from domain.measures.views import MeasureView
from domain.shared.changes import expect_version
from domain.shared.pagination import Page, PageRequest
from domain.shared.policies import require
from domain.shared.principal import Principal

# The texts the guard screens (field → camelCase name).
TEXTS = {"title": "title", "problem": "problem", "description": "description"}
TEXTS |= {"target_group": "targetGroup"}


def texts_of(m: Measure, fields: frozenset[str]) -> dict[str, str | None]:
    """The measure's free texts among ``fields``, and its milestones' titles when sent."""
    out: dict[str, str | None] = {TEXTS[f]: getattr(m, f) for f in TEXTS if f in fields}
    if "milestones" in fields:
        out |= {f"milestones.{i}.title": x.title for i, x in enumerate(m.milestones)}
    return out


def _fields(changes: MeasureChanges) -> dict[str, Any]:
    """The sent fields, trimmed, lists as tuples (a door may hand over lists)."""
    sent = changes.trimmed().set_fields()
    for name, value in sent.items():
        if isinstance(value, list):
            sent[name] = tuple(value)
    return sent


class MeasureUseCases(UseCases):
    async def list_measures(
        self, p: Principal, f: MeasureFilter, page: PageRequest
    ) -> Page[MeasureView]:
        async with self._read(p) as uow:
            found = await uow.measures.list(f, page)
            views = await self._views(uow, p, found.items)
        return Page(items=views, total=found.total, next_cursor=found.next_cursor)

    async def board(self, p: Principal, f: MeasureFilter) -> tuple[MeasureView, ...]:
        """Every matching measure (the board groups them by stage)."""
        async with self._read(p) as uow:
            return tuple(await self._views(uow, p, await uow.measures.all(f)))

    async def get_measure(self, p: Principal, id: UUID) -> MeasureView:
        async with self._read(p) as uow:
            return await self._view(uow, p, await uow.measures.get(id))

    async def measures_by_id(self, p: Principal, ids: Sequence[UUID]) -> dict[UUID, MeasureView]:
        async with self._read(p) as uow:
            found = await uow.measures.get_many(list(dict.fromkeys(ids)))
            return {v.measure.id: v for v in await self._views(uow, p, found)}

    async def propose_measure(
        self, p: Principal, changes: MeasureChanges, override_reason: str | None = None
    ) -> MeasureView:
        require(pol.can_propose(p), "propose measures")
        sent = _fields(changes)
        milestones = refs.milestones(sent.pop("milestones", ()))
        values: dict[str, Any] = {"title": "", "problem": "", "tier": None} | sent
        m = Measure(
            id=uuid4(),
            unit_id=p.unit_id,
            milestones=milestones,
            stage=Stage.PROPOSED,
            proposed_by=p.person_id,
            **values,
        )
        m = checks.typed(m)
        m.check()
        checks.check_done_by(m, self._clock.today())
        fields = frozenset(values) | {"milestones"}
        async with self._uow(p.unit_id) as uow:
            m = await self._checked(uow, m, fields)
            await uow.measures.add(m)
            await uow.history.append(
                StageChange(
                    id=uuid4(),
                    unit_id=p.unit_id,
                    measure_id=m.id,
                    from_stage=None,
                    to_stage=Stage.PROPOSED,
                    at=self._clock.now(),
                    actor_person_id=p.person_id,
                    actor_name=p.display_name,
                    sequence=1,
                )
            )
            await self._screen(uow, p, m.id, texts_of(m, fields), override_reason)
            view = await self._view(uow, p, m)
            await uow.commit()
        return view

    async def update_measure(
        self,
        p: Principal,
        id: UUID,
        changes: MeasureChanges,
        expected_version: int | None,
        override_reason: str | None = None,
    ) -> MeasureView:
        require(pol.can_read(p), "see this unit's measures")
        sent = _fields(changes)
        fields = frozenset(sent)
        async with self._uow(p.unit_id) as uow:
            old = await uow.measures.get(id)
            require(pol.can_change(p, old, fields), "change this measure")
            expected = expect_version(old.version, expected_version)
            if "milestones" in sent:
                sent["milestones"] = refs.milestones(sent["milestones"], old.milestones)
            new = checks.typed(dataclasses.replace(old, **sent, version=old.version + 1))
            new.check()
            if "milestones" in sent:
                checks.check_done_by(new, self._clock.today(), old)
            if not pol.can_lift_evaluation_duty(p, old):
                threshold = await uow.settings.evaluation_threshold_nok()
                lifted = set(old.evaluation_triggers(threshold)) - set(
                    new.evaluation_triggers(threshold)
                )
                require(not lifted, "lift the evaluation duty of a decided measure")
            new = await self._checked(uow, new, fields)
            await uow.measures.update(new, expected)
            await self._screen(uow, p, new.id, texts_of(new, fields), override_reason)
            view = await self._view(uow, p, new)
            await uow.commit()
        return view

    async def delete_measure(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._manage(p, "remove measures") as uow:
            old = await uow.measures.get(id)
            if old.stage is not Stage.PROPOSED:
                raise MeasureInLifecycle(
                    f"The measure is {old.stage.value}: only a proposal may be removed "
                    "(reject or stop it instead)."
                )
            expected = expect_version(old.version, expected_version)
            await uow.measures.delete(id, expected)  # its history and notes go with it
            await uow.commit()

    @staticmethod
    async def _checked(uow: MeasuresUnitOfWork, m: Measure, fields: frozenset[str]) -> Measure:
        out = await refs.checked(uow, m, fields)
        if out is not m:
            out.check()  # the implied focus areas count against the list's limit too
        return out
