"""The core of Samordna: entities, value objects, policies, use cases and ports. Pure Python."""
