"""REST DTOs of the organisation context, one module per aggregate (named like its routes module)."""
