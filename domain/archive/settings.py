"""Archive domain room: a unit's archive settings — enabled, classification, archive part."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any
from uuid import UUID

from domain.archive.limits import CODE_MAX, NAME_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveSettings:
    """Per unit. Disabled by default: the triggers still enqueue, the worker delivers only for units
    whose archive is enabled (the SPA shows "waiting: archive not configured")."""

    unit_id: UUID
    enabled: bool = False
    classification_system: str | None = None  # klassifikasjonssystemID, e.g. "ARKNOKKEL"
    class_id: str | None = None  # klasseID, e.g. "026"; no klassifikasjon is sent without it
    archive_part: str | None = None  # arkivdel
    administrative_unit: str | None = None  # administrativEnhet
    case_officer: str | None = None  # saksansvarlig (a role or a name the municipality chose)
    version: int = 0  # 0 = never stored

    def check(self) -> None:
        e = Errors()
        v.well_formed(e, self)
        v.text(
            e, "classificationSystem", self.classification_system, required=False, max_len=CODE_MAX
        )
        v.text(e, "classId", self.class_id, required=False, max_len=CODE_MAX)
        v.text(e, "archivePart", self.archive_part, required=False, max_len=CODE_MAX)
        v.text(e, "administrativeUnit", self.administrative_unit, required=False, max_len=NAME_MAX)
        v.text(e, "caseOfficer", self.case_officer, required=False, max_len=NAME_MAX)
        e.raise_if_any()


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingsChanges:
    """A partial update: only the fields set (not ``UNSET``) change; ``None`` clears an optional one."""

    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, **values: Any) -> SettingsChanges:
        known = {f.name for f in fields(ArchiveSettings)} - {"unit_id", "version"}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings: {sorted(unknown)}")
        return cls(values=tuple(values.items()))

    def apply(self, s: ArchiveSettings) -> ArchiveSettings:
        changed = replace(s, **dict(self.values))
        changed = replace(
            changed,
            classification_system=_blank_none(changed.classification_system),
            class_id=_blank_none(changed.class_id),
            archive_part=_blank_none(changed.archive_part),
            administrative_unit=_blank_none(changed.administrative_unit),
            case_officer=_blank_none(changed.case_officer),
        )
        changed.check()
        return changed


def _blank_none(value: str | None) -> str | None:
    return value if value is None or value.strip() else None
