"""Measures context, PostgreSQL adapter: measures, stage history, progress notes, evaluations, plans, settings."""
