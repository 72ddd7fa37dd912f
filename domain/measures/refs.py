"""Measures domain room: a measure's references, checked inside the use case's unit of work —
the owner is a person of the unit, the organisations exist, the focus areas and goals are the
unit's plans' (a goal implies its focus area, which is added) — and milestones built from the
inputs that arrive whole (a new one gets an id; an id the measure does not hold is refused)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from uuid import uuid4

from domain.measures.changes import MilestoneInput
from domain.measures.measure import Measure, Milestone
from domain.measures.ports import MeasuresUnitOfWork
from domain.shared.errors import Errors
from domain.shared.validation import camel

_CHECKED = frozenset(
    {
        "owner_id",
        "responsible_organisation_ids",
        "partner_organisation_ids",
        "focus_area_ids",
        "goal_ids",
    }
)


def milestones(
    inputs: Sequence[MilestoneInput], old: Sequence[Milestone] = ()
) -> tuple[Milestone, ...]:
    known = {m.id for m in old}
    e = Errors()
    out = []
    for i, x in enumerate(inputs):
        if x.id is not None and x.id not in known:
            e.add(f"milestones.{i}.id", "unknown", "No such milestone on this measure.")
        title = x.title.strip() if isinstance(x.title, str) else x.title
        out.append(
            Milestone(
                id=x.id or uuid4(),
                title=title,
                due_on=x.due_on,
                done_on=x.done_on,
                weight=x.weight,
            )
        )
    e.raise_if_any()
    return tuple(out)


async def checked(uow: MeasuresUnitOfWork, m: Measure, sent: frozenset[str]) -> Measure:
    """``m`` once the references among ``sent`` exist in the unit, with the focus areas its
    goals imply added; raises ``ValidationFailed`` naming each unknown reference."""
    todo = sent & _CHECKED
    if not todo:
        return m
    e = Errors()
    owner = m.owner_id
    if "owner_id" in todo and owner is not None and not await uow.persons.get_many([owner]):
        e.add("ownerId", "unknown", "No such person in this unit.")
    orgs = {*m.responsible_organisation_ids, *m.partner_organisation_ids}
    if orgs and todo & {"responsible_organisation_ids", "partner_organisation_ids"}:
        found = {o.id for o in await uow.organisations.get_many(list(orgs))}
        for name in ("responsible_organisation_ids", "partner_organisation_ids"):
            if any(i not in found for i in getattr(m, name)):
                e.add(camel(name), "unknown", "No such organisation in this unit.")
    focus = m.focus_area_ids
    if todo & {"focus_area_ids", "goal_ids"} and (m.focus_area_ids or m.goal_ids):
        areas = await uow.plans.focus_area_ids()
        goals = await uow.plans.goal_ids()
        if any(i not in areas for i in m.focus_area_ids):
            e.add("focusAreaIds", "unknown", "No such focus area in this unit's plans.")
        if any(i not in goals for i in m.goal_ids):
            e.add("goalIds", "unknown", "No such goal in this unit's plans.")
        implied = [goals[g] for g in m.goal_ids if g in goals]
        focus = tuple(dict.fromkeys([*m.focus_area_ids, *implied]))
    e.raise_if_any()
    return dataclasses.replace(m, focus_area_ids=focus) if focus != m.focus_area_ids else m
