"""Meeting-norm compliance (a pure function): cases from the handbook's norms, then properties."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from domain.annual_wheel.norms import NormStatus, NormWarning, compliance, effective_norm, min_gap
from domain.organisation.model import Body, Level

Y = 2026


def monthly(*months: int, day: int = 10) -> list[date]:
    return [date(Y, m, day) for m in months]


def test_a_steering_group_on_track() -> None:
    c = compliance(4, held=monthly(2), planned=monthly(5, 9, 11), today=date(Y, 3, 1), year=Y)
    assert (c.status, c.held, c.planned, c.needed, c.warnings) == (NormStatus.OK, 1, 3, 0, ())


def test_fewer_planned_than_needed_is_at_risk_while_the_year_has_room() -> None:
    c = compliance(4, held=monthly(2), planned=monthly(9), today=date(Y, 3, 1), year=Y)
    assert (c.status, c.needed) == (NormStatus.AT_RISK, 2)
    assert c.warnings == (NormWarning.UNPLANNED,)


def test_when_the_remaining_calendar_cannot_hold_them_the_norm_is_missed() -> None:
    # Coordinating group, monthly norm: three held by December 10th leaves 9 for 22 days.
    c = compliance(12, held=monthly(1, 2, 3), planned=[], today=date(Y, 12, 10), year=Y)
    assert c.status is NormStatus.MISSED
    assert c.possible == 3 + 4  # at most weekly: 10, 17, 24 and 31 December
    assert NormWarning.UNREACHABLE in c.warnings


def test_planned_meetings_that_fit_the_year_count_even_if_dense() -> None:
    planned = [date(Y, 12, d) for d in range(20, 24)]
    c = compliance(4, held=[], planned=planned, today=date(Y, 12, 19), year=Y)
    assert c.status is NormStatus.OK


def test_a_past_year_short_of_the_norm_is_missed_and_one_that_reached_it_ok() -> None:
    held = monthly(2, 5, 9)
    assert compliance(4, held, [], date(Y + 1, 1, 5), Y).status is NormStatus.MISSED
    assert compliance(3, held, [], date(Y + 1, 1, 5), Y).status is NormStatus.OK


def test_a_future_year_counts_what_is_planned() -> None:
    c = compliance(4, [], monthly(2, 5), today=date(Y - 1, 11, 1), year=Y)
    assert (c.status, c.planned, c.needed) == (NormStatus.AT_RISK, 2, 2)


def test_planned_dates_that_passed_unrecorded_count_for_nothing_and_are_warned() -> None:
    c = compliance(4, held=[], planned=monthly(2, 5, 9, 11), today=date(Y, 6, 1), year=Y)
    assert (c.planned, c.unrecorded, c.status) == (2, 2, NormStatus.AT_RISK)
    assert c.warnings == (NormWarning.UNRECORDED, NormWarning.UNPLANNED)


def test_other_years_dates_are_ignored() -> None:
    c = compliance(4, held=[date(Y - 1, 12, 31)], planned=[date(Y + 1, 1, 1)], today=date(Y, 1, 1), year=Y)  # fmt: skip
    assert (c.held, c.planned) == (0, 0)


def test_no_norm_is_not_applicable() -> None:
    c = compliance(None, held=monthly(1), planned=[], today=date(Y, 12, 31), year=Y)
    assert (c.status, c.warnings, c.held) == (NormStatus.NOT_APPLICABLE, (), 1)


def test_the_norm_is_the_bodys_own_else_the_levels_default() -> None:
    def b(level: Level, norm: int | None = None) -> Body:
        return Body(id=uuid4(), unit_id=uuid4(), name="B", level=level, meeting_norm_per_year=norm)

    assert effective_norm(b(Level.STEERING)) == 4
    assert effective_norm(b(Level.COORDINATING)) == 12
    assert effective_norm(b(Level.EXECUTIVE)) is None
    assert effective_norm(b(Level.STEERING, 6)) == 6
    assert effective_norm(b(Level.EXECUTIVE, 10)) == 10


def test_the_densest_pace_is_weekly_unless_the_norm_is_denser() -> None:
    assert [min_gap(n) for n in (4, 12, 52, 100, 365)] == [7, 7, 7, 3, 1]


# Properties -------------------------------------------------------------------------------------

RANK = {NormStatus.OK: 2, NormStatus.AT_RISK: 1, NormStatus.MISSED: 0}
days = st.dates(min_value=date(Y - 1, 1, 1), max_value=date(Y + 1, 12, 31))
in_year = st.dates(min_value=date(Y, 1, 1), max_value=date(Y, 12, 31))
norms = st.integers(min_value=1, max_value=365)
dates_ = st.lists(days, max_size=40)


@given(norms, dates_, dates_, days)
def test_ok_exactly_when_held_and_planned_reach_the_norm(
    norm: int, held: list[date], planned: list[date], today: date
) -> None:
    c = compliance(norm, held, planned, today, Y)
    assert (c.status is NormStatus.OK) == (c.held + c.planned >= norm)
    assert c.needed == max(0, norm - c.held - c.planned)
    assert c.held == sum(1 for d in held if d.year == Y)
    assert c.planned + c.unrecorded == sum(1 for d in planned if d.year == Y)


@given(norms, dates_, dates_, days)
def test_missed_only_when_the_year_cannot_reach_it(
    norm: int, held: list[date], planned: list[date], today: date
) -> None:
    c = compliance(norm, held, planned, today, Y)
    if c.status is NormStatus.MISSED:
        assert c.possible < norm
        assert NormWarning.UNREACHABLE in c.warnings
    if today > date(Y, 12, 31):  # the year is over: nothing is at risk any more
        assert c.status in (NormStatus.OK, NormStatus.MISSED)
    assert (NormWarning.UNPLANNED in c.warnings) == (c.status is not NormStatus.OK)


@given(norms, dates_, dates_, days, in_year)
def test_one_more_meeting_held_never_makes_it_worse(
    norm: int, held: list[date], planned: list[date], today: date, extra: date
) -> None:
    before = compliance(norm, held, planned, today, Y)
    after = compliance(norm, [*held, extra], planned, today, Y)
    assert RANK[after.status] >= RANK[before.status]


@given(norms, dates_, dates_, days, in_year)
def test_one_more_meeting_planned_never_makes_it_worse(
    norm: int, held: list[date], planned: list[date], today: date, extra: date
) -> None:
    before = compliance(norm, held, planned, today, Y)
    after = compliance(norm, held, [*planned, extra], today, Y)
    assert RANK[after.status] >= RANK[before.status]


@given(norms, dates_, dates_, days, st.integers(min_value=0, max_value=400))
def test_time_passing_never_makes_it_better(
    norm: int, held: list[date], planned: list[date], today: date, later: int
) -> None:
    before = compliance(norm, held, planned, today, Y)
    after = compliance(norm, held, planned, today + timedelta(days=later), Y)
    assert RANK[after.status] <= RANK[before.status]


@given(
    st.one_of(st.none(), norms), dates_, dates_, days, st.integers(min_value=1990, max_value=2110)
)
def test_it_warns_and_never_raises(
    norm: int | None, held: list[date], planned: list[date], today: date, year: int
) -> None:
    c = compliance(norm, held, planned, today, year)
    assert c.held >= 0 and c.planned >= 0 and c.needed >= 0
    assert (c.status is NormStatus.NOT_APPLICABLE) == (norm is None)
