"""REST measures room: the context's DTOs, one module per aggregate."""
