"""Free-text guard tests: street addresses, postcode + place, licence plates."""

from __future__ import annotations

import pytest

from domain.shared.free_text import Kind, check


def _found(text: str, kind: Kind) -> list[str]:
    return [f.matched for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    "street",
    ["Storgata 12", "Nordbyveien 14B", "Parkvegen 3 C", "Karl Johans gate 22", "Øvre Slottsgate 3"],
)
def test_street_addresses_are_found(street: str) -> None:
    assert _found(f"Familien bor i {street}, i andre etasje.", Kind.ADDRESS) == [street]


@pytest.mark.parametrize(
    "text",
    ["Sak 12 ble utsatt.", "Punkt 3 i handlingsplanen.", "Storgata er stengt.", "Kapittel 4."],
)
def test_numbered_things_are_not_addresses(text: str) -> None:
    assert _found(text, Kind.ADDRESS) == []


def test_postcode_and_place_is_found_even_when_it_looks_like_a_year() -> None:
    text = "Storgata 1, 2000 Lillestrøm; familien bor i 2013 Skjetten; post 0150 Oslo."
    assert _found(text, Kind.POSTCODE_PLACE) == ["2000 Lillestrøm", "2013 Skjetten", "0150 Oslo"]


@pytest.mark.parametrize(
    "text",
    [
        "Ungdata 2024 viser en nedgang.",
        "Planen gjelder i 2026 Lillestrøm kommune.",
        "Handlingsplan 2026 Lillestrøm ble vedtatt.",
        "Vedtak KOG 12/2026 Oppfølging av planen.",
        "Tidspunkt 12:2026 Oslo",
    ],
)
def test_years_and_case_numbers_are_not_postcodes(text: str) -> None:
    assert _found(text, Kind.POSTCODE_PLACE) == []


@pytest.mark.parametrize("plate", ["AB 12345", "EL12345", "DN 98765", "BS-45678"])
def test_licence_plates_are_found(plate: str) -> None:
    assert _found(f"Bilen {plate} sto parkert.", Kind.LICENCE_PLATE) == [plate]


@pytest.mark.parametrize(
    "text", ["Vedtak KOG 12/2026.", "Beløp NOK 12345.", "kr 12345", "SLT 2026", "AB 123456"]
)
def test_case_numbers_and_amounts_are_not_plates(text: str) -> None:
    assert _found(text, Kind.LICENCE_PLATE) == []


def test_an_abbreviation_shaped_like_a_plate_is_kept_with_a_low_score() -> None:
    (finding,) = [f for f in check("Se NR 12345.").findings if f.kind is Kind.LICENCE_PLATE]
    assert finding.score < 0.5
