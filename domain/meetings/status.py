"""Meetings domain room: the meeting's status machine as one transition table, and the records'
documentation status.

``planned → held → minutes_draft → minutes_approved → distributed``; ``planned → cancelled``.
A meeting that was held happened: it cannot be cancelled afterwards (an error in its minutes is
put right by a corrected version, never by un-holding). ``distributed`` and ``cancelled`` are final.
"""

from __future__ import annotations

import enum

from domain.meetings.errors import IllegalTransition


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    MINUTES_DRAFT = "minutes_draft"
    MINUTES_APPROVED = "minutes_approved"
    DISTRIBUTED = "distributed"
    CANCELLED = "cancelled"


class DocumentationStatus(enum.StrEnum):
    """How far a record is (for the archive capability): a private note, in progress, or final."""

    PRIVATE_NOTE = "private_note"
    IN_PROGRESS = "in_progress"
    FINAL = "final"


S = MeetingStatus
# target → the one status it may be reached from, and the precondition named when it is not.
TRANSITIONS: dict[MeetingStatus, tuple[MeetingStatus, str]] = {
    S.HELD: (S.PLANNED, "only a planned meeting can be held"),
    S.MINUTES_DRAFT: (S.HELD, "minutes are started for a meeting that was held"),
    S.MINUTES_APPROVED: (S.MINUTES_DRAFT, "only draft minutes can be approved"),
    S.DISTRIBUTED: (S.MINUTES_APPROVED, "only approved minutes are distributed"),
    S.CANCELLED: (S.PLANNED, "only a planned meeting can be cancelled"),
}
FINAL = frozenset({S.DISTRIBUTED, S.CANCELLED})
# Statuses in which the minutes (texts, decisions, action items' texts) may be written.
WRITABLE = frozenset({S.MINUTES_DRAFT})
# Statuses whose minutes have an approved version.
APPROVED = frozenset({S.MINUTES_APPROVED, S.DISTRIBUTED})


def allowed(current: MeetingStatus, target: MeetingStatus) -> bool:
    rule = TRANSITIONS.get(target)
    return rule is not None and rule[0] is current


def require_transition(current: MeetingStatus, target: MeetingStatus) -> None:
    """Raise ``IllegalTransition`` naming the unmet precondition unless ``current → target`` is legal."""
    rule = TRANSITIONS.get(target)
    if rule is None:
        raise IllegalTransition(current, target, f"no transition leads to {target}")
    if rule[0] is not current:
        raise IllegalTransition(current, target, rule[1])


def require_status(current: MeetingStatus, wanted: frozenset[MeetingStatus], action: str) -> None:
    """For actions that do not move the status (writing minutes, recording attendance)."""
    if current not in wanted:
        names = " or ".join(sorted(wanted))
        raise IllegalTransition(current, current, f"{action} needs the meeting {names}")
