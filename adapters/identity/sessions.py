"""Server-side browser sessions in PostgreSQL (``web_session``): only hashes of the cookie and CSRF token are stored.

The id_token (it carries the pid) is kept only encrypted with AES-GCM under a key derived by HKDF
from the cookie value, which the database never sees: a database reader cannot recover it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.identity.session_rows import account
from adapters.postgres.connection import RequestConnections, fetch
from domain.shared.identity import PersonAccount

PENDING_TTL = timedelta(minutes=10)
SLIDE_EVERY = timedelta(minutes=1)


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def csrf_token_for(session: str) -> str:
    """The CSRF token is derived from the cookie value, so it never has to be stored in the clear."""
    mac = hmac.digest(session.encode(), b"samordna-csrf-v1", "sha256")  # HMAC-SHA256, one C call
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def _aead_key(session: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"samordna-session-id-token")
    return hkdf.derive(session.encode())


def _seal(session: str, plaintext: str) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_aead_key(session)).encrypt(nonce, plaintext.encode(), _hash(session).encode())
    return base64.b64encode(nonce + sealed).decode()


def _open(session: str, sealed: str) -> str | None:
    try:
        raw = base64.b64decode(sealed)
        plain = AESGCM(_aead_key(session)).decrypt(raw[:12], raw[12:], _hash(session).encode())
    except Exception:  # a corrupt or foreign blob just means "no hint for logout"
        return None
    return plain.decode()


@dataclass(frozen=True, slots=True, kw_only=True)
class ActiveSession:
    person_key: str
    unit_id: UUID | None
    acr: str | None
    csrf_token: str
    created_at: datetime
    expires_at: datetime


# The session and every account of its person in one statement: the request's only look-up before
# its use case. The accounts come through the definer function (the tables stay closed, ADR 0003).
# Sent on asyncpg directly (``connection.fetch``): prepared once per connection. The body roles
# come as text (asyncpg's C codec; ``session_rows`` parses each distinct text once).
_ACTIVE_WITH_ACCOUNTS = (
    "SELECT s.person_key, s.unit_id, s.acr, s.csrf_hash, s.created_at, s.last_seen_at,"
    " s.expires_at, a.unit_id AS account_unit_id, a.unit_name, a.roles, a.person_id,"
    " a.display_name, a.body_roles::text AS body_roles"
    " FROM web_session s LEFT JOIN LATERAL samordna_accounts_for(s.person_key)"
    " WITH ORDINALITY AS a ON true"
    " WHERE s.id_hash = $1 AND s.state = 'active' ORDER BY a.ordinality"
)


class PgSessionStore:
    """Pending login attempts and active sessions in one table, keyed by sha256 of the cookie value.

    Every statement runs on the request's connection (``RequestConnections``), one round trip each."""

    def __init__(
        self,
        engine: AsyncEngine | RequestConnections,
        *,
        idle: timedelta = timedelta(minutes=30),
        absolute: timedelta = timedelta(minutes=120),
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = engine if isinstance(engine, RequestConnections) else RequestConnections(engine)
        self._idle = idle
        self._absolute = absolute
        self._now = now

    async def create_pending(self, data: dict[str, Any]) -> str:
        handle = secrets.token_urlsafe(32)
        now = self._now()
        async with self._db.connect() as conn:
            await conn.execute(
                text("DELETE FROM web_session WHERE expires_at < :now"), {"now": now}
            )
            await conn.execute(
                text(
                    "INSERT INTO web_session (id_hash, state, data, created_at, last_seen_at,"
                    " expires_at) VALUES (:id, 'pending', CAST(:data AS jsonb), :now, :now, :exp)"
                ),
                {
                    "id": _hash(handle),
                    "data": json.dumps(data),
                    "now": now,
                    "exp": now + PENDING_TTL,
                },
            )
        return handle

    async def take_pending(self, handle: str) -> dict[str, Any] | None:
        """The login attempt, removed as it is read: a callback can complete it only once."""
        async with self._db.connect() as conn:
            row = (
                await conn.execute(
                    text(
                        "DELETE FROM web_session WHERE id_hash = :id AND state = 'pending'"
                        " RETURNING data, expires_at"
                    ),
                    {"id": _hash(handle)},
                )
            ).first()
        if row is None or row.expires_at <= self._now():
            return None
        data = row.data if isinstance(row.data, dict) else json.loads(row.data)
        return dict(data)

    async def create_active(
        self, *, person_key: str, unit_id: UUID | None, acr: str | None, id_token: str | None
    ) -> tuple[str, str]:
        """A new session; returns the cookie value and its CSRF token."""
        session = secrets.token_urlsafe(32)
        csrf = csrf_token_for(session)
        now = self._now()
        data = {"id_token_sealed": _seal(session, id_token)} if id_token else {}
        async with self._db.connect() as conn:
            await conn.execute(
                text(
                    "INSERT INTO web_session (id_hash, state, person_key, unit_id, csrf_hash, acr,"
                    " data, created_at, last_seen_at, expires_at) VALUES (:id, 'active', :pk,"
                    " :unit, :csrf, :acr, CAST(:data AS jsonb), :now, :now, :exp)"
                ),
                {
                    "id": _hash(session),
                    "pk": person_key,
                    "unit": unit_id,
                    "csrf": _hash(csrf),
                    "acr": acr,
                    "data": json.dumps(data),
                    "now": now,
                    "exp": min(now + self._idle, now + self._absolute),
                },
            )
        return session, csrf

    async def get_active(self, session: str) -> ActiveSession | None:
        """The live session, sliding its idle timeout (written at most once a minute)."""
        found = await self.get_active_with_accounts(session)
        return None if found is None else found[0]

    async def get_active_with_accounts(
        self, session: str
    ) -> tuple[ActiveSession, list[PersonAccount]] | None:
        """The live session and its person's accounts (oldest first), in one statement."""
        id_hash = _hash(session)
        rows = await self._db.first(lambda conn: fetch(conn, _ACTIVE_WITH_ACCOUNTS, id_hash))
        active = await self._alive(session, rows[0]) if rows else None
        if active is None:
            return None
        return active, [account(r) for r in rows if r["account_unit_id"] is not None]

    async def _alive(self, session: str, row: Any) -> ActiveSession | None:
        """``row``: an asyncpg record of ``_ACTIVE_WITH_ACCOUNTS``."""
        now = self._now()
        expires_at, created_at = row["expires_at"], row["created_at"]
        if expires_at <= now or created_at + self._absolute <= now:
            return None
        csrf = csrf_token_for(session)
        if not hmac.compare_digest(row["csrf_hash"] or "", _hash(csrf)):
            return None
        if now - row["last_seen_at"] >= SLIDE_EVERY:
            expires_at = min(now + self._idle, created_at + self._absolute)
            async with self._db.connect() as conn:
                await conn.execute(
                    text(
                        "UPDATE web_session SET last_seen_at = :now, expires_at = :exp"
                        " WHERE id_hash = :id"
                    ),
                    {"now": now, "exp": expires_at, "id": _hash(session)},
                )
        return ActiveSession(
            person_key=row["person_key"],
            unit_id=row["unit_id"],
            acr=row["acr"],
            csrf_token=csrf,
            created_at=created_at,
            expires_at=expires_at,
        )

    async def set_unit(self, session: str, unit_id: UUID) -> None:
        """The unit the session acts in from now on (the person's access there is checked first)."""
        async with self._db.connect() as conn:
            await conn.execute(
                text(
                    "UPDATE web_session SET unit_id = :unit WHERE id_hash = :id AND state = 'active'"
                ),
                {"unit": unit_id, "id": _hash(session)},
            )

    async def delete(self, session: str) -> tuple[bool, str | None]:
        """End the session; returns (existed, the decrypted id_token if one was kept)."""
        async with self._db.connect() as conn:
            row = (
                await conn.execute(
                    text(
                        "DELETE FROM web_session WHERE id_hash = :id AND state = 'active'"
                        " RETURNING data"
                    ),
                    {"id": _hash(session)},
                )
            ).first()
        if row is None:
            return False, None
        data = row.data if isinstance(row.data, dict) else json.loads(row.data)
        sealed = data.get("id_token_sealed")
        return True, _open(session, sealed) if isinstance(sealed, str) else None
