"""The rules every entity obeys whatever door a value came through: no control characters in
text, no null in a required field; searches and cursors refuse what the database cannot take."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.organisation.filters import SEARCH_MAX, BodyFilter, OrganisationFilter, PersonFilter
from domain.organisation.model import Body, Establishment, Membership, Person, SltUnit
from domain.shared.errors import ValidationFailed
from domain.shared.pagination import Cursor, PageRequest
from domain.shared.principal import BodyRole
from domain.shared.validation import plain, storable

UNIT = uuid4()
PERSON = Person(id=uuid4(), unit_id=UNIT, name="Kari Nordmann")


def _errors(entity: object, *args: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as exc:
        entity.check(*args)  # type: ignore[attr-defined]
    return [(e.field, e.code) for e in exc.value.errors]


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800"])
def test_control_characters_and_lone_surrogates_are_not_plain(bad: str) -> None:
    assert not plain(f"a{bad}b")


@pytest.mark.parametrize("fine", ["tab\there", "line\nbreak", "crlf\r\n", "Æøå – «»", "😀"])
def test_tab_line_breaks_and_any_real_character_are_plain(fine: str) -> None:
    assert plain(fine)


def test_only_nul_and_surrogates_are_unstorable() -> None:
    assert storable("\x1b[2J") and not storable("a\x00") and not storable("\udc00")


@pytest.mark.parametrize("field", ["name", "title", "email", "phone"])
def test_every_text_field_of_an_entity_refuses_control_characters(field: str) -> None:
    person = dataclasses.replace(PERSON, **{field: "x\x00y"})
    assert (field, "control-characters") in _errors(person)


def test_a_null_in_a_required_field_is_named_once() -> None:
    body = Body(id=uuid4(), unit_id=UNIT, name=None, level=None, is_politiraad=None)  # type: ignore[arg-type]
    assert _errors(body) == [
        ("name", "required"),
        ("level", "required"),
        ("isPolitiraad", "required"),
    ]


def test_a_membership_without_a_start_says_so_instead_of_crashing() -> None:
    m = Membership(
        id=uuid4(),
        unit_id=UNIT,
        body_id=uuid4(),
        person_id=uuid4(),
        role=BodyRole.MEMBER,
        valid_from=None,  # type: ignore[arg-type]
        valid_to=date(2025, 1, 1),
    )
    assert _errors(m) == [("validFrom", "required")]


def test_a_unit_name_in_a_tuple_field_is_checked_too() -> None:
    unit = SltUnit(
        id=UNIT,
        name="Lillestrøm",
        kind="municipality",
        municipality_numbers=("32\x0005",),
        police_district="ost",  # type: ignore[arg-type]
    )
    assert ("municipalityNumbers", "control-characters") in _errors(unit)


@pytest.mark.parametrize("fte", ["NaN", "sNaN", "Infinity", "-Infinity", "0", "1.001"])
def test_the_coordinator_share_is_a_finite_share(fte: str) -> None:
    est = Establishment(unit_id=UNIT, coordinator_person_id=uuid4(), coordinator_fte=Decimal(fte))
    assert _errors(est, date(2025, 1, 1)) == [("coordinatorFte", "out-of-range")]


@pytest.mark.parametrize(("fte", "ok"), [("0.5", True), ("0.500000", True), ("0.3333", False)])
def test_the_coordinator_share_has_at_most_three_decimals(fte: str, ok: bool) -> None:
    est = Establishment(unit_id=UNIT, coordinator_person_id=uuid4(), coordinator_fte=Decimal(fte))
    if ok:
        est.check(date(2025, 1, 1))
    else:
        assert _errors(est, date(2025, 1, 1)) == [("coordinatorFte", "too-precise")]


@pytest.mark.parametrize("make", [OrganisationFilter, PersonFilter, BodyFilter])
def test_a_search_is_short_and_plain(make: type) -> None:
    make(q="k" * SEARCH_MAX)
    with pytest.raises(ValidationFailed) as exc:
        make(q="k" * (SEARCH_MAX + 1))
    assert [(e.field, e.code) for e in exc.value.errors] == [("q", "too-long")]
    with pytest.raises(ValidationFailed) as exc:
        make(q="ka\x00ri")
    assert [(e.field, e.code) for e in exc.value.errors] == [("q", "control-characters")]


@pytest.mark.parametrize(
    "cursor",
    [Cursor(key="kari\x00", id=str(uuid4())).encode(), "A" * 5000],
    ids=["nul-in-key", "too-long"],
)
def test_a_cursor_the_server_never_made_is_invalid(cursor: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        PageRequest.of(10, cursor)
    assert [(e.field, e.code) for e in exc.value.errors] == [("cursor", "invalid")]


def test_a_cursor_over_a_name_with_an_old_escape_still_works() -> None:
    token = Cursor(key="navn\x1b", id=str(uuid4())).encode()
    assert PageRequest.of(10, token).after is not None
