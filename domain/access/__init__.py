"""Access administration: who may act in a unit (accounts with roles, machine clients) and its change log."""
