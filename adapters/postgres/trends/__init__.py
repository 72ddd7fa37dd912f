"""Trends PostgreSQL room: TREND-A counting, frozen releases, the pull log, district scoping."""
