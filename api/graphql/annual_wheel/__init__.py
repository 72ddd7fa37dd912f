"""GraphQL front door of the annual-wheel context: templates, the year's wheel, norms, calendar feeds."""
