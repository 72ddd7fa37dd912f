"""PostgreSQL adapter: SQLModel tables, repositories, unit of work, migrations, the embedded server."""
