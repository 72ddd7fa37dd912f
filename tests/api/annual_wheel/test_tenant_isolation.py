"""Nothing of one SLT unit's wheel or feeds is visible to another: every id is 404, every list
shows only the own unit, and a feed token of one unit carries nothing of another."""

from __future__ import annotations

from adapters.postgres.demo import demo_id
from tests.api.annual_wheel.conftest import WHEEL, as_persona
from tests.api.annual_wheel.feeds import events, fetch, new_feed, plan_meeting
from tests.api.annual_wheel.matrix import RAD, YEAR, build, cases

OTHER_BODY = demo_id("other/body/koord")


async def test_the_other_unit_gets_404_on_every_id(client):
    ids = await build(await as_persona(client, "coordinator"))
    neighbour = await as_persona(client, "other_unit_coordinator")
    wrong = []
    for case in cases(ids):
        if not case.has_id:
            continue
        r = await neighbour.request(
            case.method, case.path, json=case.json, headers={"If-Match": '"1"'}
        )
        if r.status_code != 404:
            wrong.append(f"{case.method} {case.path}: {r.status_code} {r.text[:200]}")
    assert not wrong, "\n".join(wrong)


async def test_lists_show_only_the_own_unit(client):
    await build(await as_persona(client, "coordinator"))
    neighbour = await as_persona(client, "other_unit_coordinator")
    assert (await neighbour.get(f"{WHEEL}/templates")).json() == []
    assert (await neighbour.get(f"{WHEEL}/years/{YEAR}")).json()["tasks"] == []
    norms = (await neighbour.get(f"{WHEEL}/norms", params={"year": YEAR})).json()
    assert [n["bodyId"] for n in norms] == [str(OTHER_BODY)]
    # Their own generation sees only their own (empty) template list.
    generated = (await neighbour.post(f"{WHEEL}/years/{YEAR}/generate")).json()
    assert (generated["created"], generated["existing"]) == (0, 0)


async def test_a_feed_carries_only_its_own_units_meetings(client, anonymous):
    coordinator = await as_persona(client, "coordinator")
    ours = await plan_meeting(coordinator, RAD, "2027-04-07", place="Rådhuset")
    neighbour = await as_persona(client, "other_unit_coordinator")
    theirs = await plan_meeting(neighbour, OTHER_BODY, "2027-04-08", place="Kommunehuset")
    feed = await new_feed(neighbour, "body", OTHER_BODY)
    _, cal = await fetch(anonymous, feed)
    got = events(cal)
    assert set(got) == {f"meeting-{theirs['id']}@samordna.no"}
    assert f"meeting-{ours['id']}@samordna.no" not in got
