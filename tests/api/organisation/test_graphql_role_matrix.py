"""GraphQL authorisation matches REST's: the same callers may read and change the same things."""

from __future__ import annotations

import pytest

from adapters.postgres.demo import demo_id
from tests.api.organisation.test_role_matrix import ALLOWED, READ, WRITE, _authenticate

BODY = demo_id("body/koord-barn")

QUERIES = [
    "{ unit { id } }",
    "{ establishment { version } }",
    "{ health { ok } }",
    "{ picture { levels { level } } }",
    "{ municipalities { number } }",
    "{ organisations { total } }",
    "{ persons { total } }",
    "{ bodies { total } }",
    "{ memberships { total } }",
    f'{{ body(id: "{BODY}") {{ name }} }}',
]
MUTATIONS = [
    # allowed callers stop at a harmless rule: a duplicate name, or a stale version
    (
        'mutation { createBody(input: {name: "Politirådet", level: STEERING}) { __typename } }',
        "createBody",
        "ConflictProblem",
    ),
    (
        f'mutation {{ updateBody(id: "{BODY}", version: 99, input: {{mandate: "x"}}) {{ __typename }} }}',
        "updateBody",
        "StaleVersionProblem",
    ),
    (
        f'mutation {{ deleteBody(id: "{BODY}", version: 99) {{ __typename }} }}',
        "deleteBody",
        "StaleVersionProblem",
    ),
]


@pytest.mark.parametrize("who", [w for w in ALLOWED if w != "outsider"])
async def test_graphql_role_matrix(client, who):
    headers = await _authenticate(client, who)
    for query in QUERIES:
        r = await client.post("/graphql", json={"query": query}, headers=headers)
        body = r.json()
        if READ in ALLOWED[who]:
            assert "errors" not in body, (who, query, body)
        else:
            assert body["errors"][0]["extensions"]["code"] == "forbidden", (who, query, body)
    for mutation, field, allowed_type in MUTATIONS:
        r = await client.post("/graphql", json={"query": mutation}, headers=headers)
        got = r.json()["data"][field]["__typename"]
        assert got == (allowed_type if WRITE in ALLOWED[who] else "ForbiddenProblem"), (
            who,
            mutation,
        )


async def test_graphql_outsider_is_refused_before_parsing(client):
    await login_outsider(client)
    r = await client.post("/graphql", json={"query": "{ unit { id } }"})
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/problem+json"


async def login_outsider(client):
    from tests.support.auth import login

    await login(client, "outsider")
