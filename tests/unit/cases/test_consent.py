"""Cases' unit tests: consent status derived from the events (per regime and age on the day), the
per-party hash chain (a changed, missing or reordered event is found at its party and seq), and
the birthday re-collection flag."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from domain.cases.consent import (
    ConsentState,
    EventKind,
    chain_hash,
    latest,
    recollect,
    status,
    verify_events,
)
from domain.cases.policy import required_parties
from domain.cases.regimes import SourceRegime
from tests.unit.cases.decision_kit import RESPONSIBLE, TODAY, consent_facts

R = SourceRegime
S = ConsentState


@pytest.mark.parametrize(
    ("regime", "age", "subject", "guardians"),
    [
        (R.HEALTH, 15, False, True),
        (R.HEALTH, 16, True, False),
        (R.CHILD_WELFARE, 14, False, True),
        (R.CHILD_WELFARE, 15, True, True),
        (R.CHILD_WELFARE, 17, True, True),
        (R.SCHOOL, 17, False, True),
        (R.NAV, 16, False, True),
        (R.POLICE, 15, False, True),
        (R.SLT, 12, False, True),
        (R.HEALTH, 18, True, False),
        (R.CHILD_WELFARE, 18, True, False),
        (R.SCHOOL, 30, True, False),
    ],
)
def test_who_must_consent(regime: SourceRegime, age: int, subject: bool, guardians: bool) -> None:
    need = required_parties(regime, age)
    assert (need.subject, need.guardians) == (subject, guardians)


@pytest.mark.parametrize(
    ("spec", "regime", "age", "state"),
    [
        ("S=given G1=given G2=given", R.CHILD_WELFARE, 15, S.EFFECTIVE),
        ("S=given", R.HEALTH, 16, S.EFFECTIVE),
        ("S=given G1=refused", R.HEALTH, 16, S.EFFECTIVE),
        ("S=given G1=refused", R.HEALTH, 15, S.REFUSED),
        ("G1=given", R.SCHOOL, 12, S.PENDING),
        ("G1=given G2=given,withdrawn", R.SCHOOL, 12, S.WITHDRAWN),
        ("S=given,withdrawn G1=given G2=given", R.SCHOOL, 12, S.WITHDRAWN),
        ("S=given,expired", R.NAV, 19, S.EXPIRED),
        ("S=refused,given G1=given G2=given", R.CHILD_WELFARE, 16, S.EFFECTIVE),
        ("", R.SLT, 10, S.PENDING),
    ],
)
def test_status_is_derived_from_the_latest_events(
    spec: str, regime: SourceRegime, age: int, state: ConsentState
) -> None:
    cf = consent_facts(spec)
    st = status(cf.consent, cf.events, regime, age, TODAY, guardian_ids=RESPONSIBLE)
    assert st.state is state
    assert st.effective is (state is S.EFFECTIVE)


def test_the_same_consent_changes_with_the_regime_and_the_birthday() -> None:
    cf = consent_facts("S=given")  # only the young person has given
    health = [
        status(cf.consent, cf.events, R.HEALTH, age, TODAY, guardian_ids=RESPONSIBLE).state
        for age in (15, 16)
    ]
    assert health == [S.PENDING, S.EFFECTIVE]
    school = status(cf.consent, cf.events, R.SCHOOL, 16, TODAY, guardian_ids=RESPONSIBLE)
    assert school.state is S.PENDING
    assert set(school.outstanding_party_ids) == set(school.required_party_ids)


def test_validity_bounds_the_status() -> None:
    cf = consent_facts("S=given", valid_from=date(2026, 1, 1), valid_to=date(2026, 6, 30))
    at = {
        d: status(cf.consent, cf.events, R.HEALTH, 17, d, guardian_ids=RESPONSIBLE).state
        for d in (date(2025, 12, 31), date(2026, 6, 30), date(2026, 7, 1))
    }
    assert at == {
        date(2025, 12, 31): S.PENDING,
        date(2026, 6, 30): S.EFFECTIVE,
        date(2026, 7, 1): S.EXPIRED,
    }


def test_each_partys_chain_verifies() -> None:
    cf = consent_facts("S=given,withdrawn,given G1=given G2=refused,given")
    assert verify_events(cf.events) is None
    assert all(e.hash == chain_hash(e) for e in cf.events)
    last = latest(cf.events)
    assert {e.seq for e in last.values()} == {3, 1, 2}


def test_a_changed_event_is_found_at_its_party_and_seq() -> None:
    cf = consent_facts("S=given,withdrawn,given")
    events = list(cf.events)
    events[1] = dataclasses.replace(events[1], kind=EventKind.GIVEN)  # withdrawal rewritten
    assert verify_events(events) == (events[1].party_id, 2)


def test_a_removed_or_reordered_event_is_found() -> None:
    cf = consent_facts("S=given,withdrawn,given")
    events = list(cf.events)
    assert verify_events([events[0], events[2]]) == (events[0].party_id, 2)
    assert verify_events([events[1], events[0], events[2]]) == (events[0].party_id, 1)


def test_a_recomputed_hash_does_not_hide_a_change() -> None:
    cf = consent_facts("S=given,withdrawn")
    first, second = cf.events
    forged = dataclasses.replace(first, kind=EventKind.REFUSED)
    forged = dataclasses.replace(forged, hash=chain_hash(forged))
    assert verify_events([forged, second]) == (first.party_id, 2)


@pytest.mark.parametrize(
    ("born", "today", "flag"),
    [
        (date(2010, 4, 1), date(2026, 3, 14), True),  # turns 16 within 30 days
        (date(2010, 5, 1), date(2026, 3, 14), False),  # 48 days away
        (date(2011, 3, 20), date(2026, 3, 14), True),  # turns 15
        (date(2008, 3, 30), date(2026, 3, 14), True),  # turns 18
        (date(2009, 9, 1), date(2026, 3, 14), True),  # turned 16 since the consent was given
        (date(2013, 1, 1), date(2026, 3, 14), False),
    ],
)
def test_birthdays_flag_the_consent_for_recollection(born: date, today: date, flag: bool) -> None:
    cf = consent_facts("S=given G1=given G2=given")  # given in February 2026
    if born == date(2009, 9, 1):
        cf = dataclasses.replace(
            cf, events=tuple(dataclasses.replace(e, at=e.at.replace(year=2025)) for e in cf.events)
        )
    assert recollect(born, cf.events, today) is flag
