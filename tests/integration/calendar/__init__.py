"""Integration tests of the calendar adapter: feeds written and parsed back with ``icalendar``."""
