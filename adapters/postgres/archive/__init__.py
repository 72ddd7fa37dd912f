"""Archive delivery room (PostgreSQL): the outbox the record triggers fill, the per-unit archive
settings, the cross-unit claim, the record source that reads finished records and renders their
documents, and the archive's unit of work (migration 0013)."""
