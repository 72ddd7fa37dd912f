"""Knowledge domain room: an import job's lifecycle as one table of edges.

``queued → running → previewed | committed | failed | interrupted``; ``previewed → queued`` (the
commit of a clean preview: same spooled file, mode commit); ``committed → rolled_back``;
``interrupted → queued`` (the user runs it again); ``interrupted → previewed | failed`` (a late
outcome wins over the sweeper's guess; a commit the pipeline made is ``committed`` whatever the
job said); ``queued → failed``. ``failed`` and ``rolled_back`` are final."""

from __future__ import annotations

from domain.knowledge.errors import ImportNotReady
from domain.knowledge.model import JobStatus

S = JobStatus
EDGES: dict[JobStatus, frozenset[JobStatus]] = {
    S.QUEUED: frozenset({S.RUNNING, S.FAILED}),
    S.RUNNING: frozenset({S.PREVIEWED, S.COMMITTED, S.FAILED, S.INTERRUPTED}),
    S.PREVIEWED: frozenset({S.QUEUED}),
    S.COMMITTED: frozenset({S.ROLLED_BACK}),
    S.INTERRUPTED: frozenset({S.QUEUED, S.PREVIEWED, S.FAILED}),
    S.FAILED: frozenset(),
    S.ROLLED_BACK: frozenset(),
}
FINAL = frozenset(s for s, targets in EDGES.items() if not targets)
# A job in one of these holds its spooled file (it may still run, or be committed after preview).
KEEPS_FILE = frozenset({S.QUEUED, S.RUNNING, S.PREVIEWED, S.INTERRUPTED})
ACTIVE = frozenset({S.QUEUED, S.RUNNING})


def can_move(current: JobStatus, target: JobStatus) -> bool:
    return target in EDGES[current]


def check_move(current: JobStatus, target: JobStatus) -> None:
    """Raise ``ImportNotReady`` (409) unless the table has the edge."""
    if not can_move(current, target):
        raise ImportNotReady(current.value, target.value)
