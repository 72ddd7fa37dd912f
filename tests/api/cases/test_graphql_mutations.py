"""Cases GraphQL tests room: the writes and policy reads at the GraphQL door over real HTTP and
PostgreSQL — openCase (executive bodies only), registerConsent then recordConsentEvent,
openBreakGlass (a seat or nothing), recordLegalBasis (the lead, with a justification),
breakGlassReviews (the access controller), casePolicy; bad input is a problem, nothing written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from adapters.postgres.demo import OTHER_UNIT, demo_id
from domain.cases.limits import BREAK_GLASS_REASON_MAX, REF_MAX
from tests.api.cases.flows import setting
from tests.api.cases.support import (
    KOMMUNE,
    KOORD,
    NOTICE,
    RUS_PSYK,
    TEAM_NORD,
    ok,
    open_case,
    session,
    subject,
)
from tests.api.meetings.test_graphql import as_, gql

PROBLEM = "... on Problem { code } ... on ValidationProblem { fieldErrors { field code } }"
OPEN = f"""mutation($i: OpenCaseInput!) {{ openCase(input: $i) {{
  __typename ... on Case {{ id reference myRole subject {{ identity {{
    ... on SubjectIdentity {{ name }} }} }} }} {PROBLEM} }} }}"""
CONSENT = f"""mutation($c: UUID!, $i: RegisterConsentInput!) {{
  registerConsent(caseId: $c, input: $i) {{
  __typename ... on ConsentDetails {{ id parties {{ id kind }} statuses {{ regime state }} }}
  {PROBLEM} }} }}"""
EVENT = f"""mutation($c: UUID!, $p: UUID!, $s: Int!) {{
  recordConsentEvent(consentId: $c, partyId: $p, kind: GIVEN, method: WRITTEN, expectedSeq: $s) {{
  __typename ... on ConsentDetails {{ statuses {{ regime state }} }} {PROBLEM} }} }}"""
GLASS = f"""mutation($c: UUID!, $r: String!) {{
  openBreakGlass(caseId: $c, reason: $r, basis: SAME_PURPOSE) {{
  __typename ... on BreakGlassGrant {{ id reason basis }} {PROBLEM} }} }}"""
BASIS = f"""mutation($c: UUID!, $i: LegalBasisInput!) {{ recordLegalBasis(caseId: $c, input: $i) {{
  __typename ... on LegalBasis {{ id basis categories }} {PROBLEM} }} }}"""
REVIEWS = "{ breakGlassReviews { caseReference grant { id reason } } }"
POLICY = "{ casePolicy { policyVersion categories legalBases { code citation recordable } } }"
JUSTIFICATION = "Samme formål som innsamlingen: oppfølging i teamet."


def case_input(body: Any = TEAM_NORD, **subject_args: Any) -> dict[str, Any]:
    return {
        "bodyId": str(body),
        "kind": "FOLLOW_UP_TEAM",
        "startOn": date.today().isoformat(),
        "organisationId": str(RUS_PSYK),
        "subject": subject(**subject_args),
    }


def basis_input(**extra: Any) -> dict[str, Any]:
    return {
        "basis": "SAME_PURPOSE",
        "recipientOrganisationId": str(KOMMUNE),
        "categories": ["HEALTH"],
        "justification": JUSTIFICATION,
        "validFrom": date.today().isoformat(),
        **extra,
    }


async def count(admin_engine: Any, table: str, case_id: str) -> int:
    async with admin_engine.connect() as conn:
        q = sa.text(f"SELECT count(*) FROM {table} WHERE case_id = :c")
        return int((await conn.execute(q, {"c": case_id})).scalar_one())


async def test_open_case_on_an_executive_body_only_and_bad_input_writes_nothing(client):
    await as_(client, "body_member")
    body = await gql(client, OPEN, i=case_input(age=15))
    opened = body["data"]["openCase"]
    assert opened["__typename"] == "Case", body
    assert opened["myRole"] == "lead"
    assert opened["subject"]["identity"]["name"] == "Barn Testesen"
    before = ok(await client.get("/api/cases"))
    coordinating = (await gql(client, OPEN, i=case_input(body=KOORD)))["data"]["openCase"]
    assert coordinating["code"] == "case-body-not-executive", coordinating
    for name in ("Barn\x00Testesen", "B" * 100_000):
        bad = case_input()
        bad["subject"]["name"] = name
        problem = (await gql(client, OPEN, i=bad))["data"]["openCase"]
        assert problem["__typename"] == "ValidationProblem", problem
        assert problem["fieldErrors"], problem
    neither = {k: v for k, v in case_input().items() if k != "subject"}
    problem = (await gql(client, OPEN, i=neither))["data"]["openCase"]
    assert problem["fieldErrors"] == [{"field": "subject", "code": "required"}]
    assert ok(await client.get("/api/cases")) == before  # nothing written


async def test_register_consent_then_its_given_events_make_it_effective(client, admin_engine):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}, age=17, guardians=0), 201)
    await as_(client, "body_member")
    consent: dict[str, Any] = {
        "allowedCategories": ["HEALTH"],
        "sourceOrganisationIds": [str(RUS_PSYK)],
        "recipientOrganisationIds": [str(KOMMUNE)],
        "validFrom": date.today().isoformat(),
        "noticeVersion": "samtykke-v3",
        "noticeSha256": NOTICE,
        "parties": [{"kind": "SUBJECT", "identityVerifiedBy": "Kjent for tjenesten"}],
        "method": "WRITTEN",
        "collectedByOrganisationId": str(case["myOrganisationId"]),
    }
    for bad in ({"childView": "Vil\x00ikke"}, {"noticeVersion": "v" * (REF_MAX + 1)}):
        answer = (await gql(client, CONSENT, c=case["id"], i={**consent, **bad}))["data"]
        assert answer["registerConsent"]["__typename"] == "ValidationProblem", answer
    assert await count(admin_engine, "consent", case["id"]) == 0
    body = await gql(client, CONSENT, c=case["id"], i=consent)
    registered = body["data"]["registerConsent"]
    assert registered["__typename"] == "ConsentDetails", body
    assert "effective" not in {s["state"] for s in registered["statuses"]}
    party = registered["parties"][0]["id"]
    given = (await gql(client, EVENT, c=registered["id"], p=party, s=0))["data"]
    states = {s["regime"]: s["state"] for s in given["recordConsentEvent"]["statuses"]}
    assert states["health"] == "effective", given  # 17: the young person consents alone


async def test_break_glass_needs_a_seat_and_only_the_unit_admin_reviews(client, admin_engine):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    reason = "Akutt bekymring meldt av skolen, trenger oversikt."
    await as_(client, "steering_reader")  # no seat on the case's body
    refused = (await gql(client, GLASS, c=case["id"], r=reason))["data"]["openBreakGlass"]
    assert refused["__typename"] == "NotFoundProblem", refused
    await as_(client, "body_member")  # Ola: the team's lead and a seat holder
    for bad in ("Akutt\x00bekymring meldt av skolen", "x" * (BREAK_GLASS_REASON_MAX + 1)):
        problem = (await gql(client, GLASS, c=case["id"], r=bad))["data"]["openBreakGlass"]
        assert problem["__typename"] == "ValidationProblem", problem
    assert await count(admin_engine, "break_glass_grant", case["id"]) == 0
    grant = (await gql(client, GLASS, c=case["id"], r=reason))["data"]["openBreakGlass"]
    assert grant["__typename"] == "BreakGlassGrant" and grant["basis"] == "same_purpose", grant
    for who in ("body_member", "coordinator", "steering_reader"):
        await as_(client, who)
        body = await gql(client, REVIEWS)
        assert body["data"] is None or body["data"]["breakGlassReviews"] is None, (who, body)
        assert "errors" in body and "Barn Testesen" not in str(body)
    await as_(client, "unit_admin")
    reviews = (await gql(client, REVIEWS))["data"]["breakGlassReviews"]
    assert grant["id"] in {r["grant"]["id"] for r in reviews}


async def test_the_lead_records_a_legal_basis_only_with_a_justification(client, admin_engine):
    s = await setting(client, age=14, recipients=(KOMMUNE,))
    await as_(client, "body_member")
    for bad in (
        {"justification": ""},
        {"justification": "For kort."},
        {"justification": "Samme\x00formål som innsamlingen, oppfølging."},
        {"justification": "x" * 100_000},
    ):
        body = await gql(client, BASIS, c=s.id, i=basis_input(**bad))
        problem = body["data"]["recordLegalBasis"]
        assert problem["__typename"] == "ValidationProblem", body
        assert "justification" in {e["field"] for e in problem["fieldErrors"]}
    assert await count(admin_engine, "legal_basis_record", s.id) == 0
    await as_(client, "coordinator")  # on the team, not its lead
    forbidden = (await gql(client, BASIS, c=s.id, i=basis_input()))["data"]
    assert forbidden["recordLegalBasis"]["__typename"] == "ForbiddenProblem", forbidden
    await as_(client, "body_member")
    recorded = (await gql(client, BASIS, c=s.id, i=basis_input()))["data"]["recordLegalBasis"]
    assert recorded["__typename"] == "LegalBasis", recorded
    assert recorded["basis"] == "same_purpose" and recorded["categories"] == ["health"]
    assert await count(admin_engine, "legal_basis_record", s.id) == 1


@pytest.mark.parametrize("who", ["body_member", "coordinator"])
async def test_case_policy_returns_the_policy_version_and_legal_bases(client, who):
    await as_(client, who)
    body = await gql(client, POLICY)
    policy = body["data"]["casePolicy"]
    assert policy["policyVersion"] == "2026-1", body
    assert "health" in policy["categories"]
    recordable = {b["code"] for b in policy["legalBases"] if b["recordable"]}
    assert recordable == {"same_purpose", "necessary_for_own_tasks", "report_offence"}
    assert all(b["citation"] for b in policy["legalBases"] if b["recordable"])


async def test_huge_lists_and_dates_out_of_range_are_problems_not_crashes(client, admin_engine):
    s = await setting(client, age=14, recipients=(KOMMUNE,))
    await as_(client, "body_member")
    year_one = {**case_input(), "startOn": "0001-01-01"}
    problem = (await gql(client, OPEN, i=year_one))["data"]["openCase"]
    assert problem["__typename"] == "ValidationProblem", problem
    party = {"kind": "SUBJECT", "identityVerifiedBy": "Kjent for tjenesten"}
    many = {
        "allowedCategories": ["HEALTH"],
        "sourceOrganisationIds": [str(RUS_PSYK)],
        "recipientOrganisationIds": [str(KOMMUNE)] * 5000,
        "validFrom": date.today().isoformat(),
        "noticeVersion": "samtykke-v3",
        "noticeSha256": NOTICE,
        "parties": [party] * 5000,
        "method": "WRITTEN",
        "collectedByOrganisationId": str(s.case["myOrganisationId"]),
    }
    before = await count(admin_engine, "consent", s.id)
    answer = (await gql(client, CONSENT, c=s.id, i=many))["data"]["registerConsent"]
    assert answer["__typename"] == "ValidationProblem", answer
    assert await count(admin_engine, "consent", s.id) == before


@pytest.fixture
async def nils_is_a_person(admin_engine):
    """The other unit's coordinator linked to his staff person (as the REST role matrix does)."""
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("UPDATE user_account SET person_id = :p WHERE unit_id = :u"),
            {"p": demo_id("other/person/nils"), "u": OTHER_UNIT},
        )


async def test_another_unit_neither_breaks_glass_nor_records_a_basis(
    client, admin_engine, nils_is_a_person
):
    s = await setting(client, age=14, recipients=(KOMMUNE,))
    await as_(client, "other_unit_coordinator")
    reason = "Akutt bekymring meldt av skolen, trenger oversikt."
    glass = (await gql(client, GLASS, c=s.id, r=reason))["data"]["openBreakGlass"]
    assert glass["__typename"] == "NotFoundProblem", glass
    basis = (await gql(client, BASIS, c=s.id, i=basis_input()))["data"]["recordLegalBasis"]
    assert basis["__typename"] == "NotFoundProblem", basis
    assert await count(admin_engine, "break_glass_grant", s.id) == 0
    assert await count(admin_engine, "legal_basis_record", s.id) == 0
