"""Documents adapter room: ``WeasyPlanRenderer`` — an action plan's tree → HTML (Jinja2) →
PDF/A-2b, with the minutes' font, page frame, fetch refusal and one-render-at-a-time lock."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from weasyprint import HTML

from adapters.documents.minutes import _RENDERING, PDF_VARIANT, TEMPLATES, _NoFetching, paragraphs
from adapters.documents.plan_model import PlanDocument, plan_document
from domain.shared.documents import DocumentRenderingFailed

if TYPE_CHECKING:
    from domain.measures.export_views import PlanExport

log = logging.getLogger(__name__)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # titles are typed text, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters |= {"paragraphs": paragraphs}
    return env


class WeasyPlanRenderer:
    """``PlanRenderer`` with WeasyPrint, on a worker thread (never blocking the event loop)."""

    def __init__(self) -> None:
        self._template = _environment().get_template("action_plan.html.j2")

    def html(self, document: PlanDocument) -> str:
        return self._template.render(d=document)

    def pdf(self, plan: PlanExport) -> bytes:
        started = time.monotonic()
        document = plan_document(plan)
        try:
            with _RENDERING:
                html = HTML(string=self.html(document), url_fetcher=_NoFetching())
                pdf = html.write_pdf(pdf_variant=PDF_VARIANT)
        except Exception as exc:
            log.warning("action plan not rendered", extra={"error": type(exc).__name__})
            raise DocumentRenderingFailed("The action plan could not be rendered as PDF.") from exc
        assert isinstance(pdf, bytes)
        log.info(
            "action plan rendered",
            extra={
                "focus_areas": len(document.areas),
                "measures": document.measures,
                "bytes": len(pdf),
                "duration_ms": round((time.monotonic() - started) * 1000),
            },
        )
        return pdf

    async def render_plan(self, plan: PlanExport) -> bytes:
        return await asyncio.to_thread(self.pdf, plan)
