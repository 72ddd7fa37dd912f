"""Free-text guard tests: phone numbers and e-mail addresses, and the look-alikes left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.shared.free_text import Kind, check


def _found(text: str, kind: Kind) -> list[str]:
    return [f.matched for f in check(text).findings if f.kind is kind]


@pytest.mark.parametrize(
    "phone",
    [
        "41234567",
        "4123 4567",
        "412 34 567",
        "41 23 45 67",
        "+47 41234567",
        "+4741234567",
        "0047 412 34 567",
        "22 33 44 55",
        "98765432",
        "41-23-45-67",
        "412.34.567",
        "+47-41234567",
        "4123-4567",
    ],
)
def test_common_groupings_and_prefixes_are_found(phone: str) -> None:
    assert _found(f"Mor kan nås på {phone}, etter kl. 16.", Kind.PHONE) == [phone]


def test_mobiles_score_above_fixed_lines_and_a_cue_or_prefix_above_both() -> None:
    scores = {
        text: check(text).findings[0].score
        for text in ("nr 41234567", "se 41234567", "se 22334455", "tlf. 22334455", "+47 22334455")
    }
    assert scores["se 41234567"] > scores["se 22334455"]
    assert scores["tlf. 22334455"] == scores["+47 22334455"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Budsjettet er kr 41250000 for 2026.",
        "Rammen er 41250000 kroner.",
        "Tilskudd: NOK 91500000.",
        "Kostnaden er 45 000 000 kroner.",
        "Kostnaden er 12 345 678.",
        "Leverandøren har org.nr. 912 345 678.",
        "Org.nr. 912345678.",
        "Vedtak KOG 12/2026 og sak 2026/1234.",
        "Møtet 12.03.2026 kl. 09.00–11.30.",
        "Kontonummer 1503.12.34567.",
        "Ring 12 34 56 78 90 hvis noe.",
        "Nummeret 01234567 og 81234567 er ikke personlige.",
        "Andelen var 41,234567 %.",
        "Møtet varte 12.30-14.00 og 2026-2027 er planperioden.",
        "Lister 41-23.45-67 blander skilletegn.",
    ],
)
def test_amounts_org_numbers_case_numbers_and_dates_are_not_phones(text: str) -> None:
    assert _found(text, Kind.PHONE) == []


def test_emails_are_found_but_functional_mailboxes_are_not() -> None:
    text = "Skriv til kari.nordmann@example.no, kopi postmottak@lillestrom.kommune.no og INFO@x.no."
    assert _found(text, Kind.EMAIL) == ["kari.nordmann@example.no"]


@pytest.mark.parametrize("written", ["kari (at) example.no", "kari[at]example.no", "ola(AT)x.no"])
def test_an_email_hidden_from_harvesters_is_found(written: str) -> None:
    assert _found(f"Skriv til {written} i dag.", Kind.EMAIL) == [written]
    assert _found("Skriv til post (at) example.no.", Kind.EMAIL) == []


def test_an_email_at_the_end_of_a_sentence_leaves_the_full_stop_out() -> None:
    assert _found("Svar går til ola+slt@eksempel.no.", Kind.EMAIL) == ["ola+slt@eksempel.no"]


@given(
    first=st.sampled_from("49"),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=7),
    shape=st.sampled_from([(8,), (4, 4), (3, 2, 3), (2, 2, 2, 2)]),
    prefix=st.sampled_from(["", "+47 ", "0047 ", "+47"]),
    before=st.sampled_from(["", "Ring ", "tlf. ", "(", "mobil: "]),
    after=st.sampled_from(["", ".", " i dag", ")", ", ellers"]),
)
def test_every_mobile_number_in_a_common_grouping_is_found_with_its_span(
    first: str, rest: str, shape: tuple[int, ...], prefix: str, before: str, after: str
) -> None:
    digits, groups, at = first + rest, [], 0
    for size in shape:
        groups.append(digits[at : at + size])
        at += size
    written = prefix + " ".join(groups)
    found = check(f"{before}{written}{after}").findings
    assert [(f.kind, f.start, f.end) for f in found] == [
        (Kind.PHONE, len(before), len(before) + len(written))
    ]
