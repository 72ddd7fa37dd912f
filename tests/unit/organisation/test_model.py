"""The entities' own rules: ``check()`` of units, establishments and organisations."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import uuid4

import pytest

from domain.organisation.model import (
    NAME_MAX,
    Establishment,
    Organisation,
    OrganisationType,
    SltUnit,
    UnitKind,
)
from domain.shared.errors import ValidationFailed

TODAY = date(2025, 3, 14)
UNIT = uuid4()


def codes(exc: pytest.ExceptionInfo[ValidationFailed]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in exc.value.errors}


def failing(entity: Any, *args: Any) -> set[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as exc:
        entity.check(*args)
    return codes(exc)


def slt_unit(**kw: Any) -> SltUnit:
    base: dict[str, Any] = {
        "id": uuid4(),
        "name": "SLT Drammen",
        "kind": UnitKind.MUNICIPALITY,
        "municipality_numbers": ("3301",),
        "police_district": "sor-ost",
    }
    return SltUnit(**(base | kw))


# -- SLT unit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        slt_unit(),
        slt_unit(
            kind=UnitKind.INTER_MUNICIPAL,
            municipality_numbers=("4640", "4644"),
            police_district="vest",
        ),
        slt_unit(
            kind=UnitKind.OSLO_DISTRICT,
            municipality_numbers=("0301",),
            oslo_district_number="030102",
            police_district="oslo",
        ),
        slt_unit(language="nn"),
    ],
    ids=["municipality", "inter-municipal", "oslo-district", "nynorsk"],
)
def test_valid_units_pass(unit: SltUnit) -> None:
    unit.check()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": ""}, ("name", "required")),
        ({"name": "   "}, ("name", "required")),
        ({"name": "x" * (NAME_MAX + 1)}, ("name", "too-long")),
        ({"municipality_numbers": ()}, ("municipalityNumbers", "required")),
        ({"municipality_numbers": ("3301", "3201")}, ("municipalityNumbers", "too-many")),
        (
            {"kind": UnitKind.INTER_MUNICIPAL, "municipality_numbers": ("4640",)},
            ("municipalityNumbers", "too-few"),
        ),
        (
            {"kind": UnitKind.INTER_MUNICIPAL, "municipality_numbers": ("4640", "4640")},
            ("municipalityNumbers", "duplicate"),
        ),
        (
            {
                "kind": UnitKind.OSLO_DISTRICT,
                "municipality_numbers": ("3201",),
                "oslo_district_number": "030101",
            },
            ("municipalityNumbers", "oslo-only"),
        ),
        (
            {
                "kind": UnitKind.OSLO_DISTRICT,
                "municipality_numbers": ("0301", "3201"),
                "oslo_district_number": "030101",
            },
            ("municipalityNumbers", "oslo-only"),
        ),
        (
            {"kind": UnitKind.OSLO_DISTRICT, "municipality_numbers": ("0301",)},
            ("osloDistrictNumber", "required"),
        ),
        ({"oslo_district_number": "030101"}, ("osloDistrictNumber", "not-allowed")),
        (
            {
                "kind": UnitKind.INTER_MUNICIPAL,
                "municipality_numbers": ("4640", "4644"),
                "oslo_district_number": "030101",
            },
            ("osloDistrictNumber", "not-allowed"),
        ),
        ({"language": "en"}, ("language", "invalid")),
    ],
)
def test_unit_rules(changes: dict[str, Any], expected: tuple[str, str]) -> None:
    assert expected in failing(slt_unit(**changes))


def test_inter_municipal_with_three_municipalities_passes() -> None:
    slt_unit(kind=UnitKind.INTER_MUNICIPAL, municipality_numbers=("4640", "4644", "3301")).check()


def test_unit_reports_every_broken_rule_at_once() -> None:
    found = failing(
        slt_unit(name="", kind=UnitKind.OSLO_DISTRICT, municipality_numbers=(), language="de")
    )
    assert found == {
        ("name", "required"),
        ("municipalityNumbers", "required"),
        ("municipalityNumbers", "oslo-only"),
        ("osloDistrictNumber", "required"),
        ("language", "invalid"),
    }


# -- establishment -----------------------------------------------------------------------------


def test_empty_establishment_is_valid_but_not_established() -> None:
    est = Establishment(unit_id=UNIT)
    est.check(TODAY)
    assert not est.is_established


def test_established_needs_both_decision_and_police_confirmation() -> None:
    only_decision = Establishment(unit_id=UNIT, municipal_decision_date=TODAY)
    assert not only_decision.is_established
    only_police = Establishment(unit_id=UNIT, police_confirmation_date=TODAY)
    assert not only_police.is_established
    both = dataclasses.replace(only_decision, police_confirmation_date=TODAY)
    assert both.is_established


@pytest.mark.parametrize("fte", [Decimal("0.01"), Decimal("0.5"), Decimal("1")])
def test_coordinator_fte_in_range_passes(fte: Decimal) -> None:
    Establishment(unit_id=UNIT, coordinator_person_id=uuid4(), coordinator_fte=fte).check(TODAY)


@pytest.mark.parametrize("fte", [Decimal("0"), Decimal("-0.5"), Decimal("1.01"), Decimal("2")])
def test_coordinator_fte_out_of_range_fails(fte: Decimal) -> None:
    est = Establishment(unit_id=UNIT, coordinator_person_id=uuid4(), coordinator_fte=fte)
    assert failing(est, TODAY) == {("coordinatorFte", "out-of-range")}


def test_coordinator_fte_needs_a_coordinator() -> None:
    est = Establishment(unit_id=UNIT, coordinator_fte=Decimal("0.5"))
    assert failing(est, TODAY) == {("coordinatorFte", "without-coordinator")}


@pytest.mark.parametrize("field", ["municipal_decision_date", "police_confirmation_date"])
def test_establishment_dates_cannot_be_in_the_future(field: str) -> None:
    camel = {
        "municipal_decision_date": "municipalDecisionDate",
        "police_confirmation_date": "policeConfirmationDate",
    }[field]
    today: dict[str, Any] = {field: TODAY}
    Establishment(unit_id=UNIT, **today).check(TODAY)
    later: dict[str, Any] = {field: TODAY + timedelta(days=1)}
    tomorrow = Establishment(unit_id=UNIT, **later)
    assert failing(tomorrow, TODAY) == {(camel, "in-future")}


@pytest.mark.parametrize(
    ("field", "camel"),
    [
        ("municipal_decision_ref", "municipalDecisionRef"),
        ("police_confirmation_ref", "policeConfirmationRef"),
    ],
)
def test_establishment_references_at_most_100_characters(field: str, camel: str) -> None:
    fits: dict[str, Any] = {field: "x" * 100}
    Establishment(unit_id=UNIT, **fits).check(TODAY)
    too_long: dict[str, Any] = {field: "x" * 101}
    assert failing(Establishment(unit_id=UNIT, **too_long), TODAY) == {(camel, "too-long")}


# -- organisation ------------------------------------------------------------------------------


def test_organisation_rules() -> None:
    ok = Organisation(
        id=uuid4(),
        unit_id=UNIT,
        name="Drammen barnevern",
        type=OrganisationType.CHILD_WELFARE,
        organisation_number="974760673",
    )
    ok.check()
    assert failing(dataclasses.replace(ok, name=" ")) == {("name", "required")}
    assert failing(dataclasses.replace(ok, name="x" * (NAME_MAX + 1))) == {("name", "too-long")}
    assert failing(dataclasses.replace(ok, organisation_number="974760674")) == {
        ("organisationNumber", "org-number-invalid")
    }
    dataclasses.replace(ok, organisation_number=None).check()
