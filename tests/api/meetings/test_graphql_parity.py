"""GraphQL and REST of meetings agree: the same meeting, agenda, attendance, quorum, minutes (with
the restricted layer for the same callers), decisions, action items and "my action items", and
the same refusals, read through both doors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.api.meetings.test_graphql import as_, gql, seed

ENUMS = {"status", "documentationStatus", "kind", "presence"}
TIMES = {"startsAt", "endsAt", "writtenAt", "approvedAt"}

MEETING_F = (
    "id bodyId startsAt endsAt place link status cancelReason documentationStatus "
    "archiveWorthy year version"
)
AGENDA_F = "id meetingId position title kind ownerPersonId measureId focusAreaId version"
ATTENDANCE_F = "id meetingId personId presence substituteForPersonId organisationId version"
MINUTES_F = (
    "id meetingId number writtenAt approved correctionReason version "
    "items { agendaItemId openText restrictedText } "
    "approval { kind approvedAt recordedByPersonId chairPersonId approvingMeetingId }"
)
DECISION_F = "id meetingId agendaItemId bodyId text ordinal number sequence version"
ACTION_F = "id meetingId agendaItemId text ownerPersonId due status overdue version"

PAGE = f"""query($id: UUID!) {{ meeting(id: $id) {{ {MEETING_F}
  agendaItems {{ {AGENDA_F} }} attendance {{ {ATTENDANCE_F} }}
  quorum {{ votingMembers present required reached }}
  minutes {{ {MINUTES_F} }} decisions {{ {DECISION_F} }} actionItems {{ {ACTION_F} }} }} }}"""


def _normal(x: Any) -> Any:
    """GraphQL enums are UPPER_CASE names where REST has the lower-case values; times compare as
    instants."""
    if isinstance(x, dict):
        return {k: _value(k, v) for k, v in x.items()}
    if isinstance(x, list):
        return [_normal(v) for v in x]
    return x


def _value(key: str, v: Any) -> Any:
    if isinstance(v, str) and key in ENUMS:
        return v.lower()
    if isinstance(v, str) and key in TIMES:
        return datetime.fromisoformat(v)
    return _normal(v)


def _items(body: Any) -> Any:
    return body["items"] if isinstance(body, dict) and "items" in body else body


def _same(rest: Any, graphql: Any, what: str) -> None:
    rest, graphql = _normal(rest), _normal(graphql)
    if isinstance(rest, dict) and isinstance(graphql, dict):
        rest = {k: v for k, v in rest.items() if k in graphql}  # GraphQL may add fields
        assert set(graphql) <= set(rest) | {"kind"}, (what, set(graphql) - set(rest))
    assert rest == graphql, what


async def _compare(client: Any, meeting: str) -> None:
    page = (await gql(client, PAGE, id=meeting))["data"]["meeting"]
    base = f"/api/meetings/{meeting}"
    for path, key in (
        ("", None),
        ("/agenda", "agendaItems"),
        ("/attendance", "attendance"),
        ("/quorum", "quorum"),
        ("/minutes", "minutes"),
        ("/decisions", "decisions"),
        ("/action-items", "actionItems"),
    ):
        r = await client.get(base + path)
        assert r.status_code == 200, (path, r.text)
        if key is None:
            _same(r.json(), {k: v for k, v in page.items() if not isinstance(v, list | dict)}, path)
            continue
        rest, graphql = _items(r.json()), page[key]
        if isinstance(graphql, list):
            assert len(rest) == len(graphql), path
            for a, b in zip(rest, graphql, strict=True):
                _same(a, b, path)
        else:
            _same(rest, graphql, path)


async def test_both_doors_read_the_same(client: Any) -> None:
    await as_(client, "coordinator")
    s = await seed(client, items=3)
    await _compare(client, s["meeting"])  # a seat holder: the restricted layer
    await as_(client, "steering_reader")
    await _compare(client, s["meeting"])  # no seat: open layer only, through both
    await as_(client, "police_contact")
    await _compare(client, s["meeting"])
    mine = (await gql(client, f"{{ myActionItems {{ {ACTION_F} }} }}"))["data"]["myActionItems"]
    rest = _items((await client.get("/api/me/action-items")).json())
    assert len(mine) == len(rest) == 3
    for a, b in zip(rest, mine, strict=True):
        _same(a, b, "my action items")


async def test_both_doors_refuse_the_same(client: Any) -> None:
    await as_(client, "coordinator")
    s = await seed(client, items=1)
    for who, code, status in (
        ("body_member", "forbidden", 403),
        ("other_unit_coordinator", "not-found", 404),
    ):
        await as_(client, who)
        got = await gql(client, f'{{ meeting(id: "{s["meeting"]}") {{ id }} }}')
        assert got["errors"][0]["extensions"]["code"] == code, (who, got)
        r = await client.get(f"/api/meetings/{s['meeting']}")
        assert r.status_code == status, (who, r.text)
        assert r.json()["type"].endswith(code)
