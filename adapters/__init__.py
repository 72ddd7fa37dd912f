"""Driven adapters: PostgreSQL, identity (OIDC, machine tokens, dev provider), archive, importers."""
