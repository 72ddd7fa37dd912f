"""REST knowledge room: the context's DTOs (camelCase on the wire, ``from_domain`` by default)."""
