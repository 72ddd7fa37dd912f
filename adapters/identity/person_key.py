"""The person key: a keyed hash of the national identity number, so the raw number is never stored."""

from __future__ import annotations

import hashlib
import hmac


def person_key(secret: str, pid: str) -> str:
    """HMAC-SHA256 of the identity number under the server secret, hex. Stable per secret."""
    return hmac.new(secret.encode(), pid.strip().encode(), hashlib.sha256).hexdigest()


class HmacPersonKeys:
    """``PersonKeys``: the person key under this server's secret."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def key(self, identity_number: str) -> str:
        return person_key(self._secret, identity_number)
