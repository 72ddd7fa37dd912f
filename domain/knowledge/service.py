"""Knowledge domain room: ``KnowledgeService``, the context's use cases composed from one class per
aggregate. Both front doors, the import runner and ``samordna import`` call these and nothing else.

``KnowledgeService(uow_factory, clock, readers, spool, pipeline, max_bytes=IMPORT_MAX_BYTES)``:
``uow_factory(unit_id)`` opens one transaction for one unit (its ``measure_targets`` read the
unit's measures on the same connection); ``readers`` and ``spool`` are ``adapters/imports``;
``pipeline`` runs a job on its own connection; ``max_bytes`` is ``SAMORDNA_IMPORT_MAX_BYTES``.
The server's sweeper calls ``sweep(queue)`` with a cross-unit ``ImportJobQueue``, and schedules
``run(job_id, unit_id)`` for what it returns and for every upload/commit."""

from __future__ import annotations

from domain.knowledge.import_jobs import ImportJobUseCases
from domain.knowledge.imports import ImportUseCases
from domain.knowledge.indicators import IndicatorChange as IndicatorChange
from domain.knowledge.indicators import IndicatorDraft as IndicatorDraft
from domain.knowledge.indicators import IndicatorUseCases
from domain.knowledge.mappings import MappingUseCases
from domain.knowledge.picture import PictureUseCases


class KnowledgeService(
    IndicatorUseCases,
    PictureUseCases,
    ImportUseCases,
    ImportJobUseCases,
    MappingUseCases,
):
    """Every use case of the knowledge context, as the composition root wires it."""
