"""Who is asking: the ``Principal`` the domain sees, whatever door (browser session, machine token) they came in by."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from uuid import UUID


class Role(enum.StrEnum):
    """Unit-wide roles of a person (body roles come from memberships, see ``BodyRole``)."""

    UNIT_ADMIN = "unit_admin"
    COORDINATOR = "coordinator"
    POLICE_CONTACT = "police_contact"
    STEERING_READER = "steering_reader"


class BodyRole(enum.StrEnum):
    """A person's role in one body (leder, vara, sekretær, medlem, observatør)."""

    CHAIR = "chair"
    DEPUTY = "deputy"
    SECRETARY = "secretary"
    MEMBER = "member"
    OBSERVER = "observer"


class Scope(enum.StrEnum):
    """Machine scopes granted by the machine identity provider (Maskinporten-style)."""

    TRENDS_READ = "samordna:trends.read"
    IMPORT_WRITE = "samordna:import.write"
    ARCHIVE_READ = "samordna:archive.read"
    ORGANISATION_READ = "samordna:organisation.read"


class PrincipalKind(enum.StrEnum):
    PERSON = "person"
    MACHINE = "machine"


@dataclass(frozen=True, slots=True, kw_only=True)
class Principal:
    """An authenticated caller bound to exactly one SLT unit.

    ``subject_key`` is a keyed hash of the person's national identity number (never the number
    itself) or, for machines, the consumer's organisation identifier (``0192:<orgnr>``).
    """

    kind: PrincipalKind
    subject_key: str
    unit_id: UUID
    display_name: str
    unit_name: str = ""
    roles: frozenset[Role] = frozenset()
    body_roles: dict[UUID, BodyRole] = field(default_factory=dict)
    scopes: frozenset[str] = frozenset()
    assurance: str | None = None
    person_id: UUID | None = None
    client_id: str | None = None
    supplier: str | None = None

    @property
    def is_person(self) -> bool:
        return self.kind is PrincipalKind.PERSON

    @property
    def is_machine(self) -> bool:
        return self.kind is PrincipalKind.MACHINE

    def has_role(self, *roles: Role) -> bool:
        return self.is_person and any(r in self.roles for r in roles)

    def has_scope(self, scope: Scope | str) -> bool:
        return self.is_machine and str(scope) in self.scopes
