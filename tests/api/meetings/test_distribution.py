"""Distribution over HTTP with a real SMTP server (aiosmtpd) and the real PDF/A renderer: who gets
the mail, what the PDF holds, a mail server that is down, refused addresses, refusals."""

from __future__ import annotations

import asyncio
import io
import re

import httpx
import pytest
from pypdf import PdfReader

from adapters.mail.catcher import MailCatcher
from adapters.postgres.demo import demo_id
from api.settings import Settings
from tests.api.meetings.support import KARI, drafting, etag, headers, meeting_etag, plan

OPEN = "Handlingsplanen ble gjennomgått punkt for punkt."
RESTRICTED = "BEGRENSET-DIST-7Q-KUN-MEDLEMMER"
GUEST = demo_id("person/rektor")  # attends, not a member of the body
NO_ADDRESS = demo_id("person/bhg-styrer")  # a member whose address the test removes
MEMBERS = ("kari", "bv-leder", "ppt-leder", "helsesykepleier", "bhg-styrer", "per")


async def approved(client: httpx.AsyncClient, h: dict[str, str]) -> str:
    """A meeting of koord-barn with open and restricted text, a decision and a guest; approved."""
    mid, item, draft = await drafting(client, h)
    w = await client.put(
        f"/api/meetings/{mid}/minutes/items/{item}",
        json={"openText": OPEN, "restrictedText": RESTRICTED},
        headers={**h, **etag(draft)},
    )
    assert w.status_code == 200, w.text
    d = await client.post(
        f"/api/meetings/{mid}/decisions",
        json={"agendaItemId": item, "text": "Handlingsplanen vedtas."},
        headers=h,
    )
    assert d.status_code == 201, d.text
    for person in (KARI, GUEST):
        r = await client.put(
            f"/api/meetings/{mid}/attendance/{person}", json={"presence": "present"}, headers=h
        )
        assert r.status_code == 200, r.text
    ap = await client.post(
        f"/api/meetings/{mid}/minutes/approve",
        json={"kind": "chair"},
        headers={**h, **(await meeting_etag(client, h, mid))},
    )
    assert ap.status_code == 200, ap.text
    return mid


async def without_address(client: httpx.AsyncClient, h: dict[str, str]) -> None:
    r = await client.get(f"/api/persons/{NO_ADDRESS}", headers=h)
    r = await client.patch(
        f"/api/persons/{NO_ADDRESS}", json={"email": None}, headers={**h, **etag(r)}
    )
    assert r.status_code == 200, r.text


def xmp_of(pdf: bytes) -> str:
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    return str(root["/Metadata"].get_object().get_data().decode())


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


async def test_members_and_attendees_receive_the_open_minutes_as_pdf_a(
    client: httpx.AsyncClient, mail_catcher: MailCatcher, settings: Settings
) -> None:
    h = await headers(client)
    mid = await approved(client, h)
    await without_address(client, h)
    before = set((settings.state_dir / "mail").glob("*.eml"))

    r = await client.post(
        f"/api/meetings/{mid}/distribution", headers={**h, **(await meeting_etag(client, h, mid))}
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["meeting"]["status"] == "distributed"
    assert r.headers["ETag"] == f'"{out["meeting"]["version"]}"'
    assert (out["recipients"], out["addresses"], out["sent"]) == (7, 6, 6)
    assert (out["refused"], out["noAddress"], out["minutesVersion"]) == (0, 1, 1)
    assert [(n["personId"], n["reason"]) for n in out["notReached"]] == [
        (str(NO_ADDRESS), "no-address")
    ]
    assert re.fullmatch(r"Protokoll [A-ZÆØÅ]+ \d{4}-\d{2}-\d{2}\.pdf", out["filename"])

    (mail,) = mail_catcher.caught
    expected = {f"{k}@demo.invalid" for k in MEMBERS if k != "bhg-styrer"} | {"rektor@demo.invalid"}
    assert set(mail.recipients) == expected and len(mail.recipients) == len(expected)
    assert mail.sender == settings.mail_from
    message = mail.message
    assert str(message["Subject"]).startswith("Protokoll: Koordineringsgruppe")
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and "godkjente protokollen" in body.get_content()
    assert RESTRICTED not in mail.data.decode("ascii", "replace")
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == out["filename"]
    assert attachment.get_content_type() == "application/pdf"
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF") and len(pdf) == out["pdfBytes"]
    assert re.search(r'pdfaid:part="2"|<pdfaid:part>2</pdfaid:part>', xmp_of(pdf))
    text = text_of(pdf)
    assert OPEN in text and "Handlingsplanen vedtas." in text and RESTRICTED not in text
    assert len(set((settings.state_dir / "mail").glob("*.eml")) - before) == 1

    again = await client.post(f"/api/meetings/{mid}/distribution", headers={**h, **etag(r)})
    assert again.status_code == 409 and len(mail_catcher.caught) == 1  # distributed is final


async def test_a_mail_server_that_is_down_changes_nothing_and_a_retry_succeeds(
    client: httpx.AsyncClient, mail_catcher: MailCatcher, settings: Settings
) -> None:
    h = await headers(client)
    mid = await approved(client, h)
    version = await meeting_etag(client, h, mid)
    mail_catcher.stop()

    r = await client.post(f"/api/meetings/{mid}/distribution", headers={**h, **version})
    assert r.status_code == 503, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"] == "/problems/mail-unavailable" and int(r.headers["Retry-After"]) > 0
    after = await client.get(f"/api/meetings/{mid}", headers=h)
    assert after.json()["status"] == "minutes_approved" and etag(after) == version

    back = MailCatcher(port=settings.mail_catcher_port).start()
    try:
        r = await client.post(f"/api/meetings/{mid}/distribution", headers={**h, **version})
        assert r.status_code == 200, r.text
        assert r.json()["meeting"]["status"] == "distributed" and len(back.caught) == 1
    finally:
        back.stop()


async def test_refused_addresses_are_named_and_the_rest_get_it(
    client: httpx.AsyncClient, mail_catcher: MailCatcher, settings: Settings
) -> None:
    h = await headers(client)
    mid = await approved(client, h)
    mail_catcher.stop()
    picky = MailCatcher(
        port=settings.mail_catcher_port, refuse=frozenset({"per@demo.invalid"})
    ).start()
    try:
        r = await client.post(
            f"/api/meetings/{mid}/distribution",
            headers={**h, **(await meeting_etag(client, h, mid))},
        )
    finally:
        picky.stop()
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["addresses"], out["sent"], out["refused"], out["noAddress"]) == (7, 6, 1, 0)
    assert [(n["personId"], n["reason"]) for n in out["notReached"]] == [
        (str(demo_id("person/per")), "refused")
    ]
    (mail,) = picky.caught
    assert "per@demo.invalid" not in mail.recipients and len(mail.recipients) == 6


async def test_minutes_not_yet_approved_are_409_and_nothing_is_sent(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    h = await headers(client)
    mid, _, _ = await drafting(client, h)
    r = await client.post(
        f"/api/meetings/{mid}/distribution", headers={**h, **(await meeting_etag(client, h, mid))}
    )
    assert r.status_code == 409, r.text
    assert r.json()["type"] == "/problems/illegal-transition"
    assert mail_catcher.caught == []


async def test_bad_requests_are_problems(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    h = await headers(client)
    mid = await approved(client, h)
    no_version = await client.post(f"/api/meetings/{mid}/distribution", headers=h)
    assert no_version.status_code == 428, no_version.text
    stale = await client.post(f"/api/meetings/{mid}/distribution", headers={**h, "If-Match": '"1"'})
    assert stale.status_code == 412, stale.text
    junk = await client.post(
        "/api/meetings/not-a-uuid/distribution", headers={**h, "If-Match": '"1"'}
    )
    assert junk.status_code == 422
    missing = await client.post(
        f"/api/meetings/{demo_id('nothing')}/distribution", headers={**h, "If-Match": '"1"'}
    )
    assert missing.status_code == 404
    assert mail_catcher.caught == []


# Who may distribute: whoever manages the body's meetings (unit admin, coordinator, the body's
# chair or secretary). A planned meeting: an allowed caller stops at the status rule (409), so
# the matrix sends nothing and changes nothing.
MATRIX = [
    ("unit_admin", 409),
    ("coordinator", 409),
    ("body_member", 403),
    ("police_contact", 403),  # a member of this very body, but not its chair or secretary
    ("steering_reader", 403),
    ("other_unit_coordinator", 404),  # another SLT unit: the meeting does not exist there
]


@pytest.mark.parametrize(("who", "status"), MATRIX)
async def test_role_matrix(
    client: httpx.AsyncClient, mail_catcher: MailCatcher, who: str, status: int
) -> None:
    coordinator = await headers(client)
    m = await plan(client, coordinator)
    client.cookies.clear()
    h = await headers(client, who)
    r = await client.post(f"/api/meetings/{m.json()['id']}/distribution", headers={**h, **etag(m)})
    assert r.status_code == status, r.text
    assert mail_catcher.caught == []


async def test_anonymous_is_401(client: httpx.AsyncClient) -> None:
    h = await headers(client)
    m = await plan(client, h)
    client.cookies.clear()
    r = await client.post(f"/api/meetings/{m.json()['id']}/distribution", headers=etag(m))
    assert r.status_code == 401


async def test_another_unit_cannot_distribute_approved_minutes(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    h = await headers(client)
    mid = await approved(client, h)
    version = await meeting_etag(client, h, mid)
    client.cookies.clear()
    neighbour = await headers(client, "other_unit_coordinator")
    r = await client.post(f"/api/meetings/{mid}/distribution", headers={**neighbour, **version})
    assert r.status_code == 404, r.text
    assert mail_catcher.caught == []
    client.cookies.clear()
    h = await headers(client)
    after = await client.get(f"/api/meetings/{mid}", headers=h)
    assert after.json()["status"] == "minutes_approved"


async def test_two_distributions_at_once_end_in_one_distributed_meeting(
    client: httpx.AsyncClient, mail_catcher: MailCatcher
) -> None:
    """A double click: one answer is 200; the other a conflict (409 final, or 412 when it read
    the meeting before the first marked it — then its copy went too: no lock spans SMTP)."""
    h = await headers(client)
    mid = await approved(client, h)
    version = await meeting_etag(client, h, mid)
    send = [
        client.post(f"/api/meetings/{mid}/distribution", headers={**h, **version}) for _ in "ab"
    ]
    codes = sorted(r.status_code for r in await asyncio.gather(*send))
    assert codes[0] == 200 and codes[1] in (409, 412), codes
    after = (await client.get(f"/api/meetings/{mid}", headers=h)).json()
    assert after["status"] == "distributed" and 1 <= len(mail_catcher.caught) <= 2
