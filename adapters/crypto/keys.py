"""Crypto room: the key configuration — data keys ``kid:base64,kid2:base64`` (newest first: the
first one encrypts, every one decrypts what it once encrypted) and the index key of the keyed
hash; parsed once, refused loudly when malformed (never echoing a key)."""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from dataclasses import dataclass, field

KEY_BYTES = 32  # AES-256
INDEX_KEY_MIN_BYTES = 32
KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


class KeyConfigError(ValueError):
    """The key configuration is unusable; the message names the part, never a key."""


def _decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(
            text.strip(), altchars=b"-_" if "-" in text or "_" in text else None, validate=True
        )
    except (binascii.Error, ValueError):
        raise KeyConfigError(f"{what} is not base64") from None


@dataclass(frozen=True, slots=True)
class KeyRing:
    """The data keys by id, the current one's id, and the index key."""

    current: str
    keys: dict[str, bytes] = field(repr=False)
    index_key: bytes = field(repr=False)

    @classmethod
    def parse(cls, data_keys: str, index_key: str) -> KeyRing:
        keys: dict[str, bytes] = {}
        order: list[str] = []
        for n, part in enumerate(p for p in data_keys.split(",") if p.strip()):
            kid, sep, encoded = part.strip().partition(":")
            if not sep or not KEY_ID.fullmatch(kid):
                raise KeyConfigError(f"data key {n + 1}: expected <key id>:<base64>")
            if kid in keys:
                raise KeyConfigError(f"data key id {kid!r} appears twice")
            key = _decode(encoded, f"data key {kid!r}")
            if len(key) != KEY_BYTES:
                raise KeyConfigError(f"data key {kid!r} must be {KEY_BYTES} bytes")
            keys[kid] = key
            order.append(kid)
        if not order:
            raise KeyConfigError("no data key configured (SAMORDNA_DATA_KEYS)")
        index = _decode(index_key, "the index key (SAMORDNA_INDEX_KEY)")
        if len(index) < INDEX_KEY_MIN_BYTES:
            raise KeyConfigError(f"the index key must be at least {INDEX_KEY_MIN_BYTES} bytes")
        return cls(current=order[0], keys=keys, index_key=index)


def new_key() -> str:
    """A fresh key, base64 (for configuration and the dev state directory)."""
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def new_data_keys(kid: str = "k1") -> str:
    return f"{kid}:{new_key()}"
