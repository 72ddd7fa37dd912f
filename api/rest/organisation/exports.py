"""REST: a body's member list to download, as CSV (Norwegian Excel) or XLSX."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Query, Response

from api.rest.deps import PrincipalDep
from api.rest.errors import READ_ERRORS
from api.rest.inputs import UiLanguage
from api.rest.organisation.deps import ServiceDep
from api.rest.tabular import Cell, to_csv, to_xlsx
from domain.organisation.roster import Roster
from domain.shared.principal import BodyRole

router = APIRouter(prefix="/api")

Lang = UiLanguage
LangQ = Annotated[Lang, Query(description="Language of the column headings and roles.")]

HEADER: dict[Lang, tuple[str, ...]] = {
    Lang.NB: ("Navn", "Rolle", "Stilling", "Representerer", "E-post", "Telefon", "Fra", "Til"),
    Lang.NN: ("Namn", "Rolle", "Stilling", "Representerer", "E-post", "Telefon", "Frå", "Til"),
    Lang.EN: ("Name", "Role", "Title", "Represents", "E-mail", "Phone", "From", "To"),
}
ROLE: dict[Lang, dict[BodyRole, str]] = {
    Lang.NB: {
        BodyRole.CHAIR: "Leder",
        BodyRole.SECRETARY: "Sekretær",
        BodyRole.MEMBER: "Medlem",
        BodyRole.OBSERVER: "Observatør",
    },
    Lang.NN: {
        BodyRole.CHAIR: "Leiar",
        BodyRole.SECRETARY: "Sekretær",
        BodyRole.MEMBER: "Medlem",
        BodyRole.OBSERVER: "Observatør",
    },
    Lang.EN: {
        BodyRole.CHAIR: "Chair",
        BodyRole.SECRETARY: "Secretary",
        BodyRole.MEMBER: "Member",
        BodyRole.OBSERVER: "Observer",
    },
}
MEMBERS: dict[Lang, str] = {Lang.NB: "medlemmer", Lang.NN: "medlemmer", Lang.EN: "members"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The body's current members.",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}


def _rows(roster: Roster, lang: Lang) -> list[list[Cell]]:
    return [
        [
            x.person.name,
            ROLE[lang][x.role],
            x.person.title,
            x.organisation_name,
            x.person.email,
            x.person.phone,
            x.valid_from,
            x.valid_to,
        ]
        for x in roster.lines
    ]


def _attachment(name: str, lang: Lang, ext: str) -> dict[str, str]:
    """``filename`` in plain ASCII for old clients, ``filename*`` in UTF-8 (RFC 6266)."""
    full = f"{name} – {MEMBERS[lang]}.{ext}"
    ascii_name = unicodedata.normalize("NFKD", full).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-") or f"members.{ext}"
    return {
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(full)}",
        "Cache-Control": "no-store",  # personal contact details: never in a shared cache
    }


@router.get(
    "/bodies/{id}/members.csv",
    tags=["bodies"],
    operation_id="bodies-membersCsv",
    response_class=Response,
    responses={**READ_ERRORS, **FILE_RESPONSE},
)
async def members_csv(
    id: UUID, p: PrincipalDep, svc: ServiceDep, lang: LangQ = Lang.NB
) -> Response:
    """The body's current members with contact details, as CSV for Excel (UTF-8 BOM, `;`)."""
    roster = await svc.roster(p, id)
    body = to_csv(HEADER[lang], _rows(roster, lang))
    headers = _attachment(roster.body.name, lang, "csv")
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


@router.get(
    "/bodies/{id}/members.xlsx",
    tags=["bodies"],
    operation_id="bodies-membersXlsx",
    response_class=Response,
    responses={
        **READ_ERRORS,
        200: {
            "description": "The body's current members.",
            "content": {XLSX: {"schema": {"type": "string", "format": "binary"}}},
        },
    },
)
async def members_xlsx(
    id: UUID, p: PrincipalDep, svc: ServiceDep, lang: LangQ = Lang.NB
) -> Response:
    """The body's current members with contact details, as an Excel workbook."""
    roster = await svc.roster(p, id)
    body = to_xlsx(roster.body.name, HEADER[lang], _rows(roster, lang))
    return Response(body, media_type=XLSX, headers=_attachment(roster.body.name, lang, "xlsx"))
