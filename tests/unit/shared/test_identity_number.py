"""Unit tests of national identity number validation and the synthetic number generator."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.shared.identity_number import (
    NumberKind,
    control_digits,
    first_synthetic,
    is_synthetic,
    is_valid,
    parse,
    synthetic,
)

BIRTH_DATES = st.dates(min_value=date(1854, 1, 1), max_value=date(2039, 12, 31))


def _with_controls(first_nine: str) -> str:
    controls = control_digits(first_nine)
    assert controls is not None
    return f"{first_nine}{controls[0]}{controls[1]}"


def _usable(born: date, individual: int) -> str | None:
    try:
        return synthetic(born, individual)
    except ValueError:
        return None


@given(born=BIRTH_DATES, individual=st.integers(0, 999))
def test_every_generated_synthetic_number_validates(born: date, individual: int) -> None:
    number = _usable(born, individual)
    assume(number is not None)
    assert number is not None
    parsed = parse(number)
    assert parsed is not None
    assert parsed.kind is NumberKind.SYNTHETIC
    assert parsed.birth_date == born
    assert int(number[2:4]) == born.month + 80


@given(
    born=BIRTH_DATES,
    individual=st.integers(0, 999),
    position=st.integers(0, 10),
    delta=st.integers(1, 9),
)
def test_changing_one_digit_breaks_the_number(
    born: date, individual: int, position: int, delta: int
) -> None:
    number = _usable(born, individual)
    assume(number is not None)
    assert number is not None
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    # Mod 11 with these weights detects every single-digit change.
    assert not is_valid(changed)


def test_kinds_are_recognised() -> None:
    # Built here from a made-up date with synthetic-style offsets, never from real people.
    d_number = _with_controls("4189" + "82" + "123")  # day + 40 AND month + 80: synthetic D-number
    assert parse(d_number) is not None
    h_number = _with_controls("01" + "49" + "75" + "123")  # month + 40
    parsed = parse(h_number)
    assert parsed is not None
    assert parsed.kind is NumberKind.H_NUMBER
    assert parsed.birth_date == date(1975, 9, 1)


@pytest.mark.parametrize(
    "value",
    ["", "1234567890", "123456789012", "abcdefghijk", "00000000000"[:10] + "x"],
)
def test_malformed_values_are_refused(value: str) -> None:
    assert not is_valid(value)


def test_impossible_dates_are_refused() -> None:
    # 31st of the 14th month - checksum fine, date not.
    assert parse(_with_controls("31" + "94" + "80" + "123")) is None


def test_first_synthetic_skips_individual_numbers_without_controls() -> None:
    born = date(1982, 9, 3)
    number = first_synthetic(born)
    assert is_synthetic(number)
    assert parse(number) is not None


def test_individual_number_must_fit_the_century() -> None:
    with pytest.raises(ValueError, match="century"):
        synthetic(date(2005, 1, 1), 100)


def test_repr_hides_the_digits() -> None:
    parsed = parse(first_synthetic(date(1990, 1, 27)))
    assert parsed is not None
    assert parsed.value not in repr(parsed)
