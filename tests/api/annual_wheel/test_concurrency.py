"""Parallel requests against the wheel's rules: the database's constraints decide, not Python —
generating a year from several requests at once creates each task once (``uq_wheel_task_template_year``),
and seeding the handbook twice at once seeds it once (``uq_wheel_template_slot``)."""

from __future__ import annotations

import asyncio

import pytest

from tests.api.annual_wheel.conftest import WHEEL, seeded

PARALLEL = 4


async def test_parallel_generations_create_each_task_once(coordinator):
    await seeded(coordinator)
    for year in (2027, 2028, 2029):  # several rounds
        answers = await asyncio.gather(
            *(coordinator.post(f"{WHEEL}/years/{year}/generate") for _ in range(PARALLEL))
        )
        assert [r.status_code for r in answers] == [200] * PARALLEL, [r.text for r in answers]
        bodies = [r.json() for r in answers]
        assert sum(b["created"] for b in bodies) == 9
        assert all(b["created"] + b["existing"] == 9 for b in bodies)
        created = [t["id"] for b in bodies for t in b["tasks"]]
        assert len(created) == len(set(created)) == 9
        wheel = (await coordinator.get(f"{WHEEL}/years/{year}")).json()
        assert sorted(t["id"] for t in wheel["tasks"]) == sorted(created)


@pytest.mark.parametrize("round_", range(3))
async def test_parallel_seeds_seed_once(coordinator, round_):
    answers = await asyncio.gather(
        *(coordinator.post(f"{WHEEL}/templates/seed") for _ in range(PARALLEL))
    )
    assert [r.status_code for r in answers] == [200] * PARALLEL, [r.text for r in answers]
    assert sorted(r.json()["created"] for r in answers) == [0] * (PARALLEL - 1) + [9]
    assert len((await coordinator.get(f"{WHEEL}/templates")).json()) == 9


async def test_a_repeated_title_on_the_same_date_is_a_conflict(coordinator):
    body = {"title": "Frist for søknader", "month": 3, "ownerRole": "coordinator"}
    answers = await asyncio.gather(
        *(coordinator.post(f"{WHEEL}/templates", json=body) for _ in range(PARALLEL))
    )
    assert sorted(r.status_code for r in answers) == [201] + [409] * (PARALLEL - 1)
    refused = next(r for r in answers if r.status_code == 409)
    assert refused.json()["type"] == "/problems/duplicate-name"
    other_day = await coordinator.post(f"{WHEEL}/templates", json={**body, "day": 15})
    assert other_day.status_code == 201
