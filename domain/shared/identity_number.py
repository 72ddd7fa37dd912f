"""Norwegian national identity numbers: validation and generation of SYNTHETIC test numbers only."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

_DAY_OFFSET_D = 40
_MONTH_OFFSET_H = 40
_MONTH_OFFSET_SYNTHETIC = 80


class NumberKind(enum.StrEnum):
    """Ordinary birth number, D-number (day + 40), H-number (month + 40), synthetic (month + 80)."""

    BIRTH_NUMBER = "birth_number"
    D_NUMBER = "d_number"
    H_NUMBER = "h_number"
    SYNTHETIC = "synthetic"


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentityNumber:
    """A parsed, checksum-valid identity number. ``repr`` hides the digits so logs never carry them."""

    value: str
    kind: NumberKind
    birth_date: date

    def __repr__(self) -> str:
        return f"IdentityNumber(kind={self.kind.value}, value=***********)"


def _control(digits: str, weights: tuple[int, ...]) -> int | None:
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    control = 0 if rest == 0 else 11 - rest
    return None if control == 10 else control


def control_digits(first_nine: str) -> tuple[int, int] | None:
    """K1 and K2 for the first nine digits, or None when either would be 10 (no valid number)."""
    if len(first_nine) != 9 or not first_nine.isdigit():
        raise ValueError("expected nine digits")
    k1 = _control(first_nine, K1_WEIGHTS)
    if k1 is None:
        return None
    k2 = _control(first_nine + str(k1), K2_WEIGHTS)
    if k2 is None:
        return None
    return k1, k2


def _century(year2: int, individual: int) -> int | None:
    """Century from the individual number (Skatteetaten's allocation rules)."""
    if individual <= 499:
        return 1900
    if individual <= 749 and year2 >= 54:
        return 1800
    if individual >= 900 and year2 >= 40:
        return 1900
    if year2 <= 39:
        return 2000
    return None


def parse(value: str) -> IdentityNumber | None:
    """The parsed number, or None when it is not a valid identity number (format, date or checksum)."""
    if len(value) != 11 or not value.isdigit():
        return None
    if control_digits(value[:9]) != (int(value[9]), int(value[10])):
        return None
    day, month, year2, individual = (
        int(value[0:2]),
        int(value[2:4]),
        int(value[4:6]),
        int(value[6:9]),
    )
    kind = NumberKind.BIRTH_NUMBER
    if day > _DAY_OFFSET_D:
        kind, day = NumberKind.D_NUMBER, day - _DAY_OFFSET_D
    if month > _MONTH_OFFSET_SYNTHETIC:
        kind, month = NumberKind.SYNTHETIC, month - _MONTH_OFFSET_SYNTHETIC
    elif month > _MONTH_OFFSET_H:
        if kind is NumberKind.D_NUMBER:
            return None
        kind, month = NumberKind.H_NUMBER, month - _MONTH_OFFSET_H
    century = _century(year2, individual)
    if century is None:
        return None
    try:
        born = date(century + year2, month, day)
    except ValueError:
        return None
    return IdentityNumber(value=value, kind=kind, birth_date=born)


def k1_remainder(value: str) -> int | None:
    """The remainder mod 11 of the K1 sum over eleven digits (the nine, K1 itself with weight 1).

    A number issued before 2032 leaves 0; from 2032 any of 0-3 is valid (Skatteetaten's new rule,
    so four K1 values per nine digits). None when ``value`` is not eleven digits or K2 is wrong.
    """
    if len(value) != 11 or not value.isdigit():
        return None
    digits = [int(d) for d in value]
    k2_sum = sum(d * w for d, w in zip(digits[:10], K2_WEIGHTS, strict=True)) + digits[10]
    if k2_sum % 11 != 0:
        return None
    return (sum(d * w for d, w in zip(digits[:9], K1_WEIGHTS, strict=True)) + digits[9]) % 11


def checksums_valid(value: str, *, rule_2032: bool = True) -> bool:
    """True when K1 and K2 hold; with ``rule_2032`` a K1 remainder of 0-3 counts, else only 0."""
    remainder = k1_remainder(value)
    return remainder is not None and remainder <= (3 if rule_2032 else 0)


def is_valid(value: str) -> bool:
    """True for any valid birth, D-, H- or synthetic number."""
    return parse(value) is not None


def is_synthetic(value: str) -> bool:
    parsed = parse(value)
    return parsed is not None and parsed.kind is NumberKind.SYNTHETIC


def _individual_range(year: int) -> range:
    if 1854 <= year <= 1899:
        return range(500, 750)
    if 1900 <= year <= 1999:
        return range(0, 500)
    if 2000 <= year <= 2039:
        return range(500, 1000)
    raise ValueError("birth year outside the ranges identity numbers cover (1854-2039)")


def synthetic(birth_date: date, individual: int) -> str:
    """The synthetic number (month + 80) for a birth date and individual number.

    Raises ``ValueError`` if the individual number does not fit the birth year's century or if
    the combination has no valid control digits (a remainder of 10): try the next individual number.
    """
    if individual not in _individual_range(birth_date.year):
        raise ValueError("individual number does not match the birth year's century")
    first_nine = (
        f"{birth_date.day:02d}{birth_date.month + _MONTH_OFFSET_SYNTHETIC:02d}"
        f"{birth_date.year % 100:02d}{individual:03d}"
    )
    controls = control_digits(first_nine)
    if controls is None:
        raise ValueError("no valid control digits for this individual number")
    return f"{first_nine}{controls[0]}{controls[1]}"


def first_synthetic(birth_date: date, start: int | None = None) -> str:
    """The synthetic number with the lowest usable individual number at or after ``start``."""
    allowed = _individual_range(birth_date.year)
    for individual in range(allowed.start if start is None else start, allowed.stop):
        try:
            return synthetic(birth_date, individual)
        except ValueError:
            continue
    raise ValueError("no usable individual number left for this birth date")
