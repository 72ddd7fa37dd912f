"""Archive adapter tests room: kvitteringer built as the official XSD demands, parsed into receipts;
refusals and malformed answers without quoting the archive's text."""

from __future__ import annotations

import pytest
from lxml import etree

from adapters.archive.kvittering import InvalidKvittering, feil_id, parse_kvittering
from adapters.archive.schemas import KVITTERING_XSD, schema
from domain.archive.messages import Receipt
from domain.archive.ports import Rejected
from tests.archive_receiver import (
    ArchivedCase,
    ArchivedRegistration,
    feilmelding_xml,
    kvittering_xml,
)

CASE = ArchivedCase(system_id="0f4e2b8e-8b7e-4c39-9a55-0d2b9f1d6c11", year=2026, sequence=123)
REG = ArchivedRegistration(
    system_id="6a1d1f5c-2f43-4d8e-a4b1-1c9e2e7f3a22", number=45, key="agreement/x/registrering",
    xml=b"", files={},
)  # fmt: skip


def sample(**kw: object) -> bytes:
    args: dict[str, object] = {
        "mappe": CASE, "mappe_key": "agreement/x", "mappe_existing": False,
        "registration": REG, "registration_existing": False,
    }  # fmt: skip
    args.update(kw)
    body = kvittering_xml(**args)  # type: ignore[arg-type]
    assert schema(KVITTERING_XSD).validate(etree.fromstring(body)), schema(KVITTERING_XSD).error_log
    return body


def test_a_saksmappe_and_journalpost_kvittering() -> None:
    assert parse_kvittering(sample()) == Receipt(
        saksnummer="2026/123", journalpostnummer="45", mappe_system_id=CASE.system_id,
        registrering_system_id=REG.system_id, existing=False,
    )  # fmt: skip


def test_an_existing_registration_and_a_meeting_kvittering() -> None:
    receipt = parse_kvittering(
        sample(mappe_existing=True, registration_existing=True, saksmappe=False, journalpost=False)
    )
    assert receipt.existing and receipt.saksnummer is None and receipt.journalpostnummer is None
    assert receipt.mappe_system_id == CASE.system_id


def test_a_refusal_names_the_feil_id_only() -> None:
    body = feilmelding_xml("F-77", "Tittelen 'Ola Nordmann' er ugyldig")
    assert schema(KVITTERING_XSD).validate(etree.fromstring(body))
    with pytest.raises(Rejected) as err:
        parse_kvittering(body)
    assert err.value.reason == "mappeFeilet (feilId F-77)" and "Nordmann" not in str(err.value)
    assert feil_id(body) == "F-77" and feil_id(b"not xml") is None


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<x",
        b"<arkivmeldingKvittering/>",
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        b"<a>" * 10 + b"x" * (1024 * 1024),
    ],
)
def test_malformed_answers_are_refused_without_quoting_them(body: bytes) -> None:
    with pytest.raises(InvalidKvittering) as err:
        parse_kvittering(body)
    assert "passwd" not in str(err.value) and len(str(err.value)) < 300
