"""Documents adapter room: the plan renderer imported on first use, like the minutes' (api.outbox):
the app starts where Pango is missing; rendering then fails as a domain error (a problem)."""

from __future__ import annotations

import logging

from domain.measures.export_views import PlanExport
from domain.measures.ports import PlanRenderer
from domain.shared.documents import DocumentRenderingFailed

log = logging.getLogger(__name__)


class LazyPlanRenderer:
    def __init__(self) -> None:
        self._renderer: PlanRenderer | None = None

    async def render_plan(self, plan: PlanExport) -> bytes:
        if self._renderer is None:
            try:
                from adapters.documents.plans import WeasyPlanRenderer
            except (ImportError, OSError) as exc:
                log.error("pdf renderer unavailable", extra={"error": type(exc).__name__})
                raise DocumentRenderingFailed("The PDF renderer is not installed.") from exc
            self._renderer = WeasyPlanRenderer()
        return await self._renderer.render_plan(plan)
