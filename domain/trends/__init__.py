"""Trends domain room: TREND-A anonymised trend summaries (PRIVACY.md § 3), pure."""
