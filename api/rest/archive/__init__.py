"""REST archive room: the unit's archive delivery — messages, retries, record status, settings, extracts."""
