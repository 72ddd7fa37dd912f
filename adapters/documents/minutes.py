"""Documents adapter room: ``WeasyMinutesRenderer`` — open minutes → HTML (Jinja2) → PDF/A-2b."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import HTML, URLFetcher

from adapters.documents.norwegian import long_date, meeting_time, short_date
from domain.shared.documents import (
    ActionStatus,
    AgendaKind,
    DocumentRenderingFailed,
    OpenMinutes,
    Presence,
)

log = logging.getLogger(__name__)

# PDF/A-2b, not 3b: PDF/A-3 lets any file ride along inside the PDF, and the national archive's
# deposit formats are PDF/A-1 and PDF/A-2; "b" (every glyph embedded, reproducible look) is the
# level WeasyPrint produces without relying on its tagging (docs/adr/0014).
PDF_VARIANT = "pdf/a-2b"
TEMPLATES = Path(__file__).resolve().parent / "templates"

KINDS = {
    AgendaKind.INFORMATION: "orienteringssak",
    AgendaKind.DISCUSSION: "drøftingssak",
    AgendaKind.DECISION: "vedtakssak",
}
ABSENCE = {
    Presence.ABSENT_WITH_NOTICE: "Meldt forfall",
    Presence.ABSENT_WITHOUT_NOTICE: "Ikke møtt, uten forfall",
}
STATUSES = {
    ActionStatus.OPEN: "Åpen",
    ActionStatus.DONE: "Utført",
    ActionStatus.CANCELLED: "Avlyst",
}
_BLANK_LINE = re.compile(r"\n\s*\n")
# One render at a time in the process, whichever renderer asks: fontconfig and Pango's font maps
# are not safe to share between threads, and a render's memory is better spent once.
_RENDERING = threading.Lock()


def paragraphs(value: str) -> list[str]:
    """Paragraphs are separated by a blank line; single line breaks stay (CSS pre-line)."""
    return [p.strip() for p in _BLANK_LINE.split(value.replace("\r\n", "\n")) if p.strip()]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value a person typed is text, never markup
        undefined=StrictUndefined,  # a misspelt field fails the render instead of vanishing
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters |= {"long_date": long_date, "short_date": short_date, "paragraphs": paragraphs}
    env.globals |= {
        "meeting_time": meeting_time,
        "presence": Presence,
        "kinds": KINDS,
        "absence": ABSENCE,
        "statuses": STATUSES,
    }
    return env


class _NoFetching(URLFetcher):  # type: ignore[misc]
    """Refuses every URL: the template inlines its style, and typed text is never markup, so a
    URL in a document can only be a mistake or an attack (SSRF, reading local files)."""

    def fetch(self, url: str, headers: object = None) -> object:
        raise ValueError("documents fetch no resources")


class WeasyMinutesRenderer:
    """``MinutesRenderer`` with WeasyPrint. Rendering is CPU work (≈ 0.5 s for two pages here), so
    it runs on a worker thread, one document at a time, and never blocks the event loop."""

    def __init__(self) -> None:
        self._template = _environment().get_template("open_minutes.html.j2")

    def html(self, minutes: OpenMinutes) -> str:
        return self._template.render(m=minutes)

    def pdf(self, minutes: OpenMinutes) -> bytes:
        started = time.monotonic()
        try:
            with _RENDERING:
                document = HTML(string=self.html(minutes), url_fetcher=_NoFetching())
                pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
        except Exception as exc:
            log.warning("minutes not rendered", extra={"error": type(exc).__name__})
            raise DocumentRenderingFailed("The minutes could not be rendered as PDF.") from exc
        assert isinstance(pdf, bytes)
        log.info(
            "minutes rendered",
            extra={
                "items": len(minutes.items),
                "bytes": len(pdf),
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return pdf

    async def render_open_minutes(self, minutes: OpenMinutes) -> bytes:
        return await asyncio.to_thread(self.pdf, minutes)
