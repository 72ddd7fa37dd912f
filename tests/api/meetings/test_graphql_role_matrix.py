"""GraphQL door of meetings: every new query and mutation × every kind of caller, as the meetings
policies say (unit readers and the body's seat holders read; coordinator, unit admin and the
body's chair or secretary manage; the chair on the meeting's date approves and corrects; an
action item's owner moves its status), and another SLT unit sees nothing (not found)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from adapters.postgres.demo import demo_id
from tests.api.meetings.test_graphql import BODY, PER, as_, gql, seed, when
from tests.api.organisation.test_role_matrix import _authenticate

READERS = {"unit_admin", "coordinator", "police_contact", "steering_reader"}
MANAGERS = {"unit_admin", "coordinator"}  # Kari, the coordinator, also chairs the body
CALLERS = [*sorted(READERS), "body_member", "archive_system", "police_system"]
STALE = "StaleVersionProblem"
INVALID = "ValidationProblem"


def allowed(who_may: set[str], then: str) -> Callable[[str], str]:
    return lambda who: then if who in who_may else "ForbiddenProblem"


def queries(s: dict[str, Any]) -> list[tuple[str, set[str]]]:
    m = s["meeting"]
    return [
        (f'{{ meetings(bodyId: "{BODY}") {{ id }} }}', READERS),
        (
            f'{{ meeting(id: "{m}") {{ id year quorum {{ reached }}'
            " attendance { personId person { name } organisation { name } }"
            " minutes { number approval { kind } items { restrictedText } }"
            " agendaItems { title owner { name } decisions { number }"
            " actionItems { overdue owner { name } meeting { id } } }"
            " decisions { id } actionItems { id } body { name } } }",
            READERS,
        ),
        ("{ myActionItems { id overdue } }", set(CALLERS)),
    ]


def mutations(s: dict[str, Any]) -> list[tuple[str, Callable[[str], str]]]:
    m, item = s["meeting"], s["items"][0]
    d, a = s["decision"], s["action"]
    starts, ends = when(3)
    return [
        (
            f'planMeeting(input: {{bodyId: "{BODY}", startsAt: "{ends}", endsAt: "{starts}",'
            ' place: "Rådhuset"})',
            allowed(MANAGERS, INVALID),
        ),
        (
            f'updateMeeting(id: "{m}", version: 99, input: {{place: "Biblioteket"}})',
            allowed(MANAGERS, STALE),
        ),
        (f'holdMeeting(id: "{m}", version: 99)', allowed(MANAGERS, STALE)),
        (f'cancelMeeting(id: "{m}", version: 99, reason: "Flyttet")', allowed(MANAGERS, STALE)),
        (f'addAgendaItem(meetingId: "{m}", input: {{title: " "}})', allowed(MANAGERS, INVALID)),
        (
            f'updateAgendaItem(id: "{item}", version: 99, input: {{title: "Ny"}})',
            allowed(MANAGERS, STALE),
        ),
        (f'removeAgendaItem(id: "{item}", version: 99)', allowed(MANAGERS, STALE)),
        (f'reorderAgenda(meetingId: "{m}", order: [])', allowed(MANAGERS, INVALID)),
        (
            f'recordAttendance(meetingId: "{m}", input: {{personId: "{PER}", presence: PRESENT,'
            f' substituteForPersonId: "{PER}"}})',
            allowed(MANAGERS, INVALID),
        ),
        (f'startMinutes(meetingId: "{m}", version: 99)', allowed(MANAGERS, STALE)),
        (
            f'writeItemMinutes(meetingId: "{m}", agendaItemId: "{item}", version: 99,'
            ' openText: "x")',
            allowed(MANAGERS, STALE),
        ),
        (f'approveMinutes(meetingId: "{m}", version: 99)', allowed({"coordinator"}, STALE)),
        (
            f'approveMinutesAtNextMeeting(meetingId: "{m}", approvingMeetingId: "{m}",'
            " version: 99)",
            allowed(MANAGERS, INVALID),
        ),
        (
            f'correctMinutes(meetingId: "{m}", items: [], reason: "Feil")',
            allowed(READERS, "ConflictProblem"),  # readable, but not approved yet
        ),
        (
            f'recordDecision(meetingId: "{m}", agendaItemId: "{item}", text: " ")',
            allowed(MANAGERS, INVALID),
        ),
        (f'updateDecision(id: "{d}", version: 99, text: "Ny")', allowed(MANAGERS, STALE)),
        (f'removeDecision(id: "{d}", version: 99)', allowed(MANAGERS, STALE)),
        (
            f'addActionItem(meetingId: "{m}", agendaItemId: "{item}",'
            f' input: {{text: " ", ownerPersonId: "{PER}"}})',
            allowed(MANAGERS, INVALID),
        ),
        (
            f'updateActionItem(id: "{a}", version: 99, input: {{text: "Ny"}})',
            allowed(MANAGERS, STALE),
        ),
        (f'removeActionItem(id: "{a}", version: 99)', allowed(MANAGERS, STALE)),
        (
            f'setActionItemStatus(id: "{a}", version: 99, status: DONE)',
            allowed(MANAGERS | {"police_contact"}, STALE),  # Per owns the item
        ),
    ]


async def _seeded(client: Any) -> dict[str, Any]:
    await as_(client, "coordinator")
    s = await seed(client, items=1)
    got = await gql(
        client,
        f'{{ meeting(id: "{s["meeting"]}") {{ decisions {{ id }} actionItems {{ id }} }} }}',
    )
    page = got["data"]["meeting"]
    client.cookies.clear()
    return {**s, "decision": page["decisions"][0]["id"], "action": page["actionItems"][0]["id"]}


@pytest.mark.parametrize("who", CALLERS)
async def test_graphql_role_matrix(client: Any, who: str) -> None:
    s = await _seeded(client)
    headers = await _authenticate(client, who)
    wrong = []
    for query, readers in queries(s):
        body = (await client.post("/graphql", json={"query": query}, headers=headers)).json()
        if who in readers:
            ok = "errors" not in body
        else:
            ok = body.get("errors", [{}])[0].get("extensions", {}).get("code") == "forbidden"
        if not ok:
            wrong.append((query[:40], body))
    for call, expected in mutations(s):
        field = call.split("(")[0]
        query = f"mutation {{ {call} {{ __typename }} }}"
        body = (await client.post("/graphql", json={"query": query}, headers=headers)).json()
        got = (body.get("data") or {}).get(field, {}) or body
        if got.get("__typename") != expected(who):
            wrong.append((field, expected(who), got))
    assert not wrong, (who, wrong)


async def test_a_chair_manages_only_the_body_they_chair(client: Any) -> None:
    """Ola has no unit role: he chairs Ungdomsteam Nord, so he plans its meetings, and he does
    not see the coordinating group's."""
    await as_(client, "body_member")
    starts, ends = when(3)
    team = demo_id("body/team-nord")
    plan = (
        "mutation($b: UUID!, $s: DateTime!, $e: DateTime!) { planMeeting(input: {bodyId: $b,"
        ' startsAt: $s, endsAt: $e, place: "Ungdomshuset"}) { __typename } }'
    )
    for body, expected in ((team, "Meeting"), (BODY, "ForbiddenProblem")):
        got = await gql(client, plan, b=str(body), s=starts, e=ends)
        assert got["data"]["planMeeting"]["__typename"] == expected
    mine = await gql(client, f'{{ meetings(bodyId: "{team}") {{ id }} }}')
    assert len(mine["data"]["meetings"]) == 1


async def test_another_unit_sees_nothing(client: Any) -> None:
    s = await _seeded(client)
    await as_(client, "other_unit_coordinator")
    m = s["meeting"]
    got = await gql(client, f'{{ meeting(id: "{m}") {{ id }} }}')
    assert got["errors"][0]["extensions"]["code"] == "not-found"
    assert (await gql(client, f'{{ meetings(bodyId: "{BODY}") {{ id }} }}'))["data"] == {
        "meetings": []
    }
    assert (await gql(client, "{ myActionItems { id } }"))["data"] == {"myActionItems": []}
    for call, _ in mutations(s)[1:]:
        field = call.split("(")[0]
        body = await gql(client, f"mutation {{ {call} {{ __typename }} }}")
        assert body["data"][field]["__typename"] == "NotFoundProblem", (field, body)
    # Planning in another unit's body: to this unit the body does not exist.
    starts, ends = when(3)
    got = await gql(
        client,
        "mutation($b: UUID!, $s: DateTime!, $e: DateTime!) { planMeeting(input: {bodyId: $b,"
        ' startsAt: $s, endsAt: $e, place: "Rådhuset"}) { __typename'
        " ... on ValidationProblem { fieldErrors { field code } } } }",
        b=str(BODY),
        s=starts,
        e=ends,
    )
    assert got["data"]["planMeeting"] == {
        "__typename": "ValidationProblem",
        "fieldErrors": [{"field": "bodyId", "code": "unknown"}],
    }
