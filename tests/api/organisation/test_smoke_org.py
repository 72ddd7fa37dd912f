"""Smoke: a coordinator logs in through the real flow and reads the organisation picture."""

from tests.support.auth import login


async def test_coordinator_sees_the_picture(client):
    csrf = await login(client, "coordinator")
    assert csrf
    r = await client.get("/api/unit/picture")
    assert r.status_code == 200, r.text
    levels = {lvl["level"]: lvl["bodies"] for lvl in r.json()["levels"]}
    assert [b["body"]["name"] for b in levels["steering"]] == ["Politirådet"]
    assert len(levels["coordinating"]) == 2
    assert len(levels["executive"]) == 3
    assert r.headers["cache-control"] == "no-store"
