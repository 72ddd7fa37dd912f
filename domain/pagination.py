"""Cursor pagination shared by every list: a ``PageRequest`` in, a ``Page`` out."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.errors import ValidationFailed

T = TypeVar("T")

MAX_LIMIT = 200
DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True, kw_only=True)
class Cursor:
    """Keyset position: the sort key and id of the last row of the previous page."""

    key: str
    id: str

    def encode(self) -> str:
        raw = json.dumps([self.key, self.id], separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            padded = token + "=" * (-len(token) % 4)
            pair = json.loads(base64.urlsafe_b64decode(padded.encode()))
            if not isinstance(pair, list) or len(pair) != 2:
                raise ValueError
            key, id_ = pair
            if not isinstance(key, str) or not isinstance(id_, str):
                raise ValueError
        except (ValueError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
            raise ValidationFailed.single("cursor", "invalid", "The cursor is not valid.") from exc
        return cls(key=key, id=id_)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageRequest:
    limit: int = DEFAULT_LIMIT
    after: Cursor | None = None

    @classmethod
    def of(cls, limit: int | None, cursor: str | None) -> PageRequest:
        lim = DEFAULT_LIMIT if limit is None else limit
        if not 1 <= lim <= MAX_LIMIT:
            raise ValidationFailed.single(
                "limit", "out-of-range", f"The limit must be between 1 and {MAX_LIMIT}."
            )
        return cls(limit=lim, after=Cursor.decode(cursor) if cursor else None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    next_cursor: str | None
