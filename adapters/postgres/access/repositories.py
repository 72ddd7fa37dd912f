"""Access room: the repositories of access administration on PostgreSQL (accounts, machine clients
and the access log of one unit), on the unit of work's connection (``admin.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from domain.access.model import (
    AccessChange,
    Account,
    AccountExists,
    ChangeAction,
    ClientExists,
    LastUnitAdmin,
    MachineClient,
)
from domain.shared.errors import Conflict, DomainError, NotFound, StaleVersion
from domain.shared.principal import Role, Scope

_CONSUMER = "0192:"
_ACCOUNTS = """
    SELECT a.id, a.unit_id, a.roles, a.person_id, p.name AS person_name, a.version, a.created_at
      FROM user_account a
      LEFT JOIN person p ON p.unit_id = a.unit_id AND p.id = a.person_id
     WHERE a.unit_id = :u
"""


@lru_cache(maxsize=64)
def _text(sql: str) -> sa.TextClause:
    """Each statement's ``text()`` built once (the SQL comes from this module's constants)."""
    return sa.text(sql)


def constraint_error(exc: IntegrityError) -> DomainError:
    cause = getattr(exc.orig, "__cause__", None)
    name = getattr(cause, "constraint_name", None) or ""
    if name == "ck_unit_keeps_an_admin":
        return LastUnitAdmin("The unit would have no unit admin left.")
    if name == "user_account_unit_id_person_key_key":
        return AccountExists("That person already has access to the unit; change their roles.")
    if name == "machine_client_pkey":
        return ClientExists("That organisation is already a client of the unit.")
    return Conflict("The change conflicts with stored data.")


def _account(row: Any) -> Account:
    return Account(
        id=row.id,
        unit_id=row.unit_id,
        roles=frozenset(Role(r) for r in row.roles if r in Role._value2member_map_),
        person_id=row.person_id,
        person_name=row.person_name,
        version=row.version,
        created_at=row.created_at,
    )


def _client(row: Any) -> MachineClient:
    return MachineClient(
        unit_id=row.unit_id,
        organisation_number=row.consumer_id.removeprefix(_CONSUMER),
        name=row.name,
        scopes=frozenset(Scope(s) for s in row.scopes if s in Scope._value2member_map_),
        version=row.version,
        created_at=row.created_at,
    )


class _Part:
    def __init__(self, conn: AsyncConnection, unit_id: UUID) -> None:
        self.c = conn
        self.u = unit_id

    async def _run(self, sql: str, **params: Any) -> sa.CursorResult[Any]:
        try:
            return await self.c.execute(_text(sql), {"u": self.u, **params})
        except IntegrityError as exc:
            raise constraint_error(exc) from None


class PgAccountRepository(_Part):
    async def list(self) -> Sequence[Account]:
        rows = await self._run(_ACCOUNTS + " ORDER BY p.name NULLS LAST, a.created_at, a.id")
        return [_account(r) for r in rows]

    async def get(self, id: UUID) -> Account:
        row = (await self._run(_ACCOUNTS + " AND a.id = :id", id=id)).first()
        if row is None:
            raise NotFound("No such account in this unit.")
        return _account(row)

    async def by_person_key(self, person_key: str) -> Account | None:
        row = (await self._run(_ACCOUNTS + " AND a.person_key = :k", k=person_key)).first()
        return _account(row) if row is not None else None

    async def add(self, account: Account, person_key: str) -> None:
        await self._run(
            "INSERT INTO user_account (id, unit_id, person_key, person_id, roles, version)"
            " VALUES (:id, :u, :k, :p, :roles, :v)",
            id=account.id,
            k=person_key,
            p=account.person_id,
            roles=sorted(account.roles),
            v=account.version,
        )

    async def update(self, account: Account, expected_version: int) -> None:
        done = await self._run(
            "UPDATE user_account SET roles = :roles, person_id = :p, version = :v"
            " WHERE unit_id = :u AND id = :id AND version = :expected",
            id=account.id,
            roles=sorted(account.roles),
            p=account.person_id,
            v=account.version,
            expected=expected_version,
        )
        if done.rowcount != 1:
            raise StaleVersion("The account has changed since you read it.")

    async def delete(self, id: UUID, expected_version: int) -> None:
        done = await self._run(
            "DELETE FROM user_account WHERE unit_id = :u AND id = :id AND version = :expected",
            id=id,
            expected=expected_version,
        )
        if done.rowcount != 1:
            raise StaleVersion("The account has changed since you read it.")

    async def lock_admins(self) -> None:
        await self._run("SELECT samordna_lock_unit_admins(:u)")

    async def admin_count(self) -> int:
        row = await self._run(
            "SELECT count(*) FROM user_account WHERE unit_id = :u AND 'unit_admin' = ANY (roles)"
        )
        return int(row.scalar_one())


class PgMachineClientRepository(_Part):
    _SELECT = (
        "SELECT consumer_id, unit_id, name, scopes, version, created_at FROM machine_client"
        " WHERE unit_id = :u"
    )

    async def list(self) -> Sequence[MachineClient]:
        return [_client(r) for r in await self._run(self._SELECT + " ORDER BY name, consumer_id")]

    async def get(self, organisation_number: str) -> MachineClient:
        row = (
            await self._run(
                self._SELECT + " AND consumer_id = :c", c=_CONSUMER + organisation_number
            )
        ).first()
        if row is None:
            raise NotFound("No such machine client in this unit.")
        return _client(row)

    async def add(self, client: MachineClient) -> None:
        await self._run(
            "INSERT INTO machine_client (consumer_id, unit_id, name, scopes, version)"
            " VALUES (:c, :u, :name, :scopes, :v)",
            c=client.consumer_id,
            name=client.name,
            scopes=sorted(client.scopes),
            v=client.version,
        )

    async def delete(self, organisation_number: str, expected_version: int) -> None:
        done = await self._run(
            "DELETE FROM machine_client WHERE unit_id = :u AND consumer_id = :c"
            " AND version = :expected",
            c=_CONSUMER + organisation_number,
            expected=expected_version,
        )
        if done.rowcount != 1:
            raise StaleVersion("The machine client has changed since you read it.")


class PgAccessChangeLog(_Part):
    async def record(self, change: AccessChange) -> None:
        await self._run(
            "INSERT INTO access_change (id, unit_id, at, action, actor_person_id, actor_name,"
            " target_name, account_id, organisation_number, roles, scopes) VALUES (:id, :u, :at,"
            " :action, :actor, :actor_name, :target, :account, :org, :roles, :scopes)",
            id=change.id,
            at=change.at,
            action=change.action.value,
            actor=change.actor_person_id,
            actor_name=change.actor_name,
            target=change.target_name,
            account=change.account_id,
            org=change.organisation_number,
            roles=list(change.roles),
            scopes=list(change.scopes),
        )

    async def latest(self, limit: int) -> Sequence[AccessChange]:
        rows = await self._run(
            "SELECT * FROM access_change WHERE unit_id = :u ORDER BY at DESC, id LIMIT :n", n=limit
        )
        return [
            AccessChange(
                id=r.id,
                at=r.at,
                action=ChangeAction(r.action),
                actor_person_id=r.actor_person_id,
                actor_name=r.actor_name,
                target_name=r.target_name,
                account_id=r.account_id,
                organisation_number=r.organisation_number,
                roles=tuple(r.roles),
                scopes=tuple(r.scopes),
            )
            for r in rows
        ]
