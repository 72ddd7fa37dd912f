"""Machine tokens: the dev IdP's JWT-bearer grant rules and the verifier's refusals, each for its own reason."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import httpx
import pytest
from joserfc import jwt

from adapters.identity.devidp import JWT_BEARER_GRANT, DevIdentityProvider
from adapters.identity.keys import new_rsa_key
from adapters.identity.machine import LEEWAY, MachineTokenVerifier, TokenRejected
from adapters.identity.wiring import machine_assertion

pytestmark = pytest.mark.asyncio

AUDIENCE = "https://api.samordna.test"


async def _grant(
    http: httpx.AsyncClient, dev: DevIdentityProvider, assertion: str
) -> httpx.Response:
    return await http.post(
        f"{dev.issuer}/token", data={"grant_type": JWT_BEARER_GRANT, "assertion": assertion}
    )


def _assertion(dev: DevIdentityProvider, persona: str = "police_system", **kw) -> str:
    m, key = dev.machine_key(persona)
    kw.setdefault("scopes", sorted(m.scopes))
    kw.setdefault("audience", dev.machine_issuer)
    kw.setdefault("resource", AUDIENCE)
    return machine_assertion(key, client_id=m.client_id, **kw)


async def _token(http, dev, persona: str = "police_system", **kw) -> str:
    response = await _grant(http, dev, _assertion(dev, persona, **kw))
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def _verifier(http, dev, **kw) -> MachineTokenVerifier:
    kw.setdefault("issuer", dev.machine_issuer)
    kw.setdefault("audience", AUDIENCE)
    return MachineTokenVerifier(http=http, **kw)


def _signed(dev: DevIdentityProvider, claims: dict) -> str:
    return jwt.encode({"alg": "RS256", "kid": dev.signing_key.kid}, claims, dev.signing_key)


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims(dev: DevIdentityProvider, **override) -> dict:
    now = int(time.time())
    return {
        "iss": dev.machine_issuer,
        "client_id": "dev-police-system",
        "scope": "samordna:trends.read",
        "iat": now,
        "exp": now + 120,
        "jti": "j1",
        "aud": AUDIENCE,
        "consumer": {"authority": "iso6523-actorid-upis", "ID": "0192:991901000"},
        **override,
    }


# -- the grant ----------------------------------------------------------------------------------


async def test_grant_issues_a_maskinporten_shaped_token(http, dev) -> None:
    token = await _token(http, dev, "archive_system")
    claims = jwt.decode(token, dev.signing_key).claims
    assert claims["iss"] == f"{dev.issuer}/"
    assert claims["client_id"] == "dev-archive-system"
    assert set(claims["scope"].split()) == {"samordna:organisation.read", "samordna:archive.read"}
    assert claims["consumer"] == {"authority": "iso6523-actorid-upis", "ID": "0192:991902007"}
    assert claims["supplier"]["ID"] == "0192:991903003"
    assert claims["exp"] - claims["iat"] == 120
    assert "sub" not in claims


async def test_replayed_assertion_is_refused(http, dev) -> None:
    assertion = _assertion(dev)
    assert (await _grant(http, dev, assertion)).status_code == 200
    again = await _grant(http, dev, assertion)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    assert "replay" in again.json()["error_description"]


async def test_assertion_living_longer_than_120_seconds_is_refused(http, dev) -> None:
    response = await _grant(http, dev, _assertion(dev, lifetime=121))
    assert response.status_code == 400
    assert "120 seconds" in response.json()["error_description"]


async def test_scope_not_allowed_for_the_client_is_refused(http, dev) -> None:
    response = await _grant(http, dev, _assertion(dev, scopes=["samordna:import.write"]))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


async def test_audience_without_trailing_slash_is_refused(http, dev) -> None:
    response = await _grant(http, dev, _assertion(dev, audience=dev.issuer))
    assert response.status_code == 400
    assert "trailing slash" in response.json()["error_description"]


async def test_stale_iat_is_refused(http, dev) -> None:
    response = await _grant(http, dev, _assertion(dev, now=time.time() - 30))
    assert response.status_code == 400
    assert "iat" in response.json()["error_description"]


async def test_assertion_signed_with_another_key_is_refused(http, dev) -> None:
    m, _ = dev.machine_key("police_system")
    forged = machine_assertion(
        new_rsa_key(), client_id=m.client_id, audience=dev.machine_issuer, scopes=sorted(m.scopes)
    )
    response = await _grant(http, dev, forged)
    assert response.json()["error"] == "invalid_client"


# -- the verifier -------------------------------------------------------------------------------


async def test_valid_token_is_accepted(http, dev) -> None:
    claims = await _verifier(http, dev).verify(await _token(http, dev, "archive_system"))
    assert claims.consumer_id == "0192:991902007"
    assert claims.client_id == "dev-archive-system"
    assert claims.supplier_id == "0192:991903003"
    assert "samordna:archive.read" in claims.scopes
    assert claims.jti


async def test_expired_token_is_refused(http, dev) -> None:
    token = await _token(http, dev)
    later = time.time() + 200
    with pytest.raises(TokenRejected, match="expired"):
        await _verifier(http, dev, now=lambda: later).verify(token)


async def test_wrong_issuer_is_refused(http, dev) -> None:
    token = await _token(http, dev)
    verifier = _verifier(http, dev, issuer=dev.issuer, jwks_uri=f"{dev.issuer}/jwks")
    with pytest.raises(TokenRejected, match="wrong issuer"):
        await verifier.verify(token)


async def test_token_asked_for_without_a_resource_has_no_audience_and_is_refused(http, dev) -> None:
    token = await _token(http, dev, resource=None)
    assert "aud" not in jwt.decode(token, dev.signing_key).claims
    with pytest.raises(TokenRejected, match="no audience"):
        await _verifier(http, dev).verify(token)


async def test_token_for_another_api_is_refused(http, dev) -> None:
    token = await _token(http, dev, resource="https://other.example")
    with pytest.raises(TokenRejected, match="not meant for this API"):
        await _verifier(http, dev).verify(token)


@pytest.mark.parametrize("aud", [None, "", []])
async def test_empty_audience_is_refused(http, dev, aud) -> None:
    token = _signed(dev, _claims(dev, aud=aud))
    with pytest.raises(TokenRejected, match="no audience"):
        await _verifier(http, dev).verify(token)


async def test_audience_list_naming_this_api_is_accepted(http, dev) -> None:
    token = _signed(dev, _claims(dev, aud=["https://other.example", AUDIENCE]))
    assert (await _verifier(http, dev).verify(token)).consumer_id == "0192:991901000"


async def test_token_not_valid_yet_is_refused(http, dev) -> None:
    token = _signed(dev, _claims(dev, nbf=int(time.time()) + LEEWAY + 60))
    with pytest.raises(TokenRejected, match="nbf"):
        await _verifier(http, dev).verify(token)


async def test_nbf_within_the_clock_leeway_is_accepted(http, dev) -> None:
    token = _signed(dev, _claims(dev, nbf=int(time.time()) + LEEWAY // 2))
    assert (await _verifier(http, dev).verify(token)).client_id == "dev-police-system"


async def test_nbf_that_is_not_a_number_is_refused(http, dev) -> None:
    token = _signed(dev, _claims(dev, nbf="soon"))
    with pytest.raises(TokenRejected, match="nbf"):
        await _verifier(http, dev).verify(token)


async def test_alg_none_is_refused(http, dev) -> None:
    token = f"{_b64({'alg': 'none', 'kid': dev.signing_key.kid})}.{_b64(_claims(dev))}."
    with pytest.raises(TokenRejected, match="not allowed"):
        await _verifier(http, dev).verify(token)


async def test_hs256_with_the_public_key_as_secret_is_refused(http, dev) -> None:
    # Built by hand: joserfc itself refuses to use a public key as an HMAC secret.
    public_pem = dev.signing_key.as_pem(private=False)
    signing_input = f"{_b64({'alg': 'HS256', 'kid': dev.signing_key.kid})}.{_b64(_claims(dev))}"
    mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    token = f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"
    with pytest.raises(TokenRejected, match="not allowed"):
        await _verifier(http, dev).verify(token)


async def test_unknown_key_is_refused_even_after_refetch(http, dev, recorder) -> None:
    stranger = new_rsa_key(kid="not-in-the-jwks")
    token = jwt.encode({"alg": "RS256", "kid": stranger.kid}, _claims(dev), stranger)
    verifier = _verifier(http, dev)
    with pytest.raises(TokenRejected, match="unknown key"):
        await verifier.verify(token)
    assert len(recorder.to("/jwks")) == 2  # the first fetch, and one refetch for the unknown kid
    with pytest.raises(TokenRejected, match="unknown key"):
        await verifier.verify(token)
    assert len(recorder.to("/jwks")) == 2  # no second refetch within 60 s


async def test_tampered_token_is_refused(http, dev) -> None:
    header, _, signature = (await _token(http, dev)).split(".")
    forged = _claims(dev, scope="samordna:import.write samordna:trends.read")
    with pytest.raises(TokenRejected, match="signature"):
        await _verifier(http, dev).verify(f"{header}.{_b64(forged)}.{signature}")


async def test_token_without_consumer_is_refused(http, dev) -> None:
    claims = _claims(dev)
    del claims["consumer"]
    token = jwt.encode({"alg": "RS256", "kid": dev.signing_key.kid}, claims, dev.signing_key)
    with pytest.raises(TokenRejected, match="consumer"):
        await _verifier(http, dev).verify(token)


async def test_rotated_key_is_accepted_after_a_refetch(http, dev, recorder) -> None:
    verifier = _verifier(http, dev)
    await verifier.verify(await _token(http, dev))
    assert len(recorder.to("/jwks")) == 1
    new_kid = dev.rotate_signing_key()
    token = await _token(http, dev)
    assert jwt.decode(token, dev.signing_key).header["kid"] == new_kid
    claims = await verifier.verify(token)
    assert claims.client_id == "dev-police-system"
    assert len(recorder.to("/jwks")) == 2


async def test_jwks_uri_is_discovered_from_the_issuer(http, dev, recorder) -> None:
    await _verifier(http, dev).verify(await _token(http, dev))
    assert recorder.to("/.well-known/oauth-authorization-server")
