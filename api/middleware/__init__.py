"""ASGI middleware of the app: plain ASGI callables, each one concern."""
