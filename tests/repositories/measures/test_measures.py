"""Measures through the ports, on the fakes and on PostgreSQL alike: the round trip with everything
nested, versions, keyset pages and filters, the portfolio's numbers, tenancy."""

from __future__ import annotations

import dataclasses
from datetime import date
from uuid import uuid4

import pytest

from domain.measures.filters import MeasureFilter, PortfolioCell
from domain.measures.measure import (
    Aspect,
    EvaluationPlan,
    Evidence,
    Performer,
    Registry,
    RegistryReference,
    Tier,
    Verdict,
)
from domain.measures.stage import Stage
from domain.shared.errors import NotFound, StaleVersion
from domain.shared.pagination import Cursor, PageRequest
from tests.repositories.measures.conftest import MeasureBackend


async def test_round_trip_keeps_everything_nested(mb: MeasureBackend) -> None:
    fa = (await mb.stored_plan()).focus_areas[0]
    m = mb.measure(
        description="Voksne vandrer i sentrum", target_group="Ungdom 13-17",
        target_age_min=13, target_age_max=17, focus_area_ids=(fa.id,),
        goal_ids=tuple(g.id for g in fa.goals),
        owner_id=mb.owner.id, budget_nok=250_000, staff_hours=400,
        start_on=date(2026, 1, 5), end_on=date(2026, 12, 20),
        risk_factors=("peer-delinquency", "neighbourhood-disorder"),
        protective_factors=("trusted-adult",), evidence=Evidence.EXPERIENCE_BASED,
        registry_references=(
            RegistryReference(registry=Registry.UNGSINN, rating="Nivå 2",
                              verdict=Verdict.PROMISING, reviewed_on=date(2024, 6, 1),
                              url="https://example.org/ungsinn/1"),
            RegistryReference(registry=Registry.CRIMESOLUTIONS, rating="No Effects",
                              verdict=Verdict.INEFFECTIVE),
        ),
        evaluation_plan=EvaluationPlan(
            aspects=frozenset({Aspect.EFFECT, Aspect.USER_EXPERIENCE}), method="Intervju",
            performer=Performer.EXTERNAL, due_on=date(2026, 11, 1),
            performer_name="Et forskningsinstitutt",
        ),
        new_or_trial=True, strategy_anchored=True,
        responsible_organisation_ids=tuple(o.id for o in reversed(mb.organisations)),
        partner_organisation_ids=(),
    )  # fmt: skip
    await mb.store(m)
    async with mb.factory(mb.unit) as uow:
        assert await uow.measures.get(m.id) == m
        assert list(await uow.measures.get_many([m.id, uuid4()])) == [m]
    assert m.registry_warning


async def test_update_names_the_version_it_read(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    b = dataclasses.replace(
        m, title="Natteravn hele byen", partner_organisation_ids=(), version=2,
        responsible_organisation_ids=tuple(o.id for o in mb.organisations),
    )  # fmt: skip
    async with mb.factory(mb.unit) as uow:
        await uow.measures.update(b, 1)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        assert await uow.measures.get(m.id) == b
        with pytest.raises(StaleVersion):
            await uow.measures.update(dataclasses.replace(b, version=3), 1)
        with pytest.raises(StaleVersion):
            await uow.measures.delete(m.id, 1)
        with pytest.raises(NotFound):
            await uow.measures.update(mb.measure(), 1)


async def test_delete_takes_its_history_along(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    async with mb.factory(mb.unit) as uow:
        await uow.measures.delete(m.id, 1)
        await uow.commit()
    async with mb.factory(mb.unit) as uow:
        with pytest.raises(NotFound):
            await uow.measures.get(m.id)
        assert list(await uow.history.of_measure(m.id)) == []


async def test_keyset_pages_by_title_ignoring_case(mb: MeasureBackend) -> None:
    titles = ["beta", "Alfa", "delta", "Charlie", "echo"]
    await mb.store(*(mb.measure(title=t) for t in titles))
    seen: list[str] = []
    after: Cursor | None = None
    async with mb.factory(mb.unit) as uow:
        while True:
            page = await uow.measures.list(MeasureFilter(), PageRequest(limit=2, after=after))
            assert page.total == 5
            seen += [m.title for m in page.items]
            if page.next_cursor is None:
                break
            after = Cursor.decode(page.next_cursor)
    assert seen == ["Alfa", "beta", "Charlie", "delta", "echo"]


async def test_filters(mb: MeasureBackend) -> None:
    fa = (await mb.stored_plan()).focus_areas[0]
    FA, GOAL = fa.id, fa.goals[1].id
    a = mb.measure(title="A", tier=Tier.UNIVERSAL, focus_area_ids=(FA,), goal_ids=(GOAL,))
    b = mb.measure(title="B natteravn", owner_id=mb.owner.id)
    c = mb.measure(title="C", stage=Stage.DECIDED, decision_id=uuid4())
    d = mb.measure(title="D", stage=Stage.REJECTED)
    await mb.store(a, b, c, d)

    async def titles(f: MeasureFilter) -> list[str]:
        async with mb.factory(mb.unit) as uow:
            listed = [m.title for m in (await uow.measures.list(f, PageRequest())).items]
            assert [m.title for m in await uow.measures.all(f)] == listed
            return listed

    assert await titles(MeasureFilter()) == ["A", "B natteravn", "C", "D"]
    assert await titles(MeasureFilter(stages=frozenset({Stage.DECIDED, Stage.REJECTED}))) == [
        "C",
        "D",
    ]
    assert await titles(MeasureFilter(tier=Tier.UNIVERSAL)) == ["A"]
    assert await titles(MeasureFilter(focus_area_id=FA)) == ["A"]
    assert await titles(MeasureFilter(goal_id=GOAL)) == ["A"]
    assert await titles(MeasureFilter(owner_id=mb.owner.id)) == ["B natteravn"]
    assert await titles(MeasureFilter(without_owner=True)) == ["C"]
    assert await titles(MeasureFilter(q="NATTERAVN")) == ["B natteravn"]
    assert await titles(MeasureFilter(q="%")) == []


async def test_portfolio_counts_and_budgets_per_focus_area_tier_and_stage(
    mb: MeasureBackend,
) -> None:
    FA, other_fa = (f.id for f in (await mb.stored_plan()).focus_areas)
    await mb.store(
        mb.measure(focus_area_ids=(FA,), budget_nok=100),
        mb.measure(focus_area_ids=(FA, other_fa), budget_nok=50),
        mb.measure(focus_area_ids=(FA,)),
        mb.measure(tier=Tier.INDICATED, budget_nok=7),
    )
    async with mb.factory(mb.unit) as uow:
        cells = set(await uow.measures.portfolio())
    s, p = Tier.SELECTIVE, Stage.PROPOSED
    assert cells == {
        PortfolioCell(focus_area_id=FA, tier=s, stage=p, count=3, budget_nok=150),
        PortfolioCell(focus_area_id=other_fa, tier=s, stage=p, count=1, budget_nok=50),
        PortfolioCell(focus_area_id=None, tier=Tier.INDICATED, stage=p, count=1, budget_nok=7),
    }


async def test_another_unit_sees_nothing(mb: MeasureBackend) -> None:
    m = mb.measure()
    await mb.store(m)
    async with mb.factory(mb.other) as uow:
        with pytest.raises(NotFound):
            await uow.measures.get(m.id)
        assert list(await uow.measures.get_many([m.id])) == []
        assert (await uow.measures.list(MeasureFilter(), PageRequest())).total == 0
        assert list(await uow.measures.all(MeasureFilter())) == []
        assert list(await uow.measures.portfolio()) == []
        assert list(await uow.history.of_measure(m.id)) == []
        with pytest.raises(NotFound):
            await uow.measures.update(dataclasses.replace(m, unit_id=mb.other, version=2), 1)
