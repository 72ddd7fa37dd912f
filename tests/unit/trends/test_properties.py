"""Trends test room: TREND-A's disclosure properties over generated event sets (hypothesis),
every release audited with the real HiGHS solver."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from domain.knowledge.periods import Period
from domain.knowledge.vocab import AGE_BANDS, EVENT_CATEGORIES
from domain.trends import rules as r
from domain.trends.audit import pinned
from domain.trends.model import Populations, Release
from domain.trends.specs import BY_CODE, SENSITIVE, rest_area
from tests.unit.trends.support import Event, counts, populations, release

MUNIS = ("3201", "3203")
AREAS = {"3201": ("a-nord", "a-sor", "a-vest"), "3203": ("b-sentrum", "b-lia")}
H1, YEAR = Period.parse("2025H1"), Period.parse("2025")
# A failure prints its example; shrinking a release build can take minutes.
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[Event], Populations]:
    munis = {m: draw(st.one_of(st.none(), st.integers(300, 6000))) for m in MUNIS}
    # areas partition their municipality: at most a third of its residents each
    areas = {
        a: (m, draw(st.integers(100, max(100, (munis[m] or 3000) // 3))))
        for m in MUNIS
        for a in AREAS[m]
        if draw(st.booleans())
    }
    pops = populations(areas, {m: n for m, n in munis.items() if n is not None})
    codes = sorted(areas) or ["3201-none"]
    area_of = {**{a: a for a in areas}, "3201-none": "3201-none"}
    if not areas:
        pops = Populations(
            vintage=pops.vintage, residents=pops.residents, areas={"3201-none": "3201"}
        )
    subjects = draw(st.integers(1, 60))
    events = draw(
        st.lists(
            st.builds(
                Event,
                subject=st.integers(0, subjects).map(lambda i: f"child-{i:04d}"),
                category=st.sampled_from(sorted(EVENT_CATEGORIES)),
                area=st.sampled_from(codes).map(area_of.__getitem__),
                age_band=st.sampled_from(AGE_BANDS),
                day=st.integers(0, 364).map(lambda d: date(2025, 1, 1) + timedelta(days=d)),
            ),
            max_size=160,
        )
    )
    return events, pops


def published(rel: Release) -> list[tuple[str, tuple[str, ...], int | None]]:
    out = []
    for t in rel.tables:
        doc = json.loads(t.json.content)
        dims = doc["dimensions"]
        for c in doc["cells"]:
            out.append((t.table, tuple(c[d] for d in dims), c["value"]))
        for c in doc["totals"]:
            out.append((t.table + "#total", (c["municipality"],), c["value"]))
    return out


def check(events: list[Event], pops: Populations, period: Period) -> Release:
    rel = release(events, period, pops)
    # no published value in 1..k; every non-zero one a multiple of the base
    for _, _, value in published(rel):
        assert value is None or value == 0 or (value > r.K and value % r.BASE == 0)
    # identical bytes when rebuilt from the same inputs
    again = release(list(events), period, pops)
    assert [(t.json.content, t.csv.content) for t in again.tables] == [
        (t.json.content, t.csv.content) for t in rel.tables
    ]
    # sensitive categories only in municipality x year tables
    for t in rel.tables:
        spec = BY_CODE[t.table]
        if any(EVENT_CATEGORIES[c].tier == SENSITIVE for c in spec.categories):
            assert period.grain.value == "year" and t.dimensions == ("municipality",)
    # cells count what the reference counter counts; suppressed ones were in 1..k or flagged;
    # totals are the rounded sum of the unrounded cells and equal across the offence tables
    muni = {**pops.areas, **{m: m for m in MUNIS}}
    totals: dict[str, set[int | None]] = {}
    for t in rel.tables:
        spec = BY_CODE[t.table]
        true = {c.dims: c.n for c in counts(spec, events, period, muni)}
        for cell in t.cells:
            if r.COARSENED in cell.flags or (
                spec.second == "area" and cell.dims[1] == rest_area(cell.dims[0])
            ):
                continue
            n = true.get(cell.dims, 0)
            if cell.value is None:
                assert cell.flags
            else:
                assert cell.value == r.round_to_base(n) and not r.primary_suppressed(n)
        for total in t.totals:
            m = total.dims[0]
            n = sum(v for d, v in true.items() if d[0] == m)
            assert total.value in (None, r.round_to_base(n))
            totals.setdefault(m, set()).add(total.value)
    assert all(len(values) == 1 for values in totals.values())
    # the gate passed and no suppressed cell can be narrowed into 1..k
    assert rel.audit.passed
    assert not any(pinned(w.lo, w.hi) for w in rel.audit.widths)
    return rel


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    phases=NO_SHRINK,
)
@given(scenarios())
def test_half_year_release_properties(scenario: tuple[list[Event], Populations]) -> None:
    events, pops = scenario
    check(events, pops, H1)


@settings(max_examples=60, deadline=None, derandomize=True, phases=NO_SHRINK)
@given(scenarios())
def test_year_release_properties(scenario: tuple[list[Event], Populations]) -> None:
    events, pops = scenario
    check(events, pops, YEAR)
