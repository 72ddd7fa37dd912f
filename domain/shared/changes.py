"""Applying a partial update to a frozen entity: only named fields may change, and the version moves on."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar

from domain.shared.errors import StaleVersion, ValidationFailed, VersionRequired
from domain.shared.validation import (
    camel as camel,  # re-exported: the front doors name fields with it
)


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


V = TypeVar("V", bound=Versioned)


def expect_version(current: int, expected: int | None) -> int:
    """Optimistic concurrency: an update must name the version it read, and it must still be current."""
    if expected is None:
        raise VersionRequired("Send the version you read (If-Match) with every change.")
    if expected != current:
        raise StaleVersion(
            f"You changed version {expected}, but version {current} is stored. Reload and try again."
        )
    return expected


def apply_changes(entity: V, changes: Mapping[str, Any], allowed: frozenset[str]) -> V:
    """Return a copy with ``changes`` applied and the version bumped; unknown fields are refused."""
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValidationFailed.single(
            camel(unknown[0]), "read-only", "This field cannot be changed."
        )
    return dataclasses.replace(entity, **changes, version=entity.version + 1)  # type: ignore[type-var]
