"""Trends test room: differencing attacks of our own on whole releases — totals minus published
cells, one table against the others sharing its totals, a revision, neighbouring periods — each
trying to narrow a primary-suppressed cell into fewer than four values, each failing."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from domain.knowledge.periods import Period
from domain.knowledge.vocab import AGE_BANDS
from domain.trends.model import Release
from domain.trends.system import LinearSystem
from tests.unit.trends.attacker import Attack, pinned_cells
from tests.unit.trends.support import Event, populations, release

H1, H2, YEAR = Period.parse("2025H1"), Period.parse("2025H2"), Period.parse("2025")
POPS = populations(
    {"nord": ("3201", 1200), "sor": ("3201", 1400), "lia": ("3203", 600)},
    {"3201": 4000, "3203": 2500},
)


def kids(
    n: int,
    category: str,
    area: str = "nord",
    band: str = "14-15",
    *,
    start: int = 0,
    day: date = date(2025, 2, 1),
    prefix: str = "c",
) -> list[Event]:
    return [Event(f"{prefix}{start + i:04d}", category, area, band, day) for i in range(n)]


class Blind:
    """A solver that sees no risk: the release as it would be without the audit."""

    def bounds(self, system: LinearSystem, variable: int) -> tuple[float, float | None]:
        return 0.0, None


def attack(*readings: tuple[str, Release]) -> Attack:
    a = Attack()
    for tag, rel in readings:
        for t in rel.tables:
            a.read(tag, t.json.content)
    return a


PINNABLE = kids(3, "violence") + kids(8, "theft", start=100)  # total 11 -> 10, theft 8 -> 10


def test_totals_minus_published_cells_pins_a_cell_without_the_audit() -> None:
    naive = release(PINNABLE, H1, POPS, solver=Blind())
    found = pinned_cells(attack(("r", naive)).recover())
    assert "r|offences-by-category|3201/violence" in found  # 1..4: the attack is real


def test_totals_minus_published_cells_fails_against_the_audited_release() -> None:
    rel = release(PINNABLE, H1, POPS)
    assert rel.audit.passed and rel.audit.actions  # the gate did something
    assert pinned_cells(attack(("r", rel)).recover()) == {}
    # to a reader of the flags every other cell is "0 or > 7", so under a total of 8..12 nothing
    # but the total can hide three children: the margin ends as its total
    table = rel.table("offences-by-category")
    assert table is not None and table.cells == () and table.totals[0].value == 10


def test_two_small_cells_protect_each_other() -> None:
    rel = release(kids(3, "violence") + kids(5, "theft", start=100), H1, POPS)
    a = attack(("r", rel))
    assert len(a.targets) >= 2 and pinned_cells(a.recover()) == {}


def test_one_table_against_the_others_sharing_its_totals() -> None:
    events = (
        kids(3, "violence", band="14-15")
        + kids(9, "theft", band="16-17", start=100)
        + kids(9, "drug-offence", "sor", band="16-17", start=200)
        + kids(2, "vandalism", "lia", band="10-13", start=300)
        + kids(12, "traffic", "lia", band="18-24", start=400)
    )
    rel = release(events, H1, POPS)
    for t in rel.tables:  # each table alone ("without the group")
        a = Attack()
        a.read("r", t.json.content)
        assert pinned_cells(a.recover()) == {}, t.table
    a = attack(("r", rel))  # all of them, totals shared ("with the group")
    assert a.targets and pinned_cells(a.recover()) == {}


def test_a_revision_from_the_same_data_adds_nothing() -> None:
    first = release(PINNABLE, H1, POPS)
    second = release(PINNABLE, H1, POPS, revision=2, previous=first.tables)
    assert second.change_log == ()
    a = attack(("r1", first), ("r1", second))  # the same quantities read twice
    assert pinned_cells(a.recover()) == {}


def test_a_revision_with_late_records_elsewhere_pins_nothing_here() -> None:
    first = release(PINNABLE, H1, POPS)
    late = PINNABLE + kids(9, "theft", "lia", start=500)
    second = release(late, H1, POPS, revision=2, previous=first.tables)
    assert second.change_log  # 3203 changed
    a = attack(("r1", first), ("r2", second))
    a.equate("r1", "r2", "3201")  # the attacker knows 3201 did not change
    assert pinned_cells(a.recover()) == {}


def test_neighbouring_periods_and_the_year_pin_nothing() -> None:
    persistent = PINNABLE + kids(8, "theft", day=date(2025, 9, 1), start=100)
    h1 = release(persistent + kids(4, "child-welfare-concern", start=600), H1, POPS)
    h2 = release(
        persistent + kids(5, "violence", day=date(2025, 10, 1), start=700),
        H2,
        POPS,
        history={t.table: [t] for t in h1.tables},
    )
    year = release(persistent + kids(4, "child-welfare-concern", start=600), YEAR, POPS)
    a = attack(("h1", h1), ("h2", h2), ("y", year))
    assert a.targets and pinned_cells(a.recover()) == {}


@st.composite
def event_sets(draw: st.DrawFn) -> list[Event]:
    return draw(
        st.lists(
            st.builds(
                Event,
                subject=st.integers(0, 40).map(lambda i: f"k{i:03d}"),
                category=st.sampled_from(
                    ("violence", "threats", "theft", "traffic", "child-welfare-concern")
                ),
                area=st.sampled_from(("nord", "sor", "lia")),
                age_band=st.sampled_from(AGE_BANDS),
                day=st.integers(0, 180).map(lambda d: date(2025, 1, 1) + timedelta(days=d)),
            ),
            max_size=90,
        )
    )


@settings(max_examples=25, deadline=None, derandomize=True, phases=(Phase.generate,))
@given(event_sets())
def test_no_attack_on_generated_releases_pins_a_cell(events: list[Event]) -> None:
    h1, year = release(events, H1, POPS), release(events, YEAR, POPS)
    assert h1.audit.passed and year.audit.passed
    a = attack(("h1", h1), ("y", year))
    assert pinned_cells(a.recover()) == {}
