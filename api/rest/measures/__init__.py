"""Measures context, REST door: measures, their lifecycle, evaluations, action plans, read models and exports."""
