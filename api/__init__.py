"""Driving adapters: the app factory and composition root, REST, GraphQL and the CLI."""
