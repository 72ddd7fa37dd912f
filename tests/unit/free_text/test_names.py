"""Free-text guard tests: names of registered subjects, their variants, folding and fuzzy matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench import guard_pools as pools
from domain.shared.free_text import Kind, build, check
from domain.shared.free_text.fuzzy import fold, within_one_edit

REGISTER = ("Kari Nordmann", "Ola Jakob Hansen", "Åse Kjærstad", "Anne-Lise Berg")


def _names(text: str, register: tuple[str, ...] = REGISTER) -> list[str]:
    found = check(text, registered_names=register).findings
    return [f.matched for f in found if f.kind is Kind.REGISTERED_NAME]


@pytest.mark.parametrize(
    "mention",
    [
        "Kari Nordmann",
        "Ola Jakob Hansen",
        "Ola Hansen",
        "Jakob Hansen",
        "Hansen, Ola",
        "O. Hansen",
        "K. Nordmann",
        "Kari Nordmanns",
        "Kari Nordman",
        "Kari Nordmnan",
        "KARI NORDMANN",
        "kari nordmann",
        "Aase Kjaerstad",
        "Åse Kjærstad",
        "Anne-Lise Berg",
        "Anne Lise Berg",
    ],
)
def test_variants_of_a_registered_name_are_found_whole(mention: str) -> None:
    assert _names(f"Vi drøftet {mention} i dag.") == [mention]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kari har hatt fravær.", ["Kari"]),
        ("Karis mor var til stede.", ["Karis"]),
        ("Kontakt Kari i dag.", ["Kari"]),  # the word before a first name may begin the sentence
        ("Kari Olsen er politikontakt.", []),  # another Kari
        ("Per Nordmann er rektor.", []),  # another Nordmann
        ("Hun bor i Karl Jakobs gate 3.", []),  # a middle name inside another name
        ("kari var der.", []),  # a lower-case single word is prose
        ("Kary var der.", []),  # a single word must match exactly
        ("Vi ser per berg i dag.", []),  # not registered together
    ],
)
def test_single_names_are_found_only_when_not_part_of_another_name(
    text: str, expected: list[str]
) -> None:
    assert _names(text) == expected


def test_fuzzy_matches_score_below_exact_ones_and_full_names_highest() -> None:
    found = check("Kari Nordmann, Kari Nordman og Kari.", registered_names=REGISTER).findings
    assert [f.score for f in found] == [1.0, 0.85, 0.6]


def test_no_register_no_name_findings_and_a_prebuilt_index_is_taken_as_it_is() -> None:
    assert _names("Kari Nordmann", ()) == []
    index = build(REGISTER)
    found = check("Ola Hansen", registered_names=index).findings
    assert [f.matched for f in found] == ["Ola Hansen"]


def test_folding_and_one_edit() -> None:
    assert fold("Åse Kjærstad Ødegård Hélène") == "aase kjaerstad odegaard helene"
    assert within_one_edit("nordmann", "nordman")
    assert within_one_edit("nordmann", "nordmnan")
    assert within_one_edit("nordmann", "nordmenn")  # one substitution
    assert within_one_edit("nordmann", "nordmenner") is False
    assert within_one_edit("nordmann", "nrodmnan") is False
    assert within_one_edit("berg", "bergen") is False


@given(
    first=st.sampled_from(pools.FIRST_NAMES),
    last=st.sampled_from(pools.SURNAMES),
    before=st.sampled_from(["", "Vi drøftet ", "Saken om ", "(", "- "]),
    after=st.sampled_from(["", " i dag.", ", som", ")", "."]),
)
def test_every_registered_name_written_in_full_is_found_with_its_span(
    first: str, last: str, before: str, after: str
) -> None:
    name = f"{first} {last}"
    found = check(f"{before}{name}{after}", registered_names=(name,)).findings
    assert [(f.start, f.end, f.score) for f in found] == [
        (len(before), len(before) + len(name), 1.0)
    ]
