"""Free-text guard tests: identity numbers (mod-11, D-, H- and synthetic numbers, the 2032 rule)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bench.guard_fill import synthetic_2032, synthetic_d
from domain.shared.free_text import Kind, check
from domain.shared.free_text import identity as ident
from domain.shared.identity_number import (
    checksums_valid,
    control_digits,
    first_synthetic,
    k1_remainder,
    synthetic,
)

NUMBER = first_synthetic(date(2011, 4, 3))  # 03841150006
BIRTHS = st.dates(min_value=date(1900, 1, 1), max_value=date(2039, 12, 31))
# No digits: an embedding that adds digits next to the number makes it another number.
AROUND = st.text(alphabet=st.characters(exclude_categories=("Nd", "Cs")), max_size=40)


def _ids(text: str) -> list[tuple[int, int, float]]:
    return [
        (f.start, f.end, f.score) for f in check(text).findings if f.kind is Kind.IDENTITY_NUMBER
    ]


@pytest.mark.parametrize(
    "written", [NUMBER, f"{NUMBER[:6]} {NUMBER[6:]}", f"{NUMBER[:6]}-{NUMBER[6:]}"]
)
def test_a_number_is_found_with_or_without_a_space_after_the_birth_date(written: str) -> None:
    text = f"Fnr. {written} ble oppgitt."
    assert _ids(text) == [(5, 5 + len(written), ident.SCORE_VALID)]


def test_a_failed_checksum_lowers_the_score_but_keeps_the_match() -> None:
    wrong = NUMBER[:10] + str((int(NUMBER[10]) + 1) % 10)
    assert _ids(f"fnr {wrong}") == [(4, 15, ident.SCORE_DATE_ONLY)]


def test_an_impossible_date_with_valid_checksums_is_still_found() -> None:
    nine = "001350500"  # day 0, month 13
    controls = control_digits(nine)
    assert controls is not None
    number = f"{nine}{controls[0]}{controls[1]}"
    assert _ids(number) == [(0, 11, ident.SCORE_CHECKSUM_ONLY)]
    wrong = number[:10] + str((int(number[10]) + 1) % 10)
    assert ident.score(wrong) == ident.SCORE_SHAPE_ONLY


def test_h_number_months_are_possible_dates() -> None:
    # month + 40 with a deliberately wrong checksum: a possible H-number date, never a real number
    assert ident.score("03441150000") == ident.SCORE_DATE_ONLY
    assert ident.score("03941150000") == ident.SCORE_SHAPE_ONLY  # month 94: no offset fits


@pytest.mark.parametrize("text", ["0384115000", "038411500061", "12,03841150006", "1.03841150006"])
def test_ten_or_twelve_digits_and_decimals_are_not_identity_numbers(text: str) -> None:
    assert _ids(text) == []


def test_the_2032_rule_accepts_k1_remainders_0_to_3() -> None:
    number = synthetic_2032(date(2011, 4, 3), random.Random(1))
    remainder = k1_remainder(number)
    assert remainder in (1, 2, 3)
    assert checksums_valid(number)
    assert not checksums_valid(number, rule_2032=False)
    assert _ids(number) == [(0, 11, ident.SCORE_VALID_2032)]


def test_k1_remainder_refuses_a_wrong_k2_and_bad_shapes() -> None:
    assert k1_remainder(NUMBER) == 0
    assert k1_remainder(NUMBER[:10] + str((int(NUMBER[10]) + 1) % 10)) is None
    assert k1_remainder("123") is None
    assert k1_remainder("0384115000x") is None


@given(
    born=BIRTHS, individual=st.integers(0, 999), before=AROUND, after=AROUND, spaced=st.booleans()
)
def test_every_valid_synthetic_number_embedded_anywhere_is_found_with_its_span(
    born: date, individual: int, before: str, after: str, spaced: bool
) -> None:
    try:
        number = synthetic(born, individual)
    except ValueError:
        assume(False)
        raise  # unreachable: assume(False) ends the example
    written = f"{number[:6]} {number[6:]}" if spaced else number
    text = f"{before}{written}{after}"
    assert (len(before), len(before) + len(written), ident.SCORE_VALID) in _ids(text)


@given(born=BIRTHS, seed=st.integers(0, 2**16), before=AROUND, after=AROUND)
def test_synthetic_d_numbers_and_2032_numbers_are_found_anywhere(
    born: date, seed: int, before: str, after: str
) -> None:
    rng = random.Random(seed)
    assume(born.year >= 2000)  # the generators use the 2000s individual numbers
    for number in (synthetic_d(born, rng), synthetic_2032(born, rng, d_number=True)):
        spans = [(s, e) for s, e, score in _ids(f"{before}{number}{after}") if score >= 0.95]
        assert (len(before), len(before) + 11) in spans


def test_a_number_followed_by_an_age_and_the_3_2_split_are_found() -> None:
    assert _ids(f"fnr {NUMBER} 14 år") == [(4, 15, ident.SCORE_VALID)]
    split = f"{NUMBER[:6]} {NUMBER[6:9]} {NUMBER[9:]}"
    assert _ids(f"({split})") == [(1, 14, ident.SCORE_VALID)]
