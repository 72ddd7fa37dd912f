"""The free-text guard knows every name registered in the unit's cases (issue 11): minutes of a
coordinating body naming a registered subject or guardian — as written, a variant, one edit off —
are refused (422 with the finding's span, never the name), the same text without the name is
saved, a name registered in another unit does not block this one, and a name registered after
the guard last looked is known at the next save (the unit's version counter moved)."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import httpx
import pytest

from adapters.postgres.audit.log import PgAccessLog
from adapters.postgres.cases.uow import PgCasesUnitOfWorkFactory
from adapters.postgres.demo import DEMO_UNIT, OTHER_UNIT
from api import bootstrap
from api.settings import Settings
from domain.cases.subject import Guardian, Subject
from tests.api.meetings.support import drafting, etag, headers

SUBJECT, GUARDIAN, ELSEWHERE = "Ronja Fjellheim Skogly", "Halvard Skogly", "Tuva Bergerud"


async def register(
    container: bootstrap.Container, settings: Settings, unit: object, name: str, guardian: str
) -> None:
    """A subject with one guardian, written through the cases adapter (names sealed)."""
    factory = PgCasesUnitOfWorkFactory(
        container.connections, bootstrap.field_cipher(settings), PgAccessLog
    )
    subject = Subject(
        id=uuid4(),
        unit_id=unit,  # type: ignore[arg-type]
        name=name,
        birth_date=date(2011, 3, 14),
        guardians=(
            Guardian(id=uuid4(), name=guardian, parental_responsibility=True, relation="far"),
        ),
    )
    async with factory(unit) as uow:  # type: ignore[arg-type]
        await uow.subjects.add(subject)
        await uow.commit()


async def _save(client: httpx.AsyncClient, text: str) -> httpx.Response:
    h = await headers(client)
    mid, item, draft = await drafting(client, h)
    url = f"/api/meetings/{mid}/minutes/items/{item}"
    return await client.put(url, json={"openText": text}, headers={**h, **etag(draft)})


@pytest.mark.parametrize(
    "text",
    [
        "Ronja Fjellheim Skogly har hatt mye fravær.",
        "Skogly, Ronja møter ikke på skolen.",
        "Vi drøftet Ronja Skoglys fravær.",
        "Ronja Skogli uteble igjen.",
        "Halvard Skogly har ringt skolen.",
    ],
)
async def test_minutes_naming_a_registered_person_are_refused(
    client: httpx.AsyncClient, container: bootstrap.Container, settings: Settings, text: str
) -> None:
    await register(container, settings, DEMO_UNIT, SUBJECT, GUARDIAN)
    r = await _save(client, text)
    assert r.status_code == 422, r.text
    p = r.json()
    assert p["type"] == "/problems/personal-data-found"
    assert {f["kind"] for f in p["findings"]} == {"registered_name"}
    assert p["rule"]["code"] == "no-individual-cases"
    assert "Skogl" not in r.text  # spans only, never the name


async def test_the_same_text_without_the_name_is_saved(
    client: httpx.AsyncClient, container: bootstrap.Container, settings: Settings
) -> None:
    await register(container, settings, DEMO_UNIT, SUBJECT, GUARDIAN)
    r = await _save(client, "Eleven har hatt mye fravær; skolen følger opp.")
    assert r.status_code == 200, r.text


async def test_a_name_registered_in_another_unit_does_not_block(
    client: httpx.AsyncClient, container: bootstrap.Container, settings: Settings
) -> None:
    await register(container, settings, OTHER_UNIT, ELSEWHERE, "Marit Bergerud")
    r = await _save(client, "Tuva Bergerud ble nevnt som eksempel.")
    assert r.status_code == 200, r.text


async def test_a_name_registered_since_the_last_save_is_known(
    client: httpx.AsyncClient, container: bootstrap.Container, settings: Settings
) -> None:
    text = "Sindre Vaagland trenger et tilbud i sommer."
    assert (await _save(client, text)).status_code == 200
    await register(container, settings, DEMO_UNIT, "Sindre Vaagland", "Eli Vaagland")
    assert (await _save(client, text)).status_code == 422


async def test_a_measure_naming_a_registered_subject_is_refused(
    client: httpx.AsyncClient, container: bootstrap.Container, settings: Settings
) -> None:
    """The measures context screens with the unit too."""
    await register(container, settings, DEMO_UNIT, SUBJECT, GUARDIAN)
    h = await headers(client)
    good = {"title": "Oppfølging i friminuttene", "problem": "Utenforskap.", "tier": "indicated"}
    r = await client.post(
        "/api/measures", json={**good, "description": "Tiltaket er for Ronja Skogly."}, headers=h
    )
    assert r.status_code == 422, r.text
    assert {f["kind"] for f in r.json()["findings"]} == {"registered_name"}
    r = await client.post("/api/measures", json={**good, "description": "For elevene."}, headers=h)
    assert r.status_code == 201, r.text
