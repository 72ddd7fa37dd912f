"""Convention 18 on the wheel's routes: one connection and one transaction per request (ADR 0011),
counted with the request-connections test's tally."""

from __future__ import annotations

from adapters.postgres.demo import demo_id
from tests.api.annual_wheel.conftest import WHEEL, seeded
from tests.api.annual_wheel.feeds import new_feed, path_of
from tests.integration.test_request_connections import tally


async def _measure(client, container, method, url, **kw):  # type: ignore[no-untyped-def]
    with tally(container) as t:
        r = await client.request(method, url, **kw)
    assert r.status_code < 400, r.text
    for s in t.statements:
        print("   ", " ".join(s.split())[:100])
    return t


async def test_wheel_and_feed_take_one_connection(coordinator, anonymous, container):
    await seeded(coordinator)
    await coordinator.post(f"{WHEEL}/years/2027/generate")
    feed = await new_feed(coordinator, "person", demo_id("person/kari"))
    for url in (f"{WHEEL}/years/2027", f"{WHEEL}/norms?year=2027"):
        t = await _measure(coordinator, container, "GET", url)
        assert (t.checkouts, t.begins) == (1, 1), url
    # The feed: a look-up by hash before any unit is known, then the token's unit's reads (its
    # row-level security needs the unit from BEGIN on): two short transactions, one connection.
    t = await _measure(anonymous, container, "GET", path_of(feed))
    assert (t.checkouts, t.begins) == (1, 2)
