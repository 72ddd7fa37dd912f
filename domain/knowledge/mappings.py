"""Knowledge domain room: saved column mappings per (kind, source name), so a monthly file from
the same source maps itself."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from domain.knowledge import limits as lim
from domain.knowledge.base import UseCases
from domain.knowledge.imports import check_upload
from domain.knowledge.kinds import KINDS
from domain.knowledge.model import ColumnMapping, ImportKind
from domain.shared.errors import Errors
from domain.shared.principal import Principal
from domain.shared.validation import text


def check_targets(kind: ImportKind, mapping: Mapping[str, str]) -> None:
    """Every target is a column of the kind (the file's headers are checked at upload)."""
    e = Errors()
    names = set(KINDS[kind].names)
    if any(t not in names for t in mapping):
        e.add("mapping", "unknown", "Not a column of this import kind.")
    e.raise_if_any()


class MappingUseCases(UseCases):
    async def mappings(self, p: Principal, kind: ImportKind) -> Sequence[ColumnMapping]:
        async with self._import(p) as uow:
            return await uow.mappings.list(kind)

    async def save_mapping(
        self,
        p: Principal,
        kind: ImportKind,
        source_name: str,
        mapping: Mapping[str, str],
        expected_version: int | None,
    ) -> ColumnMapping:
        """A new mapping (``expected_version`` None) or a change at that version."""
        e = Errors()
        text(e, "source", source_name, required=True, max_len=lim.SOURCE_NAME_MAX)
        e.raise_if_any()
        check_upload("mapping", source_name, mapping)
        check_targets(kind, mapping)
        saved = ColumnMapping(
            unit_id=p.unit_id,
            kind=kind,
            source_name=source_name.strip(),
            mapping=dict(mapping),
            version=1 if expected_version is None else expected_version + 1,
        )
        async with self._import(p) as uow:
            await uow.mappings.save(saved, expected_version)
            await uow.commit()
        return saved
