"""The relying party against the real dev identity provider, in-process: the code flow and its refusals."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jwt

from adapters.identity.devidp import CLIENT_ASSERTION_TYPE, DevIdentityProvider
from adapters.identity.oidc import AuthRequest, LoginRefused, OidcRelyingParty
from adapters.identity.personas import persona
from tests.support.auth import choose_persona

pytestmark = pytest.mark.asyncio


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


async def _authorize(
    http: httpx.AsyncClient, rp: OidcRelyingParty, who: str
) -> tuple[AuthRequest, dict[str, str]]:
    request = await rp.authorization_request(locale="nb")
    answer = await choose_persona(http, request.url, who)
    return request, _query(answer.headers["location"])


async def test_full_code_flow(make_rp, http: httpx.AsyncClient, dev: DevIdentityProvider) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    assert params["iss"] == dev.issuer
    code = rp.code_from_callback(params, expected_state=request.state)
    id_token = await rp.exchange_code(code, code_verifier=request.code_verifier)
    claims = await rp.verify_id_token(id_token, nonce=request.nonce)
    kari = persona("coordinator")
    assert claims["pid"] == kari.pid
    assert claims["acr"] == "idporten-loa-high"
    assert claims["aud"] == "samordna"
    assert {"sub", "sid", "auth_time", "amr", "locale"} <= claims.keys()

    url = await rp.end_session_url(
        id_token_hint=id_token, post_logout_redirect_uri="http://samordna.test/", state="s1"
    )
    assert url is not None
    bye = await http.get(url)
    assert bye.status_code == 302
    assert bye.headers["location"] == "http://samordna.test/?state=s1"


async def test_authorize_accepts_only_a_pushed_request(http: httpx.AsyncClient, dev) -> None:
    page = await http.get(
        f"{dev.issuer}/authorize",
        params={"client_id": "samordna", "response_type": "code", "redirect_uri": "https://evil"},
    )
    assert page.status_code == 400


async def test_callback_from_wrong_issuer_is_refused(make_rp, http) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    with pytest.raises(LoginRefused, match="unexpected issuer"):
        rp.code_from_callback(
            {**params, "iss": "https://evil.example"}, expected_state=request.state
        )
    without = {k: v for k, v in params.items() if k != "iss"}
    with pytest.raises(LoginRefused, match="unexpected issuer"):
        rp.code_from_callback(without, expected_state=request.state)


async def test_state_mismatch_is_refused(make_rp, http) -> None:
    rp = make_rp()
    _, params = await _authorize(http, rp, "coordinator")
    with pytest.raises(LoginRefused, match="state"):
        rp.code_from_callback(params, expected_state="another-attempt")


async def test_nonce_mismatch_is_refused(make_rp, http) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    id_token = await rp.exchange_code(code, code_verifier=request.code_verifier)
    with pytest.raises(LoginRefused, match="nonce"):
        await rp.verify_id_token(id_token, nonce="not-the-nonce")


async def test_acr_below_minimum_is_refused(make_rp, http) -> None:
    rp = make_rp(min_acr="idporten-loa-high")
    assert persona("body_member").acr == "idporten-loa-substantial"
    request, params = await _authorize(http, rp, "body_member")
    code = rp.code_from_callback(params, expected_state=request.state)
    id_token = await rp.exchange_code(code, code_verifier=request.code_verifier)
    with pytest.raises(LoginRefused, match="security level"):
        await rp.verify_id_token(id_token, nonce=request.nonce)


async def test_high_meets_substantial(make_rp, http) -> None:
    rp = make_rp(min_acr="idporten-loa-substantial")
    request, params = await _authorize(http, rp, "police_contact")
    code = rp.code_from_callback(params, expected_state=request.state)
    id_token = await rp.exchange_code(code, code_verifier=request.code_verifier)
    claims = await rp.verify_id_token(id_token, nonce=request.nonce)
    assert claims["acr"] == "idporten-loa-high"


async def test_cancelled_login_is_refused(make_rp, http, dev) -> None:
    rp = make_rp()
    request = await rp.authorization_request(locale="en")
    q = _query(request.url)
    answer = await http.post(f"{dev.issuer}/authorize", data={**q, "cancel": "1"})
    params = _query(answer.headers["location"])
    assert params["error"] == "access_denied"
    with pytest.raises(LoginRefused, match="access_denied"):
        rp.code_from_callback(params, expected_state=request.state)


async def test_client_assertions_carry_client_id_and_live_at_most_120_seconds(
    make_rp, http, recorder, dev
) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    await rp.exchange_code(code, code_verifier=request.code_verifier)
    sent = recorder.to("/par") + recorder.to("/token")
    assert len(sent) == 2
    jtis = set()
    for r in sent:
        form = {k: v[0] for k, v in parse_qs(r.content.decode()).items()}
        assert form["client_id"] == "samordna"
        assert form["client_assertion_type"] == CLIENT_ASSERTION_TYPE
        token = jwt.decode(form["client_assertion"], rp._key)
        assert token.header["alg"] == "RS256"
        c = token.claims
        assert c["iss"] == c["sub"] == "samordna"
        assert c["aud"] == dev.issuer
        assert 0 < c["exp"] - c["iat"] <= 120
        jtis.add(c["jti"])
    assert len(jtis) == 2


async def test_replayed_authorization_code_is_refused(make_rp, http, dev) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    await rp.exchange_code(code, code_verifier=request.code_verifier)
    with pytest.raises(LoginRefused):
        await rp.exchange_code(code, code_verifier=request.code_verifier)
    raw = await http.post(
        f"{dev.issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": rp.redirect_uri,
            "code_verifier": request.code_verifier,
            "client_id": "samordna",
            "client_assertion_type": CLIENT_ASSERTION_TYPE,
            "client_assertion": rp.client_assertion(),
        },
    )
    assert raw.status_code == 400
    assert raw.json()["error"] == "invalid_grant"


async def test_wrong_pkce_verifier_is_refused(make_rp, http) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    with pytest.raises(LoginRefused):
        await rp.exchange_code(code, code_verifier="x" * 64)


async def test_token_request_without_client_id_parameter_is_refused(make_rp, http, dev) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    raw = await http.post(
        f"{dev.issuer}/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": rp.redirect_uri,
            "code_verifier": request.code_verifier,
            "client_assertion_type": CLIENT_ASSERTION_TYPE,
            "client_assertion": rp.client_assertion(),
        },
    )
    assert raw.status_code == 400
    assert raw.json()["error"] == "invalid_request"


async def test_id_token_from_rotated_key_is_accepted_after_refetch(
    make_rp, http, dev, recorder
) -> None:
    rp = make_rp()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    await rp.verify_id_token(
        await rp.exchange_code(code, code_verifier=request.code_verifier), nonce=request.nonce
    )
    new_kid = dev.rotate_signing_key()
    request, params = await _authorize(http, rp, "coordinator")
    code = rp.code_from_callback(params, expected_state=request.state)
    id_token = await rp.exchange_code(code, code_verifier=request.code_verifier)
    assert jwt.decode(id_token, dev.signing_key).header["kid"] == new_kid
    await rp.verify_id_token(id_token, nonce=request.nonce)
    assert len(recorder.to("/jwks")) == 2
