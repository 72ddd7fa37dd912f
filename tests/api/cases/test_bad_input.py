"""Cases REST tests room: bad input is a 422 with field errors (or a problem with a stable type)
and nothing written — NUL bytes, nulls for required fields, huge strings, wrong types, unknown
fields, invalid identity numbers, too many items — never a 500."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.postgres.demo import demo_id
from tests.api.cases.support import (
    KOMMUNE,
    RUS_PSYK,
    TEAM_NORD,
    consent_payload,
    ok,
    open_case,
    parties_of,
    session,
    subject,
)

HUGE = "x" * 100_000
PROBLEM = "application/problem+json"


def good() -> dict:
    return {
        "bodyId": str(TEAM_NORD),
        "kind": "follow_up_team",
        "startOn": date.today().isoformat(),
        "organisationId": str(RUS_PSYK),
        "subject": subject(),
    }


def with_subject(**change) -> dict:
    return {**good(), "subject": {**subject(), **change}}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**good(), "kind": None}, "kind"),
        ({**good(), "kind": "forever"}, "kind"),
        ({**good(), "bodyId": "team-nord"}, "bodyId"),
        ({**good(), "startOn": "01.02.2026"}, "startOn"),
        ({**good(), "startOn": 20260101}, "startOn"),
        ({**good(), "subject": None, "subjectId": None}, "subject"),
        ({**good(), "unknownField": 1}, "unknownField"),
        (with_subject(name="Barn\x00Testesen"), "subject.name"),
        (with_subject(name=None), "subject.name"),
        (with_subject(name=HUGE), "subject.name"),
        (with_subject(name="   "), "subject.name"),
        (with_subject(birthDate="i fjor"), "subject.birthDate"),
        (with_subject(birthDate="2999-01-01"), "subject.birthDate"),
        (with_subject(identityNumber="12345678901"), "subject.identityNumber"),
        (with_subject(identityNumber="0385125001"), "subject.identityNumber"),
        (with_subject(identityNumber=3851250017), "subject.identityNumber"),
        (with_subject(guardians=[{"name": "Mor"}]), "subject.guardians.0.parentalResponsibility"),
        (
            with_subject(
                guardians=[{"name": "M", "parentalResponsibility": "ja", "relation": "mor"}]
            ),
            "subject.guardians.0.parentalResponsibility",
        ),
        (
            with_subject(
                guardians=[{"name": "M", "parentalResponsibility": True, "relation": "mor"}] * 20
            ),
            "subject.guardians",
        ),
        ({**good(), "kind": "youth_follow_up", "subject": subject(age=10)}, "subject"),
        (
            {
                **good(),
                "kind": "youth_follow_up",
                "subject": subject(age=15),
                "endOn": "2099-01-01",
            },
            "endOn",
        ),
    ],
)
async def test_bad_cases_are_refused_with_field_errors(client, payload, field):
    ola = await session(client, "body_member")
    before = len(ok(await ola.get("/api/cases")))
    r = await ola.post("/api/cases", json=payload)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == PROBLEM
    body = r.json()
    assert body["type"] == "/problems/validation-failed"
    assert field in [e["field"] for e in body["errors"]], body
    assert "Barn Testesen" not in r.text and "0385125001" not in r.text  # never echoed
    assert len(ok(await ola.get("/api/cases"))) == before


async def test_a_case_on_a_steering_or_coordinating_body_is_409_naming_the_rule(client):
    kari = await session(client, "coordinator")  # chairs the coordinating group
    for body in ("body/koord-barn", "body/politirad"):
        r = await kari.post(
            "/api/cases",
            json={**good(), "bodyId": str(demo_id(body)), "organisationId": str(KOMMUNE)},
        )
        assert r.status_code == 409, r.text
        assert r.json()["type"] == "/problems/case-body-not-executive"
    assert ok(await kari.get("/api/cases")) == []


@pytest.mark.parametrize(
    "body",
    [
        {"identityNumber": "12345678901"},
        {"identityNumber": "abc"},
        {"identityNumber": None},
        {"identityNumber": 3851250017},
        {"identityNumber": "03851250017\x00"},
        {"identityNumber": HUGE},
        {},
        {"identityNumber": "03851250017", "name": "x"},
    ],
)
async def test_bad_searches_are_422_and_never_echo_the_number(client, body):
    ola = await session(client, "body_member")
    r = await ola.post("/api/subjects/search", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] in ("identityNumber", "name")
    assert "12345678901" not in r.text and "03851250017" not in r.text


async def test_bad_notes_consents_and_events(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    cid = case["id"]
    for payload, field in (
        ({"category": "health", "text": "a\x00b"}, "text"),
        ({"category": "health", "text": HUGE}, "text"),
        ({"category": "gossip", "text": "t"}, "category"),
        ({"category": "health", "text": None}, "text"),
        ({"category": "health", "text": "t", "dutyTags": ["nosy"]}, "dutyTags.0"),
        ({"category": "health", "text": "t", "dutyTags": "suspected_abuse"}, "dutyTags"),
    ):
        r = await ola.post(f"/api/cases/{cid}/notes", json=payload)
        assert r.status_code == 422 and field in [e["field"] for e in r.json()["errors"]], r.text
    assert ok(await ola.get(f"/api/cases/{cid}/notes")) == []
    base = consent_payload(
        case,
        categories=["health"],
        sources=[RUS_PSYK],
        recipients=[KOMMUNE],
        parties=parties_of(case),
    )
    for change, field in (
        ({"noticeSha256": "abc"}, "noticeSha256"),
        ({"allowedCategories": []}, "allowedCategories"),
        ({"allowedCategories": ["gossip"]}, "allowedCategories.0"),
        ({"parties": []}, "parties"),
        ({"parties": [{"kind": "subject"}]}, "parties.0.identityVerifiedBy"),
        ({"childView": HUGE}, "childView"),
        ({"childView": "Vil\x00ikke"}, "childView"),
        ({"sourceOrganisationIds": ["x"]}, "sourceOrganisationIds.0"),
        ({"recipientOrganisationIds": [str(KOMMUNE)] * 60}, "recipientOrganisationIds"),
        ({"validFrom": None}, "validFrom"),
        ({"method": "telepathy"}, "method"),
    ):
        r = await ola.post(f"/api/cases/{cid}/consents", json={**base, **change})
        assert r.status_code == 422 and field in [e["field"] for e in r.json()["errors"]], r.text
    assert ok(await ola.get(f"/api/cases/{cid}/consents")) == []
    consent = ok(await ola.post(f"/api/cases/{cid}/consents", json=base), 201)
    party = consent["parties"][0]["id"]
    for change, field in (
        ({"expectedSeq": -1}, "expectedSeq"),
        ({"expectedSeq": "0"}, "expectedSeq"),
        ({"expectedSeq": 10**12}, "expectedSeq"),
        ({"kind": "maybe"}, "kind"),
        ({"partyId": "nobody"}, "partyId"),
        ({"evidenceRef": HUGE}, "evidenceRef"),
    ):
        body = {"partyId": party, "kind": "given", "method": "written", "expectedSeq": 0, **change}
        r = await ola.post(f"/api/consents/{consent['id']}/events", json=body)
        assert r.status_code == 422 and field in [e["field"] for e in r.json()["errors"]], r.text
    read = ok(await ola.get(f"/api/consents/{consent['id']}"))["consent"]
    assert read["events"] == []
    # Withdrawing what was never given does not follow from the party's state.
    r = await ola.post(
        f"/api/consents/{consent['id']}/events",
        json={"partyId": party, "kind": "withdrawn", "method": "written", "expectedSeq": 0},
    )
    assert r.status_code == 409 and r.json()["type"] == "/problems/consent-conflict", r.text


@pytest.mark.parametrize(
    "path", ["/api/cases/not-a-uuid", "/api/consents/123", "/api/subjects/%00"]
)
async def test_bad_ids_are_never_500(client, path):
    ola = await session(client, "body_member")
    for method in ("GET", "PATCH", "DELETE", "POST"):
        r = await ola.request(method, path, json={}, headers={"If-Match": '"1"'})
        assert r.status_code in (404, 405, 422), (method, path, r.text)
        assert r.headers["content-type"] == PROBLEM


async def test_a_nonexistent_case_is_404_like_anyone_elses(client):
    ola = await session(client, "body_member")
    r = await ola.get("/api/cases/00000000-0000-0000-0000-000000000001")
    assert r.status_code == 404 and r.json()["type"] == "/problems/not-found"
