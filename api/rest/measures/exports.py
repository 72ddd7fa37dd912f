"""REST measures room: downloads — the measure list as CSV (Norwegian Excel: BOM, ``;``) with the
list's filters, and an action plan as PDF/A (filed or published) and as XLSX. Each reads in one
transaction; the PDF is rendered after it has closed. Mounted before ``/api/measures/{id}``."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from api.rest.deps import Caller, caller
from api.rest.errors import READ_ERRORS
from api.rest.inputs import UiLanguage as Lang
from api.rest.measures.export_rows import MEASURE_HEADER, PLAN_HEADER, measure_rows, plan_rows
from api.rest.measures.filters import FilterDep
from api.rest.tabular import to_csv, to_xlsx
from domain.measures.ports import PlanRenderer
from domain.measures.service import MeasuresService

router = APIRouter(prefix="/api")

LangQ = Annotated[Lang, Query(description="Language of the column headings and values.")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
MEASURES: dict[Lang, str] = {Lang.NB: "Tiltak", Lang.NN: "Tiltak", Lang.EN: "Measures"}
PLAN = "Handlingsplan"


@dataclass(frozen=True, slots=True)
class Exporter:
    measures: MeasuresService
    renderer: PlanRenderer


def _exporter(c: Any) -> Exporter:
    return Exporter(measures=c.measures, renderer=c.plan_renderer)


ExporterDep = Annotated[Caller[Exporter], Depends(caller(_exporter))]


def _file(description: str, media: str) -> dict[int | str, dict[str, Any]]:
    binary = (
        {"type": "string"} if media.startswith("text/") else {"type": "string", "format": "binary"}
    )
    return {
        **READ_ERRORS,
        200: {"description": description, "content": {media: {"schema": binary}}},
    }


def attachment(name: str, ext: str) -> dict[str, str]:
    """``filename`` in plain ASCII for old clients, ``filename*`` in UTF-8 (RFC 6266); never in a
    shared cache (owners' names, budgets)."""
    full = f"{name}.{ext}"
    ascii_name = unicodedata.normalize("NFKD", full).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-.") or f"export.{ext}"
    return {
        "Content-Disposition": f'attachment; filename="{ascii_name}"; '
        f"filename*=UTF-8''{quote(full, safe='')}",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
    }


@router.get(
    "/measures/export.csv",
    tags=["measures"],
    operation_id="measures-export-csv",
    response_class=Response,
    responses=_file("The matching measures, one row each.", "text/csv"),
)
async def measures_csv(call: ExporterDep, f: FilterDep, lang: LangQ = Lang.NB) -> Response:
    """The measure list with the list's filters, as CSV for Excel (UTF-8 BOM, `;`), by title."""
    export = await call.svc.measures.measure_export(call.p, f)
    body = to_csv(MEASURE_HEADER[lang], measure_rows(export, lang))
    headers = attachment(MEASURES[lang], "csv")
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


@router.get(
    "/action-plans/{id}/export.xlsx",
    tags=["action-plans"],
    operation_id="action-plans-export-xlsx",
    response_class=Response,
    responses=_file("The plan's tree: one row per measure under each goal.", XLSX),
)
async def plan_xlsx(id: UUID, call: ExporterDep, lang: LangQ = Lang.NB) -> Response:
    """The action plan's focus areas, goals and measures with progress, as an Excel workbook."""
    export = await call.svc.measures.plan_export(call.p, id)
    title = export.tree.plan.title
    body = to_xlsx(title, PLAN_HEADER[lang], plan_rows(export, lang))
    return Response(body, media_type=XLSX, headers=attachment(f"{PLAN} – {title}", "xlsx"))


@router.get(
    "/action-plans/{id}/export.pdf",
    tags=["action-plans"],
    operation_id="action-plans-export-pdf",
    response_class=Response,
    responses=_file("The plan as PDF/A-2b (bokmål).", PDF),
)
async def plan_pdf(id: UUID, call: ExporterDep) -> Response:
    """The action plan as a PDF/A document: the tree with progress and responsible organisations,
    never a measure's free text, people or findings."""
    export = await call.svc.measures.plan_export(call.p, id)
    pdf = await call.svc.renderer.render_plan(export)
    name = f"{PLAN} – {export.tree.plan.title}"
    return Response(pdf, media_type=PDF, headers=attachment(name, "pdf"))
