"""The session look-up's rows (``sessions.py``): an asyncpg record read as the person's account.

What is parsed from text (the roles, the body roles' JSON) depends on nothing but that text, so
each distinct text is parsed once and kept (a bounded table); the session itself is read and
checked on every request."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from domain.shared.identity import PersonAccount
from domain.shared.principal import BodyRole, Role

# Distinct role lists and body-role texts are few (one per person and unit); the bound only
# keeps a pathological stream of them from growing the tables without end.
PARSED_MAX = 4096
_ROLES: dict[tuple[str, ...], frozenset[Role]] = {}
_BODY_ROLES: dict[str, tuple[tuple[UUID, BodyRole], ...]] = {}


def _roles(raw: list[str] | None) -> frozenset[Role]:
    key = tuple(raw or ())
    roles = _ROLES.get(key)
    if roles is None:
        roles = frozenset(Role(r) for r in key if r in Role._value2member_map_)
        if len(_ROLES) >= PARSED_MAX:
            _ROLES.clear()
        _ROLES[key] = roles
    return roles


def _body_roles(raw: str | None) -> dict[UUID, BodyRole]:
    """``{body id: role}`` from the function's ``body_roles`` JSON (sent as text)."""
    key = raw or "{}"
    pairs = _BODY_ROLES.get(key)
    if pairs is None:
        pairs = tuple((UUID(k), BodyRole(v)) for k, v in json.loads(key).items())
        if len(_BODY_ROLES) >= PARSED_MAX:
            _BODY_ROLES.clear()
        _BODY_ROLES[key] = pairs
    return dict(pairs)  # a dict of its own: the caller may keep it


def account(record: Any) -> PersonAccount:
    """A row of the session look-up with an account (``account_unit_id`` set)."""
    return PersonAccount(
        unit_id=record["account_unit_id"],
        unit_name=record["unit_name"],
        roles=_roles(record["roles"]),
        person_id=record["person_id"],
        display_name=record["display_name"] or "",
        body_roles=_body_roles(record["body_roles"]),
    )
