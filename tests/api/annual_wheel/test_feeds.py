"""Calendar feeds through REST: a token opens its feed alone (RFC 5545, parsed back with
``icalendar``); UIDs stay across updates while SEQUENCE rises; cancelled arrives cancelled; only
open text leaves; revoked and unknown tokens are 404; the token is never logged."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

from adapters.postgres.demo import demo_id
from tests.api.annual_wheel.conftest import WHEEL, as_persona, seeded
from tests.api.annual_wheel.feeds import FEEDS, events, fetch, new_feed, path_of, plan_meeting

RAD = demo_id("body/politirad")
KARI = demo_id("person/kari")
LINK = "https://video.example.invalid/rom/hemmelig-42"


def uid(meeting: dict) -> str:
    return f"meeting-{meeting['id']}@samordna.no"


async def test_body_feed_follows_updates_and_cancellations(
    coordinator: httpx.AsyncClient, anonymous
):
    a = await plan_meeting(coordinator, RAD, "2027-02-10", place="Rådhuset, møterom 2")
    b = await plan_meeting(coordinator, RAD, "2027-05-12", place="Politistasjonen", link=LINK)
    c = await plan_meeting(coordinator, RAD, "2027-09-08", link=LINK)
    r = await coordinator.post(f"/api/meetings/{a['id']}/agenda", json={"title": "Intern sak X9"})
    assert r.status_code == 201, r.text
    feed = await new_feed(coordinator, "body", RAD)
    assert feed["scope"] == "body" and feed["active"] is True and len(feed["token"]) >= 43
    assert feed["url"] == f"http://testserver/api/feeds/{feed['token']}.ics"

    r, cal = await fetch(anonymous, feed)
    assert str(cal["X-WR-CALNAME"]) == "Samordna: Politirådet"
    got = events(cal)
    assert set(got) == {uid(a), uid(b), uid(c)}
    assert got[uid(a)] == {
        "sequence": 0, "status": "CONFIRMED", "summary": "Møte: Politirådet",
        "location": "Rådhuset, møterom 2", "start": got[uid(a)]["start"],
    }  # fmt: skip
    assert got[uid(b)]["location"] == "Politistasjonen / digitalt møte"
    assert got[uid(c)]["location"] == "Digitalt møte"
    assert "hemmelig" not in r.text.lower() and "X9" not in r.text  # no link, no agenda

    again = await anonymous.get(path_of(feed), headers={"If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == r.headers["ETag"]
    assert r.headers["cache-control"] == "no-store"  # no shared cache keeps a token's answer

    moved = await coordinator.patch(
        f"/api/meetings/{a['id']}", json={"place": "Kulturhuset"}, headers={"If-Match": '"1"'}
    )
    assert moved.status_code == 200, moved.text
    cancel = await coordinator.post(
        f"/api/meetings/{b['id']}/cancel",
        json={"reason": "Sykdom i ledelsen Q7"},
        headers={"If-Match": '"1"'},
    )
    assert cancel.status_code == 200, cancel.text
    r2, cal = await fetch(anonymous, feed)
    assert r2.headers["ETag"] != r.headers["ETag"]
    got = events(cal)
    assert set(got) == {uid(a), uid(b), uid(c)}  # the UID stays; the cancelled one stays too
    assert (got[uid(a)]["sequence"], got[uid(a)]["location"]) == (1, "Kulturhuset")
    assert (got[uid(b)]["sequence"], got[uid(b)]["status"]) == (1, "CANCELLED")
    assert got[uid(c)]["sequence"] == 0
    assert "Q7" not in r2.text


async def test_person_feed_has_their_bodies_meetings_and_their_tasks(coordinator, anonymous):
    m = await plan_meeting(coordinator, RAD, "2027-03-03", place="Rådhuset")
    team = await plan_meeting(coordinator, demo_id("body/team-nord"), "2027-03-04", place="Klubben")
    await seeded(coordinator)
    await coordinator.post(f"{WHEEL}/years/2027/generate")
    wheel = (await coordinator.get(f"{WHEEL}/years/2027")).json()["tasks"]
    kari_tasks = [t for t in wheel if t["ownerPersonId"] == str(KARI)]
    assert kari_tasks
    feed = await new_feed(coordinator, "person", KARI)
    _, cal = await fetch(anonymous, feed)
    got = events(cal)
    assert str(cal["X-WR-CALNAME"]) == "Samordna: mine møter og oppgaver"
    assert uid(m) in got and uid(team) not in got  # Kari sits on Politirådet, not on Team Nord
    task_uids = {f"wheel-task-{t['id']}@samordna.no" for t in kari_tasks}
    assert task_uids <= set(got)
    assert len(got) == 1 + len(kari_tasks)
    first = kari_tasks[0]
    ev = got[f"wheel-task-{first['id']}@samordna.no"]
    assert ev["start"] == date.fromisoformat(first["due"]) and ev["sequence"] == 0
    r = await coordinator.patch(
        f"{WHEEL}/tasks/{first['id']}", json={"status": "cancelled"}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200
    _, cal = await fetch(anonymous, feed)
    ev = events(cal)[f"wheel-task-{first['id']}@samordna.no"]
    assert (ev["sequence"], ev["status"]) == (1, "CANCELLED")


async def test_revoked_and_unknown_tokens_are_404(coordinator, anonymous, log_privacy):
    feed = await new_feed(coordinator, "body", RAD)
    await fetch(anonymous, feed)
    listed = (await coordinator.get(FEEDS, params={"scope": "body", "subjectId": str(RAD)})).json()
    assert [f["id"] for f in listed] == [feed["id"]]
    assert "token" not in listed[0] and "url" not in listed[0]
    assert (await coordinator.delete(f"{FEEDS}/{feed['id']}")).status_code == 204
    assert (await coordinator.delete(f"{FEEDS}/{feed['id']}")).status_code == 204  # again: same
    r = await anonymous.get(path_of(feed))
    assert r.status_code == 404 and r.json()["type"] == "/problems/not-found"
    listed = (await coordinator.get(FEEDS, params={"scope": "body", "subjectId": str(RAD)})).json()
    assert listed[0]["active"] is False and listed[0]["revokedAt"] is not None
    for token in ["x", "A" * 43, "A" * 5000, feed["token"][:-1], "%00", "..%2F..%2Fetc"]:
        assert (await anonymous.get(f"/api/feeds/{token}.ics")).status_code == 404, token
    assert not [line for _, line in log_privacy.lines if feed["token"] in line]


@pytest.mark.parametrize(
    ("who", "scope", "subject", "status"),
    [
        ("body_member", "person", demo_id("person/ola"), 201),  # their own
        ("body_member", "person", KARI, 403),
        ("body_member", "body", demo_id("body/team-nord"), 201),  # a body they sit on
        ("body_member", "body", RAD, 403),
        ("steering_reader", "body", RAD, 201),
        ("coordinator", "person", demo_id("person/ola"), 201),
        ("coordinator", "person", demo_id("other/person/nils"), 404),
        ("coordinator", "body", demo_id("other/body/koord"), 404),
        ("other_unit_coordinator", "body", RAD, 404),
    ],
)
async def test_who_may_keep_which_feed(client, who, scope, subject, status):
    c = await as_persona(client, who)
    r = await c.post(FEEDS, json={"scope": scope, "subjectId": str(subject)})
    assert r.status_code == status, r.text
    r = await c.get(FEEDS, params={"scope": scope, "subjectId": str(subject)})
    assert r.status_code == (200 if status == 201 else status), r.text


async def test_active_feeds_per_subject_are_bounded(coordinator):
    for _ in range(10):
        await new_feed(coordinator, "body", RAD)
    r = await coordinator.post(FEEDS, json={"scope": "body", "subjectId": str(RAD)})
    assert r.status_code == 409


async def test_a_person_feed_ends_with_the_seat(coordinator, anonymous):
    """Ingrid's seat on the children's group ends in 40 days (the demo): a meeting after that is
    not hers, one before it is."""
    barn = demo_id("body/koord-barn")
    today = date.today()
    soon = await plan_meeting(
        coordinator, barn, (today + timedelta(days=10)).isoformat(), place="A"
    )
    later = await plan_meeting(
        coordinator, barn, (today + timedelta(days=60)).isoformat(), place="B"
    )
    feed = await new_feed(coordinator, "person", demo_id("person/helsesykepleier"))
    _, cal = await fetch(anonymous, feed)
    got = events(cal)
    assert uid(soon) in got and uid(later) not in got
