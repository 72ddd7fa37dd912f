"""Meetings room: agenda items on PostgreSQL. Positions are unique per meeting by a deferred
constraint (checked at commit), so a reorder may update the items one by one."""

from __future__ import annotations

from adapters.postgres.meetings import mapping
from adapters.postgres.meetings.base import MeetingsRepository
from adapters.postgres.meetings.tables import AGENDA_ITEM
from adapters.postgres.organisation.base import Statements
from domain.meetings.agenda_item import AgendaItem


class PgAgendaRepository(MeetingsRepository[AgendaItem]):
    writes = Statements(AGENDA_ITEM)
    name = "agenda_item"
    columns = mapping.AGENDA_COLUMNS
    noun = "agenda item"
    order = "agenda_item.position, agenda_item.id"
    to_domain = staticmethod(mapping.agenda_item)
