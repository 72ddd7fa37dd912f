"""The relying party's id_token checks, one forged token per rule: signature and alg, iss, aud, azp, exp, nonce, acr."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import pytest
from joserfc import jwk, jwt

from adapters.identity.keys import new_rsa_key
from adapters.identity.oidc import LoginRefused, OidcRelyingParty

pytestmark = pytest.mark.asyncio

NONCE = "n-0123456789"


def _claims(rp: OidcRelyingParty, **override: object) -> dict[str, object]:
    now = int(time.time())
    claims: dict[str, object] = {
        "iss": rp.issuer,
        "aud": rp.client_id,
        "sub": "pairwise-subject",
        "pid": "05917298612",
        "acr": "idporten-loa-high",
        "iat": now,
        "exp": now + 120,
        "nonce": NONCE,
    }
    claims.update(override)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(key: jwk.RSAKey, claims: dict[str, object], alg: str = "RS256") -> str:
    return jwt.encode({"alg": alg, "kid": key.kid}, claims, key)


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def test_a_well_formed_id_token_is_accepted(make_rp, dev) -> None:
    rp = make_rp()
    claims = await rp.verify_id_token(_sign(dev.signing_key, _claims(rp)), nonce=NONCE)
    assert claims["pid"] == "05917298612"


@pytest.mark.parametrize(
    ("override", "reason"),
    [
        ({"iss": "https://evil.example"}, "wrong issuer"),
        ({"iss": None}, "iss"),
        ({"aud": "another-client"}, r"\(aud\)"),
        ({"aud": ["samordna", "another-client"]}, "azp"),
        ({"aud": ["samordna", "another-client"], "azp": "another-client"}, "azp"),
        ({"exp": int(time.time()) - 120}, "expired"),
        ({"exp": None}, "exp"),
        ({"nonce": "replayed-from-another-login"}, "nonce"),
        ({"nonce": None}, "nonce"),
        ({"acr": "idporten-loa-low"}, "security level"),
        ({"acr": None}, "security level"),
    ],
)
async def test_a_claim_out_of_order_is_refused(make_rp, dev, override, reason) -> None:
    rp = make_rp()
    token = _sign(dev.signing_key, _claims(rp, **override))
    with pytest.raises(LoginRefused, match=reason):
        await rp.verify_id_token(token, nonce=NONCE)


async def test_several_audiences_with_our_azp_are_accepted(make_rp, dev) -> None:
    rp = make_rp()
    claims = _claims(rp, aud=["samordna", "another-client"], azp="samordna")
    await rp.verify_id_token(_sign(dev.signing_key, claims), nonce=NONCE)


async def test_substantial_is_refused_when_high_is_the_minimum(make_rp, dev) -> None:
    rp = make_rp(min_acr="idporten-loa-high")
    token = _sign(dev.signing_key, _claims(rp, acr="idporten-loa-substantial"))
    with pytest.raises(LoginRefused, match="security level"):
        await rp.verify_id_token(token, nonce=NONCE)


async def test_alg_none_and_hmac_with_the_public_key_are_refused(make_rp, dev) -> None:
    rp = make_rp()
    unsigned = f"{_b64({'alg': 'none', 'kid': dev.signing_key.kid})}.{_b64(_claims(rp))}."
    with pytest.raises(LoginRefused, match="RS256"):
        await rp.verify_id_token(unsigned, nonce=NONCE)
    # The classic confusion: HS256 keyed with the provider's public key (forged by hand, since
    # joserfc refuses to build such a key).
    header = _b64({"alg": "HS256", "kid": dev.signing_key.kid})
    signing_input = f"{header}.{_b64(_claims(rp))}"
    mac = hmac.new(dev.signing_key.as_pem(private=False), signing_input.encode(), hashlib.sha256)
    confused = f"{signing_input}.{base64.urlsafe_b64encode(mac.digest()).rstrip(b'=').decode()}"
    with pytest.raises(LoginRefused, match="RS256"):
        await rp.verify_id_token(confused, nonce=NONCE)


async def test_a_token_from_an_unknown_key_or_with_a_bad_signature_is_refused(make_rp, dev) -> None:
    rp = make_rp()
    stranger = new_rsa_key(kid="stranger")
    with pytest.raises(LoginRefused, match="unknown key"):
        await rp.verify_id_token(_sign(stranger, _claims(rp)), nonce=NONCE)
    impostor = jwk.RSAKey.import_key(
        {**new_rsa_key().as_dict(private=True), "kid": dev.signing_key.kid}
    )
    with pytest.raises(LoginRefused, match="signature"):
        await rp.verify_id_token(_sign(impostor, _claims(rp)), nonce=NONCE)
    with pytest.raises(LoginRefused, match="malformed"):
        await rp.verify_id_token("not-a-jwt", nonce=NONCE)
