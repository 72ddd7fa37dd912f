"""REST DTOs of the annual-wheel context, one module per aggregate (named like its routes module)."""
