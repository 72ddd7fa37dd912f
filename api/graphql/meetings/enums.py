"""GraphQL, meetings context: the domain's enums under their schema names."""

from __future__ import annotations

import strawberry

from domain.meetings.action_item import ActionStatus as DActionStatus
from domain.meetings.agenda_item import AgendaKind as DAgendaKind
from domain.meetings.approval import ApprovalKind as DApprovalKind
from domain.meetings.attendance import Presence as DPresence
from domain.meetings.status import DocumentationStatus as DDocumentationStatus
from domain.meetings.status import MeetingStatus as DMeetingStatus

MeetingStatus = strawberry.enum(DMeetingStatus, name="MeetingStatus")
DocumentationStatus = strawberry.enum(DDocumentationStatus, name="DocumentationStatus")
AgendaKind = strawberry.enum(DAgendaKind, name="AgendaKind")
Presence = strawberry.enum(DPresence, name="Presence")
ActionStatus = strawberry.enum(DActionStatus, name="ActionStatus")
ApprovalKind = strawberry.enum(DApprovalKind, name="ApprovalKind")
