"""Measures domain room: the context's errors, each a subclass of a kernel error (``Conflict`` →
409) with a stable code. ``precondition_codes`` let a client word each unmet precondition in the
user's language; ``precondition`` says the same in English for developers."""

from __future__ import annotations

from domain.shared.errors import Conflict, DomainError


class IllegalTransition(Conflict):
    """A stage change the lifecycle does not allow now."""

    code = "illegal-transition"
    title = "The change is not allowed in the current stage"

    def __init__(
        self, current: str, target: str, precondition_codes: list[str], precondition: str
    ) -> None:
        super().__init__(f"Cannot go from {current} to {target}: {precondition}.")
        self.current = current
        self.target = target
        self.precondition = precondition
        self.precondition_codes = precondition_codes


class PlanLocked(Conflict):
    """An adopted (or expired) plan's tree is what the steering body decided: it is not edited."""

    code = "plan-adopted"
    title = "An adopted action plan cannot be changed"


class MeasureInLifecycle(Conflict):
    """Only a measure still ``proposed`` may be removed; later, its history is the record."""

    code = "measure-in-lifecycle"
    title = "A measure past its proposal cannot be removed"


class MeasureNotRunning(Conflict):
    """Evaluations belong to a decided or running measure."""

    code = "measure-not-running"
    title = "The measure is not decided or running"


class EvaluationCompleted(Conflict):
    """A completed evaluation is part of the record: it keeps its conclusion and is not removed."""

    code = "evaluation-completed"
    title = "A completed evaluation cannot be reopened or removed"


class ReportTooLarge(DomainError):
    """The report passed the size limit; nothing was stored."""

    code = "content-too-large"
    title = "The report is too large"


class UnsupportedReport(DomainError):
    """The bytes are not a PDF, DOCX or ODT document, whatever the name says."""

    code = "unsupported-media-type"
    title = "The report must be a PDF, DOCX or ODT document"
