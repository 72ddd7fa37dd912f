"""Who may administer access, and the rule that a unit never loses its last unit admin."""

from __future__ import annotations

from domain.shared.principal import Principal, Role


def can_administer_access(p: Principal) -> bool:
    """Only a unit admin grants and revokes access and registers machine clients."""
    return p.has_role(Role.UNIT_ADMIN)


def keeps_an_admin(admins_before: int, removes_admin: bool) -> bool:
    """A change that takes the admin role from someone must leave at least one admin behind.

    Only an admin administers, so a unit with one admin loses it only when that admin removes
    their own role or account: the refusal the issue asks for."""
    return not removes_admin or admins_before > 1
