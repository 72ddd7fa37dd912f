"""REST front door of the annual-wheel context: templates, the year's wheel and its tasks, meeting
norms, and the calendar feeds (tokens and the token-only feed itself)."""
