"""Access-log room (the guard's side): ``PgRegisteredNames`` — every subject and guardian name
of a unit's cases, opened by the field cipher in memory only, as the free-text guard's
``NameIndex``, cached per unit and rebuilt when the unit's ``case_registered_names_version``
(bumped by trigger on every subject and guardian write, migration 0011) has moved.

Each ``index`` asks one cheap question (the version) on the request's own connection, inside the
use case's transaction when a unit of work holds it (one connection, one transaction per request);
outside a request it opens a short transaction of its own. Names never reach a log line."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import UUID

from adapters.crypto.field_cipher import AesGcmFieldCipher
from adapters.postgres import connection as tx
from adapters.postgres.organisation.sql import Reader
from adapters.postgres.transaction import PgTransaction
from domain.shared.free_text.index import NameIndex, build

# The version and the row's xmin: a counter row removed and made again (a unit's register
# restored from a copy) starts its versions over, but never with the same xmin.
VERSION = (
    "SELECT coalesce((SELECT version::text || '/' || xmin::text"
    " FROM case_registered_names_version WHERE unit_id = $1), '0')"
)
SUBJECTS = "SELECT id, name_enc FROM case_subject WHERE unit_id = $1"
GUARDIANS = "SELECT id, name_enc FROM case_guardian WHERE unit_id = $1"


class PgRegisteredNames:
    """``RegisteredNames`` on PostgreSQL with an in-process cache keyed by the unit's version."""

    def __init__(self, connections: tx.RequestConnections, cipher: AesGcmFieldCipher) -> None:
        self._connections = connections
        self._cipher = cipher
        self._cache: dict[UUID, tuple[str, NameIndex]] = {}

    async def index(self, unit_id: UUID) -> NameIndex:
        async with self._reader(unit_id) as read:
            version = str(await read.value(VERSION, unit_id))
            cached = self._cache.get(unit_id)
            if cached is not None and cached[0] == version:
                return cached[1]
            names = [
                self._cipher.open(r["name_enc"], table, "name_enc", r["id"])
                for table, sql in (("case_subject", SUBJECTS), ("case_guardian", GUARDIANS))
                for r in await read.rows(sql, unit_id)
            ]
        index = build(names)
        self._cache[unit_id] = (version, index)
        return index

    @asynccontextmanager
    async def _reader(self, unit_id: UUID) -> AsyncIterator[Reader]:
        lease = tx.current_lease()
        if lease is not None and lease.holder is asyncio.current_task():
            # Inside the use case's unit of work: its transaction, already bound to the unit.
            yield Reader(await lease.connection())
            return
        async with PgTransaction(self._connections, unit_id) as t:
            yield Reader(t.conn)
