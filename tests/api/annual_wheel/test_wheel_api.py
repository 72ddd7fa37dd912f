"""The annual wheel through REST: templates, seeding, generating a year, the wheel, task status."""

from __future__ import annotations

from adapters.postgres.demo import demo_id
from tests.api.annual_wheel.conftest import WHEEL, seeded

KARI = demo_id("person/kari")


async def test_seed_then_seed_again_adds_nothing(coordinator):
    templates = await seeded(coordinator)
    assert len(templates) == 9
    assert {t["title"] for t in templates} >= {
        "Møte i styringsgruppen",
        "Politirådets egenevaluering",
    }
    again = (await coordinator.post(f"{WHEEL}/templates/seed")).json()
    assert again == {"created": 0, "templates": []}
    listed = (await coordinator.get(f"{WHEEL}/templates")).json()
    assert [t["month"] for t in listed] == sorted(t["month"] for t in listed)


async def test_template_create_update_delete_with_versions(coordinator):
    r = await coordinator.post(
        f"{WHEEL}/templates",
        json={"title": "  Budsjettinnspill  ", "month": 2, "day": 29, "ownerRole": "coordinator"},
    )
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["title"] == "Budsjettinnspill" and t["version"] == 1 and t["active"] is True
    assert r.headers["ETag"] == '"1"' and r.headers["Location"].endswith(t["id"])
    path = f"{WHEEL}/templates/{t['id']}"
    assert (await coordinator.patch(path, json={"month": 3})).status_code == 428
    stale = await coordinator.patch(path, json={"month": 3}, headers={"If-Match": '"7"'})
    assert stale.status_code == 412
    r = await coordinator.patch(
        path, json={"month": 3, "day": None, "description": "Frist"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    assert (r.json()["month"], r.json()["day"], r.json()["version"]) == (3, None, 2)
    r = await coordinator.patch(path, json={"ownerRole": "chair"}, headers={"If-Match": '"2"'})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "bodyLevel"
    assert (await coordinator.delete(path, headers={"If-Match": '"2"'})).status_code == 204
    assert (await coordinator.delete(path, headers={"If-Match": '"2"'})).status_code == 404


async def test_generate_is_idempotent_and_the_wheel_shows_it(coordinator):
    await seeded(coordinator)
    first = (await coordinator.post(f"{WHEEL}/years/2027/generate")).json()
    assert (first["year"], first["created"], first["existing"]) == (2027, 9, 0)
    assert len(first["tasks"]) == 9
    second = (await coordinator.post(f"{WHEEL}/years/2027/generate")).json()
    assert (second["created"], second["existing"], second["tasks"]) == (0, 9, [])
    wheel = (await coordinator.get(f"{WHEEL}/years/2027")).json()
    assert wheel["year"] == 2027 and len(wheel["tasks"]) == 9
    assert [s["month"] for s in wheel["sectors"]] == list(range(1, 13))
    assert wheel["sectors"][0] == {
        "month": 1, "startAngle": 0.0, "endAngle": 30.0, "openCount": 0, "overdueCount": 0,
        "taskIds": [],
    }  # fmt: skip
    in_sectors = [i for s in wheel["sectors"] for i in s["taskIds"]]
    assert in_sectors == [t["id"] for t in wheel["tasks"]]  # the list and the circle agree
    for t in wheel["tasks"]:
        month = int(t["due"][5:7])
        assert (month - 1) * 30 <= t["angle"] < month * 30
        assert t["overdue"] is False and t["status"] == "open"
    eval_ = next(t for t in wheel["tasks"] if t["title"] == "Politirådets egenevaluering")
    assert eval_["ownerRole"] == "chair" and eval_["bodyId"] == str(demo_id("body/politirad"))
    assert eval_["ownerPersonId"] == str(demo_id("person/ordforer"))
    assert eval_["ownerName"] == "Astrid Berg"
    gathering = next(t for t in wheel["tasks"] if t["title"] == "Årlig samling for alle nivåer")
    assert gathering["ownerPersonId"] == str(KARI) and gathering["bodyId"] is None
    assert (await coordinator.get(f"{WHEEL}/years/2026")).json()["tasks"] == []


async def test_task_status_moves_with_if_match(coordinator):
    await seeded(coordinator)
    task = (await coordinator.post(f"{WHEEL}/years/2027/generate")).json()["tasks"][0]
    path = f"{WHEEL}/tasks/{task['id']}"
    r = await coordinator.patch(path, json={"status": "done"}, headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["version"], r.headers["ETag"]) == ("done", 2, '"2"')
    r = await coordinator.patch(path, json={"status": "done"}, headers={"If-Match": '"1"'})
    assert r.status_code == 412
    r = await coordinator.patch(path, json={"status": "finished"}, headers={"If-Match": '"2"'})
    assert r.status_code == 422
    wheel = (await coordinator.get(f"{WHEEL}/years/2027")).json()
    assert next(t for t in wheel["tasks"] if t["id"] == task["id"])["status"] == "done"


async def test_norms_per_body(coordinator):
    norms = (await coordinator.get(f"{WHEEL}/norms", params={"year": 2027})).json()
    by_name = {n["bodyName"]: n for n in norms}
    rad = by_name["Politirådet"]
    assert (rad["norm"], rad["ownNorm"], rad["level"]) == (4, True, "steering")
    assert rad["status"] in {"ok", "at_risk"} and rad["held"] == 0
    assert all(n["norm"] is None and n["status"] == "not_applicable"
               for n in norms if n["level"] == "executive")  # fmt: skip
    past = (await coordinator.get(f"{WHEEL}/norms", params={"year": 2001})).json()
    rad = next(n for n in past if n["bodyName"] == "Politirådet")
    assert rad["status"] == "missed" and "unreachable" in rad["warnings"]
    assert (await coordinator.get(f"{WHEEL}/norms", params={"year": 1999})).status_code == 422
    assert (await coordinator.get(f"{WHEEL}/norms")).status_code == 422


async def test_seed_is_no_template_id(coordinator):
    r = await coordinator.patch(f"{WHEEL}/templates/seed", json={}, headers={"If-Match": '"1"'})
    assert r.status_code == 405 and "POST" in r.headers["Allow"]
    r = await coordinator.delete(f"{WHEEL}/templates/not-a-uuid", headers={"If-Match": '"1"'})
    assert r.status_code == 404 and r.json()["type"] == "/problems/not-found"
