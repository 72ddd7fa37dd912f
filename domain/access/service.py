"""Access administration's use cases: grant, change and revoke accounts, register and revoke machine
clients, read the change log; each change is logged with who and when, in the same transaction.

``AccessService`` composes one class per aggregate (accounts, clients) over a shared base.
"""

from __future__ import annotations

from domain.access.accounts import LAST_ADMIN as LAST_ADMIN
from domain.access.accounts import AccountChanges as AccountChanges
from domain.access.accounts import AccountUseCases
from domain.access.accounts import UnitChoice as UnitChoice
from domain.access.base import CHANGES_MAX as CHANGES_MAX
from domain.access.clients import ClientUseCases


class AccessService(AccountUseCases, ClientUseCases):
    """Every use case of access administration, as the composition root wires it."""
