"""Access domain room: accounts — grant, change and revoke a person's roles in the unit; the unit
switcher lists the units the caller has accounts in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from uuid import UUID, uuid4

from domain.access.base import AccessUseCases
from domain.access.model import (
    Account,
    AccountExists,
    ChangeAction,
    LastUnitAdmin,
    check_identity_number,
    roles_of,
)
from domain.access.policies import keeps_an_admin
from domain.access.ports import AccessUnitOfWork
from domain.shared.changes import UNSET, Changes, Unset, expect_version
from domain.shared.errors import Errors
from domain.shared.principal import Principal, Role

LAST_ADMIN = "You are the unit's last unit admin: give another person the role first."


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitChoice:
    """A unit the caller may switch to."""

    id: UUID
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountChanges(Changes):
    roles: Sequence[str] | Unset = UNSET
    person_id: UUID | Unset | None = UNSET


class AccountUseCases(AccessUseCases):
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
        self, p: Principal, id: UUID, changes: AccountChanges, expected_version: int | None
    ) -> Account:
        """Change an account's roles or linked person."""
        async with self._admin(p) as uow:
            await uow.accounts.lock_admins()
            await self._still_admin(uow, p)
            current = await uow.accounts.get(id)
            expect_version(current.version, expected_version)
            person_id = current.person_id if changes.person_id is UNSET else changes.person_id
            sent_roles = changes.roles
            if sent_roles is UNSET:
                sent_roles = [r.value for r in current.roles]
            errors = Errors()
            roles = roles_of(errors, sent_roles, person_id=person_id)
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
