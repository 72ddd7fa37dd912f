"""GraphQL door of meetings: a body's meetings by year, a meeting moved and cancelled, a draft's
decisions and action items changed and removed, an agenda item with minutes kept."""

from __future__ import annotations

from typing import Any

from tests.api.meetings.test_graphql import (
    BODY,
    GUARDED_F,
    HOLD,
    MEETING_F,
    NESTED,
    PROBLEM_F,
    WRITE,
    as_,
    coordinator,
    gql,
    ok,
    plan,
    seed,
)

__all__ = ["coordinator"]  # the fixture, shared


async def test_meetings_of_a_body_by_year_and_limit(coordinator: Any) -> None:
    c = coordinator
    first, second = await plan(c, days=-3), await plan(c, days=5)
    q = "query($b: UUID!, $y: Int, $l: Int) { meetings(bodyId: $b, year: $y, limit: $l) { id } }"
    got = (await gql(c, q, b=str(BODY)))["data"]["meetings"]
    assert [m["id"] for m in got] == [first["id"], second["id"]]
    assert [m["id"] for m in (await gql(c, q, b=str(BODY), l=1))["data"]["meetings"]] == [
        first["id"]
    ]
    assert (await gql(c, q, b=str(BODY), y=2001))["data"]["meetings"] == []


async def test_a_changed_and_cancelled_meeting(coordinator: Any) -> None:
    c = coordinator
    m = await plan(c, days=7)
    update = f"""mutation($id: UUID!, $v: Int!, $input: MeetingInput!) {{
      updateMeeting(id: $id, version: $v, input: $input) {{ ... on Meeting {{ {MEETING_F} }}
      {PROBLEM_F} }} }}"""
    moved = await ok(
        c,
        update,
        "updateMeeting",
        id=m["id"],
        v=m["version"],
        input={"place": None, "link": "https://moter.example.invalid/kbof"},
    )
    assert moved["place"] is None and moved["link"].startswith("https://")
    stale = await gql(c, update, id=m["id"], v=m["version"], input={"place": "Biblioteket"})
    assert stale["data"]["updateMeeting"]["__typename"] == "StaleVersionProblem"
    early = (await gql(c, HOLD, id=m["id"], v=moved["version"]))["data"]["holdMeeting"]
    assert early["__typename"] == "ConflictProblem" and early["code"] == "illegal-transition"
    cancel = f"""mutation($id: UUID!, $v: Int!, $r: String!) {{
      cancelMeeting(id: $id, version: $v, reason: $r) {{ ... on Meeting {{ status cancelReason }}
      {PROBLEM_F} }} }}"""
    gone = await ok(c, cancel, "cancelMeeting", id=m["id"], v=moved["version"], r="Ingen saker.")
    assert gone == {"status": "CANCELLED", "cancelReason": "Ingen saker."}


async def test_draft_decisions_and_action_items_change_and_go(coordinator: Any) -> None:
    c = coordinator
    s = await seed(c, items=1)
    page = (await gql(c, NESTED, id=s["meeting"]))["data"]["meeting"]
    d = page["agendaItems"][0]["decisions"][0]
    a = page["agendaItems"][0]["actionItems"][0]
    changed = await ok(
        c,
        f"""mutation($id: UUID!) {{ updateDecision(id: $id, version: 1, text: "Endret.") {{
          ... on Decision {{ text version }} {GUARDED_F} }} }}""",
        "updateDecision",
        id=d["id"],
    )
    assert changed == {"text": "Endret.", "version": 2}
    moved = await ok(
        c,
        f"""mutation($id: UUID!) {{ updateActionItem(id: $id, version: 1,
          input: {{due: null, text: "Ny tekst."}}) {{
          ... on ActionItem {{ text due overdue }} {GUARDED_F} }} }}""",
        "updateActionItem",
        id=a["id"],
    )
    assert moved == {"text": "Ny tekst.", "due": None, "overdue": False}
    for field, id_ in (("removeDecision", d["id"]), ("removeActionItem", a["id"])):
        gone = await ok(
            c,
            f'mutation {{ {field}(id: "{id_}", version: 2) {{ ... on Deleted {{ id }} }} }}',
            field,
        )
        assert gone == {"id": id_}
    item = page["agendaItems"][0]["id"]
    busy = await gql(
        c,
        f'mutation {{ removeAgendaItem(id: "{item}", version: 1) {{ {PROBLEM_F} }} }}',
    )
    assert busy["data"]["removeAgendaItem"]["__typename"] == "ConflictProblem"  # minutes under it


async def test_a_manager_without_a_seat_never_reads_the_restricted_layer(client: Any) -> None:
    """Siri (unit admin) manages every body's meetings but has no seat on the group: what she
    writes answers without the restricted layer, and she never replaces the secretary's text
    blind (sending none keeps it; sending some is refused)."""
    await as_(client, "coordinator")
    s = await seed(client, items=2)  # Kari wrote "Intern merknad." under both items
    await as_(client, "unit_admin")
    args = {"m": s["meeting"], "i": s["items"][0], "v": 3}  # the draft after two items
    blind = await gql(client, WRITE, **args, open="Endret.", restricted="Ny intern merknad.")
    assert blind["data"]["writeItemMinutes"]["__typename"] == "ForbiddenProblem"
    got = await ok(client, WRITE, "writeItemMinutes", **args, open="Endret av systemansvarlig.")
    assert {i["restrictedText"] for i in got["items"]} == {None}
    page = (await gql(client, NESTED, id=s["meeting"]))["data"]["meeting"]
    assert {i["restrictedText"] for i in page["minutes"][0]["items"]} == {None}
    await as_(client, "coordinator")  # a seat holder reads what was written, and what was kept
    page = (await gql(client, NESTED, id=s["meeting"]))["data"]["meeting"]
    items = {i["agendaItemId"]: i for i in page["minutes"][0]["items"]}
    assert items[s["items"][0]]["openText"] == "Endret av systemansvarlig."
    assert {i["restrictedText"] for i in items.values()} == {"Intern merknad."}


async def test_approval_at_the_next_meeting_answers_the_open_layer_to_a_manager_without_seat(
    client: Any,
) -> None:
    await as_(client, "coordinator")
    first = await seed(client, items=1, days=-3)
    later = await seed(client, items=1, days=-1)
    await as_(client, "unit_admin")
    got = await ok(
        client,
        "mutation($m: UUID!, $l: UUID!, $v: Int!) { approveMinutesAtNextMeeting(meetingId: $m,"
        " approvingMeetingId: $l, version: $v) { ... on MinutesVersion { approved"
        " approval { kind approvingMeetingId } items { openText restrictedText } } } }",
        "approveMinutesAtNextMeeting",
        m=first["meeting"],
        l=later["meeting"],
        v=first["version"],
    )
    assert got["approved"] and got["approval"] == {
        "kind": "NEXT_MEETING",
        "approvingMeetingId": later["meeting"],
    }
    assert got["items"] == [{"openText": "Gruppa drøftet sak 1.", "restrictedText": None}]
