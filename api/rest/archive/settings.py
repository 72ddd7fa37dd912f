"""REST archive room: the unit's archive settings (enabled, classification, archive part) with
ETag / If-Match."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.rest.archive.deps import CallerDep, required_version
from api.rest.archive.dtos import ArchiveSettingsRead, ArchiveSettingsUpdate
from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from domain.archive.settings import SettingsChanges
from domain.shared.errors import ValidationFailed

router = APIRouter(prefix="/api/archive", tags=["archive"])


def changes_of(values: dict[str, object]) -> SettingsChanges:
    """The partial update; a field the domain does not know is a field error (never a 500)."""
    try:
        return SettingsChanges.of(**values)
    except ValueError:
        unknown = sorted(set(values) - set(ArchiveSettingsUpdate.model_fields))
        field = unknown[0] if unknown else "body"
        raise ValidationFailed.single(field, "unknown", "No such setting.") from None


@router.get("/settings", operation_id="archive-settings-get", responses=READ_ERRORS)
async def get_settings(call: CallerDep, response: Response) -> ArchiveSettingsRead:
    """The unit's archive settings (version 0: never saved, the archive is off)."""
    s = await call.svc.settings(call.p)
    set_etag(response, s.version)
    return ArchiveSettingsRead.of(s)


@router.put("/settings", operation_id="archive-settings-set", responses=WRITE_ERRORS)
async def set_settings(
    body: ArchiveSettingsUpdate, call: CallerDep, version: IfMatchDep, response: Response
) -> ArchiveSettingsRead:
    """Change the settings sent (null or blank clears an optional one). Requires If-Match."""
    changes = changes_of(body.changes())
    s = await call.svc.update_settings(call.p, changes, required_version(version))
    set_etag(response, s.version)
    return ArchiveSettingsRead.of(s)
