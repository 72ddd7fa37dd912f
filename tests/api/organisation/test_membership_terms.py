"""Memberships over both doors: a dated role change, the chair handed over in one step with the
history kept, the deputy role, the filters the organisation screens use, accent-insensitive search,
and REST/GraphQL parity for the membership mutations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.postgres.demo import demo_id
from api.bootstrap import SystemClock
from tests.conftest import reset
from tests.support.auth import login

POLITIRAD = demo_id("body/politirad")
KOORD_UNGDOM = demo_id("body/koord-ungdom")
ASTRID = demo_id("person/ordforer")  # chairs the politiråd
HAKON = demo_id("person/kdir")  # "Håkon Lie", member of the politiråd
RECTOR_MEMBER = demo_id("membership/koord-ungdom/rektor")
POLICE = demo_id("org/politi")
TODAY = SystemClock().today()
YESTERDAY = TODAY - timedelta(days=1)


@pytest.fixture
async def coordinator(client):
    client.headers["X-CSRF-Token"] = await login(client, "coordinator")
    return client


async def gql(client, query: str, **variables):
    r = await client.post("/graphql", json={"query": query, "variables": variables})
    assert r.status_code == 200, r.text
    assert "errors" not in r.json(), r.json()
    return r.json()["data"]


async def terms_of(c, body_id, person_id):
    r = await c.get("/api/memberships", params={"bodyId": str(body_id), "personId": str(person_id)})
    assert r.status_code == 200
    rows = sorted(r.json()["items"], key=lambda m: m["validFrom"])
    return [(m["role"], m["validFrom"], m["validTo"]) for m in rows]


async def test_hand_over_the_chair_keeps_who_chaired_before(coordinator):
    c = coordinator
    astrid_before = await terms_of(c, POLITIRAD, ASTRID)
    r = await c.post(
        f"/api/bodies/{POLITIRAD}/chair-handover",
        json={"personId": str(HAKON), "on": TODAY.isoformat()},
    )
    assert r.status_code == 200, r.text
    new = r.json()
    assert (new["personName"], new["role"], new["validFrom"], new["validTo"]) == (
        "Håkon Lie",
        "chair",
        TODAY.isoformat(),
        None,
    )
    assert r.headers["ETag"] == '"1"'
    start = astrid_before[0][1]
    assert await terms_of(c, POLITIRAD, ASTRID) == [
        ("chair", start, YESTERDAY.isoformat()),
        ("member", TODAY.isoformat(), None),
    ]
    assert [t[0] for t in await terms_of(c, POLITIRAD, HAKON)] == ["member", "chair"]
    picture = (await c.get("/api/unit/picture")).json()
    chairs = {s["body"]["id"]: s["chairName"] for lvl in picture["levels"] for s in lvl["bodies"]}
    assert chairs[str(POLITIRAD)] == "Håkon Lie"


async def test_hand_over_refuses_bad_input_as_problems(coordinator):
    c = coordinator
    url = f"/api/bodies/{POLITIRAD}/chair-handover"
    r = await c.post(url, json={"personId": str(ASTRID)})
    assert r.status_code == 422
    assert [(e["field"], e["code"]) for e in r.json()["errors"]] == [("personId", "unchanged")]
    r = await c.post(
        f"/api/bodies/{demo_id('body/nope')}/chair-handover", json={"personId": str(HAKON)}
    )
    assert r.status_code == 404
    assert len(await terms_of(c, POLITIRAD, ASTRID)) == 1  # nothing written


async def test_a_second_chair_points_to_the_hand_over(coordinator):
    c = coordinator
    member = (await c.get(f"/api/memberships/{RECTOR_MEMBER}")).json()
    r = await c.patch(
        f"/api/memberships/{RECTOR_MEMBER}",
        json={"role": "chair"},
        headers={"If-Match": f'"{member["version"]}"'},
    )
    assert r.status_code == 409
    assert "hand over the chair" in r.json()["detail"]


async def test_change_role_from_a_date_starts_a_new_term(coordinator):
    c = coordinator
    url = f"/api/memberships/{RECTOR_MEMBER}/role-change"
    r = await c.post(url, json={"role": "deputy", "on": TODAY.isoformat()})
    assert r.status_code == 428  # If-Match required, like every change of a stored row
    r = await c.post(
        url, json={"role": "deputy", "on": TODAY.isoformat()}, headers={"If-Match": '"1"'}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["role"], body["personName"], body["validFrom"]) == (
        "deputy",
        "Eirik Solberg",
        TODAY.isoformat(),
    )
    assert body["id"] != str(RECTOR_MEMBER)
    old = (await c.get(f"/api/memberships/{RECTOR_MEMBER}")).json()
    assert (old["role"], old["validTo"]) == ("member", YESTERDAY.isoformat())
    r = await c.post(url, json={"role": "observer"}, headers={"If-Match": '"1"'})
    assert r.status_code == 412


async def test_the_screens_filters(coordinator):
    c = coordinator
    police = (await c.get("/api/persons", params={"organisationType": "police"})).json()
    assert {p["name"] for p in police["items"]} == {
        "Per Politikontakt",
        "Tor Aasen",
        "Emil Sand",
    }
    seats = (await c.get("/api/memberships", params={"organisationId": str(POLICE)})).json()
    assert seats["total"] > 0
    assert {m["organisationName"] for m in seats["items"]} == {"Lillestrøm politistasjon"}


@pytest.mark.parametrize(
    ("path", "q", "expected"),
    [
        ("/api/persons", "hakon", "Håkon Lie"),
        ("/api/persons", "HÅKON", "Håkon Lie"),
        ("/api/persons", "aasen", "Tor Aasen"),
        ("/api/organisations", "lillestrom politi", "Lillestrøm politistasjon"),
        ("/api/organisations", "stromMEN", "Strømmen videregående skole (fylkeskommunen)"),
        ("/api/bodies", "politirad", "Politirådet"),
    ],
)
async def test_search_ignores_case_and_diacritics(coordinator, path, q, expected):
    rest = (await coordinator.get(path, params={"q": q})).json()
    assert expected in [x["name"] for x in rest["items"]]
    field = path.removeprefix("/api/")
    data = await gql(
        coordinator, f"query($q: String) {{ {field}(q: $q) {{ items {{ name }} }} }}", q=q
    )
    assert [x["name"] for x in data[field]["items"]] == [x["name"] for x in rest["items"]]


async def test_search_still_escapes_like_wildcards(coordinator):
    r = await coordinator.get("/api/persons", params={"q": "%"})
    assert r.json()["total"] == 0


# -- REST and GraphQL agree on mutations, not only on reads ------------------------------------

MEM = "id bodyId personId role organisationId validFrom validTo version personName bodyName organisationName"
SAME = ("bodyId", "personId", "role", "organisationId", "validFrom", "validTo", "version")
NAMES = ("personName", "bodyName", "organisationName")


def _comparable(m):
    return {k: (m[k].lower() if k == "role" else m[k]) for k in SAME + NAMES}


async def _undo(c, m):
    r = await c.delete(f"/api/memberships/{m['id']}", headers={"If-Match": f'"{m["version"]}"'})
    assert r.status_code == 204


async def test_add_membership_answers_with_the_names_through_both_doors(coordinator):
    c = coordinator
    payload = {
        "bodyId": str(POLITIRAD),
        "personId": str(demo_id("person/rektor")),
        "role": "deputy",
    }
    rest = await c.post("/api/memberships", json=payload)
    assert rest.status_code == 201
    await _undo(c, rest.json())
    data = await gql(
        c,
        f"mutation($i: NewMembershipInput!) {{ addMembership(input: $i) {{ ... on Membership {{ {MEM} }} }} }}",
        i={**payload, "role": "DEPUTY"},
    )
    graph = data["addMembership"]
    assert graph["personName"] == "Eirik Solberg"
    assert _comparable(graph) == _comparable(rest.json())


async def test_role_change_and_hand_over_agree_through_both_doors(
    coordinator, admin_engine, settings, database
):
    c = coordinator
    change = await c.post(
        f"/api/memberships/{RECTOR_MEMBER}/role-change",
        json={"role": "observer"},
        headers={"If-Match": '"1"'},
    )
    hand_over = await c.post(
        f"/api/bodies/{POLITIRAD}/chair-handover", json={"personId": str(HAKON)}
    )
    assert (change.status_code, hand_over.status_code) == (200, 200)
    await reset(admin_engine, settings, database)  # the same changes again, through GraphQL
    c.headers["X-CSRF-Token"] = await login(c, "coordinator")
    data = await gql(
        c,
        f"""mutation($id: UUID!, $body: UUID!, $person: UUID!) {{
          changeMembershipRole(id: $id, version: 1, role: OBSERVER) {{ ... on Membership {{ {MEM} }} }}
          handOverChair(bodyId: $body, personId: $person) {{ ... on Membership {{ {MEM} }} }}
        }}""",
        id=str(RECTOR_MEMBER),
        body=str(POLITIRAD),
        person=str(HAKON),
    )
    assert _comparable(data["changeMembershipRole"]) == _comparable(change.json())
    assert _comparable(data["handOverChair"]) == _comparable(hand_over.json())
    assert data["handOverChair"]["personName"] == "Håkon Lie"


async def test_graphql_answers_a_refused_hand_over_with_the_same_problem(coordinator):
    c = coordinator
    rest = await c.post(f"/api/bodies/{POLITIRAD}/chair-handover", json={"personId": str(ASTRID)})
    data = await gql(
        c,
        """mutation($body: UUID!, $person: UUID!) { handOverChair(bodyId: $body, personId: $person) {
          ... on ValidationProblem { code fieldErrors { field code } } } }""",
        body=str(POLITIRAD),
        person=str(ASTRID),
    )
    problem = data["handOverChair"]
    assert problem["code"] == "validation-failed"
    assert [(e["field"], e["code"]) for e in problem["fieldErrors"]] == [
        (e["field"], e["code"]) for e in rest.json()["errors"]
    ]
