"""Small reusable checks that add field errors to an ``Errors`` accumulator."""

from __future__ import annotations

import dataclasses
import re
import typing
from typing import Any

from domain.shared.errors import Errors

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9]{8,15}$")
# C0 and C1 control characters except tab, line feed and carriage return (a pasted CRLF line
# break), and lone surrogates: PostgreSQL refuses NUL, UTF-8 cannot carry a surrogate, and a
# terminal escape has no place in a name that ends up in logs, PDFs and mails.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
CONTROL_CHARACTERS = "control-characters"
CONTROL_MESSAGE = "Control characters are not allowed (tab and line breaks are)."


def camel(name: str) -> str:
    """Field errors name fields as both front doors spell them (camelCase), so clients map them 1:1."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: str) -> bool:
    """True when PostgreSQL can hold ``value`` as text: no NUL, no lone surrogate."""
    return _UNSTORABLE.search(value) is None


def plain(value: str) -> bool:
    """True when ``value`` holds no control characters (tab and line breaks aside)."""
    return _FORBIDDEN.search(value) is None


def characters(errors: Errors, field: str, value: str | None) -> None:
    if value is not None and not plain(value):
        errors.add(field, CONTROL_CHARACTERS, CONTROL_MESSAGE)


_NULLABLE: dict[type, frozenset[str]] = {}


def _nullable(cls: type) -> frozenset[str]:
    """The fields whose declared type admits None (read once per class)."""
    if cls not in _NULLABLE:
        hints = typing.get_type_hints(cls)
        _NULLABLE[cls] = frozenset(n for n, h in hints.items() if type(None) in typing.get_args(h))
    return _NULLABLE[cls]


def well_formed(errors: Errors, entity: Any) -> None:
    """The rules every field of every entity obeys, whichever door the value came through: a
    field whose type does not admit None is required, and text carries no control characters."""
    nullable = _nullable(type(entity))
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        if value is None and f.name not in nullable:
            errors.add(camel(f.name), "required", "This field is required.")
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str) and not plain(item):
                errors.add(camel(f.name), CONTROL_CHARACTERS, CONTROL_MESSAGE)
                break


def text(errors: Errors, field: str, value: str | None, *, required: bool, max_len: int) -> None:
    if value is None or not value.strip():
        if required:
            errors.add(field, "required", "This field is required.")
        return
    if len(value) > max_len:
        errors.add(field, "too-long", f"At most {max_len} characters.", {"max": max_len})


def email(errors: Errors, field: str, value: str | None, *, max_len: int | None = None) -> None:
    if value and not _EMAIL.match(value):
        errors.add(field, "invalid-email", "Not a valid e-mail address.")
    elif value and max_len is not None and len(value) > max_len:
        errors.add(field, "too-long", f"At most {max_len} characters.", {"max": max_len})


def phone(errors: Errors, field: str, value: str | None, *, max_len: int | None = None) -> None:
    if value and not _PHONE.match(value.replace(" ", "")):
        errors.add(field, "invalid-phone", "Not a valid phone number (8 digits, optional +47).")
    elif value and max_len is not None and len(value) > max_len:
        errors.add(field, "too-long", f"At most {max_len} characters.", {"max": max_len})


def organisation_number_ok(value: str) -> bool:
    """Norwegian organisation number: 9 digits, mod-11 control digit (weights 3 2 7 6 5 4 3 2)."""
    if not re.fullmatch(r"[89][0-9]{8}", value):
        return False
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    rest = sum(int(d) * w for d, w in zip(value[:8], weights, strict=True)) % 11
    control = 0 if rest == 0 else 11 - rest
    return control != 10 and control == int(value[8])
