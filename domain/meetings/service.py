"""Meetings domain room: ``MeetingsService``, the use cases of the meetings context composed from
one class per aggregate. Both front doors (REST, GraphQL) call these and nothing else."""

from __future__ import annotations

from domain.meetings.agenda import AgendaItemChanges as AgendaItemChanges
from domain.meetings.agenda import AgendaUseCases
from domain.meetings.approvals import ApprovalUseCases
from domain.meetings.attendances import AttendanceUseCases
from domain.meetings.distribution import DistributionUseCases
from domain.meetings.distribution import Outbox as Outbox
from domain.meetings.drafts import ActionItemChanges as ActionItemChanges
from domain.meetings.drafts import DraftUseCases
from domain.meetings.meetings import MeetingChanges as MeetingChanges
from domain.meetings.meetings import MeetingUseCases
from domain.meetings.publication import PublicationUseCases
from domain.meetings.reads import ReadUseCases
from domain.meetings.recording import RecordingUseCases


class MeetingsService(
    MeetingUseCases,
    AgendaUseCases,
    AttendanceUseCases,
    RecordingUseCases,
    DraftUseCases,
    DistributionUseCases,
    ApprovalUseCases,
    PublicationUseCases,
    ReadUseCases,
):
    """Every use case of the meetings context, as the composition root wires it."""
