"""Meetings domain room: the context's errors, each a subclass of a kernel error (so both doors map
them by their base: ``Conflict`` → 409, ``Forbidden`` → 403) with a stable code of its own."""

from __future__ import annotations

from domain.shared.errors import Conflict, Forbidden


class IllegalTransition(Conflict):
    """A status change the transition table does not allow now; ``precondition`` names what is unmet."""

    code = "illegal-transition"
    title = "The change is not allowed in the current status"

    def __init__(self, current: str, target: str, precondition: str) -> None:
        super().__init__(f"Cannot go from {current} to {target}: {precondition}.")
        self.current = current
        self.target = target
        self.precondition = precondition


class MinutesLocked(Conflict):
    """Approved minutes never change: a correction is a new version with a reason."""

    code = "minutes-approved"
    title = "Approved minutes cannot be changed"


class NotChair(Forbidden):
    """Only the body's chair on the meeting's date approves (or corrects) its minutes directly."""

    code = "not-chair"
    title = "Only the chair on the meeting date may do this"
