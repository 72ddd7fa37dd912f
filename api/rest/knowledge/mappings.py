"""REST knowledge room: the import kinds (columns, types, aliases, vocabularies: the SPA's
mapping screen derives from them) and the column mappings saved per (kind, source)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import AfterValidator

from api.rest.deps import IfMatchDep, set_etag
from api.rest.errors import READ_ERRORS, WRITE_ERRORS
from api.rest.inputs import plain_text
from api.rest.knowledge.deps import CallerDep
from api.rest.knowledge.dtos.imports import ColumnMappingPut, ColumnMappingRead, ImportKindRead
from api.rest.knowledge.form import mapping_of
from domain.knowledge import limits, policies
from domain.knowledge.model import ImportKind
from domain.shared.errors import Errors, VersionRequired
from domain.shared.policies import require

router = APIRouter(prefix="/api", tags=["imports"])
KindQ = Annotated[ImportKind, Query(description="The import kind.")]
Source = Annotated[
    str,
    Path(min_length=1, max_length=limits.SOURCE_NAME_MAX, description="The source's name."),
    AfterValidator(plain_text),
]


@router.get("/import-kinds", operation_id="imports-kinds", responses=READ_ERRORS)
async def import_kinds(call: CallerDep) -> list[ImportKindRead]:
    """Every import kind: its columns (type, required, aliases, vocabulary) and key."""
    require(policies.can_see_imports(call.p), "see the import kinds")
    return [ImportKindRead.of(k) for k in call.svc.kinds()]


@router.get("/import-mappings", operation_id="imports-list-mappings", responses=READ_ERRORS)
async def list_mappings(kind: KindQ, call: CallerDep) -> list[ColumnMappingRead]:
    """The unit's saved column mappings of one kind, by source name."""
    return [ColumnMappingRead.of(m) for m in await call.svc.mappings(call.p, kind)]


@router.put(
    "/import-mappings/{kind}/{source}",
    operation_id="imports-save-mapping",
    responses=WRITE_ERRORS,
)
async def save_mapping(
    kind: ImportKind,
    source: Source,
    body: ColumnMappingPut,
    call: CallerDep,
    version: IfMatchDep,
    response: Response,
) -> ColumnMappingRead:
    """Save the mapping files of this source get (target column → the file's header).
    Requires If-Match: the stored version, or ``"0"`` for a new mapping."""
    if version is None:
        raise VersionRequired('Send If-Match: "0" for a new mapping, else the stored version.')
    errors = Errors()
    mapping = mapping_of(body.mapping, errors)
    errors.raise_if_any()
    expected = version or None  # "0": nothing stored yet
    m = await call.svc.save_mapping(call.p, kind, source.strip(), mapping or {}, expected)
    set_etag(response, m.version)
    return ColumnMappingRead.of(m)
