"""Knowledge domain room: the base every use-case class shares — its collaborators, and the one
way each use case authorises and opens its unit of work."""

from __future__ import annotations

from domain.knowledge import policies as pol
from domain.knowledge.limits import IMPORT_MAX_BYTES
from domain.knowledge.ports import (
    Clock,
    FileReaders,
    ImportPipeline,
    KnowledgeUnitOfWork,
    KnowledgeUnitOfWorkFactory,
    Spool,
)
from domain.shared.policies import require
from domain.shared.principal import Principal


class UseCases:
    def __init__(
        self,
        uow_factory: KnowledgeUnitOfWorkFactory,
        clock: Clock,
        readers: FileReaders,
        spool: Spool,
        pipeline: ImportPipeline,
        max_bytes: int = IMPORT_MAX_BYTES,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._readers = readers
        self._spool = spool
        self._pipeline = pipeline
        self._max_bytes = max_bytes

    def _read(self, p: Principal) -> KnowledgeUnitOfWork:
        require(pol.can_read(p), "see this unit's knowledge base")
        return self._uow(p.unit_id)

    def _manage(self, p: Principal) -> KnowledgeUnitOfWork:
        require(pol.can_manage(p), "manage this unit's indicators")
        return self._uow(p.unit_id)

    def _import(self, p: Principal) -> KnowledgeUnitOfWork:
        require(pol.can_import(p), "import into this unit's knowledge base")
        return self._uow(p.unit_id)

    def _history(self, p: Principal) -> KnowledgeUnitOfWork:
        require(pol.can_see_imports(p), "see this unit's imports")
        return self._uow(p.unit_id)
