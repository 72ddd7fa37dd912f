"""GraphQL, archive context: messages, a record's archive status and the settings, over the same use cases as REST's /api/archive (extracts travel over REST only: a binary zip)."""
