"""Unit tests of the annual-wheel context (templates, generation, the circle, meeting norms)."""
