"""Cases' unit tests: properties of the decision point over generated readers, items, ages,
consents and bases — default deny, withdrawal denies every category, police never read another
agency's free text, and a consent permit always rests on an effective consent that covers it."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.cases.case import MemberRole
from domain.cases.consent import status
from domain.cases.decision import ConsentFacts, Deny, DenyReason, Permit
from domain.cases.policy import LegalBasisCode
from domain.cases.regimes import Category, regime_of
from tests.unit.cases.decision_kit import ORG, RESPONSIBLE, TODAY, TYPES, Case, basis, consent_facts

ORGS = sorted(TYPES)
KINDS = ("given", "refused", "withdrawn", "expired")

orgs = st.sampled_from(ORGS)
categories = st.sampled_from(list(Category))
ages = st.integers(min_value=0, max_value=25)
roles = st.sampled_from([MemberRole.LEAD, MemberRole.MEMBER])


@st.composite
def event_specs(draw: st.DrawFn, withdrawn: bool = False) -> str:
    """Each party's events (kinds in any order); with ``withdrawn`` one party's latest is so."""
    parts = []
    for party in draw(st.lists(st.sampled_from(["S", "G1", "G2", "G3"]), unique=True, max_size=4)):
        kinds = draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3))
        parts.append(f"{party}={','.join(kinds)}")
    if withdrawn:
        party = draw(st.sampled_from(["S", "G1", "G2"]))
        parts = [p for p in parts if not p.startswith(f"{party}=")]
        parts.append(f"{party}=given,withdrawn")
    return " ".join(parts)


@st.composite
def consents(draw: st.DrawFn, withdrawn: bool = False) -> ConsentFacts:
    return consent_facts(
        draw(event_specs(withdrawn)),
        allow=frozenset(draw(st.sets(st.sampled_from(list(Category)), min_size=1))),
        sources=tuple(draw(st.sets(orgs, min_size=1))),
        recipients=tuple(draw(st.sets(orgs, min_size=1))),
    )


def _other(reader: str, source: str) -> bool:
    return reader != source


@settings(max_examples=120, deadline=None)
@given(orgs, orgs, categories, ages, st.booleans(), roles)
def test_no_consent_no_basis_is_denied(
    reader: str, source: str, category: Category, age: int, text: bool, role: MemberRole
) -> None:
    if not _other(reader, source):
        return
    decision = Case(
        reader=reader, source=source, category=category, age=age, free_text=text, role=role
    ).decide()
    assert isinstance(decision, Deny)


@settings(max_examples=120, deadline=None)
@given(orgs, orgs, categories, ages, st.booleans(), st.lists(consents(), max_size=3))
def test_a_consent_permit_rests_on_an_effective_covering_consent(
    reader: str, source: str, category: Category, age: int, text: bool, cs: list[ConsentFacts]
) -> None:
    if not _other(reader, source):
        return
    inputs = Case(
        reader=reader, source=source, category=category, age=age, free_text=text, consents=tuple(cs)
    )
    decision = inputs.decide()
    regime = regime_of(TYPES[source])
    effective = [
        cf.consent.id
        for cf in cs
        if cf.consent.scope.covers_category(category)
        and ORG[source] in cf.consent.scope.source_organisation_ids
        and ORG[reader] in cf.consent.scope.recipient_organisation_ids
        and status(cf.consent, cf.events, regime, age, TODAY, guardian_ids=RESPONSIBLE).effective
    ]
    police_text = TYPES[reader].value == "police" and text
    if effective and not police_text:
        assert isinstance(decision, Permit) and decision.consent_id in effective
    else:
        assert isinstance(decision, Deny)
    # the order consents come in never changes the outcome
    shuffled = list(cs)
    random.Random(len(cs)).shuffle(shuffled)
    again = Case(
        reader=reader,
        source=source,
        category=category,
        age=age,
        free_text=text,
        consents=tuple(shuffled),
    ).decide()
    assert type(again) is type(decision)


@settings(max_examples=120, deadline=None)
@given(orgs, orgs, categories, ages, st.booleans(), consents(withdrawn=True))
def test_withdrawn_denies_every_category(
    reader: str, source: str, category: Category, age: int, text: bool, c: ConsentFacts
) -> None:
    if not _other(reader, source):
        return
    decision = Case(
        reader=reader, source=source, category=category, age=age, free_text=text, consents=(c,)
    ).decide()
    assert isinstance(decision, Deny)


@settings(max_examples=120, deadline=None)
@given(orgs, categories, ages, roles, st.lists(consents(), max_size=2), st.booleans())
def test_police_never_read_another_agencys_free_text(
    source: str,
    category: Category,
    age: int,
    role: MemberRole,
    cs: list[ConsentFacts],
    with_basis: bool,
) -> None:
    if source == "police":
        return
    bases = tuple(basis(code, "police", category) for code in LegalBasisCode) if with_basis else ()
    decision = Case(
        reader="police",
        source=source,
        category=category,
        age=age,
        role=role,
        free_text=True,
        consents=tuple(cs),
        bases=bases,
    ).decide()
    assert isinstance(decision, Deny)
    assert decision.reason is DenyReason.POLICE_MINIMISED


@settings(max_examples=80, deadline=None)
@given(orgs, orgs, categories, ages, st.booleans(), st.lists(consents(), max_size=2))
def test_nobody_off_the_team_reads_anything(
    reader: str, source: str, category: Category, age: int, text: bool, cs: list[ConsentFacts]
) -> None:
    bases = tuple(basis(code, reader, category) for code in LegalBasisCode)
    decision = Case(
        reader=reader,
        source=source,
        category=category,
        age=age,
        free_text=text,
        role=None,
        consents=tuple(cs),
        bases=bases,
    ).decide()
    assert isinstance(decision, Deny)
    assert decision.reason is DenyReason.NOT_ON_TEAM
