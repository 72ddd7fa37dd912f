"""Machine bearer tokens over HTTP through the whole app: valid, forged, expired, out of scope, unknown consumer."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest
import sqlalchemy as sa
from joserfc import jwt

from adapters.identity.keys import new_rsa_key
from adapters.identity.machine import LEEWAY
from adapters.identity.personas import machine
from adapters.postgres.demo import DEMO_UNIT
from api import bootstrap
from tests.support.auth import login, machine_token

pytestmark = pytest.mark.asyncio

PICTURE = "/api/unit/picture"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _problem(r: httpx.Response, status: int, suffix: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith(suffix)


@pytest.fixture
def dev(container):  # type: ignore[no-untyped-def]
    provider = container.identity.dev_provider
    assert provider is not None
    return provider


@pytest.fixture
def audience(container) -> str:  # type: ignore[no-untyped-def]
    return bootstrap.identity_config(container.settings).effective_machine_audience


def _claims(dev, **override) -> dict:  # type: ignore[no-untyped-def]
    now = int(time.time())
    m = machine("archive_system")
    return {
        "iss": dev.machine_issuer,
        "aud": "http://testserver",
        "client_id": m.client_id,
        "scope": " ".join(sorted(m.scopes)),
        "iat": now,
        "exp": now + 120,
        "jti": "forged",
        "consumer": {"authority": "iso6523-actorid-upis", "ID": m.consumer_id},
        **override,
    }


def _signed(dev, claims: dict) -> str:  # type: ignore[no-untyped-def]
    key = dev.signing_key
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


async def test_archive_system_reads_the_organisation_with_a_real_token(client) -> None:
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    r = await client.get(PICTURE, headers=_bearer(token))
    assert r.status_code == 200, r.text
    me = (await client.get("/api/me", headers=_bearer(token))).json()
    assert me["kind"] == "machine"
    assert me["unit"] == {"id": str(DEMO_UNIT), "name": "SLT Lillestrøm (demo)"}
    assert me["scopes"] == ["samordna:organisation.read"]
    assert me["roles"] == []
    assert me.get("csrfToken") is None


async def test_no_credentials_is_401(client) -> None:
    _problem(await client.get(PICTURE), 401, "/unauthenticated")


@pytest.mark.parametrize("header", ["Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Token x"])
async def test_malformed_authorization_is_401(client, header: str) -> None:
    _problem(await client.get(PICTURE, headers={"Authorization": header}), 401, "/unauthenticated")


async def test_expired_token_is_401(client, dev) -> None:
    now = int(time.time())
    token = _signed(dev, _claims(dev, iat=now - 600, exp=now - 300))
    r = await client.get(PICTURE, headers=_bearer(token))
    _problem(r, 401, "/unauthenticated")
    assert "expired" in r.json()["detail"]


async def test_wrong_issuer_is_401(client, dev) -> None:
    token = _signed(dev, _claims(dev, iss="https://maskinporten.no/"))
    _problem(await client.get(PICTURE, headers=_bearer(token)), 401, "/unauthenticated")


async def test_alg_none_is_401(client, dev) -> None:
    token = f"{_b64({'alg': 'none', 'kid': dev.signing_key.kid})}.{_b64(_claims(dev))}."
    _problem(await client.get(PICTURE, headers=_bearer(token)), 401, "/unauthenticated")


async def test_token_from_an_unknown_key_is_401(client, dev) -> None:
    stranger = new_rsa_key(kid="stranger")
    token = jwt.encode({"alg": "RS256", "kid": "stranger"}, _claims(dev), stranger)
    _problem(await client.get(PICTURE, headers=_bearer(token)), 401, "/unauthenticated")


async def test_the_signed_test_tokens_are_for_this_api(client, dev, audience) -> None:
    assert _claims(dev)["aud"] == audience
    assert (
        await client.get(PICTURE, headers=_bearer(_signed(dev, _claims(dev))))
    ).status_code == 200


async def test_token_for_another_api_is_401(client) -> None:
    # Correctly signed by the trusted issuer, for the right consumer, but asked for another API.
    token = await machine_token(
        client, "archive_system", ["samordna:organisation.read"], resource="https://other.example"
    )
    r = await client.get(PICTURE, headers=_bearer(token))
    _problem(r, 401, "/unauthenticated")
    assert "aud" in r.json()["detail"]


async def test_token_without_audience_is_401(client, dev) -> None:
    claims = _claims(dev)
    del claims["aud"]
    r = await client.get(PICTURE, headers=_bearer(_signed(dev, claims)))
    _problem(r, 401, "/unauthenticated")
    assert "aud" in r.json()["detail"]


async def test_token_not_valid_yet_is_401(client, dev) -> None:
    token = _signed(dev, _claims(dev, nbf=int(time.time()) + LEEWAY + 60))
    r = await client.get(PICTURE, headers=_bearer(token))
    _problem(r, 401, "/unauthenticated")
    assert "nbf" in r.json()["detail"]


async def test_token_with_nbf_within_the_clock_leeway_is_accepted(client, dev) -> None:
    token = _signed(dev, _claims(dev, nbf=int(time.time()) + LEEWAY // 2))
    assert (await client.get(PICTURE, headers=_bearer(token))).status_code == 200


async def test_tampered_token_is_401(client) -> None:
    token = await machine_token(client, "police_system", ["samordna:trends.read"])
    header, _, signature = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    payload["scope"] = "samordna:organisation.read"
    forged = f"{header}.{_b64(payload)}.{signature}"
    _problem(await client.get(PICTURE, headers=_bearer(forged)), 401, "/unauthenticated")


async def test_valid_token_without_the_scope_is_403(client) -> None:
    token = await machine_token(client, "police_system", ["samordna:trends.read"])
    _problem(await client.get(PICTURE, headers=_bearer(token)), 403, "/forbidden")


async def test_unknown_consumer_is_403(client, admin_engine) -> None:
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("DELETE FROM machine_client WHERE consumer_id = :c"),
            {"c": machine("archive_system").consumer_id},
        )
    _problem(await client.get(PICTURE, headers=_bearer(token)), 403, "/forbidden")


async def test_token_scopes_are_cut_to_what_the_unit_allows(client, admin_engine) -> None:
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    async with admin_engine.begin() as conn:
        await conn.execute(
            sa.text("UPDATE machine_client SET scopes = :s WHERE consumer_id = :c"),
            {"s": ["samordna:archive.read"], "c": machine("archive_system").consumer_id},
        )
    _problem(await client.get(PICTURE, headers=_bearer(token)), 403, "/forbidden")


async def test_a_bearer_token_ignores_the_browser_session(client) -> None:
    await login(client, "coordinator")
    token = await machine_token(client, "police_system", ["samordna:trends.read"])
    _problem(await client.get(PICTURE, headers=_bearer(token)), 403, "/forbidden")


async def test_a_rotated_signing_key_is_accepted(client, dev) -> None:
    dev.rotate_signing_key()
    token = await machine_token(client, "archive_system", ["samordna:organisation.read"])
    assert (await client.get(PICTURE, headers=_bearer(token))).status_code == 200
