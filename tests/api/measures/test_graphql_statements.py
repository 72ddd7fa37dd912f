"""GraphQL door of measures: a page of measures with their nested reads (owner, organisations,
timeline, history, notes, evaluations) costs the same number of SQL statements for 2 measures as
for 10 — one batch per loader, one connection, one REPEATABLE READ snapshot (ADR 0011)."""

from __future__ import annotations

from typing import Any

from tests.api.measures.test_graphql_flow import (
    NOTE,
    OWNER,
    PPT,
    coordinator,
    decision,
    evaluation_plan,
    move,
    ok,
    propose,
    read,
    today,
)
from tests.integration.test_request_connections import tally

__all__ = ["coordinator"]

PAGE = """query($tier: PreventionTier!) { measures(filter: {tier: $tier}, limit: 10) {
  total items { id stage progress decision { label } owner { name organisation { name } }
    responsibleOrganisations { name }
    timeline(limit: 20) { kind at stageChange { toStage } note { text } evaluation { dueOn } }
    history(limit: 10) { sequence toStage }
    notes(limit: 5) { text }
    evaluations(limit: 5) { dueOn completed } } } }"""


async def _active(c: Any, tier: str, decided_by: str) -> None:
    m = await propose(
        c,
        tier=tier,
        responsibleOrganisationIds=[str(PPT)],
        ownerId=str(OWNER),
        startOn=today().isoformat(),
        evaluationPlan=evaluation_plan(),
    )
    m = await move(c, m, "ASSESSED")
    m = await move(c, m, "DECIDED", decision=decided_by)
    m = await move(c, m, "ACTIVE")
    await ok(c, NOTE, "addProgressNote", m=m["id"], text="Godt i gang.")


async def _count(client: Any, container: Any, tier: str) -> tuple[Any, dict[str, Any]]:
    await read(client, PAGE, tier=tier)  # warm: prepared statements
    with tally(container) as t:
        got = await read(client, PAGE, tier=tier)
    print(f"measures page of {tier}: {t.checkouts} checkout(s), {len(t.statements)} statements")
    return t, got["measures"]


async def test_statements_do_not_grow_with_the_number_of_measures(
    coordinator: Any, container: Any
) -> None:
    c = coordinator
    d = await decision(c)
    for _ in range(2):
        await _active(c, "SELECTIVE", d)
    for _ in range(10):
        await _active(c, "UNIVERSAL", d)

    small, small_page = await _count(c, container, "SELECTIVE")
    large, large_page = await _count(c, container, "UNIVERSAL")

    assert (small_page["total"], large_page["total"]) == (2, 10)
    for m in large_page["items"]:
        assert m["owner"]["name"] == "Jon Moe" and m["decision"]["label"]
        assert [e["kind"] for e in m["timeline"]].count("stage") == 4
        assert len(m["history"]) == 4 and len(m["notes"]) == 1 and len(m["evaluations"]) == 1
    for t in (small, large):
        assert t.checkouts == 1
        assert t.begins == 1
        assert "REPEATABLE READ" in next(s for s in t.statements if s.upper().startswith("BEGIN"))
    assert len(large.statements) == len(small.statements), (small.statements, large.statements)
    # Authentication, BEGIN; the page (measures, threshold, decisions); persons, organisations;
    # one batch each for history, evaluations and notes (the timeline is built from them).
    assert len(large.statements) <= 12, large.statements
