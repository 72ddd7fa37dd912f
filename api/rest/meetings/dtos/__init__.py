"""REST DTOs of the meetings context, one module per aggregate."""
