"""Measures context (tiltak): prevention measures through their lifecycle, the action plans they
serve, and their evaluations (DOMAIN.md "Measure lifecycle"; handbook §§ 1, 3.3, 4.2, 4.3).

Builds on organisation (owners, responsible organisations) and reads decisions of the meetings
context through its own narrow port (``DecisionRegister``), never through meetings' code."""
