"""An action plan rendered for real (WeasyPrint): a PDF/A-2b with embedded fonts, in Norwegian,
with its tree, progress and organisations — and none of its measures' free text or people."""

from __future__ import annotations

import dataclasses
import io
import re
import typing
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from adapters.documents.plan_model import PlanDocument, kroner, percent, period, plan_document
from adapters.documents.plans import WeasyPlanRenderer
from domain.measures.ports import PlanRenderer
from tests.integration.documents.plan_fixture import OWNER_NAME, SECRET, plan_export
from tests.integration.documents.test_open_minutes_pdf import fonts, text_of


@pytest.fixture(scope="module")
def renderer() -> WeasyPlanRenderer:
    return WeasyPlanRenderer()


@pytest.fixture(scope="module")
def pdf(renderer: WeasyPlanRenderer) -> bytes:
    return renderer.pdf(plan_export())


def test_it_is_a_pdf_a_2b(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-1.7")
    assert pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf))
    assert not reader.is_encrypted
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="2"|<pdfaid:part>2</pdfaid:part>', xmp)
    assert re.search(r'pdfaid:conformance="B"|<pdfaid:conformance>B</pdfaid:conformance>', xmp)
    assert "Handlingsplan – Handlingsplan for Lærdal 2026–2029" in xmp  # dc:title
    [intent] = root["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object().get_data()
    assert "/OpenAction" not in root and "/AA" not in root
    assert "/ID" in reader.trailer


def test_every_font_is_embedded(pdf: bytes) -> None:
    found = list(fonts(PdfReader(io.BytesIO(pdf))))
    assert found
    for name, descriptor in found:
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{name} not embedded"
        assert "DejaVu" in name


def test_it_reads_the_plan_tree_in_norwegian(pdf: bytes) -> None:
    text = text_of(pdf)
    for expected in (
        "Handlingsplan",
        "Handlingsplan for Lærdal 2026–2029",
        "Periode 01.01.2026–31.12.2029",
        "Status Vedtatt",
        "Vedtatt av Styringsgruppa for SLT, vedtak STY 4/2026, 12.03.2026",
        "Framdrift 63 % (hvert tiltak teller likt)",
        "Tiltak 3, samlet budsjett 1 330 000 kr",  # a measure under two goals counts once
        "Planen bygger på Ungdata 2025.",
        "Utskrevet ",
        "Innsatsområde 1: Skole og arbeid – framdrift 50 %",
        "Samarbeid med næringslivet",
        "Mål 1.1: Flere unge i jobb – framdrift 50 % 1 tiltak, budsjett 1 250 000 kr",
        "Innsatsområde 2: Nærmiljø og fritid – framdrift 75 %",
        "Mål 2.1: Trygge nærmiljø ved Ærfugltunet – framdrift 100 %",
        "Mål 2.2: Færre gjentatte lovbrudd – framdrift 0 % 1 tiltak Tiltak Ansvarlig",  # no budget
        "Side 1 av",
    ):
        assert expected in text, expected
    # Table cells wrap where they like: compare these without any white space.
    squashed = "".join(text.replace("–", "").split())
    for expected in (
        "SommerjobbforungdomØkernPolitietiØst,ÅrvollskoleSelektivtAktiv",
        "01.06.202631.08.20271250000kr50%",
        "NatteravnerpåÅrvollUniverseltAvsluttet80000kr100%",
        "IndikertVedtatt0%",
        '=HYPERLINK("http://x")<b>Mentor</b>&co',  # typed text shown as text, not run or parsed
    ):
        assert expected in squashed, expected
    assert set("æøåÆØÅ") <= set(text)
    assert "UTKAST" not in text and "for mange tiltak" not in text


def test_a_large_plan_is_a_summary_with_each_goal_s_figures(
    renderer: WeasyPlanRenderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import adapters.documents.plan_model as model

    monkeypatch.setattr(model, "LISTED_MAX", 3)  # the fixture has 4 rows (one measure twice)
    document = plan_document(plan_export())
    assert not document.listed and all(not g.measures for a in document.areas for g in a.goals)
    text = text_of(renderer.pdf(plan_export()))
    assert "Planen har for mange tiltak til å liste dem her" in text
    assert "Mål 2.1: Trygge nærmiljø ved Ærfugltunet – framdrift 100 % 2 tiltak, budsjett" in text
    assert "Sommerjobb" not in text and "Tiltak 3, samlet budsjett 1 330 000 kr" in text
    monkeypatch.setattr(model, "LISTED_MAX", 4)
    assert plan_document(plan_export()).listed


def test_a_draft_says_so(renderer: WeasyPlanRenderer) -> None:
    text = text_of(renderer.pdf(plan_export(adopted=False)))
    assert "UTKAST – ikke vedtatt" in text
    assert "Status Utkast" in text
    assert "Vedtatt av" not in text


def test_no_free_text_or_people_get_in(renderer: WeasyPlanRenderer, pdf: bytes) -> None:
    export = plan_export()
    views = [v for a in export.tree.focus_areas for g in a.goals for v in g.measures]
    assert all(SECRET in v.measure.problem for v in views)  # it was there to leak
    assert OWNER_NAME in export.names.persons.values()
    html = renderer.html(plan_document(export))
    for leak in (SECRET, OWNER_NAME):
        assert leak not in html
        assert leak not in text_of(pdf)
        assert leak.encode() not in pdf


def _field_names(cls: type, seen: set[type]) -> Iterator[str]:
    if cls in seen or not dataclasses.is_dataclass(cls):
        return
    seen.add(cls)
    import adapters.documents.plan_model as model

    hints = typing.get_type_hints(cls, vars(model))
    for f in dataclasses.fields(cls):
        yield f"{cls.__name__}.{f.name}"
        for arg in (hints[f.name], *typing.get_args(hints[f.name])):
            if isinstance(arg, type):
                yield from _field_names(arg, seen)


def test_the_document_model_has_no_field_for_free_text_or_people() -> None:
    names = list(_field_names(PlanDocument, set()))
    assert "MeasureLine.responsible" in names and "GoalSection.title" in names
    banned = "problem|description_of|target|closing|note|finding|owner|person|proposed"
    assert not [n for n in names if re.search(banned, n, re.I)]


def test_the_document_says_the_day_it_was_made() -> None:
    from datetime import date

    assert plan_document(plan_export(), today=date(2027, 1, 5)).printed == "05.01.2027"


def test_figures_are_written_the_norwegian_way() -> None:
    assert (
        percent(0.625) == "63\u00a0%" and percent(1.7) == "100\u00a0%" and percent(-1) == "0\u00a0%"
    )
    assert kroner(1_250_000) == "1\u00a0250\u00a0000 kr" and kroner(None) == ""
    from datetime import date

    assert period(date(2026, 9, 1), None) == "01.09.2026–" and period(None, None) == ""


async def test_it_renders_off_the_event_loop(renderer: WeasyPlanRenderer) -> None:
    pdf = await renderer.render_plan(plan_export(title="Plan – Ærlig Øst"))
    assert "Plan – Ærlig Øst" in text_of(pdf)


def test_the_adapter_fills_its_port() -> None:
    renderer: PlanRenderer = WeasyPlanRenderer()
    assert renderer
