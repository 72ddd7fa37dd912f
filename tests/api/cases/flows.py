"""Cases REST tests room: the shared setting of the disclosure tests — Ola (rus og psykisk helse:
the health regime) opens a case and writes a note, adds Kari (the municipality: SLT's own) and
Per (the police) to the team, and registers a consent whose events the test records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from tests.api.cases.support import (
    KARI,
    KOMMUNE,
    PER,
    POLITI,
    RUS_PSYK,
    add_member,
    as_,
    consent_payload,
    event,
    ok,
    open_case,
    parties_of,
    session,
)


@dataclass
class Setting:
    case: dict[str, Any]
    note: dict[str, Any]
    consent: dict[str, Any]
    ola: httpx.AsyncClient  # Ola's own session

    @property
    def id(self) -> str:
        return str(self.case["id"])

    def party(self, kind: str, n: int = 0) -> str:
        return str([p for p in self.consent["parties"] if p["kind"] == kind][n]["id"])


async def setting(
    c: httpx.AsyncClient,
    *,
    age: int = 14,
    categories: tuple[str, ...] = ("identity", "health", "involvement"),
    recipients: tuple[Any, ...] = (KOMMUNE, POLITI),
) -> Setting:
    ola = await session(c, "body_member")
    case = ok(await open_case(ola, {}, age=age), 201)
    note = ok(
        await ola.post(
            f"/api/cases/{case['id']}/notes",
            json={"category": "health", "text": "Sover dårlig, lite på skolen."},
        ),
        201,
    )
    await add_member(ola, {}, case["id"], KARI, KOMMUNE)
    await add_member(ola, {}, case["id"], PER, POLITI)
    payload = consent_payload(
        case,
        categories=list(categories),
        sources=[RUS_PSYK],
        recipients=list(recipients),
        parties=parties_of(case),
    )
    consent = ok(await ola.post(f"/api/cases/{case['id']}/consents", json=payload), 201)
    return Setting(case=case, note=note, consent=consent, ola=ola)


async def give(
    c: httpx.AsyncClient, s: Setting, party: str, kind: str = "given", seq: int = 0
) -> None:
    ok(await event(s.ola, {}, s.consent["id"], party, kind, seq), 201)


async def read_as(c: httpx.AsyncClient, s: Setting, who: str) -> dict[str, Any]:
    h = await as_(c, who)
    return ok(await c.get(f"/api/cases/{s.id}", headers=h))  # type: ignore[no-any-return]


def note_of(case: dict[str, Any], note_id: str) -> dict[str, Any]:
    return next(n["note"] for n in case["notes"] if n["id"] == note_id)  # type: ignore[no-any-return]
