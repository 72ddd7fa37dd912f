"""The access directory on PostgreSQL: accounts and machine clients looked up by exact key through
SECURITY DEFINER functions (the app role cannot list other units' rows), on the request's
connection. The functions are PL/pgSQL since migration 0005, so their plans are cached."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.connection import RequestConnections
from domain.shared.identity import MachineClient, PersonAccount
from domain.shared.principal import BodyRole, Role


def account_from_row(row: Any) -> PersonAccount:
    """A row of ``samordna_accounts_for`` (its ``unit_id`` may be named ``account_unit_id``)."""
    unit_id = getattr(row, "account_unit_id", None) or row.unit_id
    body_roles = row.body_roles if isinstance(row.body_roles, dict) else json.loads(row.body_roles)
    return PersonAccount(
        unit_id=unit_id,
        unit_name=row.unit_name,
        roles=frozenset(Role(r) for r in row.roles if r in Role._value2member_map_),
        person_id=row.person_id,
        display_name=row.display_name or "",
        body_roles={UUID(k): BodyRole(v) for k, v in body_roles.items()},
    )


_ACCOUNTS = sa.text("SELECT * FROM samordna_accounts_for(:k)")
_CLIENTS = sa.text("SELECT * FROM samordna_machine_clients(:c)")


class PgAccessDirectory:
    def __init__(self, engine: AsyncEngine | RequestConnections) -> None:
        self._db = engine if isinstance(engine, RequestConnections) else RequestConnections(engine)

    async def accounts_for(self, person_key: str) -> Sequence[PersonAccount]:
        rows = await self._db.first(lambda conn: conn.execute(_ACCOUNTS, {"k": person_key}))
        return [account_from_row(r) for r in rows]

    async def account(self, person_key: str, unit_id: UUID) -> PersonAccount | None:
        return next((a for a in await self.accounts_for(person_key) if a.unit_id == unit_id), None)

    async def machine_client(self, consumer_id: str) -> MachineClient | None:
        found = await self._db.first(lambda conn: conn.execute(_CLIENTS, {"c": consumer_id}))
        row = found.first()
        if row is None:
            return None
        return MachineClient(
            consumer_id=consumer_id,
            unit_id=row.unit_id,
            unit_name=row.unit_name,
            name=row.name,
            allowed_scopes=frozenset(row.scopes),
        )
