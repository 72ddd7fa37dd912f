"""Crypto room: ``AesGcmFieldCipher`` — each value sealed with AES-GCM under the current data key
and a random 96-bit nonce, the associated data binding it to its table, column and row (a value
copied to another row or column does not open), stored as ``len(kid) ‖ kid ‖ nonce ‖
ciphertext+tag``; any older key still opens what it sealed, so keys rotate value by value.
The identity number's index is HMAC-SHA256 under a separate key: equal numbers, equal index."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from adapters.crypto.keys import KeyRing

NONCE_BYTES = 12


class CipherError(Exception):
    """A sealed value that does not open: unknown key, tampered, or moved to another place.
    The message never carries the value."""


def associated_data(table: str, column: str, row_id: object) -> bytes:
    return f"samordna/{table}/{column}/{row_id}".encode()


class AesGcmFieldCipher:
    def __init__(self, ring: KeyRing) -> None:
        self._ring = ring
        self._aead = {kid: AESGCM(key) for kid, key in ring.keys.items()}

    @property
    def current_key_id(self) -> str:
        return self._ring.current

    def seal_bytes(self, plaintext: bytes, aad: bytes) -> bytes:
        kid = self._ring.current
        nonce = os.urandom(NONCE_BYTES)
        head = bytes([len(kid)]) + kid.encode()
        return head + nonce + self._aead[kid].encrypt(nonce, plaintext, aad)

    def open_bytes(self, sealed: bytes, aad: bytes) -> bytes:
        kid = self.key_id(sealed)
        start = 1 + len(kid)
        aead = self._aead.get(kid)
        if aead is None:
            raise CipherError(f"sealed with a key that is not configured ({kid!r})")
        nonce, body = sealed[start : start + NONCE_BYTES], sealed[start + NONCE_BYTES :]
        try:
            return aead.decrypt(nonce, body, aad)
        except InvalidTag:
            raise CipherError("a sealed value does not open here (tampered or moved)") from None

    @staticmethod
    def key_id(sealed: bytes) -> str:
        if len(sealed) < 2 or len(sealed) < 1 + sealed[0] + NONCE_BYTES + 16:
            raise CipherError("not a sealed value")
        try:
            return bytes(sealed[1 : 1 + sealed[0]]).decode("ascii")
        except UnicodeDecodeError:
            raise CipherError("not a sealed value") from None

    def seal(self, plaintext: str, table: str, column: str, row_id: object) -> bytes:
        return self.seal_bytes(plaintext.encode(), associated_data(table, column, row_id))

    def open(self, sealed: bytes, table: str, column: str, row_id: object) -> str:
        return self.open_bytes(bytes(sealed), associated_data(table, column, row_id)).decode()

    def is_current(self, sealed: bytes) -> bool:
        """Sealed under the current key (``samordna keys rotate`` re-seals the others)."""
        return self.key_id(bytes(sealed)) == self._ring.current

    # The domain's ``FieldCipher`` port: ``context`` is "table/column/row id".
    def encrypt(self, plaintext: str, *, context: str) -> bytes:
        return self.seal_bytes(plaintext.encode(), f"samordna/{context}".encode())

    def decrypt(self, stored: bytes, *, context: str) -> str:
        return self.open_bytes(bytes(stored), f"samordna/{context}".encode()).decode()

    def blind_index(self, value: str) -> str:
        return self.index(value).hex()

    def index(self, value: str) -> bytes:
        """The keyed hash a value is found by (32 bytes); never reversible without the key."""
        return hmac.new(self._ring.index_key, value.encode(), hashlib.sha256).digest()
