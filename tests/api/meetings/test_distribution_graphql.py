"""Distribution through GraphQL (``distributeMinutes``) with the real SMTP server: the counts, the
mail server down as ``MailUnavailableProblem``, refusals as the shared problems."""

from __future__ import annotations

from typing import Any

import httpx

from adapters.mail.catcher import MailCatcher
from tests.api.meetings.support import drafting, meeting_etag
from tests.api.meetings.test_distribution import approved
from tests.support.auth import login

DISTRIBUTE = """mutation($id: UUID!, $version: Int!) {
  distributeMinutes(meetingId: $id, version: $version) {
    __typename
    ... on Distribution {
      meeting { status version } minutesVersion recipients addresses sent refused noAddress
      notReached { personId name reason } filename pdfBytes
    }
    ... on MailUnavailableProblem { retryAfterSeconds }
    ... on Problem { code message }
  }
}"""


async def distribute(client: httpx.AsyncClient, mid: str, version: int) -> dict[str, Any]:
    r = await client.post(
        "/graphql", json={"query": DISTRIBUTE, "variables": {"id": mid, "version": version}}
    )
    assert r.status_code == 200 and "errors" not in r.json(), r.text
    return dict(r.json()["data"]["distributeMinutes"])


async def version_of(client: httpx.AsyncClient, h: dict[str, str], mid: str) -> int:
    return int((await meeting_etag(client, h, mid))["If-Match"].strip('"'))


async def as_(client: httpx.AsyncClient, who: str) -> dict[str, str]:
    client.cookies.clear()
    csrf = await login(client, who)
    client.headers["X-CSRF-Token"] = csrf or ""
    return {"X-CSRF-Token": csrf or ""}


async def test_the_coordinator_distributes_through_graphql(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    h = await as_(client, "coordinator")
    mid = await approved(client, h)
    out = await distribute(client, mid, await version_of(client, h, mid))
    assert out["__typename"] == "Distribution", out
    assert out["meeting"]["status"] == "DISTRIBUTED"
    assert (out["recipients"], out["addresses"], out["sent"], out["refused"]) == (7, 7, 7, 0)
    assert out["notReached"] == [] and out["filename"].endswith(".pdf")
    (mail,) = mail_catcher.caught
    (pdf,) = list(mail.message.iter_attachments())
    assert pdf.get_filename() == out["filename"] and len(pdf.get_content()) == out["pdfBytes"]


async def test_mail_down_is_a_typed_problem_and_changes_nothing(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    h = await as_(client, "coordinator")
    mid = await approved(client, h)
    version = await version_of(client, h, mid)
    mail_catcher.stop()
    out = await distribute(client, mid, version)
    assert out["__typename"] == "MailUnavailableProblem" and out["retryAfterSeconds"] > 0, out
    assert out["code"] == "mail-unavailable"
    assert await version_of(client, h, mid) == version


async def test_refusals_are_the_shared_problems(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    h = await as_(client, "coordinator")
    mid = await approved(client, h)
    version = await version_of(client, h, mid)
    draft, _, _ = await drafting(client, h)
    draft_version = await version_of(client, h, draft)
    assert (await distribute(client, draft, draft_version))["__typename"] == "ConflictProblem"
    assert (await distribute(client, mid, version - 1))["__typename"] == "StaleVersionProblem"
    await as_(client, "body_member")
    assert (await distribute(client, mid, version))["__typename"] == "ForbiddenProblem"
    await as_(client, "other_unit_coordinator")
    assert (await distribute(client, mid, version))["__typename"] == "NotFoundProblem"
    assert mail_catcher.caught == []
