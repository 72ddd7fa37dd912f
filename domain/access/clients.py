"""Access domain room: machine clients — an organisation's machine tokens registered to act in
the unit within the scopes given, and revoked."""

from __future__ import annotations

from collections.abc import Sequence

from domain.access.base import AccessUseCases
from domain.access.model import ChangeAction, MachineClient, check_client, scopes_of
from domain.shared.changes import expect_version
from domain.shared.errors import Errors
from domain.shared.principal import Principal


class ClientUseCases(AccessUseCases):
    async def clients(self, p: Principal) -> Sequence[MachineClient]:
        async with self._admin(p) as uow:
            return await uow.clients.list()

    async def client(self, p: Principal, organisation_number: str) -> MachineClient:
        async with self._admin(p) as uow:
            return await uow.clients.get(organisation_number)

    async def register_client(
        self, p: Principal, *, organisation_number: str, name: str, scopes: Sequence[str]
    ) -> MachineClient:
        """Let an organisation's machine tokens act in the unit, within the scopes given."""
        errors = Errors()
        check_client(errors, organisation_number, name)
        allowed = scopes_of(errors, scopes)
        errors.raise_if_any()
        client = MachineClient(
            unit_id=p.unit_id,
            organisation_number=organisation_number,
            name=name.strip(),
            scopes=allowed,
            created_at=self._clock.now(),
        )
        async with self._admin(p) as uow:
            await uow.clients.add(client)
            await uow.changes.record(
                self._log(
                    p,
                    ChangeAction.CLIENT_REGISTERED,
                    target_name=client.name,
                    organisation_number=organisation_number,
                    scopes=tuple(sorted(allowed)),
                )
            )
            await uow.commit()
        return client

    async def revoke_client(
        self, p: Principal, organisation_number: str, expected_version: int | None
    ) -> None:
        async with self._admin(p) as uow:
            current = await uow.clients.get(organisation_number)
            expect_version(current.version, expected_version)
            await uow.clients.delete(organisation_number, current.version)
            await uow.changes.record(
                self._log(
                    p,
                    ChangeAction.CLIENT_REVOKED,
                    target_name=current.name,
                    organisation_number=organisation_number,
                    scopes=tuple(sorted(current.scopes)),
                )
            )
            await uow.commit()

    # -- the change log ------------------------------------------------------------------------
