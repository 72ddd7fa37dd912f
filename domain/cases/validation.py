"""Cases domain room: input rules shared by the use cases — subjects and guardians, identity
numbers (mod-11, D-numbers, synthetic numbers, the 2032 rule), case kinds and their ages and
lengths. Field errors name fields and rules, never a value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.cases.case import MAX_YEARS, YOUTH_AGE_MAX, YOUTH_AGE_MIN, YOUTH_KINDS, CaseKind
from domain.cases.changes import GuardianInput
from domain.cases.limits import (
    CASE_LENGTH_MAX_YEARS,
    CASE_START_FUTURE_YEARS,
    CASE_START_PAST_YEARS,
    EMAIL_MAX,
    GUARDIANS_MAX,
    NAME_MAX,
    PHONE_MAX,
    RELATION_MAX,
    SUBJECT_AGE_MAX_YEARS,
)
from domain.cases.subject import Guardian, age_on
from domain.shared import validation as v
from domain.shared.errors import Errors
from domain.shared.identity_number import checksums_valid, parse


def identity_number_ok(value: str) -> bool:
    """A valid identity number: birth, D-, H- or synthetic number, control digits by the rule in
    force (any K1 remainder 0-3 from 2032) and a real date."""
    if parse(value) is not None:
        return True
    if not checksums_valid(value, rule_2032=True):
        return False
    day, month = int(value[0:2]) % 40, int(value[2:4]) % 40
    return 1 <= day <= 31 and 1 <= month <= 12


def text(e: Errors, field: str, value: str | None, *, required: bool, max_len: int) -> None:
    v.text(e, field, value, required=required, max_len=max_len)
    v.characters(e, field, value)


def subject(
    e: Errors,
    name: str | None,
    birth_date: date | None,
    identity_number: str | None,
    today: date,
    prefix: str = "",
) -> None:
    text(e, f"{prefix}name", name, required=True, max_len=NAME_MAX)
    if birth_date is None:
        e.add(f"{prefix}birthDate", "required", "This field is required.")
    elif birth_date > today:
        e.add(f"{prefix}birthDate", "in-future", "The date cannot be in the future.")
    elif birth_date < _add_years(today, -SUBJECT_AGE_MAX_YEARS):
        e.add(f"{prefix}birthDate", "date-format", "Not a plausible birth date.")
    if identity_number is not None and not identity_number_ok(identity_number):
        e.add(f"{prefix}identityNumber", "invalid-identity-number", "Not a valid identity number.")


def guardians(e: Errors, items: Sequence[GuardianInput | Guardian], prefix: str = "") -> None:
    if len(items) > GUARDIANS_MAX:
        e.add(f"{prefix}guardians", "too-many", f"At most {GUARDIANS_MAX}.", {"max": GUARDIANS_MAX})
    ids = [g.id for g in items if g.id is not None]
    if len(ids) != len(set(ids)):
        e.add(f"{prefix}guardians", "duplicate", "A guardian is listed twice.")
    for i, g in enumerate(items):
        f = f"{prefix}guardians.{i}."
        text(e, f + "name", g.name, required=True, max_len=NAME_MAX)
        text(e, f + "relation", g.relation, required=True, max_len=RELATION_MAX)
        v.phone(e, f + "phone", g.phone, max_len=PHONE_MAX)
        v.email(e, f + "email", g.email, max_len=EMAIL_MAX)


def case_period(
    e: Errors,
    kind: CaseKind,
    start_on: date,
    end_on: date | None,
    birth_date: date,
    today: date | None = None,
) -> None:
    """Youth follow-up and youth sentence: 15-17 at start, within the maximum length. Any case:
    a start within sane years of ``today`` and at most ``CASE_LENGTH_MAX_YEARS`` long."""
    if today is not None and not (
        _add_years(today, -CASE_START_PAST_YEARS)
        <= start_on
        <= _add_years(today, CASE_START_FUTURE_YEARS)
    ):
        e.add("startOn", "date-format", "Not a plausible start date.")
        return
    if end_on is not None and end_on < start_on:
        e.add("endOn", "before-start", "The end date comes before the start date.")
    elif end_on is not None and end_on > _add_years(start_on, CASE_LENGTH_MAX_YEARS):
        e.add("endOn", "date-format", "Not a plausible end date.")
    if kind not in YOUTH_KINDS:
        return
    age = age_on(birth_date, start_on)
    if not YOUTH_AGE_MIN <= age <= YOUTH_AGE_MAX:
        e.add(
            "subject",
            "subject-age-out-of-range",
            f"The subject must be {YOUTH_AGE_MIN}-{YOUTH_AGE_MAX} on the start date.",
            {"min": YOUTH_AGE_MIN, "max": YOUTH_AGE_MAX},
        )
    years = MAX_YEARS[kind]
    if end_on is None:
        e.add("endOn", "required", f"A {kind.value} case has an end date.")
    elif end_on > _add_years(start_on, years):
        e.add("endOn", "case-too-long", f"At most {years} year(s).", {"maxYears": years})


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)
