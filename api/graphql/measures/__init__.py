"""Measures context, GraphQL door: measures, their lifecycle, evaluations and action plans."""
