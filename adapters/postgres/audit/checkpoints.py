"""Access-log room: signed checkpoints — the chain's head (position, hash) signed with Ed25519,
kept in ``access_log_checkpoint`` and exported as a JSON file outside the database, so a tail cut
off the chain (entries and links removed together) is found by ``verify``."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.audit.driver import driver
from adapters.postgres.audit.verifier import Checkpoint

HEAD = "SELECT position, hash FROM access_log_chain ORDER BY position DESC LIMIT 1"
KEEP = (
    "INSERT INTO access_log_checkpoint (position, head_hash, signature, key_id, at)"
    " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (position) DO NOTHING"
)
PREFIX = b"samordna-access-log-checkpoint\n"


def signing_key(raw: bytes) -> Ed25519PrivateKey:
    """The Ed25519 key from its 32 raw bytes (``SAMORDNA_AUDIT_SIGNING_KEY``, base64)."""
    return Ed25519PrivateKey.from_private_bytes(raw)


def new_key_bytes() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes_raw()


def _message(position: int, head: bytes) -> bytes:
    return PREFIX + position.to_bytes(8, "big") + head


@dataclass(frozen=True, slots=True)
class Signer:
    key: Ed25519PrivateKey

    @property
    def public(self) -> bytes:
        return self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def key_id(self) -> str:
        return hashlib.sha256(self.public).hexdigest()[:16]

    def sign(self, position: int, head: bytes) -> bytes:
        return self.key.sign(_message(position, head))

    def valid(self, position: int, head: bytes, signature: bytes) -> bool:
        try:
            self.key.public_key().verify(signature, _message(position, head))
        except InvalidSignature:
            return False
        return True


async def write_checkpoint(engine: AsyncEngine, signer: Signer, folder: Path) -> Path | None:
    """Sign the chain's head, keep it in the database and as a file in ``folder``; None while
    the chain is empty."""
    async with driver(engine) as d:
        head = await d.fetchrow(HEAD)
        if head is None:
            return None
        position, digest, at = head["position"], bytes(head["hash"]), datetime.now(UTC)
        signature = signer.sign(position, digest)
        await d.execute(KEEP, position, digest, signature, signer.key_id, at)
    document = {
        "position": position,
        "headHash": digest.hex(),
        "at": at.isoformat(),
        "keyId": signer.key_id,
        "signature": base64.b64encode(signature).decode(),
    }
    return await asyncio.to_thread(_export, folder, document)


def _export(folder: Path, document: dict[str, object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"checkpoint-{document['position']:012d}.json"
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path


def read_checkpoints(folder: Path, signer: Signer) -> list[Checkpoint]:
    """Every checkpoint file in ``folder``, each checked against the configured key (one signed
    by another key, or altered, is ``valid=False``)."""
    found = []
    for path in sorted(folder.glob("checkpoint-*.json")):
        try:
            doc = json.loads(path.read_text())
            position, head = int(doc["position"]), bytes.fromhex(doc["headHash"])
            signature = base64.b64decode(doc["signature"])
        except (ValueError, KeyError, TypeError):
            found.append(Checkpoint(position=0, head_hash=b"", valid=False))
            continue
        found.append(Checkpoint(position, head, signer.valid(position, head, signature)))
    return found
