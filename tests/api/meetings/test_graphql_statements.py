"""GraphQL door of meetings: a nested read (body → meetings → agenda items → decisions and action
items, attendance, quorum, minutes) costs the same number of SQL statements for 2 meetings of 2
items as for 10 meetings of 5 items — one connection, one REPEATABLE READ snapshot (ADR 0011)."""

from __future__ import annotations

from typing import Any

from adapters.postgres.demo import demo_id
from tests.api.meetings.test_graphql import BODY, coordinator, gql, seed
from tests.integration.test_request_connections import tally

__all__ = ["coordinator"]

OTHER_BODY = demo_id("body/koord-ungdom")  # Kari (coordinator) is its secretary

PAGE = """query($b: UUID!) { meetings(bodyId: $b, limit: 10) {
  id status body { name }
  quorum { votingMembers present reached }
  attendance(limit: 10) { presence person { name } }
  minutes(limit: 3) { number items { openText restrictedText } }
  agendaItems(limit: 20) { position title owner { name }
    decisions(limit: 5) { number text }
    actionItems(limit: 5) { text overdue owner { name organisation { name } } } }
} }"""


async def _count(client: Any, container: Any, body: Any) -> tuple[Any, dict[str, Any]]:
    await gql(client, PAGE, b=str(body))  # warm: prepared statements
    with tally(container) as t:
        got = await gql(client, PAGE, b=str(body))
    assert "errors" not in got, got
    print(f"meetings page of {body}: {t.checkouts} checkout(s), {len(t.statements)} statements")
    return t, got["data"]


async def test_statements_do_not_grow_with_list_lengths(coordinator: Any, container: Any) -> None:
    for _ in range(2):
        await seed(coordinator, BODY, items=2)
    for _ in range(10):
        await seed(coordinator, OTHER_BODY, items=5)

    small, small_page = await _count(coordinator, container, BODY)
    large, large_page = await _count(coordinator, container, OTHER_BODY)

    assert len(small_page["meetings"]) == 2
    assert [len(m["agendaItems"]) for m in large_page["meetings"]] == [5] * 10
    assert all(
        len(i["decisions"]) == 1 and i["actionItems"][0]["overdue"]
        for m in large_page["meetings"]
        for i in m["agendaItems"]
    )
    for t in (small, large):
        assert t.checkouts == 1
        assert t.begins == 1
        assert "REPEATABLE READ" in next(s for s in t.statements if s.upper().startswith("BEGIN"))
    assert len(large.statements) == len(small.statements), (small.statements, large.statements)
    # Authentication, BEGIN, one batch per loader and level (the minutes' and quorum's batches
    # re-read the meetings they need), ROLLBACK.
    assert len(large.statements) <= 18
