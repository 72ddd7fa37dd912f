"""The development identity provider: an in-process OIDC (ID-porten profile) and JWT-grant (Maskinporten profile) server.

Real protocol, fake people: discovery, JWKS, PAR, a persona picker, the token endpoint with
authorization code + PKCE + ``private_key_jwt`` and the JWT-bearer grant, and RP-initiated logout.
Never mounted with production settings (the composition root and ``IdentityConfig`` see to that).
"""

from adapters.identity.devidp.model import (
    CLIENT_ASSERTION_TYPE,
    JWT_BEARER_GRANT,
    DevClient,
    OAuthError,
)
from adapters.identity.devidp.provider import DevIdentityProvider

__all__ = [
    "CLIENT_ASSERTION_TYPE",
    "JWT_BEARER_GRANT",
    "DevClient",
    "DevIdentityProvider",
    "OAuthError",
]
