"""Access domain room: the base of access administration's use cases (an admin's unit of work,
the change log written in the same transaction, and read back)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import uuid4

from domain.access.model import AccessChange, ChangeAction
from domain.access.policies import can_administer_access
from domain.access.ports import AccessUnitOfWork, AccessUnitOfWorkFactory, PersonKeys
from domain.shared import policies as pol
from domain.shared.errors import Forbidden
from domain.shared.identity import AccessDirectory
from domain.shared.ports import Clock
from domain.shared.principal import Principal

CHANGES_MAX = 200


class AccessUseCases:
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

    # -- the change log ------------------------------------------------------------------------

    async def changes(self, p: Principal, limit: int = 50) -> Sequence[AccessChange]:
        """The newest changes first (at most ``CHANGES_MAX``)."""
        async with self._admin(p) as uow:
            return await uow.changes.latest(max(1, min(limit, CHANGES_MAX)))
