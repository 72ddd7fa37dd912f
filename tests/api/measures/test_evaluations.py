"""Measures REST tests room: evaluations — completing one, the rules of removal, the report's
upload judged by its bytes (and limits refused before they are read), evaluations due and the
reminders mailed to the owner and the coordinator without the findings."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import date, timedelta

from tests.api.measures.matrix import PDF
from tests.api.measures.support import OLA, active, headers, ok, plan_of_evaluation

REPORT_MAX = 20 * 1024 * 1024
FINDINGS = "Hemmelig funn: tiltaket virket bare i Nordby."


async def _planned(client, h, **extra):
    m = (await active(client, h, **extra)).json()
    e = ok(await client.get(f"/api/measures/{m['id']}/evaluations", headers=h))[0]
    return m, e


def _v(e) -> dict[str, str]:
    return {"If-Match": f'"{e["version"]}"'}


async def test_an_evaluation_is_completed_with_findings_and_kept(client):
    h = await headers(client)
    m, e = await _planned(client, h)
    assert e["aspects"] == ["effect", "implementation"] and e["performer"] == "internal"
    r = await client.patch(
        f"/api/evaluations/{e['id']}", json={"conclusion": "adjust"}, headers={**h, **_v(e)}
    )
    assert r.status_code == 422, r.text  # a conclusion needs findings
    r = await client.patch(
        f"/api/evaluations/{e['id']}",
        json={"findings": "Godt mottatt.", "conclusion": "adjust"},
        headers={**h, **_v(e)},
    )
    done = ok(r)
    assert done["completed"] is True and done["completedOn"] == date.today().isoformat()
    assert r.headers["ETag"] == f'"{done["version"]}"'
    gone = await client.delete(f"/api/evaluations/{e['id']}", headers={**h, **_v(done)})
    assert gone.status_code == 409, gone.text
    extra = await client.post(
        f"/api/measures/{m['id']}/evaluations",
        json={
            "aspects": ["user_experience"],
            "performer": "external",
            "performerName": "NOVA",
            "method": "Intervju",
        },
        headers=h,
    )
    added = ok(extra, 201)
    assert extra.headers["Location"] == f"/api/evaluations/{added['id']}"
    assert (
        await client.delete(f"/api/evaluations/{added['id']}", headers={**h, **_v(added)})
    ).status_code == 204
    assert (await client.get(f"/api/evaluations/{added['id']}", headers=h)).status_code == 404


async def test_report_upload_and_download(client):
    h = await headers(client)
    _, e = await _planned(client, h)
    url = f"/api/evaluations/{e['id']}/report"
    r = await client.put(
        url + "?filename=Evalueringsrapport%20%C3%B8st.pdf",
        content=PDF,
        headers={**h, **_v(e), "Content-Type": "application/octet-stream"},
    )
    body = ok(r)
    assert body["report"]["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert body["report"]["size"] == len(PDF) and body["report"]["mediaType"] == "application/pdf"
    assert body["version"] == e["version"] + 1
    got = await client.get(url, headers=h)
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert (
        "filename*=UTF-8''Evalueringsrapport%20%C3%B8st.pdf" in got.headers["content-disposition"]
    )


async def test_a_report_that_is_not_a_document_is_refused(client):
    h = await headers(client)
    _, e = await _planned(client, h)
    url = f"/api/evaluations/{e['id']}/report"
    for content in (b"\x89PNG\r\n\x1a\n" + b"0" * 100, b"<html><script>", b"MZ\x90\x00"):
        r = await client.put(
            url, content=content, headers={**h, **_v(e), "Content-Type": "application/pdf"}
        )
        assert r.status_code == 415, r.text  # judged by its bytes, never by the declared type
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["type"] == "/problems/unsupported-media-type"
    assert (await client.get(url, headers=h)).status_code == 404
    assert ok(await client.get(f"/api/evaluations/{e['id']}", headers=h))["version"] == e["version"]


async def test_a_too_large_report_is_refused_before_it_is_read(client):
    h = await headers(client)
    _, e = await _planned(client, h)
    url = f"/api/evaluations/{e['id']}/report"

    async def chunks() -> AsyncIterator[bytes]:
        yield PDF
        for _ in range(25):
            yield b"0" * (1024 * 1024)

    r = await client.put(url, content=chunks(), headers={**h, **_v(e)})
    assert r.status_code == 413, r.text
    assert r.json()["type"] == "/problems/content-too-large"
    declared = {**h, **_v(e), "Content-Length": str(REPORT_MAX + 1)}
    assert (await client.put(url, content=b"%PDF-", headers=declared)).status_code == 413
    assert (await client.put(url, content=PDF, headers=h)).status_code == 428
    assert (
        await client.put(url + "?filename=a%00b", content=PDF, headers={**h, **_v(e)})
    ).status_code == 422
    assert ok(await client.get(f"/api/evaluations/{e['id']}", headers=h))["report"] is None


async def test_due_evaluations_and_reminders(client, mail_catcher):
    h = await headers(client)
    m, e = await _planned(client, h, evaluationPlan=plan_of_evaluation(due_in_days=10))
    # Findings written (not yet concluded) never travel by mail.
    ok(
        await client.patch(
            f"/api/evaluations/{e['id']}", json={"findings": FINDINGS}, headers={**h, **_v(e)}
        )
    )
    later = (await active(client, h, evaluationPlan=plan_of_evaluation(due_in_days=90))).json()
    due = ok(await client.get("/api/evaluations/due", headers=h))
    ids = [d["evaluation"]["id"] for d in due]
    assert e["id"] in ids and all(d["evaluation"]["measureId"] != later["id"] for d in due)
    mine = next(d for d in due if d["evaluation"]["id"] == e["id"])
    assert (
        mine["measureTitle"] == m["title"]
        and mine["ownerId"] == str(OLA)
        and mine["overdue"] is False
    )
    attention = ok(await client.get("/api/measures/attention", headers=h))
    assert e["id"] in [d["evaluation"]["id"] for d in attention["evaluationsDue"]]
    report = ok(await client.post("/api/evaluations/reminders", headers=h))
    assert report["sent"] >= 1 and report["sent"] == len(mail_catcher.caught)
    recipients = {r for mail in mail_catcher.caught for r in mail.recipients}
    assert {"ola@demo.invalid", "kari@demo.invalid"} <= recipients
    for mail in mail_catcher.caught:
        text = mail.data.decode("utf-8", "replace")
        assert "Hemmelig funn" not in text and FINDINGS not in text
    assert any(
        m["title"] in mail.message.get_body(preferencelist=("plain",)).get_content()
        for mail in mail_catcher.caught
    )
    assert (date.today() + timedelta(days=10)).isoformat() <= mine["evaluation"]["dueOn"]
