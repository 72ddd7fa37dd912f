"""GraphQL, organisation context: the domain's enums under their schema names."""

from __future__ import annotations

import strawberry

from domain.organisation import model as m
from domain.shared.principal import BodyRole as DBodyRole

Level = strawberry.enum(m.Level, name="Level")
OrganisationKind = strawberry.enum(m.OrganisationType, name="OrganisationType")
UnitKind = strawberry.enum(m.UnitKind, name="UnitKind")
BodyRole = strawberry.enum(DBodyRole, name="BodyRole")
