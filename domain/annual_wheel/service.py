"""Annual-wheel domain room: ``AnnualWheelService``, the use cases of the context composed from one
class per aggregate. Both front doors (REST, GraphQL) call these and nothing else."""

from __future__ import annotations

from domain.annual_wheel.compliance import BodyCompliance as BodyCompliance
from domain.annual_wheel.compliance import ComplianceUseCases
from domain.annual_wheel.tasks import Generated as Generated
from domain.annual_wheel.tasks import TaskUseCases
from domain.annual_wheel.templates import TemplateChanges as TemplateChanges
from domain.annual_wheel.templates import TemplateUseCases


class AnnualWheelService(TemplateUseCases, TaskUseCases, ComplianceUseCases):
    """Every use case of the annual-wheel context, as the composition root wires it."""
