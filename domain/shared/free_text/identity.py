"""Free-text guard room: national identity numbers (birth, D-, H- and synthetic numbers).

Eleven digits, or six and five with one space (or a hyphen) after the birth date, or the five
split 3-2 (the personal number and the control digits). A failed checksum
or an impossible date lowers the score; it never drops the match (PRIVACY.md § 4): a mistyped
number in minutes is still somebody's number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from domain.shared.free_text.findings import Finding, Kind
from domain.shared.identity_number import k1_remainder

_CANDIDATE = re.compile(r"(?<!\d)(?<!\d[,.])(\d{6})[ \u00a0-]?(\d{5}|\d{3}[ \u00a0]\d{2})(?!\d)")

SCORE_VALID = 1.0  # checksums valid before 2032, possible date
SCORE_VALID_2032 = 0.95  # K1 remainder 1-3 (only valid from 2032), possible date
SCORE_CHECKSUM_ONLY = 0.6  # checksums valid, impossible date
SCORE_DATE_ONLY = 0.5  # possible date, a checksum fails
SCORE_SHAPE_ONLY = 0.3  # eleven digits and nothing else


def _day_month(day: int, month: int) -> tuple[int, int] | None:
    """Day and month with the D-number (day + 40), H-number (month + 40) and synthetic (month + 80)
    offsets removed, or None when no offset gives a possible calendar day."""
    if day > 40:
        day -= 40
    if month > 80:
        month -= 80
    elif month > 40:
        month -= 40
    try:
        date(2000, month, day)  # a leap year: 29 February is possible
    except ValueError:
        return None
    return day, month


def score(digits: str) -> float:
    """How sure the guard is that eleven digits are an identity number."""
    possible_date = _day_month(int(digits[0:2]), int(digits[2:4])) is not None
    remainder = k1_remainder(digits)
    if remainder is not None and remainder <= 3:
        if not possible_date:
            return SCORE_CHECKSUM_ONLY
        return SCORE_VALID if remainder == 0 else SCORE_VALID_2032
    return SCORE_DATE_ONLY if possible_date else SCORE_SHAPE_ONLY


def recognise(text: str) -> Iterator[Finding]:
    for m in _CANDIDATE.finditer(text):
        yield Finding(
            kind=Kind.IDENTITY_NUMBER,
            start=m.start(),
            end=m.end(),
            matched=m.group(),
            score=score(m.group(1) + m.group(2).replace(" ", "").replace("\u00a0", "")),
        )
