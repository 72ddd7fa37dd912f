"""The GraphQL front door (Strawberry): the same use cases and authorisation as REST."""
