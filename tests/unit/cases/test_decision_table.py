"""Cases' unit tests: THE table of the decision point — source regime × category × consent state
× age × reader (organisation, team role, break-glass) — each row stating the expected decision
and its basis or deny reason, covering every rule of ``decide`` in its order and every reason.

A row: ``r(id, reader, source, category, age, consent, expected, **more)`` — ``reader`` and
``source`` are organisation keys (slt = konfliktråd, cw = child welfare, health, school, police,
nav), ``consent`` the parties' events ("S=given G1=refused"; "-" no consent at all, several
consents separated by " | "), ``expected`` "permit <basis>" or "deny <reason>"."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from typing import Any

import pytest

from domain.cases.case import MemberRole
from domain.cases.consent import Purpose
from domain.cases.decision import ConsentFacts, Deny, DenyReason, Permit, decide
from domain.cases.policy import POLICY, ConsentPolicy, LegalBasisCode
from domain.cases.regimes import Category, SourceRegime
from tests.unit.cases.decision_kit import Case, basis, consent_facts, glass

K = Category
B = LegalBasisCode
ALL = "S=given G1=given G2=given"
GG = "G1=given G2=given"
LEAD, OFF = MemberRole.LEAD, None
NO_PURPOSE = frozenset[Purpose]()
SCHOOL_ONLY = frozenset({K.SCHOOL})


def r(
    id: str,
    reader: str | None,
    source: str,
    category: Category,
    age: int,
    consent: str,
    expected: str,
    *,
    scope: dict[str, Any] | None = None,
    role: MemberRole | None = MemberRole.MEMBER,
    text: bool = False,
    also: tuple[ConsentFacts, ...] = (),
    **more: Any,
) -> tuple[str, Case, str]:
    consents = (
        ()
        if consent == "-"
        else tuple(
            consent_facts("" if c.strip() == "none" else c.strip(), **(scope or {}))
            for c in consent.split("|")
        )
    )
    return (
        id,
        Case(
            reader=reader,
            source=source,
            category=category,
            age=age,
            consents=consents + also,
            role=role,
            free_text=text,
            **more,
        ),
        expected,
    )


# fmt: off
ROWS: list[tuple[str, Case, str]] = [
    # 1. not on the team and no active break-glass
    r("off-team", "school", "school", K.SCHOOL, 15, ALL, "deny not-on-team", role=OFF),
    r("off-team-glass-expired", "school", "cw", K.FAMILY, 15, "-", "deny not-on-team", role=OFF,
      break_glass=glass(active=False)),
    r("off-team-police-own", "police", "police", K.CRIMINAL_MATTERS, 16, "-", "deny not-on-team",
      role=OFF),
    # 2. the reader's own organisation's information: not a disclosure
    r("own-cw-note", "cw", "cw", K.CHILD_WELFARE, 15, "-", "permit own_service", text=True),
    r("own-police-note", "police", "police", K.CRIMINAL_MATTERS, 15, "-", "permit own_service",
      text=True),
    r("own-health-age-12", "health", "health", K.HEALTH, 12, "-", "permit own_service"),
    r("own-despite-withdrawal", "school", "school", K.SCHOOL, 15,
      "S=given G1=given,withdrawn G2=given", "permit own_service"),
    # 3. an active break-glass grant of the reader
    r("glass-off-team", "school", "health", K.HEALTH, 15, "-", "permit break_glass", role=OFF,
      break_glass=glass()),
    r("glass-before-police-rule", "police", "cw", K.FAMILY, 15, "-", "permit break_glass",
      role=OFF, text=True, break_glass=glass()),
    r("glass-on-team", "nav", "health", K.HEALTH, 16, "-", "permit break_glass",
      break_glass=glass()),
    r("glass-expired-on-team", "nav", "cw", K.FAMILY, 15, "-", "deny consent-missing",
      break_glass=glass(active=False)),
    r("glass-of-someone-else", "school", "health", K.HEALTH, 15, "-", "deny not-on-team",
      role=OFF, break_glass=glass(mine=False)),
    # 4. police never see another agency's free text (structured fields: by their basis)
    r("police-cw-note", "police", "cw", K.CHILD_WELFARE, 15, ALL, "deny police-minimised",
      text=True),
    r("police-school-note-basis", "police", "school", K.SCHOOL, 15, "-", "deny police-minimised",
      text=True, bases=(basis(B.SAME_PURPOSE, "police", K.SCHOOL),)),
    r("police-slt-note", "police", "slt", K.PLAN, 17, ALL, "deny police-minimised", text=True),
    r("police-lead-note", "police", "nav", K.OTHER, 18, "S=given", "deny police-minimised",
      role=LEAD, text=True),
    r("police-health-structured", "police", "health", K.HEALTH, 16, "S=given", "permit consent"),
    r("nurse-cw-note", "health", "cw", K.FAMILY, 15, ALL, "permit consent", text=True),
    # 5. a recorded legal basis for (recipient organisation, category), valid now
    r("basis-own-tasks", "nav", "school", K.SCHOOL, 15, "-", "permit necessary_for_own_tasks",
      bases=(basis(B.NECESSARY_FOR_OWN_TASKS, "nav", K.SCHOOL),)),
    r("basis-same-purpose", "school", "cw", K.FAMILY, 14, "-", "permit same_purpose",
      bases=(basis(B.SAME_PURPOSE, "school", K.FAMILY),)),
    r("basis-report-offence", "police", "school", K.CRIMINAL_MATTERS, 16, "-",
      "permit report_offence", bases=(basis(B.REPORT_OFFENCE, "police", K.CRIMINAL_MATTERS),)),
    r("basis-despite-withdrawal", "nav", "school", K.SCHOOL, 15,
      "S=given G1=given,withdrawn G2=given", "permit necessary_for_own_tasks",
      bases=(basis(B.NECESSARY_FOR_OWN_TASKS, "nav", K.SCHOOL),)),
    r("basis-other-category", "nav", "school", K.HEALTH, 15, "-", "deny consent-missing",
      bases=(basis(B.NECESSARY_FOR_OWN_TASKS, "nav", K.SCHOOL),)),
    r("basis-other-recipient", "cw", "school", K.SCHOOL, 15, "-", "deny consent-missing",
      bases=(basis(B.NECESSARY_FOR_OWN_TASKS, "nav", K.SCHOOL),)),
    r("basis-ended", "nav", "school", K.SCHOOL, 15, "-", "deny consent-missing",
      bases=(basis(B.SAME_PURPOSE, "nav", K.SCHOOL, valid_to=date(2026, 3, 13)),)),
    r("basis-not-yet", "nav", "school", K.SCHOOL, 15, "-", "deny consent-missing",
      bases=(basis(B.SAME_PURPOSE, "nav", K.SCHOOL, valid_from=date(2026, 3, 15)),)),
    r("basis-not-recordable", "nav", "school", K.SCHOOL, 15, "-", "deny consent-missing",
      bases=(basis(B.BREAK_GLASS, "nav", K.SCHOOL),)),
    # 6. consent — health-sourced data: the young person decides alone from 16 (pbrl § 4-3)
    r("health-16-own-consent", "school", "health", K.HEALTH, 16, "S=given", "permit consent"),
    r("health-16-guardians-refused", "school", "health", K.HEALTH, 16,
      "S=given G1=refused G2=refused", "permit consent"),
    r("health-16-guardians-only", "school", "health", K.HEALTH, 16, GG, "deny consent-pending"),
    r("health-16-subject-refused", "cw", "health", K.SUBSTANCE_USE, 16,
      "S=refused G1=given G2=given", "deny consent-refused"),
    r("health-16-guardian-withdrew", "cw", "health", K.HEALTH, 16, "S=given G1=given,withdrawn",
      "deny consent-withdrawn"),
    r("health-15-subject-only", "school", "health", K.HEALTH, 15, "S=given",
      "deny consent-pending"),
    r("health-15-guardians", "school", "health", K.HEALTH, 15, GG, "permit consent"),
    r("health-12-guardians", "cw", "health", K.HEALTH, 12, GG, "permit consent"),
    r("health-12-one-guardian", "cw", "health", K.HEALTH, 12, "G1=given", "deny consent-pending"),
    r("health-18-subject", "nav", "health", K.HEALTH, 18, "S=given", "permit consent"),
    r("health-18-guardians-only", "nav", "health", K.HEALTH, 18, GG, "deny consent-pending"),
    # child-welfare-sourced data: party rights from 15 — the young person AND the guardians
    r("cw-15-all", "school", "cw", K.CHILD_WELFARE, 15, ALL, "permit consent"),
    r("cw-15-guardians-only", "school", "cw", K.CHILD_WELFARE, 15, GG, "deny consent-pending"),
    r("cw-15-subject-only", "school", "cw", K.FAMILY, 15, "S=given", "deny consent-pending"),
    r("cw-17-guardian-refused", "nav", "cw", K.FAMILY, 17, "S=given G1=refused G2=given",
      "deny consent-refused"),
    r("cw-14-guardians", "school", "cw", K.CHILD_WELFARE, 14, GG, "permit consent"),
    r("cw-14-child-refusal-recorded", "school", "cw", K.FAMILY, 14, "S=refused G1=given G2=given",
      "permit consent"),
    r("cw-18-subject", "school", "cw", K.CHILD_WELFARE, 18, "S=given", "permit consent"),
    # school, NAV, police and SLT sources: the guardians under 18, the subject from 18
    r("school-16-subject-only", "cw", "school", K.SCHOOL, 16, "S=given", "deny consent-pending"),
    r("school-16-guardians", "cw", "school", K.SCHOOL, 16, GG, "permit consent"),
    r("school-17-guardians-police", "police", "school", K.SCHOOL, 17, GG, "permit consent"),
    r("school-18-guardians-only", "cw", "school", K.SCHOOL, 18, GG, "deny consent-pending"),
    r("nav-16-guardians", "slt", "nav", K.OTHER, 16, GG, "permit consent"),
    r("nav-19-subject", "slt", "nav", K.OTHER, 19, "S=given", "permit consent"),
    r("police-source-to-cw", "cw", "police", K.CRIMINAL_MATTERS, 15, ALL, "permit consent"),
    r("slt-identity-to-school", "school", "slt", K.IDENTITY, 15, ALL, "permit consent"),
    r("slt-identity-no-consent", "school", "slt", K.IDENTITY, 15, "-", "deny consent-missing"),
    r("lead-has-no-extra-rights", "slt", "cw", K.FAMILY, 15, "-", "deny consent-missing",
      role=LEAD),
    # consent states, derived from the events
    r("validity-ended", "school", "cw", K.FAMILY, 14, ALL, "deny consent-expired",
      scope={"valid_to": date(2026, 3, 1)}),
    r("expired-event", "school", "nav", K.OTHER, 18, "S=given,expired", "deny consent-expired"),
    r("not-yet-valid", "school", "cw", K.FAMILY, 14, ALL, "deny consent-pending",
      scope={"valid_from": date(2026, 4, 1)}),
    r("no-events-yet", "school", "cw", K.FAMILY, 14, "none", "deny consent-pending"),
    r("subject-withdrew-health-16", "school", "health", K.HEALTH, 16, "S=given,withdrawn",
      "deny consent-withdrawn"),
    r("guardian-withdrew-school-12", "cw", "school", K.SCHOOL, 12, "G1=given G2=given,withdrawn",
      "deny consent-withdrawn"),
    r("child-withdrew-not-required", "cw", "school", K.SCHOOL, 12,
      "S=given,withdrawn G1=given G2=given", "deny consent-withdrawn"),
    r("given-again-after-withdrawal", "cw", "school", K.SCHOOL, 12,
      "G1=given G2=given,withdrawn,given", "permit consent"),
    r("responsible-guardian-not-a-party", "cw", "school", K.SCHOOL, 12, "G1=given",
      "deny consent-pending", scope={"parties": ("S", "G1")}),
    r("guardian-without-responsibility-refused", "cw", "school", K.SCHOOL, 12,
      "G1=given G2=given G3=refused", "permit consent"),
    # scope: category (allowed minus excluded), source, recipient, purpose and forum
    r("scope-excluded-category", "school", "health", K.HEALTH, 16, "S=given",
      "deny consent-scope-category", scope={"exclude": frozenset({K.HEALTH})}),
    r("scope-category-not-allowed", "school", "cw", K.FAMILY, 14, ALL,
      "deny consent-scope-category", scope={"allow": SCHOOL_ONLY}),
    r("scope-source", "school", "nav", K.OTHER, 14, ALL, "deny consent-scope-source",
      scope={"sources": ("cw", "health")}),
    r("scope-recipient", "police", "cw", K.FAMILY, 14, ALL, "deny consent-scope-recipient",
      scope={"recipients": ("school", "health")}),
    r("scope-purpose", "school", "cw", K.FAMILY, 14, ALL, "deny consent-scope-purpose",
      scope={"purposes": NO_PURPOSE}),
    r("reader-without-organisation", None, "cw", K.FAMILY, 14, ALL,
      "deny consent-scope-recipient"),
    # several consents: an effective one permits; otherwise the most telling reason
    r("second-consent-effective", "school", "cw", K.FAMILY, 14,
      f"G1=given,withdrawn G2=given | {GG}", "permit consent"),
    r("covering-pending-beats-scope-miss", "school", "cw", K.FAMILY, 14, "G1=given",
      "deny consent-pending", also=(consent_facts(ALL, allow=SCHOOL_ONLY),)),
    r("withdrawn-beats-refused", "school", "cw", K.FAMILY, 14,
      "G1=refused G2=given | G1=given G2=given,withdrawn", "deny consent-withdrawn"),
    r("withdrawn-outside-scope-still-denies", "school", "cw", K.FAMILY, 14,
      "G1=given,withdrawn G2=given", "deny consent-scope-category", scope={"allow": SCHOOL_ONLY}),
]
# fmt: on


@pytest.mark.parametrize(("inputs", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_the_decision_table(inputs: Case, expected: str) -> None:
    decision = inputs.decide()
    outcome, code = expected.split()
    assert decision.policy_version == POLICY.version
    if outcome == "permit":
        assert isinstance(decision, Permit), decision
        assert decision.basis.value == code
        assert (decision.consent_id is not None) is (decision.basis is B.CONSENT)
    else:
        assert isinstance(decision, Deny), decision
        assert decision.reason.value == code


def test_the_table_covers_every_rule_and_reason() -> None:
    expected = {row[2] for row in ROWS}
    reasons = {f"deny {d.value}" for d in DenyReason} - {"deny no-legal-basis"}
    assert reasons <= expected  # no-legal-basis: the default-deny cases below
    bases = ("own_service", "break_glass", "consent", "same_purpose", "necessary_for_own_tasks",
             "report_offence")  # fmt: skip
    assert {f"permit {b}" for b in bases} <= expected
    assert len(ROWS) >= 60
    assert len({row[0] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize(
    "policy",
    [
        dataclasses.replace(POLICY, categories=POLICY.categories - {Category.HEALTH}),
        dataclasses.replace(POLICY, regimes=POLICY.regimes - {SourceRegime.HEALTH}),
    ],
    ids=["unknown-category", "unknown-regime"],
)
def test_what_the_policy_does_not_know_is_denied(policy: ConsentPolicy) -> None:
    _, inputs, _ = r("x", "school", "health", K.HEALTH, 16, "S=given", "permit consent")
    assert isinstance(inputs.decide(), Permit)
    decision = inputs.decide(policy)
    assert isinstance(decision, Deny)
    assert decision.reason is DenyReason.NO_LEGAL_BASIS


def test_validity_is_judged_by_the_norwegian_day() -> None:
    """23:30 UTC on 14 March is 00:30 on 15 March in Oslo: a basis valid from the 15th holds."""
    _, inputs, _ = r(
        "x",
        "nav",
        "school",
        K.SCHOOL,
        15,
        "-",
        "permit same_purpose",
        bases=(basis(B.SAME_PURPOSE, "nav", K.SCHOOL, valid_from=date(2026, 3, 15)),),
    )
    late = dataclasses.replace(inputs.request(), at=datetime(2026, 3, 14, 23, 30, tzinfo=UTC))
    early = dataclasses.replace(late, at=datetime(2026, 3, 14, 22, 30, tzinfo=UTC))
    assert isinstance(decide(late, inputs.facts()), Permit)
    assert isinstance(decide(early, inputs.facts()), Deny)
