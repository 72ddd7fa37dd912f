"""Knowledge PostgreSQL room: the knowledge context's repositories, unit of work and the bulk import pipeline."""
