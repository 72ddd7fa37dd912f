"""Who may do what with measures, as a table: unit roles, a body seat, the proposer and the owner
by stage, machines (never), and the evaluation flags that stay the coordinator's."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

import pytest

from domain.measures import policies as pol
from domain.measures.measure import Measure, Tier
from domain.measures.stage import Stage
from domain.shared.principal import BodyRole, Principal, Role, Scope
from tests.fakes import machine, person

UNIT = uuid4()
BODY = uuid4()
ME = uuid4()


def measure(stage: Stage, *, owner: UUID | None = None, proposer: UUID | None = None) -> Measure:
    return Measure(
        id=uuid4(),
        unit_id=UNIT,
        title="Tiltak",
        problem="Problem",
        tier=Tier.UNIVERSAL,
        stage=stage,
        owner_id=owner,
        proposed_by=proposer,
    )


WHO: dict[str, Callable[[], Principal]] = {
    "coordinator": lambda: person(UNIT, Role.COORDINATOR, person_id=ME),
    "unit admin": lambda: person(UNIT, Role.UNIT_ADMIN, person_id=ME),
    "police contact": lambda: person(UNIT, Role.POLICE_CONTACT, person_id=ME),
    "steering reader": lambda: person(UNIT, Role.STEERING_READER, person_id=ME),
    "body member": lambda: person(UNIT, body_roles={BODY: BodyRole.MEMBER}, person_id=ME),
    "nobody": lambda: person(UNIT, person_id=ME),
    "machine": lambda: machine(UNIT, [Scope.ORGANISATION_READ]),
}
# who: (read, propose, manage)
ROLES = {
    "coordinator": (True, True, True),
    "unit admin": (True, True, True),
    "police contact": (True, False, False),
    "steering reader": (True, False, False),
    "body member": (True, True, False),
    "nobody": (False, False, False),
    "machine": (False, False, False),
}


@pytest.mark.parametrize("who", ROLES)
def test_roles(who: str) -> None:
    p = WHO[who]()
    assert (pol.can_read(p), pol.can_propose(p), pol.can_manage(p)) == ROLES[who]


S = Stage
# (who, relation, stage) → (edit, follow up)
EDITS = [
    ("body member", "proposer", S.PROPOSED, True, False),
    ("body member", "proposer", S.ASSESSED, False, False),
    ("body member", "owner", S.PROPOSED, False, True),
    ("body member", "owner", S.DECIDED, True, True),
    ("body member", "owner", S.ACTIVE, True, True),
    ("body member", "owner", S.EVALUATED, True, True),
    ("body member", "owner", S.CONTINUED, True, True),
    ("body member", "owner", S.CONCLUDED, False, True),
    ("body member", "none", S.ACTIVE, False, False),
    ("police contact", "owner", S.ACTIVE, True, True),
    ("police contact", "none", S.PROPOSED, False, False),
    ("nobody", "owner", S.ACTIVE, False, False),  # lost every role: edits nothing
    ("nobody", "proposer", S.PROPOSED, False, False),
    ("coordinator", "none", S.CONCLUDED, True, True),
    ("unit admin", "none", S.REJECTED, True, True),
    ("machine", "none", S.ACTIVE, False, False),
]


@pytest.mark.parametrize(("who", "relation", "stage", "edit", "follow_up"), EDITS)
def test_owner_and_proposer(
    who: str, relation: str, stage: Stage, edit: bool, follow_up: bool
) -> None:
    p = WHO[who]()
    m = measure(
        stage,
        owner=ME if relation == "owner" else uuid4(),
        proposer=ME if relation == "proposer" else uuid4(),
    )
    assert pol.can_edit(p, m) is edit
    assert pol.can_follow_up(p, m) is follow_up


def test_milestones_alone_are_follow_up() -> None:
    owner = WHO["body member"]()
    proposed = measure(S.PROPOSED, owner=ME)
    assert not pol.can_change(owner, proposed, frozenset({"title"}))
    assert pol.can_change(owner, proposed, frozenset({"milestones"}))
    assert not pol.can_change(owner, proposed, frozenset({"milestones", "title"}))


@pytest.mark.parametrize(("who", "stage", "lifts"), [
    ("coordinator", S.ACTIVE, True),
    ("unit admin", S.CONCLUDED, True),
    ("body member", S.PROPOSED, True),
    ("body member", S.ASSESSED, True),
    ("body member", S.DECIDED, False),
    ("body member", S.ACTIVE, False),
    ("police contact", S.CONTINUED, False),
])  # fmt: skip
def test_who_may_lift_the_evaluation_duty(who: str, stage: Stage, lifts: bool) -> None:
    assert pol.can_lift_evaluation_duty(WHO[who](), measure(stage, owner=ME)) is lifts


def test_no_person_id_is_nobody_in_particular() -> None:
    p = person(UNIT, body_roles={BODY: BodyRole.MEMBER})
    object.__setattr__(p, "person_id", None)
    m = measure(S.ACTIVE, owner=None, proposer=None)
    assert not pol.is_owner(p, m)
    assert not pol.is_proposer(p, m)
    assert not pol.can_edit(p, m)
