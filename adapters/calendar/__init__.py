"""Calendar adapters: the RFC 5545 feed writer (``ics.IcsCalendarWriter``) over the ``icalendar`` package."""

from adapters.calendar.ics import IcsCalendarWriter

__all__ = ["IcsCalendarWriter"]
