"""Agreements room: the agreements context on PostgreSQL (tables, repositories, the document store, the unit of work)."""
