"""Shared kernel room: partial updates of frozen entities as typed change objects.

A change object is a frozen dataclass (a subclass of ``Changes``) whose every field defaults to
``UNSET``: a field left ``UNSET`` is not changed, ``None`` clears it. Its fields are the only
ones an update may touch, so no allowlist is kept by hand; ``from_mapping`` refuses any other
name with the ``read-only`` field error the front doors have always answered.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from typing import Any, Final, Protocol, Self, TypeVar

from domain.shared.errors import StaleVersion, ValidationFailed, VersionRequired
from domain.shared.validation import (
    camel as camel,  # re-exported: the front doors name fields with it
)


class Unset(enum.Enum):
    """Not sent (as opposed to ``None``, sent to clear a field)."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = Unset.UNSET


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


def refuse_read_only(name: str) -> ValidationFailed:
    return ValidationFailed.single(camel(name), "read-only", "This field cannot be changed.")


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """Base of the typed change objects; subclasses declare the changeable fields, all ``UNSET``."""

    @classmethod
    def names(cls) -> frozenset[str]:
        return frozenset(f.name for f in dataclasses.fields(cls))

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> Self:
        """The change a front door received (snake_case names, only what was sent); a name that
        is not changeable is refused as ``read-only`` (camelCase, as both doors spell fields)."""
        unknown = sorted(set(mapping) - cls.names())
        if unknown:
            raise refuse_read_only(unknown[0])
        return cls(**mapping)

    def set_fields(self) -> dict[str, Any]:
        """The fields that were sent, by name."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if getattr(self, f.name) is not UNSET
        }

    def trimmed(self) -> Self:
        """Text normalised as creates do: trimmed, and blank optional text becomes None (a blank
        name stays blank so that validation names it as required)."""
        out: dict[str, Any] = {}
        for name, value in self.set_fields().items():
            # A StrEnum is a str too, but ``strip`` would hand back a plain str (and lose ``.value``).
            if isinstance(value, str) and not isinstance(value, enum.Enum):
                value = value.strip()
                if not value and name != "name":
                    value = None
            out[name] = value
        return dataclasses.replace(self, **out)


def apply(entity: V, changes: Changes) -> V:
    """A copy of ``entity`` with the sent fields changed and the version moved on."""
    return dataclasses.replace(  # type: ignore[type-var]
        entity, **changes.set_fields(), version=entity.version + 1
    )
