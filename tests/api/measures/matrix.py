"""Measures REST tests room: the fixtures the role matrix and tenant isolation walk — a measure
Ola proposed, a running measure Ola owns with its planned evaluation and its report, a draft
plan and a coordinating decision — and one case per route."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from api.rest.measures import (
    evaluations,
    exports,
    measures,
    notes,
    plans,
    reads,
    reports,
    settings,
    transitions,
)
from tests.api.measures.support import OLA, active, decision, headers, ok, propose

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Ids:
    proposed: str  # proposed by Ola (the body_member persona)
    running: str  # active, owned by Ola
    evaluation: str  # the running measure's planned evaluation, with a report
    plan: str  # a draft
    decision: str  # numbered, of the coordinating group


async def build(client: httpx.AsyncClient) -> Ids:
    """Made by Ola and the coordinator, before the persona under test logs in."""
    ola = await headers(client, "body_member")
    proposed = ok(await propose(client, ola, title="Foreldrevandring"), 201)
    h = await headers(client)
    running = (await active(client, h)).json()
    evaluation = ok(await client.get(f"/api/measures/{running['id']}/evaluations", headers=h))[0]
    report = await client.put(
        f"/api/evaluations/{evaluation['id']}/report",
        params={"filename": "evaluering.pdf"},
        content=PDF,
        headers={**h, "If-Match": f'"{evaluation["version"]}"', "Content-Type": "application/pdf"},
    )
    ok(report)
    plan = await client.post(
        "/api/action-plans",
        json={
            "title": "Handlingsplan 2026–2029",
            "periodStart": "2026-01-01",
            "periodEnd": "2029-12-31",
            "focusAreas": [
                {"title": "Trygge oppvekstmiljø", "goals": [{"title": "Færre skoleavbrudd"}]}
            ],
        },
        headers=h,
    )
    return Ids(
        proposed=proposed["id"],
        running=running["id"],
        evaluation=evaluation["id"],
        plan=ok(plan, 201)["id"],
        decision=await decision(client, h),
    )


STALE = {"If-Match": '"999"'}
READ, PROPOSE, EDIT, FOLLOW_UP, MANAGE = "read", "propose", "edit", "follow-up", "manage"


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    route: str
    policy: str
    allowed_status: int
    json: dict | None = None
    headers: dict | None = None
    content: bytes | None = None


def cases(i: Ids) -> list[Case]:
    """Writes stop at a harmless rule for an allowed caller (a stale If-Match, a blank text)."""
    p, r = f"/api/measures/{i.proposed}", f"/api/measures/{i.running}"
    e, plan = f"/api/evaluations/{i.evaluation}", f"/api/action-plans/{i.plan}"
    return [
        Case("GET", "/api/measures", "/api/measures", READ, 200),
        Case(
            "POST",
            "/api/measures",
            "/api/measures",
            PROPOSE,
            422,
            {"title": " ", "problem": "P", "tier": "universal"},
        ),
        Case("GET", "/api/measures/board", "/api/measures/board", READ, 200),
        Case("GET", "/api/measures/export.csv", "/api/measures/export.csv", READ, 200),
        Case("GET", "/api/measures/portfolio", "/api/measures/portfolio", READ, 200),
        Case("GET", "/api/measures/attention", "/api/measures/attention", READ, 200),
        Case("GET", p, "/api/measures/{id}", READ, 200),
        Case("PATCH", p, "/api/measures/{id}", EDIT, 412, {"title": "Nytt"}, STALE),
        Case("DELETE", p, "/api/measures/{id}", MANAGE, 412, None, STALE),
        Case(
            "POST",
            f"{p}/transitions",
            "/api/measures/{id}/transitions",
            MANAGE,
            412,
            {"target": "assessed"},
            STALE,
        ),
        Case("GET", f"{p}/history", "/api/measures/{id}/history", READ, 200),
        Case("GET", f"{r}/timeline", "/api/measures/{id}/timeline", READ, 200),
        Case("GET", f"{r}/notes", "/api/measures/{id}/notes", READ, 200),
        Case("POST", f"{r}/notes", "/api/measures/{id}/notes", FOLLOW_UP, 422, {"text": " "}),
        Case("GET", f"{r}/evaluations", "/api/measures/{id}/evaluations", READ, 200),
        Case(
            "POST",
            f"{r}/evaluations",
            "/api/measures/{id}/evaluations",
            FOLLOW_UP,
            422,
            {"aspects": ["effect"], "performer": "internal", "method": " "},
        ),
        Case("GET", "/api/evaluations/due", "/api/evaluations/due", READ, 200),
        Case("POST", "/api/evaluations/reminders", "/api/evaluations/reminders", MANAGE, 200),
        Case("GET", e, "/api/evaluations/{id}", READ, 200),
        Case("PATCH", e, "/api/evaluations/{id}", FOLLOW_UP, 412, {"method": "Intervju"}, STALE),
        Case("DELETE", e, "/api/evaluations/{id}", FOLLOW_UP, 412, None, STALE),
        Case(
            "PUT", f"{e}/report", "/api/evaluations/{id}/report", FOLLOW_UP, 412, None, STALE, PDF
        ),
        Case("GET", f"{e}/report", "/api/evaluations/{id}/report", READ, 200),
        Case("GET", "/api/action-plans", "/api/action-plans", READ, 200),
        Case(
            "POST",
            "/api/action-plans",
            "/api/action-plans",
            MANAGE,
            422,
            {"title": " ", "periodStart": "2026-01-01", "periodEnd": "2029-12-31"},
        ),
        Case("GET", plan, "/api/action-plans/{id}", READ, 200),
        Case("GET", f"{plan}/export.xlsx", "/api/action-plans/{id}/export.xlsx", READ, 200),
        Case("GET", f"{plan}/export.pdf", "/api/action-plans/{id}/export.pdf", READ, 200),
        Case("PATCH", plan, "/api/action-plans/{id}", MANAGE, 412, {"title": "Ny"}, STALE),
        Case("DELETE", plan, "/api/action-plans/{id}", MANAGE, 412, None, STALE),
        Case(
            "POST",
            f"{plan}/adoption",
            "/api/action-plans/{id}/adoption",
            MANAGE,
            412,
            {"decisionId": i.decision},
            STALE,
        ),
        Case("GET", "/api/measure-settings", "/api/measure-settings", READ, 200),
        Case(
            "PUT",
            "/api/measure-settings",
            "/api/measure-settings",
            MANAGE,
            200,
            {"evaluationThresholdNok": 500_000},
        ),
        Case("GET", "/api/measure-factors", "/api/measure-factors", READ, 200),
        Case("GET", "/api/decisions", "/api/decisions", READ, 200),
    ]


MODULES = (reads, exports, measures, transitions, notes, evaluations, reports, plans, settings)


def routes() -> set[tuple[str, str]]:
    """Every route of the measures door, as (method, path): this matrix covers them all."""
    return {
        (method, route.path_format)  # type: ignore[attr-defined]
        for module in MODULES
        for route in module.router.routes
        for method in route.methods  # type: ignore[attr-defined]
    }


__all__ = ["OLA", "Case", "Ids", "build", "cases", "routes"]
