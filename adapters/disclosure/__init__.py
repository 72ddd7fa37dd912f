"""Disclosure adapter room: the TREND-A audit's linear-programming solver (HiGHS via SciPy)."""
