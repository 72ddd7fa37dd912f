"""GraphQL door of meetings: bad input is a field error or a typed problem, never an internal error
nor a partial write — control characters, nulls on required fields, too-long text, naive and
out-of-range times, limits out of range, a forged order; the free-text guard blocks with spans
and lets an override with a reason through."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.api.meetings.test_graphql import (
    BODY,
    GUARDED_F,
    NESTED,
    PROBLEM_F,
    SYNTHETIC_ID,
    coordinator,
    gql,
    plan,
    seed,
    when,
)

__all__ = ["coordinator"]


async def raw(client: Any, query: str, **variables: Any) -> dict[str, Any]:
    # json.dumps escapes control characters (\u0000) as any JSON client does
    r = await client.post(
        "/graphql",
        content=json.dumps({"query": query, "variables": variables}),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    assert "internal-error" not in r.text, r.text
    return r.json()  # type: ignore[no-any-return]


def problem(data: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in data, data
    return data["data"][field]  # type: ignore[no-any-return]


def codes(result: dict[str, Any]) -> set[tuple[str, str]]:
    assert result["__typename"] == "ValidationProblem", result
    return {(e["field"], e["code"]) for e in result["fieldErrors"]}


NUL, HUGE = "Sak\u0000 1", "x" * 100_000
TEXTS = [
    (NUL, "control-characters"),
    (HUGE, "too-long"),
    ("   ", "required"),
]


@pytest.mark.parametrize(("text", "code"), TEXTS, ids=["nul", "huge", "blank"])
async def test_texts_are_field_errors_and_nothing_is_written(
    coordinator: Any, text: str, code: str
) -> None:
    c = coordinator
    s = await seed(c, items=1)
    m, item = s["meeting"], s["items"][0]
    before = (await gql(c, NESTED, id=m))["data"]["meeting"]
    calls = [
        (
            "addAgendaItem",
            "addAgendaItem(meetingId: $m, input: {title: $t})",
            "title",
        ),
        (
            "recordDecision",
            "recordDecision(meetingId: $m, agendaItemId: $i, text: $t)",
            "text",
        ),
        (
            "addActionItem",
            f'addActionItem(meetingId: $m, agendaItemId: $i, input: {{text: $t, ownerPersonId: "{BODY}"}})',
            "text",
        ),
        (
            "cancelMeeting",
            "cancelMeeting(id: $m, version: 1, reason: $t)",
            None,  # the meeting is not planned any more: the status answers first
        ),
    ]
    for field, call, name in calls:
        item_var = ", $i: UUID!" if "$i" in call else ""
        frag = PROBLEM_F if field == "cancelMeeting" else GUARDED_F  # its text is not screened
        q = f"mutation($m: UUID!{item_var}, $t: String!) {{ {call} {{ {frag} }} }}"
        variables = {"m": m, "t": text} | ({"i": item} if item_var else {})
        got = problem(await raw(c, q, **variables), field)
        if name is None:
            assert got["__typename"] in ("ConflictProblem", "StaleVersionProblem"), got
        else:
            assert (name, code) in codes(got), (field, got)
    if code != "required":  # a blank open text is allowed: minutes may be empty
        q = (
            "mutation($m: UUID!, $i: UUID!, $t: String!) { writeItemMinutes(meetingId: $m,"
            f" agendaItemId: $i, version: {s['version'] + 10}, openText: $t) {{ {GUARDED_F} }} }}"
        )
        got = problem(await raw(c, q, m=m, i=item, t=text), "writeItemMinutes")
        assert got["__typename"] in ("ValidationProblem", "StaleVersionProblem"), got
    assert (await gql(c, NESTED, id=m))["data"]["meeting"] == before


async def test_times_nulls_and_limits(coordinator: Any) -> None:
    c = coordinator
    q = f"""mutation($input: NewMeetingInput!) {{ planMeeting(input: $input) {{ {PROBLEM_F} }} }}"""
    starts, ends = when(3)
    naive = {"bodyId": str(BODY), "startsAt": starts[:19], "endsAt": ends, "place": "Rådhuset"}
    assert ("startsAt", "naive-datetime") in codes(
        problem(await raw(c, q, input=naive), "planMeeting")
    )
    backwards = {"bodyId": str(BODY), "startsAt": ends, "endsAt": starts, "place": "Rådhuset"}
    assert ("endsAt", "before-start") in codes(
        problem(await raw(c, q, input=backwards), "planMeeting")
    )
    nowhere = {"bodyId": str(BODY), "startsAt": starts, "endsAt": ends}
    assert ("place", "required") in codes(problem(await raw(c, q, input=nowhere), "planMeeting"))
    for day in ("0001-01-01T00:10", "9999-12-31T22:30"):
        far = {
            "bodyId": str(BODY),
            "startsAt": f"{day}:00+00:00",
            "endsAt": f"{day[:-5]}23:50:00+00:00",
            "place": "Rådhuset",
        }
        got = problem(await raw(c, q, input=far), "planMeeting")
        assert ("startsAt", "out-of-range") in codes(got)
    bad_link = {**nowhere, "link": "javascript:alert(1)"}
    assert ("link", "invalid-link") in codes(
        problem(await raw(c, q, input=bad_link), "planMeeting")
    )

    m = await plan(c, days=3)
    update = (
        "mutation($id: UUID!, $input: MeetingInput!) { updateMeeting(id: $id, version: 1,"
        f" input: $input) {{ {PROBLEM_F} }} }}"
    )
    for name in ("startsAt", "endsAt", "documentationStatus", "archiveWorthy"):
        got = problem(await raw(c, update, id=m["id"], input={name: None}), "updateMeeting")
        assert (name, "required") in codes(got), (name, got)

    for limit in (0, -1, 201):
        got = await raw(
            c,
            "query($b: UUID!, $l: Int) { meetings(bodyId: $b, limit: $l) { id } }",
            b=str(BODY),
            l=limit,
        )
        assert got["errors"][0]["extensions"]["code"] == "validation-failed", got
    got = await raw(c, '{ meetings(bodyId: "not-a-uuid") { id } }')
    assert got["errors"][0]["extensions"]["code"] == "graphql-invalid"
    order = (
        "mutation($m: UUID!, $o: [UUID!]!) { reorderAgenda(meetingId: $m, order: $o)"
        f" {{ {PROBLEM_F} }} }}"
    )
    forged = [m["id"]] * 500
    assert ("order", "not-a-permutation") in codes(
        problem(await raw(c, order, m=m["id"], o=forged), "reorderAgenda")
    )


async def test_the_guard_blocks_then_an_override_with_a_reason_goes_through(
    coordinator: Any,
) -> None:
    c = coordinator
    m = await plan(c, days=3)
    title = f"Oppfølging av {SYNTHETIC_ID}"
    q = (
        "mutation($m: UUID!, $t: String!, $why: String) { addAgendaItem(meetingId: $m,"
        f" input: {{title: $t}}, overrideReason: $why) {{ ... on AgendaItem {{ title }} {GUARDED_F} }} }}"
    )
    blocked = problem(await raw(c, q, m=m["id"], t=title), "addAgendaItem")
    assert blocked["__typename"] == "PersonalDataProblem"
    assert blocked["field"] == "title"
    [span] = blocked["findings"]
    assert title[span["start"] : span["end"]] == SYNTHETIC_ID
    assert SYNTHETIC_ID not in json.dumps(blocked)
    bad_reason = problem(await raw(c, q, m=m["id"], t=title, why="\u0000"), "addAgendaItem")
    assert bad_reason["__typename"] == "ValidationProblem"
    saved = problem(
        await raw(c, q, m=m["id"], t=title, why="Nummeret er et saksnummer, ikke en person."),
        "addAgendaItem",
    )
    assert saved["title"] == title
