"""Annual-wheel domain room: the limits every door and form shares, declared once."""

from __future__ import annotations

TITLE_MAX = 200
TEXT_MAX = 4000
TEMPLATES_MAX = 200  # per unit: a wheel with more entries than that is no longer an overview
YEAR_MIN = 2000
YEAR_MAX = 2100
