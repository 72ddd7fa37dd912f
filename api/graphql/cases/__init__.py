"""GraphQL, cases context: the confidential core's door (every read through the cases' use cases)."""
