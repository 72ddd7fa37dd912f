"""Agreement use cases on the fakes: authorisation, parties, review default, versions, uploads
that leave nothing behind when refused, and tenancy."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.agreements.agreement import AgreementKind, AgreementStatus, DocumentationStatus
from domain.agreements.agreements import AgreementChanges
from domain.agreements.document import UnsupportedDocument
from domain.agreements.filters import AgreementFilter
from domain.agreements.service import AgreementsService
from domain.organisation.model import Organisation, OrganisationType, SltUnit
from domain.shared.errors import Forbidden, NotFound, StaleVersion, ValidationFailed
from domain.shared.pagination import PageRequest
from domain.shared.principal import Principal
from tests.fakes import (
    FakeAgreementsStore,
    body_member,
    coordinator,
    machine,
    police_contact,
    steering_reader,
)
from tests.unit.agreements.conftest import PDF, organisation

Parties = tuple[Organisation, Organisation]


async def create(svc: AgreementsService, p: Principal, parties: Parties, **kw: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "kind": AgreementKind.POLICE_COUNCIL,
        "title": "Politirådsavtale 2026–2029",
        "party_ids": [o.id for o in parties],
        "signed_on": date(2026, 1, 15),
        "valid_until": date(2029, 12, 31),
    } | kw
    return await svc.create_agreement(p, **values)  # type: ignore[arg-type]


async def test_create_defaults(svc: AgreementsService, coord: Principal, parties: Parties) -> None:
    a = await create(svc, coord, parties)
    assert a.review_on == date(2029, 9, 30)
    assert a.documentation_status is DocumentationStatus.FINAL
    assert a.archive_worthy is True
    assert a.status(date(2026, 3, 14)) is AgreementStatus.ACTIVE
    assert (await svc.get_agreement(coord, a.id)) == a


async def test_police_council_needs_municipality_and_police(
    svc: AgreementsService, store: FakeAgreementsStore, unit: SltUnit, coord: Principal
) -> None:
    school = organisation(unit, "Nordby skole", OrganisationType.SCHOOL)
    nav = organisation(unit, "NAV", OrganisationType.NAV)
    store.put(school, nav)
    with pytest.raises(ValidationFailed) as exc:
        await create(svc, coord, (school, nav))
    assert {e.code for e in exc.value.errors} == {"municipality-missing", "police-missing"}
    a = await create(svc, coord, (school, nav), kind=AgreementKind.COOPERATION)
    assert a.kind is AgreementKind.COOPERATION


async def test_parties_of_another_unit_are_unknown(
    svc: AgreementsService, store: FakeAgreementsStore, other: SltUnit, coord: Principal,
    parties: Parties,
) -> None:  # fmt: skip
    theirs = organisation(other, "Sogndal kommune", OrganisationType.MUNICIPAL_ADMINISTRATION)
    store.put(theirs)
    with pytest.raises(ValidationFailed) as exc:
        await create(svc, coord, (parties[1], theirs))
    assert exc.value.errors[0].field == "partyIds" and exc.value.errors[0].code == "unknown"
    assert store.commits == 0


@pytest.mark.parametrize("who", [body_member, police_contact, steering_reader])
async def test_only_keepers_write(
    svc: AgreementsService, unit: SltUnit, coord: Principal, parties: Parties, who
) -> None:  # type: ignore[no-untyped-def]
    a = await create(svc, coord, parties)
    p = who(unit.id) if who is not body_member else who(unit.id, uuid4())
    with pytest.raises(Forbidden):
        await create(svc, p, parties)
    with pytest.raises(Forbidden):
        await svc.upload_document(p, a.id, PDF, "a.pdf", a.version)
    if who is not body_member:
        assert (await svc.get_agreement(p, a.id)).id == a.id


async def test_a_machine_without_scope_reads_nothing(svc: AgreementsService, unit: SltUnit) -> None:
    with pytest.raises(Forbidden):
        await svc.list_agreements(machine(unit.id, set()), AgreementFilter(), PageRequest())


async def test_update_versions_and_review_follow(
    svc: AgreementsService, coord: Principal, parties: Parties
) -> None:
    a = await create(svc, coord, parties)
    b = await svc.update_agreement(
        coord, a.id, AgreementChanges(valid_until=date(2030, 6, 30)), a.version
    )
    assert b.version == 2 and b.review_on == date(2030, 3, 30)  # a default follows the dates
    with pytest.raises(StaleVersion):
        await svc.update_agreement(coord, a.id, AgreementChanges(title="X"), a.version)
    c = await svc.update_agreement(coord, a.id, AgreementChanges(review_on=date(2029, 1, 1)), 2)
    d = await svc.update_agreement(coord, a.id, AgreementChanges(valid_until=date(2031, 1, 1)), 3)
    assert c.review_on == d.review_on == date(2029, 1, 1)  # a chosen one stays
    e = await svc.update_agreement(coord, a.id, AgreementChanges(review_on=None), 4)
    assert e.review_on == date(2030, 10, 1)


async def test_upload_download_and_a_refused_upload_writes_nothing(
    svc: AgreementsService, store: FakeAgreementsStore, coord: Principal, parties: Parties
) -> None:
    a = await create(svc, coord, parties)
    b = await svc.upload_document(coord, a.id, PDF, "signert.pdf", a.version)
    assert b.version == 2 and b.document is not None and b.document.size == len(PDF)
    info, content = await svc.download_document(coord, a.id)
    assert content == PDF and info.filename == "signert.pdf"
    commits = store.commits
    with pytest.raises(UnsupportedDocument):
        await svc.upload_document(coord, a.id, b"GIF89a", "signert.pdf", b.version)
    assert store.commits == commits
    assert (await svc.download_document(coord, a.id))[1] == PDF
    with pytest.raises(StaleVersion):
        await svc.upload_document(coord, a.id, PDF, "igjen.pdf", a.version)
    gone = await svc.remove_document(coord, a.id, b.version)
    assert gone.document is None
    with pytest.raises(NotFound):
        await svc.download_document(coord, a.id)


async def test_list_filters_on_derived_status(
    svc: AgreementsService, coord: Principal, parties: Parties
) -> None:
    await create(svc, coord, parties, title="Aktiv")
    await create(svc, coord, parties, title="Snart", valid_until=date(2026, 5, 1))
    await create(
        svc,
        coord,
        parties,
        title="Utløpt",
        signed_on=date(2020, 1, 1),
        valid_until=date(2024, 1, 1),
    )
    page = await svc.list_agreements(coord, AgreementFilter(), PageRequest())
    assert [a.title for a in page.items] == ["Utløpt", "Snart", "Aktiv"]
    for status, title in [
        (AgreementStatus.ACTIVE, "Aktiv"),
        (AgreementStatus.DUE_FOR_REVIEW, "Snart"),
        (AgreementStatus.EXPIRED, "Utløpt"),
    ]:
        page = await svc.list_agreements(coord, AgreementFilter(status=status), PageRequest())
        assert [a.title for a in page.items] == [title]


async def test_another_unit_sees_nothing(
    svc: AgreementsService, other: SltUnit, coord: Principal, parties: Parties
) -> None:
    a = await create(svc, coord, parties)
    await svc.upload_document(coord, a.id, PDF, None, a.version)
    them = coordinator(other.id)
    assert (await svc.list_agreements(them, AgreementFilter(), PageRequest())).total == 0
    for call in (
        svc.get_agreement(them, a.id),
        svc.download_document(them, a.id),
        svc.delete_agreement(them, a.id, 2),
    ):
        with pytest.raises(NotFound):
            await call


async def test_an_update_keeps_the_enums_typed(
    svc: AgreementsService, coord: Principal, parties: Parties
) -> None:
    a = await create(svc, coord, parties)
    changes = AgreementChanges(
        kind=AgreementKind.POLICE_COUNCIL, documentation_status=DocumentationStatus.IN_PROGRESS
    )
    b = await svc.update_agreement(coord, a.id, changes, a.version)
    assert type(b.kind) is AgreementKind
    assert type(b.documentation_status) is DocumentationStatus
