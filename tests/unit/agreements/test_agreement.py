"""The agreement aggregate: dates, parties, the default review reminder and the derived status."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.agreements.agreement import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    clean_filename,
    default_review_on,
    months_before,
)
from domain.shared.errors import ValidationFailed

A, B = uuid4(), uuid4()


def agreement(**kw: object) -> Agreement:
    values: dict[str, object] = {
        "id": uuid4(),
        "unit_id": uuid4(),
        "kind": AgreementKind.COOPERATION,
        "title": "Samarbeidsavtale SLT",
        "party_ids": (A, B),
        "signed_on": date(2026, 1, 15),
        "valid_until": date(2029, 12, 31),
        "review_on": date(2029, 9, 30),
    } | kw
    return Agreement(**values)  # type: ignore[arg-type]


def codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


def test_a_valid_agreement_passes() -> None:
    agreement().check()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": " "}, ("title", "required")),
        ({"title": "x" * 201}, ("title", "too-long")),
        ({"title": "a\x00b"}, ("title", "control-characters")),
        ({"party_ids": (A,)}, ("partyIds", "too-few")),
        ({"party_ids": (A, A)}, ("partyIds", "duplicate")),
        ({"party_ids": tuple(uuid4() for _ in range(21))}, ("partyIds", "too-many")),
        ({"valid_until": date(2026, 1, 15)}, ("validUntil", "not-after-signed")),
        ({"valid_until": date(2025, 1, 1)}, ("validUntil", "not-after-signed")),
        ({"review_on": date(2030, 1, 1)}, ("reviewOn", "outside-period")),
        ({"review_on": date(2025, 12, 31)}, ("reviewOn", "outside-period")),
        ({"signed_on": None}, ("signedOn", "required")),
    ],
)
def test_rules(changes: dict[str, object], expected: tuple[str, str]) -> None:
    with pytest.raises(ValidationFailed) as exc:
        agreement(**changes).check()
    assert expected in codes(exc)


def test_status_follows_the_dates() -> None:
    a = agreement()
    assert a.status(date(2029, 9, 29)) is AgreementStatus.ACTIVE
    assert a.status(date(2029, 9, 30)) is AgreementStatus.DUE_FOR_REVIEW
    assert a.status(date(2029, 12, 31)) is AgreementStatus.DUE_FOR_REVIEW
    assert a.status(date(2030, 1, 1)) is AgreementStatus.EXPIRED


def test_default_review_is_three_months_before_expiry_never_before_signing() -> None:
    assert default_review_on(date(2026, 1, 1), date(2029, 12, 31)) == date(2029, 9, 30)
    assert default_review_on(date(2026, 1, 1), date(2026, 2, 1)) == date(2026, 1, 1)
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2028, 5, 31), 3) == date(2028, 2, 29)
    assert months_before(date(2026, 2, 15), 3) == date(2025, 11, 15)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("avtale.pdf", "avtale.pdf"),
        ("C:\\Users\\x\\Signert avtale.PDF", "Signert avtale.PDF"),
        ("../../etc/passwd", "passwd.pdf"),
        ('a"b\r\n.pdf', "ab.pdf"),
        ("", "avtale.pdf"),
        (None, "avtale.pdf"),
        ("...", "avtale.pdf"),
        ("x" * 500, "x" * 196 + ".pdf"),
    ],
)
def test_file_names_are_cleaned(raw: str | None, clean: str) -> None:
    assert clean_filename(raw) == clean
