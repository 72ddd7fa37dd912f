"""Measures domain room: ``MeasuresService``, the context's use cases composed from one class per
aggregate. Both front doors (REST, GraphQL) call these and nothing else.

``MeasuresService(uow_factory, clock, guard, mail, sender=...)``: ``sender`` is the address
reminders come from (the composition root passes the configured one)."""

from __future__ import annotations

from domain.measures.batches import BatchUseCases
from domain.measures.changes import EvaluationChanges as EvaluationChanges
from domain.measures.changes import FocusAreaInput as FocusAreaInput
from domain.measures.changes import GoalInput as GoalInput
from domain.measures.changes import MeasureChanges as MeasureChanges
from domain.measures.changes import MilestoneInput as MilestoneInput
from domain.measures.changes import PlanChanges as PlanChanges
from domain.measures.evaluations import EvaluationUseCases
from domain.measures.exports import ExportUseCases
from domain.measures.measures import MeasureUseCases
from domain.measures.notes import NoteUseCases
from domain.measures.plans import PlanUseCases
from domain.measures.reads import ReadUseCases
from domain.measures.reminders import ReminderUseCases
from domain.measures.reports import ReportUseCases
from domain.measures.transitions import TransitionUseCases


class MeasuresService(
    ExportUseCases,  # first: it builds on PlanUseCases (the tree)
    MeasureUseCases,
    TransitionUseCases,
    NoteUseCases,
    EvaluationUseCases,
    ReportUseCases,
    PlanUseCases,
    ReadUseCases,
    ReminderUseCases,
    BatchUseCases,  # the GraphQL DataLoaders' reads
):
    """Every use case of the measures context, as the composition root wires it."""
