"""Dev identity provider: its discovery documents (OpenID Connect for people, RFC 8414 for machines)."""

from __future__ import annotations

from typing import Any

from adapters.identity.devidp.model import ACR_VALUES, JWT_BEARER_GRANT
from adapters.identity.keys import ALLOWED_RSA_ALGS


def openid_configuration(issuer: str) -> dict[str, Any]:
    """As ID-porten publishes it: PAR required, PKCE S256, ``private_key_jwt``, ``iss`` in the answer."""
    i = issuer
    return {
        "issuer": i,
        "authorization_endpoint": f"{i}/authorize",
        "pushed_authorization_request_endpoint": f"{i}/par",
        "require_pushed_authorization_requests": True,
        "token_endpoint": f"{i}/token",
        "jwks_uri": f"{i}/jwks",
        "end_session_endpoint": f"{i}/endsession",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", JWT_BEARER_GRANT],
        "subject_types_supported": ["pairwise"],
        "scopes_supported": ["openid", "profile"],
        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "acr_values_supported": list(ACR_VALUES),
        "ui_locales_supported": ["nb", "nn", "en"],
        "authorization_response_iss_parameter_supported": True,
        "frontchannel_logout_supported": False,
    }


def authorization_server(issuer: str, machine_issuer: str) -> dict[str, Any]:
    """As Maskinporten publishes it: the JWT-bearer grant only; its issuer ends with a slash."""
    return {
        "issuer": machine_issuer,
        "token_endpoint": f"{issuer}/token",
        "jwks_uri": f"{issuer}/jwks",
        "grant_types_supported": [JWT_BEARER_GRANT],
        "token_endpoint_auth_signing_alg_values_supported": sorted(ALLOWED_RSA_ALGS),
    }
