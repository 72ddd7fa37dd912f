"""GraphQL, agreements context: agreements with their derived status and document metadata (the document itself travels over REST)."""
