"""Small reusable checks that add field errors to an ``Errors`` accumulator."""

from __future__ import annotations

import re

from domain.errors import Errors

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9]{8,15}$")


def text(errors: Errors, field: str, value: str | None, *, required: bool, max_len: int) -> None:
    if value is None or not value.strip():
        if required:
            errors.add(field, "required", "This field is required.")
        return
    if len(value) > max_len:
        errors.add(field, "too-long", f"At most {max_len} characters.")


def email(errors: Errors, field: str, value: str | None) -> None:
    if value and not _EMAIL.match(value):
        errors.add(field, "invalid-email", "Not a valid e-mail address.")


def phone(errors: Errors, field: str, value: str | None) -> None:
    if value and not _PHONE.match(value.replace(" ", "")):
        errors.add(field, "invalid-phone", "Not a valid phone number (8 digits, optional +47).")


def organisation_number_ok(value: str) -> bool:
    """Norwegian organisation number: 9 digits, mod-11 control digit (weights 3 2 7 6 5 4 3 2)."""
    if not re.fullmatch(r"[89][0-9]{8}", value):
        return False
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    rest = sum(int(d) * w for d, w in zip(value[:8], weights, strict=True)) % 11
    control = 0 if rest == 0 else 11 - rest
    return control != 10 and control == int(value[8])
