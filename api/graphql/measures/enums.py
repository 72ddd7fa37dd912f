"""GraphQL, measures context: the domain's enums under their schema names."""

from __future__ import annotations

import strawberry

from domain.measures import evaluation as e
from domain.measures import measure as m
from domain.measures import plan as p
from domain.measures import stage as s

Stage = strawberry.enum(s.Stage, name="MeasureStage")
Tier = strawberry.enum(m.Tier, name="PreventionTier")
Evidence = strawberry.enum(m.Evidence, name="Evidence")
Registry = strawberry.enum(m.Registry, name="EvidenceRegistry")
Verdict = strawberry.enum(m.Verdict, name="RegistryVerdict")
Aspect = strawberry.enum(m.Aspect, name="EvaluationAspect")
Performer = strawberry.enum(m.Performer, name="EvaluationPerformer")
EvaluationTrigger = strawberry.enum(m.EvaluationTrigger, name="EvaluationTrigger")
Conclusion = strawberry.enum(e.Conclusion, name="EvaluationConclusion")
PlanStatus = strawberry.enum(p.PlanStatus, name="ActionPlanStatus")
Weighting = strawberry.enum(p.Weighting, name="ProgressWeighting")
