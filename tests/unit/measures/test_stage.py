"""The lifecycle's preconditions as a table: every pair of stages (allowed edge or not), and every
precondition code both met and missed, with the exact codes ``unmet`` reports."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest

from domain.measures.errors import IllegalTransition
from domain.measures.stage import (
    EDGES,
    FINAL,
    DecisionFacts,
    Facts,
    MeasureState,
    Precondition,
    Stage,
    check_transition,
    unmet,
)

S, P = Stage, Precondition

DECISION = DecisionFacts(
    id=uuid4(),
    label="KG 3/2026",
    body_id=uuid4(),
    body_name="Koordineringsgruppa",
    body_level="coordinating",
    meeting_id=uuid4(),
    meeting_date=date(2026, 3, 4),
    approved=True,
)
READY = MeasureState(
    stage=S.PROPOSED,
    owner_id=uuid4(),
    start_on=date(2026, 3, 1),
    has_evaluation_plan=True,
    responsible_organisation_count=1,
)
ALL_MET = Facts(reason="Fordi", decision=DECISION, completed_evaluations=1, closing_note="Ferdig")


def at(stage: Stage, **kw: object) -> MeasureState:
    return replace(READY, stage=stage, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("source", "target"), list(itertools.product(S, S)))
def test_every_pair_of_stages(source: Stage, target: Stage) -> None:
    """With every fact in place, exactly the table's edges are allowed."""
    got = unmet(at(source), target, ALL_MET)
    assert got == ([] if target in EDGES[source] else [P.NOT_FROM_STAGE])


def test_the_table() -> None:
    assert {S.CONCLUDED, S.REJECTED, S.STOPPED} == FINAL
    assert EDGES[S.CONTINUED] == {S.EVALUATED, S.CONCLUDED, S.STOPPED}
    # every stage is reachable from proposed
    seen, todo = {S.PROPOSED}, [S.PROPOSED]
    while todo:
        for t in EDGES[todo.pop()] - seen:
            seen.add(t)
            todo.append(t)
    assert seen == set(S)


CASES: list[tuple[str, Stage, Stage, MeasureState | None, Facts, list[Precondition]]] = [
    ("reject without reason", S.PROPOSED, S.REJECTED, None, Facts(), [P.REASON_REQUIRED]),
    ("reject, blank reason", S.ASSESSED, S.REJECTED, None, Facts(reason="  "), [P.REASON_REQUIRED]),
    ("reject with reason", S.ASSESSED, S.REJECTED, None, Facts(reason="Nei"), []),
    ("stop without reason", S.ACTIVE, S.STOPPED, None, Facts(), [P.REASON_REQUIRED]),
    ("stop with reason", S.CONTINUED, S.STOPPED, None, Facts(reason="Nei"), []),
    ("decide without decision", S.ASSESSED, S.DECIDED, None, Facts(), [P.DECISION_REQUIRED]),
    (
        "decide with an unapproved decision",
        S.ASSESSED,
        S.DECIDED,
        None,
        Facts(decision=replace(DECISION, approved=False, label=None)),
        [P.DECISION_NOT_APPROVED],
    ),
    (
        "decide with an unnumbered decision",
        S.ASSESSED,
        S.DECIDED,
        None,
        Facts(decision=replace(DECISION, label=None)),
        [P.DECISION_NOT_APPROVED],
    ),
    (
        "decide by a steering body",
        S.ASSESSED,
        S.DECIDED,
        None,
        Facts(decision=replace(DECISION, body_level="steering")),
        [P.DECISION_NOT_COORDINATING],
    ),
    (
        "decide without responsible organisation",
        S.ASSESSED,
        S.DECIDED,
        at(S.ASSESSED, responsible_organisation_count=0),
        Facts(decision=DECISION),
        [P.RESPONSIBLE_ORGANISATION_REQUIRED],
    ),
    (
        "decide: everything missing, in order",
        S.ASSESSED,
        S.DECIDED,
        at(S.ASSESSED, responsible_organisation_count=0),
        Facts(decision=replace(DECISION, approved=False, label=None, body_level="executive")),
        [P.DECISION_NOT_APPROVED, P.DECISION_NOT_COORDINATING, P.RESPONSIBLE_ORGANISATION_REQUIRED],
    ),
    ("decide", S.ASSESSED, S.DECIDED, None, Facts(decision=DECISION), []),
    (
        "activate without owner",
        S.DECIDED,
        S.ACTIVE,
        at(S.DECIDED, owner_id=None),
        Facts(),
        [P.OWNER_REQUIRED],
    ),
    (
        "activate without start",
        S.DECIDED,
        S.ACTIVE,
        at(S.DECIDED, start_on=None),
        Facts(),
        [P.START_REQUIRED],
    ),
    (
        "activate without evaluation plan",
        S.DECIDED,
        S.ACTIVE,
        at(S.DECIDED, has_evaluation_plan=False),
        Facts(),
        [P.EVALUATION_PLAN_REQUIRED],
    ),
    (
        "activate with nothing",
        S.DECIDED,
        S.ACTIVE,
        at(S.DECIDED, owner_id=None, start_on=None, has_evaluation_plan=False),
        Facts(),
        [P.OWNER_REQUIRED, P.START_REQUIRED, P.EVALUATION_PLAN_REQUIRED],
    ),
    ("activate", S.DECIDED, S.ACTIVE, None, Facts(), []),
    ("evaluated without", S.ACTIVE, S.EVALUATED, None, Facts(), [P.COMPLETED_EVALUATION_REQUIRED]),
    ("evaluated again", S.CONTINUED, S.EVALUATED, None, Facts(completed_evaluations=1), []),
    (
        "conclude, evaluation required",
        S.ACTIVE,
        S.CONCLUDED,
        None,
        Facts(evaluation_required=True, closing_note="Ferdig"),
        [P.EVALUATION_REQUIRED],
    ),
    (
        "conclude, required and evaluated",
        S.ACTIVE,
        S.CONCLUDED,
        None,
        Facts(evaluation_required=True, completed_evaluations=1),
        [],
    ),
    ("conclude without note", S.ACTIVE, S.CONCLUDED, None, Facts(), [P.CLOSING_NOTE_REQUIRED]),
    (
        "conclude, blank note",
        S.EVALUATED,
        S.CONCLUDED,
        None,
        Facts(closing_note=" "),
        [P.CLOSING_NOTE_REQUIRED],
    ),
    ("conclude with note", S.ACTIVE, S.CONCLUDED, None, Facts(closing_note="Ferdig"), []),
    (
        "conclude with an evaluation instead of a note",
        S.EVALUATED,
        S.CONCLUDED,
        None,
        Facts(completed_evaluations=1),
        [],
    ),
    ("continue", S.EVALUATED, S.CONTINUED, None, Facts(), []),
    ("assess", S.PROPOSED, S.ASSESSED, at(S.PROPOSED, owner_id=None), Facts(), []),
    ("skip a step", S.PROPOSED, S.DECIDED, None, Facts(decision=DECISION), [P.NOT_FROM_STAGE]),
    ("out of a final stage", S.CONCLUDED, S.CONTINUED, None, ALL_MET, [P.NOT_FROM_STAGE]),
]


@pytest.mark.parametrize(
    ("source", "target", "state", "facts", "codes"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_preconditions(
    source: Stage,
    target: Stage,
    state: MeasureState | None,
    facts: Facts,
    codes: list[Precondition],
) -> None:
    assert unmet(state or at(source), target, facts) == codes


def test_every_code_is_exercised() -> None:
    assert {c for case in CASES for c in case[5]} == set(P)


def test_check_transition_names_every_code_first_leading() -> None:
    state = at(S.DECIDED, owner_id=None, start_on=None)
    with pytest.raises(IllegalTransition) as caught:
        check_transition(state, S.ACTIVE, Facts())
    err = caught.value
    assert err.precondition_codes == ["owner-required", "start-required"]
    assert (err.current, err.target) == ("decided", "active")
    assert err.precondition.startswith("an active measure has an owner")
    check_transition(at(S.DECIDED), S.ACTIVE, Facts())  # no error
