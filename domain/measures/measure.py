"""Measures domain room: the measure aggregate (tiltak) — what it addresses and for whom, its tier,
who is responsible, its resources, milestones, the factors it targets, its evidence, the evaluation
plan and the flags that make evaluation required.

Progress notes and the stage history are their own append-only records (``history``); a measure's
stage changes only through ``with_stage`` after ``stage.check_transition`` said yes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain.measures.stage import MeasureState, Stage


class Tier(enum.StrEnum):
    """Tenk i tre trinn: byggende, forebyggende, kriminalitetsforebyggende."""

    UNIVERSAL = "universal"
    SELECTIVE = "selective"
    INDICATED = "indicated"


class Evidence(enum.StrEnum):
    DOCUMENTED = "documented"
    EXPERIENCE_BASED = "experience_based"
    UNKNOWN = "unknown"


class Registry(enum.StrEnum):
    UNGSINN = "ungsinn"
    BLUEPRINTS = "blueprints"
    CRIMESOLUTIONS = "crimesolutions"
    OTHER = "other"


class Verdict(enum.StrEnum):
    """What the registry's own rating means, in one scale the warning can read."""

    EFFECTIVE = "effective"
    PROMISING = "promising"
    INSUFFICIENT = "insufficient"  # not enough evidence either way
    INEFFECTIVE = "ineffective"
    HARMFUL = "harmful"


WARN = frozenset({Verdict.INEFFECTIVE, Verdict.HARMFUL})


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistryReference:
    """A registry's assessment of the approach, kept as the registry says it (``rating``: Ungsinn
    "Nivå 3", Blueprints "Model Plus", CrimeSolutions "No Effects"), with its reading on one scale
    (``verdict``), when the registry reviewed it, and the link."""

    registry: Registry
    rating: str
    verdict: Verdict
    reviewed_on: date | None = None
    url: str | None = None

    @property
    def warns(self) -> bool:
        """The registry rates the approach ineffective or harmful: shown as a warning."""
        return self.verdict in WARN


class Aspect(enum.StrEnum):
    EFFECT = "effect"
    IMPLEMENTATION = "implementation"
    USER_EXPERIENCE = "user_experience"
    PARTICIPATION = "participation"


class Performer(enum.StrEnum):
    INTERNAL = "internal"
    JOINT = "joint"
    EXTERNAL = "external"  # a research institute or competence centre


@dataclass(frozen=True, slots=True, kw_only=True)
class EvaluationPlan:
    """How the measure will be evaluated — settled before it starts (handbook 4.3)."""

    aspects: frozenset[Aspect]
    method: str
    performer: Performer
    due_on: date
    performer_name: str | None = None  # e.g. the research institute


@dataclass(frozen=True, slots=True, kw_only=True)
class Milestone:
    id: UUID
    title: str
    due_on: date | None = None
    done_on: date | None = None
    weight: int = 1  # progress counts milestones by weight

    @property
    def done(self) -> bool:
        return self.done_on is not None


class EvaluationTrigger(enum.StrEnum):
    """Why evaluation is required (DOMAIN.md): any one suffices."""

    NEW_OR_TRIAL = "new_or_trial"
    TRANSFERABLE = "transferable"
    COSTLY = "costly"
    RISK_OF_NEGATIVE_EFFECTS = "risk_of_negative_effects"
    STRATEGY_ANCHORED = "strategy_anchored"


@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    id: UUID
    unit_id: UUID
    title: str
    problem: str  # the problem it addresses
    tier: Tier
    description: str | None = None
    target_group: str | None = None
    target_age_min: int | None = None
    target_age_max: int | None = None
    focus_area_ids: tuple[UUID, ...] = ()  # of the unit's action plans
    goal_ids: tuple[UUID, ...] = ()  # the plan goals it serves (progress rolls up through them)
    responsible_organisation_ids: tuple[UUID, ...] = ()
    partner_organisation_ids: tuple[UUID, ...] = ()
    owner_id: UUID | None = None  # the contact person who owns the measure (a Person)
    budget_nok: int | None = None
    staff_hours: int | None = None
    start_on: date | None = None
    end_on: date | None = None
    milestones: tuple[Milestone, ...] = ()
    risk_factors: tuple[str, ...] = ()  # codes of ``factors.RISK``
    protective_factors: tuple[str, ...] = ()  # codes of ``factors.PROTECTIVE``
    evidence: Evidence = Evidence.UNKNOWN
    registry_references: tuple[RegistryReference, ...] = ()
    evaluation_plan: EvaluationPlan | None = None
    # The flags that make evaluation required (besides the budget above the unit's threshold).
    new_or_trial: bool = False
    transferable: bool = False
    risk_of_negative_effects: bool = False
    strategy_anchored: bool = False  # anchored in a regional or national strategy
    stage: Stage = Stage.PROPOSED
    decision_id: UUID | None = None  # the coordinating body's decision that decided it
    closing_note: str | None = None
    proposed_by: UUID | None = None  # the person who proposed it
    version: int = 1

    def check(self) -> None:
        """Raise ``ValidationFailed`` naming every invalid field (``checks``)."""
        from domain.measures.checks import check_measure  # the rules import this module

        check_measure(self)

    def evaluation_triggers(self, threshold_nok: int) -> tuple[EvaluationTrigger, ...]:
        """Why evaluation is required; empty when it is optional."""
        t = EvaluationTrigger
        out = [
            t.NEW_OR_TRIAL if self.new_or_trial else None,
            t.TRANSFERABLE if self.transferable else None,
            t.COSTLY if (self.budget_nok or 0) > threshold_nok else None,
            t.RISK_OF_NEGATIVE_EFFECTS if self.risk_of_negative_effects else None,
            t.STRATEGY_ANCHORED if self.strategy_anchored else None,
        ]
        return tuple(x for x in out if x is not None)

    @property
    def registry_warning(self) -> bool:
        return any(r.warns for r in self.registry_references)

    @property
    def state(self) -> MeasureState:
        return MeasureState(
            stage=self.stage,
            owner_id=self.owner_id,
            start_on=self.start_on,
            has_evaluation_plan=self.evaluation_plan is not None,
            responsible_organisation_count=len(self.responsible_organisation_ids),
        )

    def progress(self) -> float:
        """Share of milestone weight done, 0..1; a concluded or continued measure with no
        milestones counts as done, any other without milestones as not started."""
        total = sum(m.weight for m in self.milestones)
        if total == 0:
            return 1.0 if self.stage in (Stage.CONCLUDED, Stage.CONTINUED) else 0.0
        return sum(m.weight for m in self.milestones if m.done) / total

    def with_stage(
        self, target: Stage, *, decision_id: UUID | None = None, closing_note: str | None = None
    ) -> Measure:
        """The measure in ``target`` (the caller checked the transition); version moves on."""
        return replace(
            self,
            stage=target,
            decision_id=decision_id if decision_id is not None else self.decision_id,
            closing_note=closing_note if closing_note is not None else self.closing_note,
            version=self.version + 1,
        )
