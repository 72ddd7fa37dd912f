"""Cases REST tests room: disclosure over real HTTP — what a team member from another
organisation sees is what the decision point permits: with every required consent shown (and
why); without it withheld (and why not, never what); a withdrawal effective on the very next
request; a 16-year-old's own consent decisive for health-sourced notes; police never see
another agency's free text; the note's author sees their own service's note."""

from __future__ import annotations

from tests.api.cases.flows import give, note_of, read_as, setting
from tests.api.cases.support import BARNEVERN

WITHHELD_KEYS = {"withheld", "reason", "category", "regime", "policyVersion"}


def withheld(item: dict, reason: str) -> None:
    assert item["withheld"] is True and item["reason"] == reason, item
    assert set(item) == WITHHELD_KEYS, item  # the reason and the kind, never the value


async def test_the_author_sees_their_own_services_note_and_why(client):
    s = await setting(client)
    case = await read_as(client, s, "body_member")
    note = note_of(case, s.note["id"])
    assert note["withheld"] is False and note["text"] == "Sover dårlig, lite på skolen."
    assert note["access"]["basis"] == "own_service"
    assert note["access"]["explanation"] == "own-service"
    assert note["access"]["policyVersion"] == "2026-1"
    assert case["myRole"] == "lead" and case["subject"]["identity"]["name"] == "Barn Testesen"


async def test_a_minor_without_every_required_consent_is_withheld(client):
    s = await setting(client, age=14)
    kari = await read_as(client, s, "coordinator")
    withheld(kari["subject"]["identity"], "consent-pending")
    withheld(note_of(kari, s.note["id"]), "consent-pending")
    # One guardian of two, and the child: still not every required party.
    await give(client, s, s.party("subject"))
    await give(client, s, s.party("guardian", 0))
    kari = await read_as(client, s, "coordinator")
    withheld(kari["subject"]["identity"], "consent-pending")
    assert "Barn Testesen" not in str(kari)
    await give(client, s, s.party("guardian", 1))
    kari = await read_as(client, s, "coordinator")
    identity = kari["subject"]["identity"]
    assert identity["withheld"] is False and identity["name"] == "Barn Testesen"
    assert identity["access"]["basis"] == "consent"
    assert identity["access"]["consentId"] == s.consent["id"]
    assert note_of(kari, s.note["id"])["text"] == "Sover dårlig, lite på skolen."


async def test_withdrawal_takes_effect_on_the_very_next_request(client, mail_catcher):
    s = await setting(client, age=14)
    for n in (0, 1):
        await give(client, s, s.party("guardian", n))
    before = await read_as(client, s, "coordinator")
    assert note_of(before, s.note["id"])["access"]["basis"] == "consent"
    await give(client, s, s.party("guardian", 1), "withdrawn", seq=1)
    after = await read_as(client, s, "coordinator")
    withheld(after["subject"]["identity"], "consent-withdrawn")
    withheld(note_of(after, s.note["id"]), "consent-withdrawn")
    consent = next(c for c in after["consents"] if c["id"] == s.consent["id"])
    if consent["consent"]["withheld"] is False:
        states = {x["regime"]: x["state"] for x in consent["consent"]["statuses"]}
        assert states["health"] == "withdrawn"


async def test_a_16_year_olds_own_consent_decides_for_health_sourced_notes(client):
    s = await setting(client, age=16)
    await give(client, s, s.party("guardian", 0), "refused")
    await give(client, s, s.party("subject"))
    kari = await read_as(client, s, "coordinator")
    note = note_of(kari, s.note["id"])
    assert note["withheld"] is False and note["access"]["basis"] == "consent", note
    # And a guardian's withdrawal still stops sharing: anyone's withdrawal does.
    await give(client, s, s.party("guardian", 1))
    await give(client, s, s.party("guardian", 1), "withdrawn", seq=1)
    withheld(note_of(await read_as(client, s, "coordinator"), s.note["id"]), "consent-withdrawn")


async def test_a_14_year_olds_own_consent_is_not_enough(client):
    s = await setting(client, age=14)
    await give(client, s, s.party("subject"))
    withheld(note_of(await read_as(client, s, "coordinator"), s.note["id"]), "consent-pending")


async def test_police_never_see_another_agencys_free_text(client):
    s = await setting(client, age=14)
    for n in (0, 1):
        await give(client, s, s.party("guardian", n))
    per = await read_as(client, s, "police_contact")
    assert per["myRole"] == "member"
    withheld(note_of(per, s.note["id"]), "police-minimised")
    identity = per["subject"]["identity"]  # a structured field the consent covers
    assert identity["withheld"] is False and identity["access"]["basis"] == "consent"


async def test_a_recipient_outside_the_scope_sees_nothing_of_it(client):
    s = await setting(client, age=14, recipients=(BARNEVERN,))
    for n in (0, 1):
        await give(client, s, s.party("guardian", n))
    kari = await read_as(client, s, "coordinator")
    withheld(note_of(kari, s.note["id"]), "consent-scope-recipient")
