"""REST measures room: the board's card — only what a card, the board's filters and a move use —
and the fast path of the long reads (the board, the plan tree): each item a plain dict with the
wire's names, the whole body serialised once (no per-item validation; the DTO classes here are
the contract the OpenAPI document and the SPA's types come from, and the tests hold the dicts to
them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from fastapi import Response
from pydantic import Field
from pydantic_core import to_json

from api.rest.dtos import Dto
from domain.measures.measure import EvaluationTrigger, Tier
from domain.measures.stage import Stage
from domain.measures.views import MeasureView

JSON = "application/json"
_ORDER = {s: n for n, s in enumerate(Stage)}


class MeasureCard(Dto):
    """A measure as the board shows it (the detail is ``GET /api/measures/{id}``)."""

    id: UUID
    title: str
    stage: Stage
    tier: Tier
    owner_id: UUID | None
    focus_area_ids: list[UUID]
    progress: float = Field(description="Share of milestone weight done, 0..1.")
    registry_warning: bool = Field(
        description="A registry rates the approach ineffective or harmful."
    )
    legal_targets: list[Stage] = Field(description="Where the lifecycle's table lets it go next.")
    evaluation_triggers: list[EvaluationTrigger] = Field(
        description="Why evaluation is required (empty: optional); the move to concluded says it."
    )
    evaluation_required: bool
    closing_note: str | None = Field(description="The move to concluded starts from it.")
    version: int


def card(v: MeasureView) -> dict[str, Any]:
    """``MeasureCard`` of ``v`` as the wire writes it. UUIDs and enums go in as their text:
    ``to_json`` writes plain strings ten times faster than it infers UUIDs and enums."""
    m = v.measure
    owner = m.owner_id
    return {
        "id": str(m.id),
        "title": m.title,
        "stage": m.stage.value,
        "tier": m.tier.value,
        "ownerId": None if owner is None else str(owner),
        "focusAreaIds": [str(x) for x in m.focus_area_ids],
        "progress": v.progress,
        "registryWarning": m.registry_warning,
        "legalTargets": [s.value for s in sorted(v.legal_targets, key=_ORDER.__getitem__)],
        "evaluationTriggers": [t.value for t in v.evaluation_triggers],
        "evaluationRequired": v.evaluation_required,
        "closingNote": m.closing_note,
        "version": m.version,
    }


def cards(views: Iterable[MeasureView]) -> list[dict[str, Any]]:
    return [card(v) for v in views]


def json_response(body: object, response: Response | None = None) -> Response:
    """``body`` (dicts, lists, UUIDs, dates, enums) serialised once; the headers already set on
    ``response`` (an ETag) go along."""
    out = Response(to_json(body), media_type=JSON)
    if response is not None:
        own = (b"content-length", b"content-type")
        out.raw_headers.extend(h for h in response.raw_headers if h[0].lower() not in own)
    return out
