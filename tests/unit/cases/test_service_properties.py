"""Cases' unit tests: the service agrees with the pure model — for any sequence of consent events
recorded through the use cases, a reader of another organisation sees a health-sourced note
exactly when the consent's derived status for health at the subject's age is effective, and a
withdrawal by anyone hides it on the very next read."""

from __future__ import annotations

import asyncio
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.cases.consent import ConsentState, EventKind
from domain.cases.consent_rules import may_follow
from domain.cases.regimes import Category, SourceRegime
from domain.cases.service import NewNote
from domain.cases.views import Shown, Withheld
from tests.unit.cases.conftest import make_world

steps = st.lists(
    st.tuples(st.integers(min_value=0, max_value=2), st.sampled_from(list(EventKind))),
    max_size=8,
)


@settings(max_examples=40, deadline=None)
@given(born=st.sampled_from([date(2014, 1, 1), date(2010, 9, 1), date(2009, 9, 1)]), steps=steps)
def test_a_health_note_is_shown_exactly_when_the_consent_is_effective(
    born: date, steps: list[tuple[int, EventKind]]
) -> None:
    asyncio.run(_run(born, steps))


async def _run(born: date, steps: list[tuple[int, EventKind]]) -> None:
    w = make_world()
    case = await w.open_case(born=born)  # 12, 15 or 16 on the day
    await w.team(case, "nurse", "teacher")
    await w.svc.add_note(
        w.who["nurse"], case.case.id, NewNote(category=Category.HEALTH, text="Samtale om søvn.")
    )
    view = await w.consent(case, give=())
    for index, kind in steps:
        party = view.consent.parties[index]
        last = max(
            (e for e in view.events if e.party_id == party.id), key=lambda e: e.seq, default=None
        )
        if may_follow(kind, last):
            view = await w.event(view, party.id, kind)
    state = view.statuses[SourceRegime.HEALTH].state
    note = (await w.svc.notes(w.who["teacher"], case.case.id))[0].note
    if state is ConsentState.EFFECTIVE:
        assert isinstance(note, Shown)
        assert note.access.consent_id == view.consent.id
    else:
        assert isinstance(note, Withheld)
        assert note.reason.value == f"consent-{state.value}"
