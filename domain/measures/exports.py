"""Measures domain room: what the exports read — the measure list (CSV) and an action plan's tree
(PDF, XLSX), each with the names its rows show (owners, organisations, focus areas, goals), in
one read transaction. Rendering happens after it has closed (``PlanRenderer``)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.measures.export_views import MeasureExport, Names, PlanExport
from domain.measures.filters import MeasureFilter
from domain.measures.plan import ActionPlan
from domain.measures.plans import PlanUseCases
from domain.measures.ports import MeasuresUnitOfWork
from domain.measures.views import MeasureView
from domain.shared.principal import Principal


async def names_of(
    uow: MeasuresUnitOfWork, views: Sequence[MeasureView], plans: Sequence[ActionPlan]
) -> Names:
    """Two reads (persons, organisations) whatever the number of measures."""
    ms = [v.measure for v in views]
    person_ids = list(dict.fromkeys(m.owner_id for m in ms if m.owner_id is not None))
    org_ids = list(
        dict.fromkeys(
            i for m in ms for i in (*m.responsible_organisation_ids, *m.partner_organisation_ids)
        )
    )
    persons = await uow.persons.get_many(person_ids) if person_ids else []
    orgs = await uow.organisations.get_many(org_ids) if org_ids else []
    return Names(
        persons={x.id: x.name for x in persons},
        organisations={x.id: x.name for x in orgs},
        focus_areas={fa.id: fa.title for pl in plans for fa in pl.focus_areas},
        goals={g.id: g.title for pl in plans for fa in pl.focus_areas for g in fa.goals},
    )


class ExportUseCases(PlanUseCases):
    async def measure_export(self, p: Principal, f: MeasureFilter) -> MeasureExport:
        """Every matching measure (by title) with the names its row shows."""
        async with self._read(p) as uow:
            views = tuple(await self._views(uow, p, await uow.measures.all(f)))
            names = await names_of(uow, views, await uow.plans.list())
        return MeasureExport(measures=views, names=names)

    async def plan_export(self, p: Principal, id: UUID) -> PlanExport:
        """The plan's tree with progress, and the names of its measures' owners and organisations."""
        async with self._read(p) as uow:
            plan = await uow.plans.get(id)
            tree = (await self._trees(uow, p, [plan]))[0]
            views = [v for fa in tree.focus_areas for g in fa.goals for v in g.measures]
            names = await names_of(uow, views, [plan])
        return PlanExport(tree=tree, names=names)
