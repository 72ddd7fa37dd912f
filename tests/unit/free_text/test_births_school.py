"""Free-text guard tests: dates of birth in Norwegian forms, and school + class."""

from __future__ import annotations

import pytest

from domain.shared.free_text import Kind, check


def _found(text: str, kind: Kind) -> list[str]:
    return [f.matched for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Jenta er født 03.04.2011.", "03.04.2011"),
        ("Gutten (f. 3. april 2011) deltok.", "3. april 2011"),
        ("Hun er født i 2011 og bor hjemme.", "2011"),
        ("Fødselsdato: 2011-04-03", "2011-04-03"),
        ("fødd 3.4.11 i Bergen", "3.4.11"),
        ("født 3/4-2011", "3/4-2011"),
        ("F. 3. apr. 2011", "3. apr. 2011"),
    ],
)
def test_cued_dates_of_birth_are_found_with_the_date_as_span(text: str, date: str) -> None:
    assert _found(text, Kind.DATE_OF_BIRTH) == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Møtet ble holdt 12.03.2026.",
        "Neste møte er 3. april 2026.",
        "Ordningen ble født i et møte i fjor.",
        "F.eks. 2011 var et godt år.",
        "Ungdata 2024.",
    ],
)
def test_meeting_dates_and_years_without_a_birth_cue_are_not_dates_of_birth(text: str) -> None:
    assert _found(text, Kind.DATE_OF_BIRTH) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "7B på Nordby skole",
        "9. klasse ved Kjelle ungdomsskole",
        "Vg2 ved Strømmen videregående skole",
        "10 C på Volla skole",
        "Nordby skole, 7B",
        "Vg1A ved Lillestrøm vgs",
        "sjuende klasse på Nordby skole",
    ],
)
def test_a_class_with_its_school_is_found(phrase: str) -> None:
    assert _found(f"Eleven går i {phrase} og trives.", Kind.SCHOOL_CLASS) == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Tiltaket gjelder 10. trinn ved Kjelle ungdomsskole.",
        "Rektor ved Nordby skole deltok.",
        "Det er 7 elever ved Nordby skole som deltar.",
        "Nordby skole har 300 elever.",
    ],
)
def test_a_year_group_or_a_school_alone_is_not_a_school_class(text: str) -> None:
    assert _found(text, Kind.SCHOOL_CLASS) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ola Brekke (31.03.2010) har flyttet.", [("31.03.2010", 0.6)]),
        ("Opplysninger: Ola, 3. april 2011, Storgata 1.", [("3. april 2011", 0.4)]),
        ("Møtet 12.03.2026 og neste 3. april 2027.", []),  # too recent to be a birth
        ("Avtalen fra 01.09.2018 ble signert 02.09.2018.", []),  # an event's date
        ("Arkivert 01.01.1900.", []),  # more than 100 years back
        ("Jenta er født 03.04.2011.", [("03.04.2011", 0.9)]),  # cued: reported once
    ],
)
def test_a_bare_date_counts_only_with_a_reference_year_and_old_enough(
    text: str, expected: list[tuple[str, float]]
) -> None:
    found = check(text, reference_year=2026).findings
    assert [(f.matched, f.score) for f in found if f.kind is Kind.DATE_OF_BIRTH] == expected


def test_without_a_reference_year_a_bare_date_is_not_a_date_of_birth() -> None:
    assert _found("Ola Brekke (31.03.2010) har flyttet.", Kind.DATE_OF_BIRTH) == []
