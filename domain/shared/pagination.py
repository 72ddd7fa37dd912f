"""Cursor pagination shared by every list: a ``PageRequest`` in, a ``Page`` out."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.shared.errors import ValidationFailed
from domain.shared.validation import storable

T = TypeVar("T")

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
TOKEN_MAX = 4096  # a real cursor (a sort key of at most a name's length and an id) is far shorter


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
            if len(token) > TOKEN_MAX:
                raise ValueError
            padded = token + "=" * (-len(token) % 4)
            pair = json.loads(base64.urlsafe_b64decode(padded.encode()))
            if not isinstance(pair, list) or len(pair) != 2:
                raise ValueError
            key, id_ = pair
            if not isinstance(key, str) or not isinstance(id_, str):
                raise ValueError
            if not (storable(key) and storable(id_)):
                raise ValueError  # no row has such a key: the cursor is forged
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
