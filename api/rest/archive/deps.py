"""REST archive room: the archive service from the composition root, with the principal in one
dependency (``CallerDep``: one connection per request)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from api.rest.deps import Caller, caller
from domain.archive.service import ArchiveService
from domain.shared.errors import VersionRequired


def _service(c: Any) -> ArchiveService:
    return c.archive  # type: ignore[no-any-return]


CallerDep = Annotated[Caller[ArchiveService], Depends(caller(_service))]


def required_version(version: int | None) -> int:
    """The If-Match version a change is based on; missing: 428 like every other context."""
    if version is None:
        raise VersionRequired("Send If-Match with the version you read.")
    return version
