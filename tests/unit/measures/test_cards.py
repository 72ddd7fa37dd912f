"""Measures unit tests room: the long reads' fast path (the board's cards, the plan tree) writes
exactly what their DTOs declare — each body validates against its contract and dumps back to
itself — and a card carries the same values as the measure's full read."""

from __future__ import annotations

import json

from pydantic_core import to_json

from api.rest.measures.dtos.cards import MeasureCard, card
from api.rest.measures.dtos.measures import MeasureRead
from api.rest.measures.dtos.plans import PlanRead, plan_body
from tests.integration.documents.plan_fixture import plan_export


def test_a_card_is_its_contract_and_a_subset_of_the_full_read() -> None:
    tree = plan_export().tree
    views = [v for a in tree.focus_areas for g in a.goals for v in g.measures]
    assert views
    for v in views:
        wire = json.loads(to_json(card(v)))
        assert MeasureCard.model_validate(wire).model_dump(mode="json", by_alias=True) == wire
        full = MeasureRead.of(v).model_dump(mode="json", by_alias=True)
        assert {k: full[k] for k in wire} == wire


def test_the_plan_tree_is_its_contract() -> None:
    tree = plan_export().tree
    wire = json.loads(to_json(plan_body(tree)))
    assert PlanRead.model_validate(wire).model_dump(mode="json", by_alias=True) == wire
    measures = [m for a in wire["focusAreas"] for g in a["goals"] for m in g["measures"]]
    assert measures and set(measures[0]) == {"id", "title", "stage", "progress"}
