"""GraphQL, knowledge context: indicators, areas, observations, the picture and import jobs over
the same use cases as REST. Uploading a file stays REST-only (multipart: POST /api/imports)."""
