"""Key material for the identity adapters: persisted RSA JWKs and a JWKS cache that refetches on unknown kid."""

from __future__ import annotations

import base64
import json
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from joserfc import jwk

ALLOWED_RSA_ALGS = frozenset({"RS256", "RS384", "RS512"})


def new_rsa_key(kid: str | None = None) -> jwk.RSAKey:
    key = jwk.RSAKey.generate_key(
        2048, parameters={"use": "sig", "alg": "RS256"}, private=True, auto_kid=kid is None
    )
    if kid is not None:
        key = jwk.RSAKey.import_key({**key.as_dict(private=True), "kid": kid})
    return key


def _write_private(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2)
    tmp.replace(path)


def load_rsa_key(path: Path) -> jwk.RSAKey:
    """A private RSA key from a JWK (JSON) or PEM file; a missing ``kid`` gets its thumbprint."""
    raw = path.read_bytes()
    if raw.lstrip().startswith(b"{"):
        key = jwk.RSAKey.import_key(json.loads(raw))
    else:
        key = jwk.RSAKey.import_key(raw)
    if not key.kid:
        key = jwk.RSAKey.import_key({**key.as_dict(private=True), "kid": key.thumbprint()})
    if not key.is_private:
        raise ValueError(f"{path} holds no private key")
    return key


def load_or_create_rsa_key(path: Path) -> jwk.RSAKey:
    """Generated once and kept as a JWK file, so restarts keep the same key."""
    if path.exists():
        return load_rsa_key(path)
    key = new_rsa_key()
    _write_private(path, key.as_dict(private=True))
    return key


def load_or_create_key_list(path: Path) -> list[jwk.RSAKey]:
    """A rotating list of signing keys (newest last), generated once and persisted."""
    if path.exists():
        return [jwk.RSAKey.import_key(k) for k in json.loads(path.read_text())["keys"]]
    keys = [new_rsa_key()]
    save_key_list(path, keys)
    return keys


def save_key_list(path: Path, keys: list[jwk.RSAKey]) -> None:
    _write_private(path, {"keys": [k.as_dict(private=True) for k in keys]})


def public_jwks(keys: list[jwk.RSAKey]) -> dict[str, Any]:
    return {"keys": [{**k.as_dict(private=False), "use": "sig", "alg": "RS256"} for k in keys]}


def unverified_header(token: str) -> dict[str, Any]:
    """The JOSE header of a compact JWS, parsed but NOT trusted (used to choose key and alg)."""
    try:
        segment = token.split(".")[0]
        padded = segment + "=" * (-len(segment) % 4)
        header = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, IndexError) as e:
        raise ValueError("malformed token header") from e
    if not isinstance(header, dict):
        raise ValueError("malformed token header")
    return header


class JwksCache:
    """An issuer's public keys. Refetched when a ``kid`` is unknown, at most once per
    ``refetch_interval`` seconds per unknown kid, so junk tokens cannot make us hammer the issuer."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        jwks_uri: Callable[[], Awaitable[str]],
        *,
        max_age: float = 24 * 3600,
        refetch_interval: float = 60,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._jwks_uri = jwks_uri
        self._max_age = max_age
        self._refetch_interval = refetch_interval
        self._monotonic = monotonic
        self._keys: dict[str, jwk.RSAKey] = {}
        self._fetched_at: float | None = None
        self._unknown_tried: dict[str, float] = {}

    async def _fetch(self) -> None:
        uri = await self._jwks_uri()
        response = await self._http.get(uri)
        response.raise_for_status()
        keys: dict[str, jwk.RSAKey] = {}
        for data in response.json().get("keys", []):
            if data.get("kty") != "RSA" or not data.get("kid") or data.get("use", "sig") != "sig":
                continue
            keys[data["kid"]] = jwk.RSAKey.import_key(data)
        self._keys = keys
        self._fetched_at = self._monotonic()

    async def key(self, kid: str) -> jwk.RSAKey | None:
        now = self._monotonic()
        if self._fetched_at is None or now - self._fetched_at > self._max_age:
            await self._fetch()
        if kid in self._keys:
            return self._keys[kid]
        last = self._unknown_tried.get(kid)
        if last is not None and now - last < self._refetch_interval:
            return None
        if len(self._unknown_tried) > 1000:
            self._unknown_tried.clear()
        self._unknown_tried[kid] = now
        await self._fetch()
        return self._keys.get(kid)
