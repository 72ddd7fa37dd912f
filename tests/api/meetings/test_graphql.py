"""GraphQL door of meetings: the whole flow (plan → agenda → attendance → hold → minutes with the
guard → decision and action item → approval → correction), the nested reads, the
restricted layer as the domain decides, "my action items" with the overdue flag. The helpers here
are shared by the other ``test_graphql_*`` files of this folder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from adapters.postgres.demo import demo_id
from tests.support.auth import login

BODY = demo_id("body/koord-barn")  # Kari (coordinator) chairs it; Per (police contact) a member
KARI, PER, PPT = demo_id("person/kari"), demo_id("person/per"), demo_id("person/ppt-leder")
SYNTHETIC_ID = "14839100028"  # a synthetic identity number (test data, never a real person)

MEETING_F = (
    "id bodyId startsAt endsAt place link status cancelReason documentationStatus "
    "archiveWorthy version"
)
PROBLEM_F = (
    "__typename ... on Problem { code message } "
    "... on ValidationProblem { fieldErrors { field code } }"
)
# For the results of mutations whose text passes the free-text guard.
GUARDED_F = PROBLEM_F + " ... on PersonalDataProblem { field findings { kind start end } ruleCode }"


async def gql(client: Any, query: str, **variables: Any) -> dict[str, Any]:
    r = await client.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def ok(client: Any, query: str, field: str, **variables: Any) -> dict[str, Any]:
    """A mutation's success member (fails the test with the problem otherwise)."""
    body = await gql(client, query, **variables)
    assert "errors" not in body, body
    got = dict(body["data"][field])
    assert "code" not in got, got
    got.pop("__typename", None)
    return got


async def as_(client: Any, who: str) -> Any:
    client.cookies.clear()
    csrf = await login(client, who)
    client.headers["X-CSRF-Token"] = csrf or ""
    return client


@pytest.fixture
async def coordinator(client: Any) -> Any:
    return await as_(client, "coordinator")


PLAN = f"""mutation($input: NewMeetingInput!) {{
  planMeeting(input: $input) {{ ... on Meeting {{ {MEETING_F} }} {PROBLEM_F} }} }}"""
ADD_ITEM = f"""mutation($m: UUID!, $input: NewAgendaItemInput!, $why: String) {{
  addAgendaItem(meetingId: $m, input: $input, overrideReason: $why) {{
    ... on AgendaItem {{ id position title kind version }} {GUARDED_F} }} }}"""
ATTEND = f"""mutation($m: UUID!, $input: AttendanceInput!) {{
  recordAttendance(meetingId: $m, input: $input) {{
    ... on Attendance {{ id personId presence }} {PROBLEM_F} }} }}"""
HOLD = f"""mutation($id: UUID!, $v: Int!) {{
  holdMeeting(id: $id, version: $v) {{ ... on Meeting {{ status version }} {PROBLEM_F} }} }}"""
START = f"""mutation($m: UUID!, $v: Int!) {{
  startMinutes(meetingId: $m, version: $v) {{
    ... on MinutesVersion {{ id number version approved }} {PROBLEM_F} }} }}"""
WRITE = f"""mutation($m: UUID!, $i: UUID!, $v: Int!, $open: String!, $restricted: String,
  $why: String) {{
  writeItemMinutes(meetingId: $m, agendaItemId: $i, version: $v, openText: $open,
    restrictedText: $restricted, overrideReason: $why) {{
    ... on MinutesVersion {{ id version items {{ agendaItemId openText restrictedText }} }}
    {GUARDED_F} }} }}"""
DECIDE = f"""mutation($m: UUID!, $i: UUID!, $text: String!) {{
  recordDecision(meetingId: $m, agendaItemId: $i, text: $text) {{
    ... on Decision {{ id number ordinal version }} {GUARDED_F} }} }}"""
ACT = f"""mutation($m: UUID!, $i: UUID!, $input: NewActionItemInput!) {{
  addActionItem(meetingId: $m, agendaItemId: $i, input: $input) {{
    ... on ActionItem {{ id status overdue version }} {GUARDED_F} }} }}"""
APPROVE = f"""mutation($m: UUID!, $v: Int!) {{
  approveMinutes(meetingId: $m, version: $v) {{
    ... on MinutesVersion {{ id approved approval {{ kind chairPersonId }} }} {PROBLEM_F} }} }}"""


def when(days: float = -2) -> tuple[str, str]:
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)
    return start.isoformat(), (start + timedelta(hours=2)).isoformat()


async def plan(client: Any, body: Any = BODY, days: float = -2) -> dict[str, Any]:
    starts, ends = when(days)
    return await ok(
        client,
        PLAN,
        "planMeeting",
        input={"bodyId": str(body), "startsAt": starts, "endsAt": ends, "place": "Rådhuset"},
    )


async def seed(
    client: Any, body: Any = BODY, *, items: int = 2, owner: Any = PER, days: float = -2
) -> dict[str, Any]:
    """A held meeting with draft minutes: ``items`` agenda items, each with minutes, a decision
    and an action item (due yesterday) for ``owner``; two people's attendance."""
    m = await plan(client, body, days)
    ids = []
    for n in range(items):
        item = await ok(
            client, ADD_ITEM, "addAgendaItem", m=m["id"], input={"title": f"Sak {n + 1}"}
        )
        ids.append(item["id"])
    for person in (KARI, owner):
        await ok(
            client,
            ATTEND,
            "recordAttendance",
            m=m["id"],
            input={"personId": str(person), "presence": "PRESENT"},
        )
    held = await ok(client, HOLD, "holdMeeting", id=m["id"], v=m["version"])
    draft = await ok(client, START, "startMinutes", m=m["id"], v=held["version"])
    version = draft["version"]
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    for n, item_id in enumerate(ids):
        written = await ok(
            client,
            WRITE,
            "writeItemMinutes",
            m=m["id"],
            i=item_id,
            v=version,
            open=f"Gruppa drøftet sak {n + 1}.",
            restricted="Intern merknad.",
        )
        version = written["version"]
        await ok(client, DECIDE, "recordDecision", m=m["id"], i=item_id, text="Vedtatt.")
        await ok(
            client,
            ACT,
            "addActionItem",
            m=m["id"],
            i=item_id,
            input={"text": "Følge opp.", "ownerPersonId": str(owner), "due": yesterday},
        )
    return {"meeting": m["id"], "items": ids, "version": held["version"] + 1}


NESTED = """query($id: UUID!) { meeting(id: $id) {
  id status version body { name }
  quorum { votingMembers present required reached }
  attendance { personId presence person { name } }
  agendaItems { id position title
    decisions { id number text }
    actionItems { id status overdue ownerPersonId owner { name } } }
  minutes { number approved correctionReason items { agendaItemId openText restrictedText } }
} }"""


async def test_the_whole_flow_over_graphql(coordinator: Any) -> None:
    c = coordinator
    m = await plan(c)
    assert m["status"] == "PLANNED" and m["documentationStatus"] == "IN_PROGRESS"
    items = [
        await ok(c, ADD_ITEM, "addAgendaItem", m=m["id"], input={"title": t, "kind": "DECISION"})
        for t in ("Godkjenning av innkalling", "Tiltaksplan", "Eventuelt")
    ]
    reordered = await gql(
        c,
        "mutation($m: UUID!, $o: [UUID!]!) { reorderAgenda(meetingId: $m, order: $o) {"
        " ... on Agenda { items { id position } } } }",
        m=m["id"],
        o=[i["id"] for i in reversed(items)],
    )
    assert [i["id"] for i in reordered["data"]["reorderAgenda"]["items"]] == [
        i["id"] for i in reversed(items)
    ]
    for person, presence in ((KARI, "PRESENT"), (PER, "PRESENT"), (PPT, "ABSENT_WITH_NOTICE")):
        await ok(
            c,
            ATTEND,
            "recordAttendance",
            m=m["id"],
            input={"personId": str(person), "presence": presence},
        )
    held = await ok(c, HOLD, "holdMeeting", id=m["id"], v=m["version"])
    assert held["status"] == "HELD"
    draft = await ok(c, START, "startMinutes", m=m["id"], v=held["version"])
    item = items[1]["id"]

    # The guard blocks an identity number with its span; the fixed text goes through.
    text = f"Eleven med fødselsnummer {SYNTHETIC_ID} ble drøftet."
    blocked = (
        await gql(c, WRITE, m=m["id"], i=item, v=draft["version"], open=text, restricted=None)
    )["data"]["writeItemMinutes"]
    assert blocked["__typename"] == "PersonalDataProblem"
    assert blocked["code"] == "personal-data-found" and blocked["field"] == "openText"
    span = blocked["findings"][0]
    assert span["kind"] == "identity_number"
    assert text[span["start"] : span["end"]] == SYNTHETIC_ID
    assert blocked["ruleCode"] == "no-individual-cases"
    assert SYNTHETIC_ID not in str(blocked)  # spans, never the matched text
    written = await ok(
        c,
        WRITE,
        "writeItemMinutes",
        m=m["id"],
        i=item,
        v=draft["version"],
        open="Saken om Barn A ble drøftet.",
        restricted="Tjenestene følger opp Barn A.",
    )
    assert written["items"][0]["restrictedText"] == "Tjenestene følger opp Barn A."

    decision = await ok(c, DECIDE, "recordDecision", m=m["id"], i=item, text="Planen vedtas.")
    assert decision["number"] is None
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    action = await ok(
        c,
        ACT,
        "addActionItem",
        m=m["id"],
        i=item,
        input={"text": "Kalle inn til arbeidsmøte.", "ownerPersonId": str(PER), "due": yesterday},
    )
    assert action["overdue"] is True

    approved = await ok(c, APPROVE, "approveMinutes", m=m["id"], v=held["version"] + 1)
    assert approved["approved"] and approved["approval"]["kind"] == "CHAIR"

    page = (await gql(c, NESTED, id=m["id"]))["data"]["meeting"]
    assert page["status"] == "MINUTES_APPROVED"
    assert page["quorum"] == {"votingMembers": 6, "present": 2, "required": 4, "reached": False}
    assert {a["presence"] for a in page["attendance"]} == {"PRESENT", "ABSENT_WITH_NOTICE"}
    middle = next(i for i in page["agendaItems"] if i["id"] == item)
    assert middle["position"] == 2
    year = datetime.fromisoformat(m["startsAt"]).year
    assert middle["decisions"][0]["number"] == f"KBOF 1/{year}"
    assert middle["actionItems"][0]["overdue"] is True
    assert middle["actionItems"][0]["owner"]["name"] == "Per Politikontakt"
    # Kari has a seat on the body: she reads the restricted layer.
    assert page["minutes"][0]["items"][0]["restrictedText"] == "Tjenestene følger opp Barn A."

    # The steering reader reads the unit's meetings but has no seat: open layer only.
    await as_(c, "steering_reader")
    seen = (await gql(c, NESTED, id=m["id"]))["data"]["meeting"]["minutes"][0]["items"][0]
    assert seen == {**seen, "openText": "Saken om Barn A ble drøftet.", "restrictedText": None}

    # Per, a member and the owner: his action items, overdue; he moves it on.
    await as_(c, "police_contact")
    mine = (await gql(c, "{ myActionItems { id overdue status version meeting { id } } }"))["data"]
    assert [a["id"] for a in mine["myActionItems"]] == [action["id"]]
    assert mine["myActionItems"][0]["meeting"] == {"id": m["id"]}
    assert mine["myActionItems"][0]["overdue"] is True
    done = await ok(
        c,
        "mutation($id: UUID!, $v: Int!) { setActionItemStatus(id: $id, version: $v, status: DONE)"
        " { ... on ActionItem { status overdue } } }",
        "setActionItemStatus",
        id=action["id"],
        v=action["version"],
    )
    assert done == {"status": "DONE", "overdue": False}
    seen = (await gql(c, NESTED, id=m["id"]))["data"]["meeting"]["minutes"][0]["items"][0]
    assert seen["restrictedText"] == "Tjenestene følger opp Barn A."

    # The chair corrects: a new version with a reason; both are kept.
    await as_(c, "coordinator")
    corrected = await ok(
        c,
        "mutation($m: UUID!, $items: [ItemMinutesInput!]!) { correctMinutes(meetingId: $m,"
        ' items: $items, reason: "Skrivefeil i sak 2") {'
        " ... on MinutesVersion { number approved correctionReason } } }",
        "correctMinutes",
        m=m["id"],
        items=[{"agendaItemId": item, "openText": "Saken om Barn A ble drøftet grundig."}],
    )
    assert corrected == {"number": 2, "approved": True, "correctionReason": "Skrivefeil i sak 2"}
    versions = (await gql(c, NESTED, id=m["id"]))["data"]["meeting"]["minutes"]
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[0]["items"][0]["openText"] == "Saken om Barn A ble drøftet."
