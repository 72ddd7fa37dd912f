"""Open minutes rendered for real (WeasyPrint): a PDF/A-2b with embedded fonts, the open text only."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
import re
import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from adapters.documents.minutes import WeasyMinutesRenderer, _NoFetching
from domain.shared import documents
from domain.shared.documents import DocumentRenderingFailed
from tests.integration.documents.conftest import RECORDS, RESTRICTED, minutes


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # Words wrap at line ends in a table cell: compare with whitespace folded.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_it_is_a_pdf_a_2b(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-1.7")
    assert pdf.rstrip().endswith(b"%%EOF")
    reader = PdfReader(io.BytesIO(pdf))
    assert not reader.is_encrypted
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="2"|<pdfaid:part>2</pdfaid:part>', xmp)
    assert re.search(r'pdfaid:conformance="B"|<pdfaid:conformance>B</pdfaid:conformance>', xmp)
    assert "Protokoll – Koordineringsgruppa i Lærdal" in xmp  # dc:title, from the HTML title
    [intent] = root["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object().get_data()  # the sRGB profile itself
    assert "/OpenAction" not in root and "/AA" not in root  # nothing runs on opening
    assert "/ID" in reader.trailer  # PDF/A wants the file identifier


def fonts(reader: PdfReader) -> Iterator[tuple[str, DictionaryObject]]:
    """Each font a page uses, with its descriptor (a composite font's from its descendant)."""
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in font.get("/DescendantFonts", [font]):
                part = part.get_object()
                yield str(part["/BaseFont"]), part["/FontDescriptor"].get_object()


def test_every_font_is_embedded(pdf: bytes) -> None:
    found = list(fonts(PdfReader(io.BytesIO(pdf))))
    assert found
    for name, descriptor in found:
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), f"{name} not embedded"
        assert "DejaVu" in name  # the font the set-up installs, not a stand-in


def test_it_reads_the_open_minutes_in_norwegian(pdf: bytes) -> None:
    text = text_of(pdf)
    for expected in (
        "Protokoll",
        "Koordineringsgruppa i Lærdal",
        "tirsdag 3. mars 2026, kl. 18.00–20.00",
        "Rådhuset, møterom Ærfugl",
        "10.03.2026 av Liv Lederstad",
        "Kari Testesen Politiet",
        "Per Øvingstad Barnevernet Møtte for Nils Fiktivsen",
        "Åse Prøveby Meldt forfall",
        "Jens Uteblidd Ikke møtt, uten forfall",
        "Sak 2: Tiltaksplan for ungdom – Økern og Årvoll (drøftingssak)",
        "Gruppa drøftet prioriteringer for høsten.",
        "Tiltak med <b>sommerjobb</b> & fritidskort videreføres.",  # typed text, shown as text
        "Vedtak KOG 12/2026 Innkalling og saksliste godkjent.",
        "Vedtak KOG 13/2026",
        "Revidere tiltaksplanen med innspill fra møtet Åse Prøveby 15.01.2027 Åpen",
        "Side 1 av",
    ):
        assert expected in text
    assert set("æøåÆØÅ") <= set(text)


def test_the_restricted_layer_never_gets_in(renderer: WeasyMinutesRenderer, pdf: bytes) -> None:
    assert all(RESTRICTED in r.restricted_summary for r in RECORDS)  # it was there to leak
    html = renderer.html(minutes())
    assert RESTRICTED not in html
    assert RESTRICTED not in text_of(pdf)
    assert RESTRICTED.encode() not in pdf


def _field_names(cls: type, seen: set[type]) -> Iterator[str]:
    if cls in seen or not dataclasses.is_dataclass(cls):
        return
    seen.add(cls)
    hints = typing.get_type_hints(cls, vars(documents))
    for field in dataclasses.fields(cls):
        yield f"{cls.__name__}.{field.name}"
        for arg in (hints[field.name], *typing.get_args(hints[field.name])):
            if isinstance(arg, type):
                yield from _field_names(arg, seen)


def test_the_input_has_no_field_for_restricted_text() -> None:
    names = list(_field_names(documents.OpenMinutes, set()))
    assert "AgendaItem.summary" in names and "ActionItem.owner" in names  # the walk goes deep
    assert not [n for n in names if re.search("restrict|closed|lukket|confidential", n, re.I)]


def test_typed_markup_is_escaped(renderer: WeasyMinutesRenderer) -> None:
    html = renderer.html(minutes())
    assert "Tiltak med &lt;b&gt;sommerjobb&lt;/b&gt; &amp; fritidskort" in html
    assert "<b>sommerjobb" not in html


def test_the_renderer_fetches_nothing() -> None:
    with pytest.raises(ValueError, match="no resources"):
        _NoFetching().fetch("file:///etc/hostname")


def test_a_correction_names_its_reason_and_times_are_oslo_time(
    renderer: WeasyMinutesRenderer,
) -> None:
    corrected = minutes(
        version=2,
        correction_reason="Feil frist i sak 2 rettet",
        starts_at=datetime(2026, 6, 2, 14, 0, tzinfo=UTC),  # summer time: 16.00 in Oslo
        ends_at=datetime(2026, 6, 2, 22, 30, tzinfo=UTC),  # past midnight in Oslo
    )
    html = renderer.html(corrected)
    assert "2 (retting: Feil frist i sak 2 rettet)" in html
    assert "tirsdag 2. juni 2026, kl. 16.00 – onsdag 3. juni 2026, kl. 00.30" in html


async def test_rendering_runs_off_the_event_loop(renderer: WeasyMinutesRenderer) -> None:
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    try:
        pdf = await renderer.render_open_minutes(minutes(approved_on=date(2026, 3, 11)))
    finally:
        ticker.cancel()
    assert pdf.startswith(b"%PDF-")
    assert ticks >= 3  # the loop kept turning while the PDF was laid out


def test_logs_carry_counts_never_names_or_text(
    renderer: WeasyMinutesRenderer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="adapters.documents")
    renderer.pdf(minutes())
    [record] = [r for r in caplog.records if r.name.startswith("adapters.documents")]
    assert record.getMessage() == "minutes rendered"
    line = f"{record.getMessage()} {record.__dict__}"
    for secret in ("Lærdal", "Kari Testesen", "Åse Prøveby", "Tiltaksplan", "KOG"):
        assert secret not in line


def test_a_renderer_fault_is_a_domain_error(
    renderer: WeasyMinutesRenderer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(**_: object) -> None:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("adapters.documents.minutes.HTML", broken)
    with pytest.raises(DocumentRenderingFailed):
        renderer.pdf(minutes())
