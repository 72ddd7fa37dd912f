"""Measures unit tests room: the exports' pure builders — the measure list's rows, the plan's rows,
their headings in three languages, and the tables' formula defusing and number cells."""

from __future__ import annotations

import csv
import dataclasses
import io
from uuid import uuid4

import openpyxl
import pytest

from api.rest.inputs import UiLanguage as Lang
from api.rest.measures.export_rows import (
    EVIDENCE,
    MEASURE_HEADER,
    PLAN_HEADER,
    STAGE,
    TIER,
    TRIGGER,
    measure_row,
    measure_rows,
    percent,
    plan_rows,
)
from api.rest.tabular import to_csv, to_xlsx
from domain.measures.export_views import MeasureExport, Names
from domain.measures.measure import (
    EvaluationTrigger,
    Registry,
    RegistryReference,
    Verdict,
)
from domain.measures.stage import DecisionFacts
from domain.measures.views import GoalNode
from tests.integration.documents.plan_fixture import POLICE, SCHOOL, plan_export


def _views():
    e = plan_export()
    return e, [v for a in e.tree.focus_areas for g in a.goals for v in g.measures]


@pytest.mark.parametrize("lang", list(Lang))
def test_every_language_words_every_heading_and_value(lang: Lang) -> None:
    assert len(MEASURE_HEADER[lang]) == len(MEASURE_HEADER[Lang.NB]) == 19
    assert len(PLAN_HEADER[lang]) == len(PLAN_HEADER[Lang.NB]) == 12
    for table in (STAGE, TIER, EVIDENCE, TRIGGER):
        assert all(table[lang].values())
    e, views = _views()
    assert all(len(measure_row(v, e.names, lang)) == 19 for v in views)


def test_a_measure_row_reads_names_and_derived_facts() -> None:
    e, views = _views()
    summer = views[0]
    decision = DecisionFacts(
        id=uuid4(), label="KG 3/2026", body_id=uuid4(), body_name="Koordineringsgruppa",
        body_level="coordinating", meeting_id=uuid4(), meeting_date=summer.measure.start_on,
        approved=True,
    )  # fmt: skip
    m = dataclasses.replace(
        summer.measure,
        target_age_min=13,
        staff_hours=250,
        partner_organisation_ids=(SCHOOL, uuid4()),  # an unknown id is left out
        registry_references=(
            RegistryReference(
                registry=Registry.OTHER, rating="No effects", verdict=Verdict.HARMFUL
            ),
        ),
    )
    v = dataclasses.replace(
        summer,
        measure=m,
        decision=decision,
        evaluation_required=True,
        evaluation_triggers=(EvaluationTrigger.NEW_OR_TRIAL, EvaluationTrigger.COSTLY),
    )
    names = dataclasses.replace(e.names, focus_areas={}, goals={})
    row = dict(zip(MEASURE_HEADER[Lang.NB], measure_row(v, names, Lang.NB), strict=True))
    assert row["Tiltak"] == "Sommerjobb for ungdom – Økern"
    assert row["Fase"] == "Aktiv" and row["Forebyggingsnivå"] == "Selektivt (forebyggende)"
    assert row["Ansvarlige"] == "Politiet i Øst, Årvoll skole"
    assert row["Samarbeidspartnere"] == "Årvoll skole"
    assert row["Eier"] == "Åsmund Eiersen-Prøve"
    assert row["Alder"] == "13–" and row["Budsjett (kr)"] == 1_250_000
    assert row["Timeverk"] == 250 and row["Framdrift (%)"] == 50
    assert row["Evaluering påkrevd"] == "Ja (nytt eller utprøving, kostnad)"
    assert row["Vedtak"] == "KG 3/2026" and row["Registervarsel"] == "Ja"
    assert row["Innsatsområder"] is None and row["Mål"] is None
    en = dict(zip(MEASURE_HEADER[Lang.EN], measure_row(v, names, Lang.EN), strict=True))
    assert en["Evaluation required"] == "Yes (new or trial, cost)" and en["Stage"] == "Active"
    plain = dict(zip(MEASURE_HEADER[Lang.NN], measure_row(views[1], names, Lang.NN), strict=True))
    assert plain["Evaluering påkravd"] == "Nei" and plain["Alder"] is None
    assert plain["Registervarsel"] is None and plain["Ansvarlege"] is None


def test_plan_rows_follow_the_tree() -> None:
    e, _ = _views()
    rows = plan_rows(e, Lang.NB)
    assert [(r[0], r[2], r[4]) for r in rows] == [
        ("Skole og arbeid", "Flere unge i jobb", "Sommerjobb for ungdom – Økern"),
        ("Nærmiljø og fritid", "Trygge nærmiljø ved Ærfugltunet", "Natteravner på Årvoll"),
        ("Nærmiljø og fritid", "Trygge nærmiljø ved Ærfugltunet", "Sommerjobb for ungdom – Økern"),
        ("Nærmiljø og fritid", "Færre gjentatte lovbrudd", '=HYPERLINK("http://x") <b>Mentor</b> & co'),
    ]  # fmt: skip
    assert rows[0][1] == 50 and rows[0][3] == 50 and rows[0][5] == "Politiet i Øst, Årvoll skole"
    assert all(len(r) == 12 for r in rows)
    # A goal without measures and a focus area without goals keep a row.
    area = e.tree.focus_areas[0]
    empty_goal = dataclasses.replace(area.goals[0], measures=())
    bare = dataclasses.replace(area, goals=())
    tree = dataclasses.replace(
        e.tree, focus_areas=(dataclasses.replace(area, goals=(empty_goal,)), bare)
    )
    rows = plan_rows(dataclasses.replace(e, tree=tree), Lang.EN)
    assert rows == [
        ["Skole og arbeid", 50, "Flere unge i jobb", 50, *[None] * 8],
        ["Skole og arbeid", 50, *[None] * 10],
    ]
    assert isinstance(empty_goal, GoalNode)


def test_percent_rounds_half_up_within_0_and_100() -> None:
    assert [percent(x) for x in (0, 0.004, 0.005, 0.625, 0.999, 1, 1.5, -0.2)] == [
        0, 0, 1, 63, 100, 100, 100, 0,
    ]  # fmt: skip


def test_the_csv_defuses_formulas_and_keeps_numbers_plain() -> None:
    e, views = _views()
    rows = measure_rows(MeasureExport(measures=tuple(views), names=e.names), Lang.NB)
    content = to_csv(MEASURE_HEADER[Lang.NB], rows)
    assert content.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    titles = [r[0] for r in parsed[1:]]
    assert '\'=HYPERLINK("http://x") <b>Mentor</b> & co' in titles
    assert parsed[1][12] == "1250000" and parsed[1][10] == "01.06.2026"
    for danger in ("=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"):
        assert to_csv(["h"], [[danger]]).decode("utf-8-sig").splitlines()[1].strip('"')[0] == "'"


def test_the_xlsx_stores_text_as_text_and_numbers_as_numbers() -> None:
    e, _ = _views()
    content = to_xlsx("Plan: [2026/2029]", PLAN_HEADER[Lang.NB], plan_rows(e, Lang.NB))
    ws = openpyxl.load_workbook(io.BytesIO(content)).active
    assert ws.title == "Plan   2026 2029"
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    formula = cells['=HYPERLINK("http://x") <b>Mentor</b> & co']
    assert formula.data_type == "s"  # text, never a formula
    assert cells[1_250_000].data_type == "n" and cells[80_000].data_type == "n"


def test_names_skip_what_they_do_not_know() -> None:
    assert Names().of_organisations([POLICE]) == ()
