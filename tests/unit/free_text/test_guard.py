"""Free-text guard tests: ``check`` as a whole, the bodies' rule, findings, overrides and ``admit``."""

from __future__ import annotations

import itertools

import pytest

from domain.shared.errors import ValidationFailed
from domain.shared.free_text import (
    NO_INDIVIDUAL_CASES,
    REASON_MAX,
    Finding,
    Kind,
    Override,
    PersonalDataFound,
    admit,
    check,
)
from domain.shared.free_text.findings import resolve

TEXT = "Kari Nordmann (fnr. 03841150006) har mobil 412 34 567."
REGISTER = ("Kari Nordmann",)


def test_check_returns_every_finding_in_position_order_with_exact_spans() -> None:
    result = check(TEXT, registered_names=REGISTER)
    assert [(f.kind, TEXT[f.start : f.end]) for f in result.findings] == [
        (Kind.REGISTERED_NAME, "Kari Nordmann"),
        (Kind.IDENTITY_NUMBER, "03841150006"),
        (Kind.PHONE, "412 34 567"),
    ]
    assert all(TEXT[f.start : f.end] == f.matched for f in result.findings)
    assert result.blocked
    assert result.rule is None
    assert result.counts() == {Kind.REGISTERED_NAME: 1, Kind.IDENTITY_NUMBER: 1, Kind.PHONE: 1}


def test_clean_text_is_not_blocked_at_any_level() -> None:
    for level in (None, "steering", "coordinating", "executive"):
        result = check("Vedtak KOG 12/2026: planen ble vedtatt 12.03.2026.", level=level)
        assert not result.blocked
        assert result.rule is None


@pytest.mark.parametrize("level", ["steering", "coordinating"])
def test_steering_and_coordinating_bodies_never_handle_individual_cases(level: str) -> None:
    result = check(TEXT, registered_names=REGISTER, level=level)
    assert result.rule is not None
    assert result.rule.code == NO_INDIVIDUAL_CASES
    assert level in result.rule.message
    assert "individual cases" in result.rule.message


def test_an_executive_body_gets_the_findings_without_the_rule() -> None:
    result = check(TEXT, registered_names=REGISTER, level="executive")
    assert result.blocked
    assert result.rule is None


def test_an_unknown_level_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown body level"):
        check("tekst", level="strategic")


def test_a_findings_repr_hides_the_matched_text() -> None:
    finding = check(TEXT, registered_names=REGISTER).findings[1]
    assert "03841150006" not in repr(finding)
    assert "03841150006" not in repr(check(TEXT).findings)


@pytest.mark.parametrize(
    ("start", "end", "matched", "score"),
    [(3, 3, "", 0.5), (-1, 1, "ab", 0.5), (0, 2, "abc", 0.5), (0, 1, "a", 0.0), (0, 1, "a", 1.5)],
)
def test_a_finding_checks_its_span_and_score(
    start: int, end: int, matched: str, score: float
) -> None:
    with pytest.raises(ValueError, match="finding"):
        Finding(kind=Kind.PHONE, start=start, end=end, matched=matched, score=score)


def test_resolve_keeps_the_stronger_of_overlapping_findings_of_one_kind_and_both_of_two_kinds() -> (
    None
):
    weak = Finding(kind=Kind.PHONE, start=0, end=8, matched="41234567", score=0.6)
    strong = Finding(kind=Kind.PHONE, start=0, end=8, matched="41234567", score=0.9)
    other = Finding(kind=Kind.LICENCE_PLATE, start=2, end=6, matched="2345", score=0.4)
    assert resolve([weak, other, strong]) == (strong, other)


def test_admit_passes_clean_text_and_blocks_findings_without_a_reason() -> None:
    assert admit(check("Planen ble vedtatt."), field="summary") is None
    with pytest.raises(PersonalDataFound) as caught:
        admit(check(TEXT, registered_names=REGISTER, level="steering"), field="summary")
    error = caught.value
    assert error.field == "summary"
    assert [f.kind for f in error.findings] == [
        Kind.REGISTERED_NAME,
        Kind.IDENTITY_NUMBER,
        Kind.PHONE,
    ]
    assert error.rule is not None
    assert error.code == "personal-data-found"
    assert "03841150006" not in str(error)
    assert "Kari" not in str(error)


def test_an_override_records_the_reason_and_what_was_overridden_never_the_text() -> None:
    result = check(TEXT, registered_names=REGISTER, level="coordinating")
    override = admit(result, field="summary", reason="  Vedtatt av styret å nevne navnet.  ")
    assert override == Override(
        reason="Vedtatt av styret å nevne navnet.",
        field="summary",
        counts=((Kind.IDENTITY_NUMBER, 1), (Kind.PHONE, 1), (Kind.REGISTERED_NAME, 1)),
        rule=NO_INDIVIDUAL_CASES,
    )
    assert "03841150006" not in repr(override)


@pytest.mark.parametrize("reason", ["", "   ", "x" * (REASON_MAX + 1), "ok\x00"])
def test_an_override_needs_a_non_blank_bounded_plain_reason(reason: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        admit(check(TEXT), field="summary", reason=reason)
    assert caught.value.errors[0].field == "overrideReason"


def test_a_reason_at_the_limit_is_accepted() -> None:
    override = admit(check(TEXT), field="summary", reason="x" * REASON_MAX)
    assert override is not None
    assert len(override.reason) == REASON_MAX


def test_many_overlapping_findings_resolve_to_one_per_span_and_kind() -> None:
    many = [
        Finding(kind=Kind.PHONE, start=i % 50, end=i % 50 + 8, matched="x" * 8, score=0.5)
        for i in range(5000)
    ]
    kept = resolve(many)
    assert all(a.end <= b.start for a, b in itertools.pairwise(kept))
    assert kept[0].start == 0


def test_a_common_first_name_matching_many_registered_names_is_reported_once() -> None:
    register = [f"Kari {surname}" for surname in ("Berg", "Lie", "Moen", "Dahl", "Vik")]
    found = check("Kari kom ikke.", registered_names=register).findings
    assert [(f.matched, f.score) for f in found] == [("Kari", 0.6)]


def test_the_organisation_contexts_level_enum_is_accepted_as_it_is() -> None:
    from domain.organisation.body import Level

    assert check(TEXT, level=Level.STEERING).rule is not None
    assert check(TEXT, level=Level.EXECUTIVE).rule is None
