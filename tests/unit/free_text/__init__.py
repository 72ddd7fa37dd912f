"""Free-text guard tests: the recognisers, the bodies rule, overrides and the corpus gate."""
