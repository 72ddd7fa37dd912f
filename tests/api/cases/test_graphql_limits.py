"""Cases GraphQL tests room: attacks and bad input at the GraphQL door — aliases, depth and
introspection beyond the house limits are refused before any case is read (nothing logged);
texts with NUL bytes, too long or blank, unknown enum values and wrong types are problem members
or GraphQL errors, never a 500 and never a partial write."""

from __future__ import annotations

from typing import Any

import pytest

from domain.cases.limits import NOTE_MAX, REF_MAX
from tests.api.cases.flows import setting
from tests.api.cases.support import log_rows
from tests.api.meetings.test_graphql import as_

NOTE = """mutation($c: UUID!, $t: String!) {
  addCaseNote(caseId: $c, category: HEALTH, text: $t) {
    __typename ... on Note { id } ... on Problem { code }
    ... on ValidationProblem { fieldErrors { field code } } } }"""
EVENT = """mutation($c: UUID!, $p: UUID!, $r: String, $s: Int!) {
  recordConsentEvent(consentId: $c, partyId: $p, kind: GIVEN, method: WRITTEN,
    expectedSeq: $s, evidenceRef: $r) {
    __typename ... on Problem { code } ... on ValidationProblem { fieldErrors { field code } } } }"""


async def post(client: Any, query: str, **variables: Any) -> dict[str, Any]:
    r = await client.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code < 500, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_aliases_depth_and_cost_attacks_stay_within_the_house_limits(client, admin_engine):
    s = await setting(client)
    await as_(client, "body_member")
    before = len(await log_rows(admin_engine, s.id))
    many = " ".join(f'a{i}: case(id: "{s.id}") {{ id }}' for i in range(40))
    # The case types have no cycles (at most 5 deep): the token limit is the depth attack's wall.
    deep = "{ myCases { " + "id " * 2500 + "} }"
    wide = "{ " + " ".join(f"m{i}: myCases {{ id notes {{ id }} }}" for i in range(14)) + " }"
    for query in ("{ " + many + " }", deep, wide):
        got = await post(client, query)
        assert got.get("errors"), str(got)[:300]
        assert got.get("data") is None
    assert len(await log_rows(admin_engine, s.id)) == before  # refused before any read


@pytest.mark.parametrize(
    ("text", "code"),
    [("a\x00b", "control-characters"), ("x" * (NOTE_MAX + 1), "too-long"), ("   ", "required")],
)
async def test_bad_note_texts_are_field_errors_and_nothing_is_written(client, text, code):
    s = await setting(client)
    await as_(client, "body_member")
    got = (await post(client, NOTE, c=s.id, t=text))["data"]["addCaseNote"]
    assert got["__typename"] == "ValidationProblem", got
    assert got["fieldErrors"][0]["field"] == "text", got
    assert got["fieldErrors"][0]["code"] == code, got
    r = await client.get(f"/api/cases/{s.id}/notes")
    assert len(r.json()["items"] if isinstance(r.json(), dict) else r.json()) == 1


async def test_wrong_types_unknown_values_and_foreign_ids_are_errors_not_crashes(client):
    s = await setting(client)
    await as_(client, "body_member")
    party = s.party("subject")
    long_ref = await post(client, EVENT, c=s.consent["id"], p=party, r="r" * (REF_MAX + 1), s=0)
    assert long_ref["data"]["recordConsentEvent"]["__typename"] == "ValidationProblem"
    unknown = await post(client, EVENT, c=s.consent["id"], p=s.id, r=None, s=0)
    assert unknown["data"]["recordConsentEvent"]["__typename"] == "ValidationProblem"
    nowhere = await post(client, EVENT, c=s.id, p=party, r=None, s=0)
    assert nowhere["data"]["recordConsentEvent"]["code"] == "not-found"
    for bad in ({"c": "x", "p": party, "s": 0}, {"c": s.consent["id"], "p": party, "s": "one"}):
        assert (await post(client, EVENT, **bad)).get("errors")
    kind = NOTE.replace("category: HEALTH", "category: secrets")
    assert (await post(client, kind, c=s.id, t="Tekst")).get("errors")
