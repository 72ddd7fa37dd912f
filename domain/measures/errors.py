"""Measures domain room: the context's errors, each a subclass of a kernel error (``Conflict`` →
409) with a stable code. ``precondition_codes`` let a client word each unmet precondition in the
user's language; ``precondition`` says the same in English for developers."""

from __future__ import annotations

from domain.shared.errors import Conflict


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
