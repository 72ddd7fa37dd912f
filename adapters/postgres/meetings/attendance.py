"""Meetings room: attendance on PostgreSQL, one row per person and meeting (``uq_attendance_person``)."""

from __future__ import annotations

from adapters.postgres.meetings import mapping
from adapters.postgres.meetings.base import MeetingsRepository
from adapters.postgres.meetings.tables import ATTENDANCE
from adapters.postgres.organisation.base import Statements
from domain.meetings.attendance import Attendance


class PgAttendanceRepository(MeetingsRepository[Attendance]):
    writes = Statements(ATTENDANCE)
    name = "attendance"
    columns = mapping.ATTENDANCE_COLUMNS
    noun = "attendance"
    order = "attendance.created_at, attendance.id"
    to_domain = staticmethod(mapping.attendance)
