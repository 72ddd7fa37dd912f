"""Agreements domain room: ``AgreementsService``, the context's use cases composed from one class
per aggregate. Both front doors (REST, GraphQL) call these and nothing else."""

from __future__ import annotations

from domain.agreements.agreements import AgreementChanges as AgreementChanges
from domain.agreements.agreements import AgreementUseCases
from domain.agreements.documents import DocumentUseCases


class AgreementsService(AgreementUseCases, DocumentUseCases):
    """Every use case of the agreements context, as the composition root wires it."""
