"""The REST front door (FastAPI): routes, DTOs, problem+json errors."""
