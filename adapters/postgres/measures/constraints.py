"""Measures room: the measures tables' constraint names as the domain errors the use cases raise
for the same rules (ADR 0007); anything else falls back to the shared mapping."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from adapters.postgres.constraints import domain_error as shared_error
from adapters.postgres.organisation.base import STALE
from domain.measures.errors import ReportTooLarge, UnsupportedReport
from domain.shared.errors import DomainError, InUse, StaleVersion, ValidationFailed


def _field(field: str, code: str, message: str) -> Callable[[], DomainError]:
    return lambda: ValidationFailed.single(field, code, message)


RULES: dict[str, Callable[[], DomainError]] = {
    # A second transition from the same step: the other one won.
    "uq_measure_stage_change_sequence": lambda: StaleVersion(STALE),
    "measure_pkey": lambda: StaleVersion("The record was created in the meantime."),
    "measure_unit_id_owner_person_id_fkey": _field(
        "ownerId", "unknown", "No such person in this unit."
    ),
    "measure_organisation_unit_id_organisation_id_fkey": _field(
        "responsibleOrganisationIds", "unknown", "No such organisation in this unit."
    ),
    # The deferred triggers that stand in for foreign keys of the id arrays (migration 0010).
    "tg_measure_focus_areas_exist": _field(
        "focusAreaIds", "unknown", "No such focus area in this unit's action plans."
    ),
    "tg_measure_goals_exist": _field("goalIds", "unknown", "No such goal in this unit's plans."),
    "tg_plan_focus_area_in_use": lambda: InUse("A measure still serves a focus area removed."),
    "tg_plan_goal_in_use": lambda: InUse("A measure still serves a goal removed."),
    "ck_measure_age_range": _field(
        "targetAgeMax", "out-of-range", "The age range is 0-25, the lower bound first."
    ),
    "ck_measure_period": _field("endOn", "before-start", "The end date is before the start."),
    "ck_measure_resources": _field("budgetNok", "out-of-range", "Budget and hours are >= 0."),
    "ck_measure_title": _field("title", "too-long", "The title is missing or too long."),
    "ck_action_plan_period": _field(
        "periodEnd", "not-after-start", "The period ends after it starts."
    ),
    "ck_evaluation_report_type": lambda: UnsupportedReport(
        "The report must be a PDF, DOCX or ODT document."
    ),
    "ck_evaluation_report_size": lambda: ReportTooLarge("The report is too large (20 MiB)."),
}


def domain_error(exc: IntegrityError, *, deleting: bool = False) -> DomainError:
    cause = getattr(exc.orig, "__cause__", None)
    rule = RULES.get(getattr(cause, "constraint_name", None) or "")
    return rule() if rule is not None else shared_error(exc, deleting=deleting)
