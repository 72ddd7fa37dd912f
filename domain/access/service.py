"""Access administration's use cases: grant, change and revoke accounts, register and revoke machine
clients, read the change log; each change is logged with who and when, in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID, uuid4

from domain.access.model import (
    AccessChange,
    Account,
    AccountExists,
    ChangeAction,
    LastUnitAdmin,
    MachineClient,
    check_client,
    check_identity_number,
    roles_of,
    scopes_of,
)
from domain.access.policies import can_administer_access, keeps_an_admin
from domain.access.ports import AccessUnitOfWork, AccessUnitOfWorkFactory, PersonKeys
from domain.shared import policies as pol
from domain.shared.changes import expect_version
from domain.shared.errors import Errors, Forbidden, ValidationFailed
from domain.shared.identity import AccessDirectory
from domain.shared.ports import Clock
from domain.shared.principal import Principal, Role

ACCOUNT_FIELDS = frozenset({"roles", "person_id"})
CHANGES_MAX = 200
LAST_ADMIN = "You are the unit's last unit admin: give another person the role first."


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitChoice:
    """A unit the caller may switch to."""

    id: UUID
    name: str


class AccessService:
    def __init__(
        self,
        uow_factory: AccessUnitOfWorkFactory,
        keys: PersonKeys,
        directory: AccessDirectory,
        clock: Clock,
    ) -> None:
        self._uow = uow_factory
        self._keys = keys
        self._directory = directory
        self._clock = clock

    def _admin(self, p: Principal) -> AccessUnitOfWork:
        pol.require(can_administer_access(p), "administer access to this unit")
        return self._uow(p.unit_id)

    def _log(self, p: Principal, action: ChangeAction, **what: Any) -> AccessChange:
        return AccessChange(
            id=uuid4(),
            at=self._clock.now(),
            action=action,
            actor_person_id=p.person_id,
            actor_name=p.display_name,
            **what,
        )

    @staticmethod
    async def _still_admin(uow: AccessUnitOfWork, p: Principal) -> None:
        # Checked again under the lock: an admin whose role a parallel request just removed
        # must not go on to remove someone else's.
        me = await uow.accounts.by_person_key(p.subject_key)
        if me is None or not me.is_admin:
            raise Forbidden("You may no longer administer access to this unit.")

    # -- the unit switcher ---------------------------------------------------------------------

    async def units(self, p: Principal) -> Sequence[UnitChoice]:
        """The units the caller has access to (a machine: its one unit)."""
        if not p.is_person:
            return [UnitChoice(id=p.unit_id, name=p.unit_name)]
        accounts = await self._directory.accounts_for(p.subject_key)
        return [UnitChoice(id=a.unit_id, name=a.unit_name) for a in accounts]

    # -- accounts ------------------------------------------------------------------------------

    async def accounts(self, p: Principal) -> Sequence[Account]:
        async with self._admin(p) as uow:
            return await uow.accounts.list()

    async def account(self, p: Principal, id: UUID) -> Account:
        async with self._admin(p) as uow:
            return await uow.accounts.get(id)

    async def _person_name(
        self, uow: AccessUnitOfWork, errors: Errors, person_id: UUID | None
    ) -> str | None:
        if person_id is None:
            return None
        name = await uow.person_name(person_id)
        if name is None:
            errors.add("personId", "unknown", "No such person in this unit.")
        return name

    async def grant(
        self,
        p: Principal,
        *,
        identity_number: str,
        roles: Sequence[str],
        person_id: UUID | None = None,
    ) -> Account:
        """Give a person (by national identity number) roles in the unit."""
        errors = Errors()
        check_identity_number(errors, identity_number)
        granted = roles_of(errors, roles, person_id=person_id)
        async with self._admin(p) as uow:
            name = await self._person_name(uow, errors, person_id)
            errors.raise_if_any()
            key = self._keys.key(identity_number.strip())
            if await uow.accounts.by_person_key(key) is not None:
                raise AccountExists(
                    "That person already has access to the unit; change their roles."
                )
            account = Account(
                id=uuid4(),
                unit_id=p.unit_id,
                roles=granted,
                person_id=person_id,
                person_name=name,
                created_at=self._clock.now(),
            )
            await uow.accounts.add(account, key)
            await uow.changes.record(
                self._log(
                    p,
                    ChangeAction.ACCOUNT_GRANTED,
                    account_id=account.id,
                    target_name=name,
                    roles=tuple(sorted(granted)),
                )
            )
            await uow.commit()
        return account

    async def change(
        self, p: Principal, id: UUID, changes: Mapping[str, Any], expected_version: int | None
    ) -> Account:
        """Change an account's roles or linked person."""
        unknown = sorted(set(changes) - ACCOUNT_FIELDS)
        if unknown:
            raise ValidationFailed.single(unknown[0], "read-only", "This field cannot be changed.")
        async with self._admin(p) as uow:
            await uow.accounts.lock_admins()
            await self._still_admin(uow, p)
            current = await uow.accounts.get(id)
            expect_version(current.version, expected_version)
            person_id = changes.get("person_id", current.person_id)
            errors = Errors()
            roles = roles_of(
                errors, changes.get("roles", [r.value for r in current.roles]), person_id=person_id
            )
            name = await self._person_name(uow, errors, person_id)
            errors.raise_if_any()
            removes = current.is_admin and Role.UNIT_ADMIN not in roles
            if not keeps_an_admin(await uow.accounts.admin_count(), removes):
                raise LastUnitAdmin(LAST_ADMIN)
            new = replace(
                current,
                roles=roles,
                person_id=person_id,
                person_name=name,
                version=current.version + 1,
            )
            await uow.accounts.update(new, current.version)
            await uow.changes.record(
                self._log(
                    p,
                    ChangeAction.ROLES_CHANGED,
                    account_id=id,
                    target_name=name,
                    roles=tuple(sorted(roles)),
                )
            )
            await uow.commit()
        return new

    async def revoke(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        """Take a person's access to the unit away."""
        async with self._admin(p) as uow:
            await uow.accounts.lock_admins()
            await self._still_admin(uow, p)
            current = await uow.accounts.get(id)
            expect_version(current.version, expected_version)
            if not keeps_an_admin(await uow.accounts.admin_count(), current.is_admin):
                raise LastUnitAdmin(LAST_ADMIN)
            await uow.accounts.delete(id, current.version)
            await uow.changes.record(
                self._log(
                    p,
                    ChangeAction.ACCOUNT_REVOKED,
                    account_id=id,
                    target_name=current.person_name,
                    roles=tuple(sorted(current.roles)),
                )
            )
            await uow.commit()

    # -- machine clients -----------------------------------------------------------------------

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

    async def changes(self, p: Principal, limit: int = 50) -> Sequence[AccessChange]:
        """The newest changes first (at most ``CHANGES_MAX``)."""
        async with self._admin(p) as uow:
            return await uow.changes.latest(max(1, min(limit, CHANGES_MAX)))
