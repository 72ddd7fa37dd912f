"""Access administration's ports: its own unit of work and repositories, and the person-key hash."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.access.model import AccessChange, Account, MachineClient


class PersonKeys(Protocol):
    """Turns a national identity number into the person key accounts are stored under (a keyed
    hash): the number itself is never stored or logged."""

    def key(self, identity_number: str) -> str: ...


class AccountRepository(Protocol):
    """The unit's accounts. ``get`` raises ``NotFound``; ``add`` raises ``AccountExists`` for a
    person key the unit already has; ``update``/``delete`` raise ``StaleVersion`` on a version
    mismatch and ``LastUnitAdmin`` when the database's own guard refuses."""

    async def list(self) -> Sequence[Account]: ...

    async def get(self, id: UUID) -> Account: ...

    async def by_person_key(self, person_key: str) -> Account | None: ...

    async def add(self, account: Account, person_key: str) -> None: ...

    async def update(self, account: Account, expected_version: int) -> None: ...

    async def delete(self, id: UUID, expected_version: int) -> None: ...

    async def lock_admins(self) -> None:
        """Serialise, until commit, every change to who administers this unit (parallel
        requests then see each other's result before they check the last-admin rule)."""
        ...

    async def admin_count(self) -> int: ...


class MachineClientRepository(Protocol):
    """The unit's machine clients, by organisation number. ``get`` raises ``NotFound``; ``add``
    raises ``ClientExists``; ``delete`` raises ``StaleVersion`` on a version mismatch."""

    async def list(self) -> Sequence[MachineClient]: ...

    async def get(self, organisation_number: str) -> MachineClient: ...

    async def add(self, client: MachineClient) -> None: ...

    async def delete(self, organisation_number: str, expected_version: int) -> None: ...


class AccessChangeLog(Protocol):
    """The unit's access log, newest first. Append-only."""

    async def record(self, change: AccessChange) -> None: ...

    async def latest(self, limit: int) -> Sequence[AccessChange]: ...


class AccessUnitOfWork(Protocol):
    """One transaction bound to one unit (row-level security applies). Leaving without
    ``commit`` rolls back."""

    @property
    def accounts(self) -> AccountRepository: ...

    @property
    def clients(self) -> MachineClientRepository: ...

    @property
    def changes(self) -> AccessChangeLog: ...

    async def person_name(self, person_id: UUID) -> str | None:
        """The staff person's name, or None when the unit has no such person."""
        ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...


class AccessUnitOfWorkFactory(Protocol):
    def __call__(self, unit_id: UUID) -> AccessUnitOfWork: ...
