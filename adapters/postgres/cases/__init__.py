"""Cases context, PostgreSQL adapter: subjects, cases, consents and their event logs, encrypted at rest."""
