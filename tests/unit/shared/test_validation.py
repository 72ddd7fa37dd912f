"""The small reusable checks: organisation numbers (mod 11), text, e-mail, and the error accumulator."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.shared import validation as v
from domain.shared.errors import Errors, FieldError, ValidationFailed

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def control_digit(first_eight: str) -> int | None:
    """Independent reference: None when the remainder gives control 10 (no valid number)."""
    rest = sum(int(d) * w for d, w in zip(first_eight, WEIGHTS, strict=True)) % 11
    control = (11 - rest) % 11
    return None if control == 10 else control


first_eight = st.builds(
    lambda head, tail: head + "".join(map(str, tail)),
    st.sampled_from("89"),
    st.lists(st.integers(0, 9), min_size=7, max_size=7),
)


@pytest.mark.parametrize("number", ["974760673", "889640782", "923609016"])
def test_known_organisation_numbers_pass(number: str) -> None:
    # Brønnøysundregistrene, NAV, Equinor: real, public numbers.
    assert v.organisation_number_ok(number)


@given(first_eight)
def test_generated_valid_organisation_numbers_pass(head: str) -> None:
    control = control_digit(head)
    assume(control is not None)
    assert v.organisation_number_ok(f"{head}{control}")


@given(first_eight)
def test_no_control_digit_makes_a_remainder_one_prefix_valid(head: str) -> None:
    # Choose the eighth digit so that the control would have to be 10 (such prefixes are unused).
    dead = [p for d in "0123456789" if control_digit(p := head[:7] + d) is None]
    assume(dead)
    assert not any(v.organisation_number_ok(f"{dead[0]}{d}") for d in range(10))


@given(first_eight, st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_breaks_the_organisation_number(
    head: str, position: int, delta: int
) -> None:
    control = control_digit(head)
    assume(control is not None)
    number = f"{head}{control}"
    changed = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    assert changed != number
    assert not v.organisation_number_ok(changed)


@given(first_eight, st.integers(0, 7))
def test_swapping_neighbour_digits_is_caught_when_they_differ(head: str, i: int) -> None:
    control = control_digit(head)
    assume(control is not None)
    number = f"{head}{control}"
    assume(number[i] != number[i + 1])
    swapped = number[:i] + number[i + 1] + number[i] + number[i + 2 :]
    assert not v.organisation_number_ok(swapped)


@pytest.mark.parametrize(
    "number",
    [
        "",
        "97476067",  # 8 digits
        "9747606730",  # 10 digits
        "174760673",  # must start with 8 or 9
        "97476067a",
        " 974760673",
        "974 760 673",
        "９７４７６０６７３",  # full-width digits are not ASCII digits
    ],
)
def test_malformed_organisation_numbers_fail(number: str) -> None:
    assert not v.organisation_number_ok(number)


def test_text_required_and_length() -> None:
    e = Errors()
    v.text(e, "a", None, required=True, max_len=3)
    v.text(e, "b", "  ", required=True, max_len=3)
    v.text(e, "c", None, required=False, max_len=3)
    v.text(e, "d", "abc", required=True, max_len=3)
    v.text(e, "f", "abcd", required=False, max_len=3)
    assert [(i.field, i.code) for i in e.items] == [
        ("a", "required"),
        ("b", "required"),
        ("f", "too-long"),
    ]


def test_empty_email_and_phone_are_optional() -> None:
    e = Errors()
    v.email(e, "email", None)
    v.email(e, "email", "")
    v.phone(e, "phone", None)
    v.phone(e, "phone", "")
    assert e.items == []


def test_errors_accumulate_into_one_validation_failure() -> None:
    e = Errors()
    e.raise_if_any()  # nothing yet: no error
    e.add("name", "required", "This field is required.")
    e.add("phone", "invalid-phone", "Not a valid phone number.")
    with pytest.raises(ValidationFailed) as exc:
        e.raise_if_any()
    assert exc.value.errors == [
        FieldError(field="name", code="required", message="This field is required."),
        FieldError(field="phone", code="invalid-phone", message="Not a valid phone number."),
    ]
    assert "name: This field is required." in exc.value.detail
    assert exc.value.code == "validation-failed"


def test_validation_failed_single() -> None:
    exc = ValidationFailed.single("cursor", "invalid", "Bad.")
    assert [(e.field, e.code, e.message) for e in exc.errors] == [("cursor", "invalid", "Bad.")]
