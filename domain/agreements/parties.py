"""Agreements domain room: who may be a party — organisations of the unit; a politirådsavtale is
between the municipality and the police (handbook 2.1), so it names both."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from domain.agreements.agreement import Agreement, AgreementKind
from domain.agreements.ports import AgreementsUnitOfWork
from domain.organisation.model import OrganisationType
from domain.shared.errors import Errors


async def check_parties(uow: AgreementsUnitOfWork, agreement: Agreement) -> None:
    found = await uow.organisations.get_many(list(agreement.party_ids))
    types: dict[UUID, OrganisationType] = {o.id: o.type for o in found}
    e = Errors()
    missing: Sequence[UUID] = [i for i in agreement.party_ids if i not in types]
    if missing:
        e.add("partyIds", "unknown", "No such organisation in this unit.")
    elif agreement.kind is AgreementKind.POLICE_COUNCIL:
        kinds = set(types.values())
        if OrganisationType.MUNICIPAL_ADMINISTRATION not in kinds:
            e.add("partyIds", "municipality-missing", "A politirådsavtale names the municipality.")
        if OrganisationType.POLICE not in kinds:
            e.add("partyIds", "police-missing", "A politirådsavtale names the police.")
    e.raise_if_any()
