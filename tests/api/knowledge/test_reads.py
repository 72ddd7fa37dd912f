"""The knowledge base's reads over HTTP: areas with populations, observations filtered and paged
by cursor, the situational picture with its series and the factors' measures; bad filters 422."""

from __future__ import annotations

import httpx
import pytest

from tests.api.knowledge.support import (
    INDICATOR,
    as_person,
    imported,
    knowledge_base,
    ok,
    problem,
)

POPULATIONS = (
    "område;år;aldersgruppe;innbyggere\nsentrum;2024;14-15;812\nsentrum;2024;10-13;1200\n".encode()
)


async def test_observations_filtered_and_paged(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    await knowledge_base(client, h)
    seen, cursor = [], None
    while True:
        url = "/api/observations?limit=1" + (f"&cursor={cursor}" if cursor else "")
        page = ok(await client.get(url, headers=h))
        assert page["total"] == 3 and len(page["items"]) == 1
        seen += page["items"]
        if (cursor := page["nextCursor"]) is None:
            break
    assert [(o["areaCode"], o["period"], o["gender"]) for o in seen] == [
        ("kjeller", "2024", "female"),
        ("sentrum", "2023", "all"),
        ("sentrum", "2024", "all"),
    ]
    h2 = await as_person(client, "steering_reader")
    for query, total in (
        ("area=kjeller", 1),
        ("gender=female", 1),
        ("gender=female&gender=all", 3),
        ("from=2024", 2),
        ("to=2023", 1),
        ("from=2023H2&to=2024Q4", 2),
        ("indicator=ungdata.alkohol&cohort=all", 3),
        ("indicator=other", 0),
    ):
        assert ok(await client.get(f"/api/observations?{query}", headers=h2))["total"] == total, (
            query
        )
    for bad in ("from=2024H7", "to=yesterday", "cohort=adults", "gender=x", "from=2025&to=2024"):
        r = await client.get(f"/api/observations?{bad}", headers=h2)
        assert r.status_code == 422, (bad, r.text)
    assert (await client.get("/api/observations?area=a%00b", headers=h2)).status_code == 422
    assert (await client.get("/api/observations?cursor=forged", headers=h2)).status_code == 422


async def test_areas_with_populations(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    await knowledge_base(client, h)
    await imported(client, h, "populations", POPULATIONS)
    areas = ok(await client.get("/api/areas", headers=await as_person(client, "body_member")))
    by_code = {a["code"]: a for a in areas}
    assert (
        by_code["lillestrom"]["kind"] == "municipality" and by_code["kjeller"]["kind"] == "district"
    )
    assert [(p["ageBand"], p["residents"]) for p in by_code["sentrum"]["populations"]] == [
        ("10-13", 1200),
        ("14-15", 812),
    ]


async def test_the_picture_and_the_measures_beside_it(client: httpx.AsyncClient) -> None:
    h = await as_person(client, "coordinator")
    base = await knowledge_base(client, h)
    one = f"/api/indicators/{base['indicator']['id']}"
    r = await client.patch(
        one, json={"factors": ["early-substance-use"]}, headers={**h, "If-Match": '"1"'}
    )
    ok(r)
    picture = ok(await client.get("/api/picture?indicator=ungdata.alkohol&area=sentrum", headers=h))
    [series] = picture["series"]
    assert series["indicator"]["code"] == "ungdata.alkohol" and series["area"]["code"] == "sentrum"
    assert [(p["period"], p["count"], p["denominator"]) for p in series["points"]] == [
        ("2023", 25, 200),
        ("2024", 28, 200),
    ]
    assert list(picture["measuresByFactor"]) == ["early-substance-use"]
    everything = ok(await client.get("/api/picture", headers=h))
    assert len(everything["series"]) == 2
    assert ok(await client.get("/api/picture?cohort=16-17", headers=h))["series"] == []
    problem(await client.get("/api/picture?from=2024Q5", headers=h), 422, "validation-failed")


@pytest.mark.parametrize(
    "q", ["category=nope", "source=x", "q=" + "x" * 300, "limit=0", "limit=201"]
)
async def test_bad_indicator_filters(client: httpx.AsyncClient, q: str) -> None:
    h = await as_person(client, "coordinator")
    ok(await client.post("/api/indicators", json=INDICATOR, headers=h), 201)
    assert (await client.get(f"/api/indicators?{q}", headers=h)).status_code == 422
