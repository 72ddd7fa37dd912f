"""Cases domain room: ``CasesService``, the context's use cases composed from one class per
aggregate. Both front doors (REST, GraphQL) call these and nothing else.

``CasesService(uow_factory, clock, mail, guard, sender=...)``. Every read builds its view item by
item through ``decision.decide`` and appends the access-log entries in the same unit of work."""

from __future__ import annotations

from domain.cases.cases import CaseUseCases
from domain.cases.changes import CaseChanges as CaseChanges
from domain.cases.changes import CommitmentChanges as CommitmentChanges
from domain.cases.changes import GuardianInput as GuardianInput
from domain.cases.changes import NewBasis as NewBasis
from domain.cases.changes import NewBreach as NewBreach
from domain.cases.changes import NewCommitment as NewCommitment
from domain.cases.changes import NewConsent as NewConsent
from domain.cases.changes import NewMember as NewMember
from domain.cases.changes import NewNote as NewNote
from domain.cases.changes import NewParty as NewParty
from domain.cases.changes import NewSubject as NewSubject
from domain.cases.changes import OpenCase as OpenCase
from domain.cases.changes import SubjectChanges as SubjectChanges
from domain.cases.commitments import CommitmentUseCases
from domain.cases.consents import ConsentUseCases
from domain.cases.deletion import DeletionUseCases
from domain.cases.disclosure import DisclosureUseCases
from domain.cases.notes import NoteUseCases
from domain.cases.reminders import ReminderUseCases
from domain.cases.reports import ReportUseCases
from domain.cases.subjects import SubjectUseCases
from domain.cases.team import TeamUseCases


class CasesService(
    CaseUseCases,
    SubjectUseCases,
    TeamUseCases,
    CommitmentUseCases,
    NoteUseCases,
    ConsentUseCases,
    ReminderUseCases,
    DisclosureUseCases,
    ReportUseCases,
    DeletionUseCases,
):
    """Every use case of the cases context, as the composition root wires it."""
