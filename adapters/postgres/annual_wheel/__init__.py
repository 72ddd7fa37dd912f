"""Annual-wheel room on PostgreSQL: tables, templates, tasks, meeting dates, feed tokens, the unit of work."""
