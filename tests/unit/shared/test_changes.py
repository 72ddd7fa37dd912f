"""Partial updates of frozen entities: version required and current, read-only fields refused, version bumped."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.organisation.model import Organisation, OrganisationType
from domain.shared.changes import apply_changes, camel, expect_version
from domain.shared.errors import StaleVersion, ValidationFailed, VersionRequired

ORG = Organisation(
    id=uuid4(),
    unit_id=uuid4(),
    name="Drammen PPT",
    type=OrganisationType.EDUCATIONAL_PSYCHOLOGICAL_SERVICE,
    version=3,
)
ALLOWED = frozenset({"name", "active", "organisation_number"})


def test_expect_version_requires_a_version() -> None:
    with pytest.raises(VersionRequired) as exc:
        expect_version(3, None)
    assert exc.value.code == "version-required"


@pytest.mark.parametrize("sent", [0, 2, 4])
def test_expect_version_refuses_a_stale_or_future_version(sent: int) -> None:
    with pytest.raises(StaleVersion) as exc:
        expect_version(3, sent)
    assert str(sent) in exc.value.detail
    assert "3" in exc.value.detail


def test_expect_version_returns_the_matching_version() -> None:
    assert expect_version(3, 3) == 3


def test_apply_changes_returns_a_new_entity_with_the_version_bumped() -> None:
    new = apply_changes(ORG, {"name": "PPT Drammen", "active": False}, ALLOWED)
    assert (new.name, new.active, new.version) == ("PPT Drammen", False, 4)
    assert (new.id, new.unit_id, new.type) == (ORG.id, ORG.unit_id, ORG.type)
    assert (ORG.name, ORG.version) == ("Drammen PPT", 3)  # the original is untouched


def test_apply_no_changes_still_moves_the_version_on() -> None:
    assert apply_changes(ORG, {}, ALLOWED).version == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": uuid4()}, "id"),
        ({"unit_id": uuid4()}, "unitId"),
        ({"version": 99}, "version"),
        ({"type": OrganisationType.NAV}, "type"),
        ({"no_such_field": 1}, "noSuchField"),
        ({"name": "ok", "unit_id": uuid4()}, "unitId"),
    ],
)
def test_read_only_and_unknown_fields_are_refused(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        apply_changes(ORG, changes, ALLOWED)
    assert [(e.field, e.code) for e in exc.value.errors] == [(field, "read-only")]


@pytest.mark.parametrize(
    ("snake", "expected"),
    [
        ("name", "name"),
        ("organisation_id", "organisationId"),
        ("police_contact_person_id", "policeContactPersonId"),
        ("meeting_norm_per_year", "meetingNormPerYear"),
    ],
)
def test_camel(snake: str, expected: str) -> None:
    assert camel(snake) == expected
