"""GraphQL trends room: TREND-A catalogue, published tables, releases and releasing a period."""
