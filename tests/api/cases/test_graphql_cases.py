"""Cases GraphQL tests room: the GraphQL door over real HTTP and PostgreSQL — a team member reads
shown and withheld items (and why), every read access-logged; nobody off the team (the police
contact, a steering reader, the coordinator, another team's member, another SLT unit) sees the
case exists; a withdrawal through `recordConsentEvent` withholds on the next query; depth/cost
attacks stay within the house limits; bad input gives problem members, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from adapters.postgres.demo import OTHER_UNIT, demo_id
from tests.api.cases.flows import give, setting
from tests.api.cases.support import (
    KARI,
    KOMMUNE,
    NUMBER_B,
    TEAM_SOR,
    add_member,
    log_rows,
    open_case,
    session,
)
from tests.api.meetings.test_graphql import as_, gql

ACCESS = "access { basis consentId explanation policyVersion }"
WITHHELD = "... on Withheld { withheld reason category regime policyVersion }"
CASE = f"""query($id: UUID!) {{ case(id: $id) {{
  id reference myRole
  subject {{ identity {{ ... on SubjectIdentity {{ name age {ACCESS} }} {WITHHELD} }}
    guardians {{ ... on Guardians {{ items {{ name }} {ACCESS} }} {WITHHELD} }} }}
  team {{ role member {{ ... on TeamMember {{ name {ACCESS} }} {WITHHELD} }} }}
  notes {{ id category note {{ ... on NoteContent {{ text {ACCESS} }} {WITHHELD} }} }}
  consents {{ ... on ConsentDetails {{ id statuses {{ regime state }} {ACCESS} }} {WITHHELD} }}
}} }}"""
MINE = "{ myCases { id reference subjectName { ... on SubjectName { name } " + WITHHELD + " } } }"
EVENT = """mutation($c: UUID!, $p: UUID!, $k: ConsentEventKind!, $s: Int!) {
  recordConsentEvent(consentId: $c, partyId: $p, kind: $k, method: WRITTEN, expectedSeq: $s) {
    __typename ... on ConsentDetails { id events { seq kind } }
    ... on Problem { code message } ... on ValidationProblem { fieldErrors { field code } } } }"""


async def read(client: Any, who: str, case_id: str) -> Any:
    await as_(client, who)
    body = await gql(client, CASE, id=case_id)
    assert "errors" not in body, body
    return body["data"]["case"]


def note(case: dict[str, Any], note_id: str) -> dict[str, Any]:
    return next(n["note"] for n in case["notes"] if n["id"] == note_id)  # type: ignore[no-any-return]


async def test_a_team_member_reads_shown_and_withheld_items_and_every_read_is_logged(
    client, admin_engine
):
    s = await setting(client, age=14)
    ola = await read(client, "body_member", s.id)
    assert ola["myRole"] == "lead"
    assert ola["subject"]["identity"]["name"] == "Barn Testesen"
    assert ola["subject"]["identity"]["access"]["basis"] == "own_service"
    assert note(ola, s.note["id"])["access"]["explanation"] == "own-service"
    before = len(await log_rows(admin_engine, s.id, actor_person_id=KARI, action="read"))
    kari = await read(client, "coordinator", s.id)  # on the team, no consent yet
    identity = kari["subject"]["identity"]
    assert identity == {
        "withheld": True,
        "reason": "consent-pending",
        "category": "identity",
        "regime": "health",
        "policyVersion": "2026-1",
    }
    assert note(kari, s.note["id"])["reason"] == "consent-pending"
    assert "Barn Testesen" not in str(kari) and "Sover" not in str(kari)
    rows = await log_rows(admin_engine, s.id, actor_person_id=KARI, action="read")
    assert len(rows) > before  # the GraphQL read went through the use case's log
    assert {r["decision"] for r in rows[before:]} >= {"deny"}


async def test_withdrawal_through_record_consent_event_withholds_on_the_next_query(client):
    s = await setting(client, age=14)
    for n in (0, 1):
        await give(client, s, s.party("guardian", n))
    kari = await read(client, "coordinator", s.id)
    assert note(kari, s.note["id"])["access"]["basis"] == "consent"
    assert note(kari, s.note["id"])["access"]["consentId"] == s.consent["id"]
    await as_(client, "body_member")
    party = s.party("guardian", 1)
    stale = await gql(client, EVENT, c=s.consent["id"], p=party, k="WITHDRAWN", s=0)
    assert "errors" not in stale, stale
    assert stale["data"]["recordConsentEvent"]["__typename"] == "StaleVersionProblem"
    done = await gql(client, EVENT, c=s.consent["id"], p=party, k="WITHDRAWN", s=1)
    assert done["data"]["recordConsentEvent"]["events"][-1] == {"seq": 2, "kind": "withdrawn"}
    kari = await read(client, "coordinator", s.id)
    assert kari["subject"]["identity"]["reason"] == "consent-withdrawn"
    assert note(kari, s.note["id"])["reason"] == "consent-withdrawn"


@pytest.fixture
async def nils_is_a_person(admin_engine):
    """The other unit's coordinator linked to his staff person (as the REST role matrix does)."""
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("UPDATE user_account SET person_id = :p WHERE unit_id = :u"),
            {"p": demo_id("other/person/nils"), "u": OTHER_UNIT},
        )


@pytest.mark.parametrize(
    "who", ["coordinator", "police_contact", "steering_reader", "other_unit_coordinator"]
)
async def test_nobody_off_the_team_sees_that_the_case_exists(client, nils_is_a_person, who):
    ola = await session(client, "body_member")
    case = (await open_case(ola, {}, age=15)).json()
    other = (await open_case(ola, {}, body=TEAM_SOR, number=NUMBER_B)).json()
    await add_member(ola, {}, other["id"], KARI, KOMMUNE)  # Kari: another team's member
    assert await read(client, who, case["id"]) is None
    mine = (await gql(client, MINE))["data"]["myCases"]
    assert case["id"] not in {c["id"] for c in mine}
    if who == "other_unit_coordinator":
        assert mine == []


DUTY_NOTE = """mutation($c: UUID!) {
  addCaseNote(caseId: $c, category: FAMILY, text: "Blåmerker igjen.", dutyTags: [SUSPECTED_ABUSE]) {
    __typename ... on Note { id note { ... on NoteContent { dutyTags } }
      dutyPrompts { duty citation guidance policyVersion } } ... on Problem { code } } }"""
ANSWER = """mutation($n: UUID!) {
  answerDuty(noteId: $n, duty: REPORT_TO_CHILD_WELFARE, answer: WILL_REPORT) {
    __typename ... on DutyAnswered { duty answer } ... on Problem { code } } }"""


async def test_a_tagged_note_returns_its_duty_prompts_and_the_author_answers(client):
    s = await setting(client)
    await as_(client, "body_member")
    got = (await gql(client, DUTY_NOTE, c=s.id))["data"]["addCaseNote"]
    assert got["__typename"] == "Note", got
    duties = {d["duty"] for d in got["dutyPrompts"]}
    assert "report_to_child_welfare" in duties
    assert all(d["guidance"]["nb"] and d["policyVersion"] == "2026-1" for d in got["dutyPrompts"])
    answered = (await gql(client, ANSWER, n=got["id"]))["data"]["answerDuty"]
    assert answered == {
        "__typename": "DutyAnswered",
        "duty": "report_to_child_welfare",
        "answer": "will_report",
    }
    await as_(client, "coordinator")  # not the author: no answer of theirs
    other = (await gql(client, ANSWER, n=got["id"]))["data"]["answerDuty"]
    assert other["__typename"].endswith("Problem"), other
