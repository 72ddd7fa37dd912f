"""Typed change objects: only declared fields change, UNSET means not sent, None clears, the version moves on."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from typing import Any

import pytest

from domain.shared.changes import UNSET, Changes, Unset, apply, camel, expect_version
from domain.shared.errors import StaleVersion, ValidationFailed, VersionRequired


@dataclass(frozen=True, slots=True, kw_only=True)
class Thing:
    id: int
    unit_id: int
    name: str
    note: str | None = None
    active: bool = True
    version: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class ThingChanges(Changes):
    name: str | Unset = UNSET
    note: str | Unset | None = UNSET
    active: bool | Unset = UNSET


THING = Thing(id=1, unit_id=7, name="Drammen PPT", note="PPT", version=3)


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


def test_unset_is_falsy_and_reads_as_unset() -> None:
    assert not UNSET
    assert repr(UNSET) == "UNSET"
    assert UNSET is not None


def test_every_field_defaults_to_unset_so_nothing_is_sent() -> None:
    assert ThingChanges().set_fields() == {}
    assert ThingChanges.names() == {"name", "note", "active"}


def test_set_fields_names_what_was_sent_including_a_cleared_field() -> None:
    assert ThingChanges(name="X", note=None).set_fields() == {"name": "X", "note": None}


def test_apply_returns_a_new_entity_with_the_version_bumped() -> None:
    new = apply(THING, ThingChanges(name="PPT Drammen", active=False))
    assert (new.name, new.active, new.note, new.version) == ("PPT Drammen", False, "PPT", 4)
    assert (new.id, new.unit_id) == (THING.id, THING.unit_id)
    assert (THING.name, THING.version) == ("Drammen PPT", 3)  # the original is untouched


def test_apply_none_clears_a_field() -> None:
    assert apply(THING, ThingChanges(note=None)).note is None


def test_apply_no_changes_still_moves_the_version_on() -> None:
    assert apply(THING, ThingChanges()).version == 4


def test_change_objects_are_frozen() -> None:
    changes = ThingChanges(name="X")
    with pytest.raises(dataclasses.FrozenInstanceError):
        changes.name = "Y"  # type: ignore[misc]


def test_from_mapping_builds_the_typed_object() -> None:
    assert ThingChanges.from_mapping({"name": "X", "note": None}) == ThingChanges(
        name="X", note=None
    )
    assert ThingChanges.from_mapping({}) == ThingChanges()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"id": 2}, "id"),
        ({"unit_id": 2}, "unitId"),
        ({"version": 99}, "version"),
        ({"no_such_field": 1}, "noSuchField"),
        ({"name": "ok", "unit_id": 2}, "unitId"),
    ],
)
def test_read_only_and_unknown_fields_are_refused(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationFailed) as exc:
        ThingChanges.from_mapping(changes)
    assert [(e.field, e.code) for e in exc.value.errors] == [(field, "read-only")]


def test_trimmed_normalises_text_as_creates_do() -> None:
    trimmed = ThingChanges(name="  Ny  ", note="   ", active=False).trimmed()
    assert trimmed == ThingChanges(name="Ny", note=None, active=False)
    # A blank name stays blank, so that validation names it as required.
    assert ThingChanges(name="  ").trimmed() == ThingChanges(name="")
    assert ThingChanges().trimmed() == ThingChanges()


def test_trimmed_keeps_enum_members_as_members() -> None:
    class Level(enum.StrEnum):
        STEERING = "steering"

    @dataclass(frozen=True, slots=True, kw_only=True)
    class LevelChanges(Changes):
        level: Level | Unset = UNSET

    kept = LevelChanges(level=Level.STEERING).trimmed().level
    assert kept is Level.STEERING  # a plain "steering" str would have lost ``.value``


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
