"""Meetings room on PostgreSQL: tables, one repository module per aggregate, the unit of work."""
