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
