"""REST cases room: the context's DTOs, one module per aggregate."""
