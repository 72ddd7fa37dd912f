"""Knowledge unit tests room: periods parse, print, start, end (exclusive), contain and step."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.knowledge.periods import Grain, Period, of_date
from domain.shared.errors import ValidationFailed


@pytest.mark.parametrize(
    ("text", "start", "end", "grain"),
    [
        ("2025", date(2025, 1, 1), date(2026, 1, 1), Grain.YEAR),
        ("2025H1", date(2025, 1, 1), date(2025, 7, 1), Grain.HALF),
        ("2025h2", date(2025, 7, 1), date(2026, 1, 1), Grain.HALF),
        ("2025Q1", date(2025, 1, 1), date(2025, 4, 1), Grain.QUARTER),
        (" 2025Q4 ", date(2025, 10, 1), date(2026, 1, 1), Grain.QUARTER),
    ],
)
def test_parse(text: str, start: date, end: date, grain: Grain) -> None:
    p = Period.parse(text)
    assert (p.start, p.end, p.grain) == (start, end, grain)
    assert str(p) == text.strip().upper()


@pytest.mark.parametrize(
    "text", ["", "25", "2025H3", "2025Q5", "2025Q0", "2025-1", "1899", "2101", "2025H1x", "x" * 99]
)
def test_bad_periods_are_refused(text: str) -> None:
    assert Period.try_parse(text) is None
    with pytest.raises(ValidationFailed) as e:
        Period.parse(text, "from")
    assert e.value.errors[0].field == "from" and e.value.errors[0].code == "format"


def test_contains_and_overlaps() -> None:
    year, h2, q3 = Period.parse("2025"), Period.parse("2025H2"), Period.parse("2025Q3")
    assert year.contains(h2) and h2.contains(q3) and not q3.contains(h2)
    assert year.contains(date(2025, 12, 31)) and not year.contains(date(2026, 1, 1))
    assert h2.overlaps(q3) and not Period.parse("2025H1").overlaps(q3)


def test_steps_and_order() -> None:
    assert str(Period.parse("2025H1").previous()) == "2024H2"
    assert str(Period.parse("2025Q4").next()) == "2026Q1"
    assert str(Period.parse("2025").previous()) == "2024"
    assert sorted(Period.parse(t) for t in ("2025H2", "2024", "2025H1")) == [
        Period.parse("2024"), Period.parse("2025H1"), Period.parse("2025H2"),
    ]  # fmt: skip
    assert Period.parse("2025H1").ended(date(2025, 7, 1))
    assert not Period.parse("2025H1").ended(date(2025, 6, 30))


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(Grain))
def test_every_day_lies_in_its_period_and_the_text_round_trips(day: date, grain: Grain) -> None:
    p = of_date(day, grain)
    assert p.contains(day) and Period.parse(str(p)) == p
    assert p.end > p.start and (p.end.month - p.start.month) % 12 == p.months % 12
