"""Cases REST tests room: notes and duty prompts — a note tagged suspected abuse, neglect or
serious crime answers its author the personal duties with guidance in nb, nn and en; the
author's answers are recorded (the latest counts), never decided; only the author answers, and
only duties the note prompted; other readers never see the prompts."""

from __future__ import annotations

from tests.api.cases.support import KARI, KOMMUNE, add_member, ok, open_case, session


async def test_a_tagged_note_prompts_the_duties_and_records_the_answers(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    note = ok(
        await ola.post(
            f"/api/cases/{case['id']}/notes",
            json={
                "category": "family",
                "text": "Blåmerker, forklaring henger ikke sammen.",
                "dutyTags": ["suspected_abuse"],
            },
        ),
        201,
    )
    duties = {p["duty"]: p for p in note["dutyPrompts"]}
    assert set(duties) == {"report_to_child_welfare", "avert_crime"}
    assert duties["report_to_child_welfare"]["citation"] == "bvl. § 13-2"
    assert set(duties["avert_crime"]["guidance"]) == {"nb", "nn", "en"}
    assert note["note"]["dutyTags"] == ["suspected_abuse"]
    url = f"/api/case-notes/{note['id']}/duty-answers"
    first = ok(await ola.post(url, json={"duty": "report_to_child_welfare", "answer": "unsure"}))
    assert first["answer"] == "unsure" and first["noteId"] == note["id"]
    ok(await ola.post(url, json={"duty": "report_to_child_welfare", "answer": "will_report"}))
    listed = ok(await ola.get(f"/api/cases/{case['id']}/notes"))[0]
    assert [a["answer"] for a in listed["dutyAnswers"]] == ["unsure", "will_report"]
    assert len(listed["dutyPrompts"]) == 2
    r = await ola.post(url, json={"duty": "avert_crime", "answer": "sometimes"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "answer"
    # Another team member: neither the prompts nor the answers, and may not answer.
    await add_member(ola, {}, case["id"], KARI, KOMMUNE)
    kari = await session(client, "coordinator")
    theirs = ok(await kari.get(f"/api/cases/{case['id']}/notes"))[0]
    assert theirs["dutyPrompts"] == [] and theirs["dutyAnswers"] == []
    r = await kari.post(url, json={"duty": "avert_crime", "answer": "will_report"})
    assert r.status_code == 403, r.text


async def test_an_untagged_note_prompts_nothing_and_cannot_be_answered(client):
    ola = await session(client, "body_member")
    case = ok(await open_case(ola, {}), 201)
    note = ok(
        await ola.post(
            f"/api/cases/{case['id']}/notes",
            json={"category": "school", "text": "Fravær siste uke."},
        ),
        201,
    )
    assert note["dutyPrompts"] == []
    r = await ola.post(
        f"/api/case-notes/{note['id']}/duty-answers",
        json={"duty": "avert_crime", "answer": "not_applicable"},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "not-prompted", r.text
    assert note["regime"] == "health" and note["category"] == "school"
